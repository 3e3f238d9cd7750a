using System.Data;
using Casefile.Data;
using Casefile.Data.Audit;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Casefile.Bench.Generation;

/// <summary>
/// Writes chained audit events straight into the tables, far faster than through EF Core, in the
/// representation EF Core itself uses on each provider (so the application reads them as its own):
/// on SQLite, times as UTC ticks and GUIDs as upper-case text; on PostgreSQL, timestamptz and uuid.
/// SQLite: one transaction and one prepared INSERT. PostgreSQL: binary COPY.
/// </summary>
public abstract class AuditBulkLoader : IAsyncDisposable
{
    private const string EventColumns = "\"Id\", \"PreviousHash\", \"Hash\", \"ReasonHash\", \"OccurredAt\", \"UserId\", \"UserName\", " +
        "\"Action\", \"RecordType\", \"RecordId\", \"CaseFileId\", \"PersonId\", \"Outcome\", \"Reason\", \"Channel\"";

    private const string CheckpointColumns = "\"Sequence\", \"Hash\", \"CreatedAt\", \"Signature\"";

    private const string MoveHead = "UPDATE \"AuditChainHead\" SET \"LastSequence\" = @sequence, \"LastHash\" = @hash WHERE \"Id\" = 1";

    public static async Task<AuditBulkLoader> OpenAsync(BenchDatabase database, CancellationToken ct) => database.Provider switch
    {
        DatabaseProvider.Sqlite => await SqliteLoader.OpenAsync(database.Settings.ConnectionString, ct),
        DatabaseProvider.Postgres => await PostgresLoader.OpenAsync(database.Settings.ConnectionString, ct),
        _ => throw new InvalidOperationException($"Unknown provider {database.Provider}."),
    };

    /// <summary>Adds one chained event.</summary>
    public abstract void Add(AuditEvent e);

    /// <summary>Writes the checkpoints, moves the chain head to the last event, commits, and leaves the tables as a long-running system would have them.</summary>
    public abstract Task CompleteAsync(IReadOnlyList<AuditCheckpoint> checkpoints, long lastSequence, string lastHash, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    private sealed class SqliteLoader : AuditBulkLoader
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter[] _p;
        private readonly SuspendedIndexes _indexes;

        private SqliteLoader(SqliteConnection connection)
        {
            _connection = connection;
            _transaction = connection.BeginTransaction();
            _indexes = new SuspendedIndexes(connection, _transaction, DatabaseProvider.Sqlite);
            _indexes.SuspendAsync("AuditEvents", CancellationToken.None).GetAwaiter().GetResult();
            _insert = connection.CreateCommand();
            _insert.Transaction = _transaction;
            _insert.CommandText = $"INSERT INTO \"AuditEvents\" ({EventColumns}) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14)";
            SqliteType[] types =
            [
                SqliteType.Integer, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Text, SqliteType.Text,
                SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text,
            ];
            _p = types.Select((t, i) => _insert.Parameters.Add($"$p{i}", t)).ToArray();
            _insert.Prepare();
        }

        public static async Task<AuditBulkLoader> OpenAsync(string connectionString, CancellationToken ct)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            // A large page cache for the load alone, so the two secondary indexes are not written out page by page.
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA cache_size = -1048576;";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            return new SqliteLoader(connection);
        }

        public override void Add(AuditEvent e)
        {
            _p[0].Value = e.Id;
            _p[1].Value = e.PreviousHash;
            _p[2].Value = e.Hash;
            _p[3].Value = Db(e.ReasonHash);
            _p[4].Value = e.OccurredAt.UtcTicks;
            _p[5].Value = Db(Text(e.UserId));
            _p[6].Value = e.UserName;
            _p[7].Value = e.Action;
            _p[8].Value = e.RecordType;
            _p[9].Value = Db(e.RecordId);
            _p[10].Value = Db(Text(e.CaseFileId));
            _p[11].Value = Db(Text(e.PersonId));
            _p[12].Value = e.Outcome;
            _p[13].Value = Db(e.Reason);
            _p[14].Value = e.Channel;
            _insert.ExecuteNonQuery();
        }

        /// <summary>As Microsoft.Data.Sqlite binds a <see cref="Guid"/> for EF Core's TEXT mapping: upper case, with hyphens.</summary>
        private static string? Text(Guid? id) => id?.ToString().ToUpperInvariant();

