using System.Data.Common;
using Casefile.Data;

namespace Casefile.Bench.Generation;

/// <summary>
/// A table's secondary indexes (and, on SQLite, its triggers) taken off for a bulk load and put
/// back after it: building an index once from the loaded rows is a sort, where keeping it up to
/// date row by row is a B-tree insert per row per index. On SQLite the record search's FTS5 index
/// is rebuilt in one pass rather than fed by its insert trigger a row at a time.
/// </summary>
/// <remarks>
/// What is put back is what the database itself held (<c>sqlite_master</c>, <c>pg_indexes</c>),
/// so the migrations stay the one definition. Primary keys and constraints' own indexes stay.
/// The application's tables end exactly as the migrations made them; <c>CheckAsync</c> and the
/// benchmark's reads then run on them.
/// </remarks>
public sealed class SuspendedIndexes
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly DatabaseProvider _provider;
    private readonly List<(string Table, string Sql)> _dropped = [];
    private readonly HashSet<string> _tables = new(StringComparer.Ordinal);

    public SuspendedIndexes(DbConnection connection, DbTransaction? transaction, DatabaseProvider provider)
    {
        _connection = connection;
        _transaction = transaction;
        _provider = provider;
    }

    /// <summary>Takes the table's secondary indexes off, once per table.</summary>
    public async Task SuspendAsync(string table, CancellationToken ct)
    {
        if (!_tables.Add(table)) return;
        var found = new List<(string Kind, string Name, string Sql)>();
        await using (var query = Command(_provider == DatabaseProvider.Sqlite
            ? "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = @t AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type"
            : """
              SELECT 'index', indexname, indexdef FROM pg_indexes
              WHERE schemaname = current_schema() AND tablename = @t
                AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(quote_ident(@t)))
              """))
        {
            var p = query.CreateParameter();
            p.ParameterName = "@t";
            p.Value = table;
            query.Parameters.Add(p);
            await using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (kind, name, sql) in found)
        {
            await using var drop = Command($"DROP {(kind == "trigger" ? "TRIGGER" : "INDEX")} \"{name}\"");
            await drop.ExecuteNonQueryAsync(ct);
            _dropped.Add((table, sql));
        }
    }

    /// <summary>Puts every index and trigger back, then rebuilds any FTS5 index over a loaded table.</summary>
    public async Task RestoreAsync(CancellationToken ct)
    {
        if (_provider == DatabaseProvider.Postgres)
        {
            await using var memory = Command("SET maintenance_work_mem = '1GB'");
            await memory.ExecuteNonQueryAsync(ct);
        }
        foreach (var (_, sql) in _dropped)
        {
            await using var create = Command(sql);
            create.CommandTimeout = 0;
            await create.ExecuteNonQueryAsync(ct);
        }
        if (_provider != DatabaseProvider.Sqlite) return;
        foreach (var table in _tables)
        {
            var searchTables = new List<string>();
            await using (var query = Command("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND sql LIKE @content"))
            {
                var p = query.CreateParameter();
                p.ParameterName = "@content";
                p.Value = $"%content='{table}'%";
                query.Parameters.Add(p);
                await using var reader = await query.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) searchTables.Add(reader.GetString(0));
            }
            foreach (var search in searchTables)
            {
                await using var rebuild = Command($"INSERT INTO \"{search}\"(\"{search}\") VALUES ('rebuild')");
                rebuild.CommandTimeout = 0;
                await rebuild.ExecuteNonQueryAsync(ct);
            }
        }
        _dropped.Clear();
        _tables.Clear();
    }

    private DbCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }
}
