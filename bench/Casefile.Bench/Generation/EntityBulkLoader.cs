using Casefile.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Casefile.Bench.Generation;

/// <summary>
/// Writes the application's own entities (built with the domain's constructors and methods)
/// straight into their tables, far faster than <c>SaveChanges</c>. The columns and each value's
/// stored form come from EF Core's model for the provider, not from a hand-kept list: the
/// table and column names, the complex properties' columns, and every value converter (enums
/// as names, <see cref="DateTimeOffset"/> as UTC ticks on SQLite, the present-people JSON). On
/// SQLite each parameter is made by the column's own EF type mapping (GUIDs as upper-case text,
/// <see cref="DateOnly"/> as yyyy-MM-dd); one transaction, one prepared INSERT per table. On
/// PostgreSQL, binary COPY. Keys the database generates (the chronology's ids) are left to it.
/// </summary>
public abstract class EntityBulkLoader : IAsyncDisposable
{
    private readonly IModel _model;

    private EntityBulkLoader(IModel model) => _model = model;

    public static async Task<EntityBulkLoader> OpenAsync(BenchDatabase database, CancellationToken ct)
    {
        // The model as the application builds it for this provider (its conventions differ by provider).
        await using var db = database.NewContext();
        var model = db.Model;
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => await SqliteLoader.OpenAsync(model, database.Settings.ConnectionString, ct),
            DatabaseProvider.Postgres => await PostgresLoader.OpenAsync(model, database.Settings.ConnectionString, ct),
            _ => throw new InvalidOperationException($"Unknown provider {database.Provider}."),
        };
    }

    /// <summary>Writes the rows of one entity type, in the order given. Write tables in foreign-key order.</summary>
    public abstract Task WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct) where T : class;

    /// <summary>Commits and leaves the tables as a live system would have them (checkpointed; vacuumed and analysed).</summary>
    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>One column of a table: its name, EF's type mapping for it, and how to read its stored value from an entity.</summary>
    protected sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Read);

    protected (string Table, IReadOnlyList<Column> Columns) Describe(Type clrType)
    {
        var entityType = _model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{clrType.Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long)) continue;
            if (property.IsShadowProperty()) throw new InvalidOperationException($"{clrType.Name}.{property.Name} is a shadow property: its value cannot be read from the entity.");
            var getter = property.GetGetter();
            columns.Add(Make(property, store, e => getter.GetClrValue(e)));
        }
        foreach (var complex in entityType.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var getter = property.GetGetter();
                columns.Add(Make(property, store, e => getter.GetClrValueUsingContainingEntity(e)));
            }
        }
        return (table, columns);

        static Column Make(IProperty property, StoreObjectIdentifier store, Func<object, object?> read)
        {
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var converter = mapping.Converter;
            var name = property.GetColumnName(store) ?? throw new InvalidOperationException($"{property.Name} has no column.");
            return new Column(name, mapping, e => read(e) is { } value ? converter is null ? value : converter.ConvertToProvider(value) : null);
        }
    }

    private static string Quote(string name) => $"\"{name}\"";

    private sealed class SqliteLoader : EntityBulkLoader
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;

        private readonly SuspendedIndexes _indexes;

        private SqliteLoader(IModel model, SqliteConnection connection) : base(model)
        {
            _connection = connection;
            _transaction = connection.BeginTransaction();
            _indexes = new SuspendedIndexes(connection, _transaction, DatabaseProvider.Sqlite);
        }

        public static async Task<EntityBulkLoader> OpenAsync(IModel model, string connectionString, CancellationToken ct)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            // A large page cache for the load alone, so the indexes are not written out page by page.
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA cache_size = -1048576;";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            return new SqliteLoader(model, connection);
        }

        public override async Task WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct)
        {
            var (table, columns) = Describe(typeof(T));
            await _indexes.SuspendAsync(table, ct);
            await using var insert = _connection.CreateCommand();
            insert.Transaction = _transaction;
            insert.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            // Each parameter as EF Core makes it for the column, so it is bound as EF binds it.
            var parameters = columns.Select((c, i) =>
            {
                var p = c.Mapping.CreateParameter(insert, $"$p{i}", null, nullable: true);
                insert.Parameters.Add(p);
                return p;
            }).ToArray();
            insert.Prepare();
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < columns.Count; i++) parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }
        }

        public override async Task CompleteAsync(CancellationToken ct)
        {
            await _indexes.RestoreAsync(ct);
            await _transaction.CommitAsync(ct);
            // A live database is checkpointed as it goes: read the tables from the database file, not the write-ahead log.
            await using var truncate = _connection.CreateCommand();
            truncate.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await truncate.ExecuteNonQueryAsync(ct);
        }

        public override async ValueTask DisposeAsync()
        {
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }

    private sealed class PostgresLoader : EntityBulkLoader
    {
        private readonly NpgsqlConnection _connection;
        private readonly List<string> _tables = [];
        private readonly SuspendedIndexes _indexes;

        private PostgresLoader(IModel model, NpgsqlConnection connection) : base(model)
        {
            _connection = connection;
            _indexes = new SuspendedIndexes(connection, null, DatabaseProvider.Postgres);
        }

        public static async Task<EntityBulkLoader> OpenAsync(IModel model, string connectionString, CancellationToken ct)
        {
            // No time limit: COPY's end waits while the server fills generated columns and checks every row.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
            await connection.OpenAsync(ct);
            return new PostgresLoader(model, connection);
        }

        public override async Task WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct)
        {
            var (table, columns) = Describe(typeof(T));
            _tables.Add(table);
            await _indexes.SuspendAsync(table, ct);
            await using var copy = await _connection.BeginBinaryImportAsync(
                $"COPY {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                foreach (var column in columns) await WriteAsync(copy, column.Read(row), ct);
            }
            await copy.CompleteAsync(ct);
        }

        /// <summary>Each stored value in PostgreSQL's binary form for its column type (text and varchar share one).</summary>
        private static Task WriteAsync(NpgsqlBinaryImporter copy, object? value, CancellationToken ct) => value switch
        {
            null => copy.WriteNullAsync(ct),
            string s => copy.WriteAsync(s, NpgsqlDbType.Text, ct),
            Guid g => copy.WriteAsync(g, NpgsqlDbType.Uuid, ct),
            DateTimeOffset d => copy.WriteAsync(d, NpgsqlDbType.TimestampTz, ct),
            DateOnly d => copy.WriteAsync(d, NpgsqlDbType.Date, ct),
            bool b => copy.WriteAsync(b, NpgsqlDbType.Boolean, ct),
            int i => copy.WriteAsync(i, NpgsqlDbType.Integer, ct),
            long l => copy.WriteAsync(l, NpgsqlDbType.Bigint, ct),
            _ => throw new NotSupportedException($"No COPY mapping for {value.GetType().Name}."),
        };

        public override async Task CompleteAsync(CancellationToken ct)
        {
            await _indexes.RestoreAsync(ct);
            // A live table has been vacuumed by autovacuum: hint bits set and statistics current.
            await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {string.Join(", ", _tables.Distinct().Select(Quote))}", _connection);
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(ct);
        }

        public override async ValueTask DisposeAsync() => await _connection.DisposeAsync();
    }
}