        public override async Task CompleteAsync(IReadOnlyList<AuditCheckpoint> checkpoints, long lastSequence, string lastHash, CancellationToken ct)
        {
            await using (var insert = _connection.CreateCommand())
            {
                insert.Transaction = _transaction;
                insert.CommandText = $"INSERT INTO \"AuditCheckpoints\" ({CheckpointColumns}) VALUES ($s, $h, $c, $g)";
                var s = insert.Parameters.Add("$s", SqliteType.Integer);
                var h = insert.Parameters.Add("$h", SqliteType.Text);
                var c = insert.Parameters.Add("$c", SqliteType.Integer);
                var g = insert.Parameters.Add("$g", SqliteType.Text);
                insert.Prepare();
                foreach (var checkpoint in checkpoints)
                {
                    s.Value = checkpoint.Sequence;
                    h.Value = checkpoint.Hash;
                    c.Value = checkpoint.CreatedAt.UtcTicks;
                    g.Value = checkpoint.Signature;
                    await insert.ExecuteNonQueryAsync(ct);
                }
            }
            await using (var head = _connection.CreateCommand())
            {
                head.Transaction = _transaction;
                head.CommandText = MoveHead;
                head.Parameters.AddWithValue("@sequence", lastSequence);
                head.Parameters.AddWithValue("@hash", lastHash);
                await head.ExecuteNonQueryAsync(ct);
            }
            await _indexes.RestoreAsync(ct);
            await _transaction.CommitAsync(ct);
            // A live database is checkpointed as it goes; read the table from the database file, not the write-ahead log.
            await using var truncate = _connection.CreateCommand();
            truncate.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await truncate.ExecuteNonQueryAsync(ct);
        }

        public override async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }

    private sealed class PostgresLoader : AuditBulkLoader
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlBinaryImporter _copy;
        private readonly SuspendedIndexes _indexes;

        private PostgresLoader(NpgsqlConnection connection, NpgsqlBinaryImporter copy, SuspendedIndexes indexes)
        {
            _connection = connection;
            _copy = copy;
            _indexes = indexes;
        }

        public static async Task<AuditBulkLoader> OpenAsync(string connectionString, CancellationToken ct)
        {
            // No time limit: COPY's end waits while the server fills generated columns and checks every row.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
            await connection.OpenAsync(ct);
            var indexes = new SuspendedIndexes(connection, null, DatabaseProvider.Postgres);
            await indexes.SuspendAsync("AuditEvents", ct);
            var copy = await connection.BeginBinaryImportAsync($"COPY \"AuditEvents\" ({EventColumns}) FROM STDIN (FORMAT BINARY)", ct);
            return new PostgresLoader(connection, copy, indexes);
        }

        public override void Add(AuditEvent e)
        {
            _copy.StartRow();
            _copy.Write(e.Id, NpgsqlDbType.Bigint);
            _copy.Write(e.PreviousHash, NpgsqlDbType.Varchar);
            _copy.Write(e.Hash, NpgsqlDbType.Varchar);
            Write(e.ReasonHash);
            _copy.Write(e.OccurredAt, NpgsqlDbType.TimestampTz);
            Write(e.UserId);
            _copy.Write(e.UserName, NpgsqlDbType.Varchar);
            _copy.Write(e.Action, NpgsqlDbType.Varchar);
            _copy.Write(e.RecordType, NpgsqlDbType.Varchar);
            Write(e.RecordId);
            Write(e.CaseFileId);
            Write(e.PersonId);
            _copy.Write(e.Outcome, NpgsqlDbType.Varchar);
            Write(e.Reason);
            _copy.Write(e.Channel, NpgsqlDbType.Varchar);
        }

        private void Write(string? value)
        {
            if (value is null) _copy.WriteNull();
            else _copy.Write(value, NpgsqlDbType.Varchar);
        }

        private void Write(Guid? value)
        {
            if (value is { } id) _copy.Write(id, NpgsqlDbType.Uuid);
            else _copy.WriteNull();
        }

        public override async Task CompleteAsync(IReadOnlyList<AuditCheckpoint> checkpoints, long lastSequence, string lastHash, CancellationToken ct)
        {
            await _copy.CompleteAsync(ct);
            await _copy.DisposeAsync();
            await using (var copy = await _connection.BeginBinaryImportAsync($"COPY \"AuditCheckpoints\" ({CheckpointColumns}) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var checkpoint in checkpoints)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(checkpoint.Sequence, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(checkpoint.Hash, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(checkpoint.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                    await copy.WriteAsync(checkpoint.Signature, NpgsqlDbType.Varchar, ct);
                }
                await copy.CompleteAsync(ct);
            }
            await using (var head = new NpgsqlCommand(MoveHead, _connection))
            {
                head.Parameters.AddWithValue("sequence", lastSequence);
                head.Parameters.AddWithValue("hash", lastHash);
                await head.ExecuteNonQueryAsync(ct);
            }
            await _indexes.RestoreAsync(ct);
            // A live table has been vacuumed: hint bits set and statistics current, so the first read does not rewrite pages.
            await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) \"AuditEvents\", \"AuditCheckpoints\"", _connection);
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(ct);
        }

        public override async ValueTask DisposeAsync()
        {
            await _copy.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
