using System.Buffers.Binary;
using System.Buffers.Text;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace Casefile.Data.Audit;

/// <summary>
/// The stored audit events of one range of sequence numbers, read for verification as the database's
/// own bytes: text as UTF-8, with no strings, boxed values or EF Core materialisation in between. Fields
/// are in the order of <see cref="Columns"/>. One instance per connection and thread.
/// </summary>
internal abstract class AuditEventRows : IDisposable
{
    public const string Columns = "\"Id\", \"OccurredAt\", \"UserId\", \"UserName\", \"Action\", \"RecordType\", \"RecordId\", " +
        "\"CaseFileId\", \"PersonId\", \"Outcome\", \"Reason\", \"ReasonHash\", \"Channel\", \"PreviousHash\", \"Hash\"";

    public const int Id = 0, OccurredAt = 1, UserId = 2, UserName = 3, Action = 4, RecordType = 5, RecordId = 6, CaseFileId = 7,
        PersonId = 8, Outcome = 9, Reason = 10, ReasonHash = 11, Channel = 12, PreviousHash = 13, Hash = 14;

    public static AuditEventRows Open(DbConnection template) => template switch
    {
        SqliteConnection sqlite => new SqliteRows(sqlite.ConnectionString),
        NpgsqlConnection postgres => new PostgresRows(postgres.CloneWith(postgres.ConnectionString)),
        _ => throw new NotSupportedException($"Audit verification does not know {template.GetType().Name}."),
    };

    /// <summary>Starts a read snapshot and reads the chain head in it, so the head and the end of the trail agree.</summary>
    public abstract (long LastSequence, string LastHash) BeginSnapshotAndReadHead();

    /// <summary>Starts reading events from <paramref name="from"/> to <paramref name="to"/> (to the end when null), in sequence order.</summary>
    public abstract void Start(long from, long? to);

    public abstract bool Read();
    public abstract bool IsNull(int field);
    public abstract ReadOnlySpan<byte> Text(int field);
    public abstract long Int64(int field);
    public abstract long UtcTicks(int field);
    public abstract Guid? Guid(int field);

    public abstract void Dispose();

    protected static string Query(long from, long? to) =>
        $"SELECT {Columns} FROM \"AuditEvents\" WHERE \"Id\" >= {from}{(to is { } t ? $" AND \"Id\" <= {t}" : "")} ORDER BY \"Id\"";

    /// <summary>SQLite through SQLitePCL's own calls: each column is a span over SQLite's buffer.</summary>
    private sealed class SqliteRows : AuditEventRows
    {
        private readonly SqliteConnection _connection;
        private sqlite3_stmt? _statement;
        private bool _snapshot;

        public SqliteRows(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
        }

        public override (long LastSequence, string LastHash) BeginSnapshotAndReadHead()
        {
            _statement?.Dispose();
            _statement = null;
            Check(raw.sqlite3_exec(_connection.Handle, "BEGIN"));
            _snapshot = true;
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT \"LastSequence\", \"LastHash\" FROM \"AuditChainHead\" WHERE \"Id\" = 1";
            using var reader = command.ExecuteReader();
            if (!reader.Read()) throw new InvalidOperationException("The audit chain head row is missing.");
            return (reader.GetInt64(0), reader.GetString(1));
        }

        public override void Start(long from, long? to)
        {
            _statement?.Dispose();
            Check(raw.sqlite3_prepare_v2(_connection.Handle, Query(from, to), out var statement));
            _statement = statement;
        }

        public override bool Read()
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW) return true;
            if (rc != raw.SQLITE_DONE) Check(rc);
            return false;
        }

        public override bool IsNull(int field) => raw.sqlite3_column_type(_statement, field) == raw.SQLITE_NULL;
        public override ReadOnlySpan<byte> Text(int field) => raw.sqlite3_column_blob(_statement, field);
        public override long Int64(int field) => raw.sqlite3_column_int64(_statement, field);

        // Stored as UTC ticks (AppDbContext's converter for SQLite).
        public override long UtcTicks(int field) => raw.sqlite3_column_int64(_statement, field);

        public override Guid? Guid(int field)
        {
            if (IsNull(field)) return null;
            return Utf8Parser.TryParse(Text(field), out System.Guid g, out _, 'D') ? g
                : throw new InvalidOperationException($"Unexpected id value in audit field {field}.");
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), rc);
        }

        public override void Dispose()
        {
            _statement?.Dispose();
            if (_snapshot) raw.sqlite3_exec(_connection.Handle, "COMMIT");
            _connection.Dispose();
        }
    }

    /// <summary>PostgreSQL through a binary <c>COPY ... TO STDOUT</c>, parsed straight from Npgsql's buffer.</summary>
    private sealed class PostgresRows(NpgsqlConnection connection) : AuditEventRows
    {
        // PostgreSQL counts time in microseconds from 2000-01-01 UTC.
        private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

        private const int FieldCount = 15;
        private readonly int[] _start = new int[FieldCount];
        private readonly int[] _length = new int[FieldCount];
        private byte[] _buffer = new byte[1 << 20];
        private int _position;
        private int _end;
        private Stream? _copy;
        private NpgsqlTransaction? _snapshot;
        private bool _opened;

        public override (long LastSequence, string LastHash) BeginSnapshotAndReadHead()
        {
            EnsureOpen();
            _copy?.Dispose();
            _copy = null;
            _snapshot = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            using var command = new NpgsqlCommand("SELECT \"LastSequence\", \"LastHash\" FROM \"AuditChainHead\" WHERE \"Id\" = 1", connection, _snapshot);
            using var reader = command.ExecuteReader();
            if (!reader.Read()) throw new InvalidOperationException("The audit chain head row is missing.");
            return (reader.GetInt64(0), reader.GetString(1));
        }

        public override void Start(long from, long? to)
        {
            EnsureOpen();
            _copy?.Dispose();
            _copy = connection.BeginRawBinaryCopy($"COPY ({Query(from, to)}) TO STDOUT (FORMAT BINARY)");
            _position = _end = 0;
            // Signature (11 bytes), flags (4), header extension length (4) and the extension.
            Need(19);
            if (!_buffer.AsSpan(0, 11).SequenceEqual(Signature))
                throw new InvalidOperationException("Unexpected COPY header from PostgreSQL.");
            var extension = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(15));
            _position = 19;
            Need(extension);
            _position += extension;
        }

        private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xff, (byte)'\r', (byte)'\n', 0];

        public override bool Read()
        {
            Need(2);
            var fields = BinaryPrimitives.ReadInt16BigEndian(_buffer.AsSpan(_position));
            _position += 2;
            if (fields == -1)
            {
                // The end of this COPY: let the connection go back to ready for the next range.
                _copy!.Dispose();
                _copy = null;
                return false;
            }
            if (fields != FieldCount) throw new InvalidOperationException($"Expected {FieldCount} fields from COPY, got {fields}.");
            // Make the whole row contiguous in the buffer, then note where each field lies.
            var offset = 0;
            for (var f = 0; f < FieldCount; f++)
            {
                Need(offset + 4);
                var length = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_position + offset));
                offset += 4;
                _start[f] = offset;
                _length[f] = length;
                if (length > 0)
                {
                    Need(offset + length);
                    offset += length;
                }
            }
            for (var f = 0; f < FieldCount; f++) _start[f] += _position;
            _position += offset;
            return true;
        }

        public override bool IsNull(int field) => _length[field] < 0;
        public override ReadOnlySpan<byte> Text(int field) => _length[field] <= 0 ? [] : _buffer.AsSpan(_start[field], _length[field]);
        public override long Int64(int field) => BinaryPrimitives.ReadInt64BigEndian(_buffer.AsSpan(_start[field], 8));
        public override long UtcTicks(int field) => PostgresEpochTicks + Int64(field) * 10;
        public override Guid? Guid(int field) => IsNull(field) ? null : new System.Guid(_buffer.AsSpan(_start[field], 16), bigEndian: true);

        /// <summary>Makes <paramref name="count"/> bytes from the current position available in the buffer.</summary>
        private void Need(int count)
        {
            if (_end - _position >= count) return;
            if (_position > 0)
            {
                Buffer.BlockCopy(_buffer, _position, _buffer, 0, _end - _position);
                _end -= _position;
                // Field offsets of the row being parsed are relative to _position, so they stay valid.
                _position = 0;
            }
            if (count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(count, _buffer.Length * 2));
            while (_end < count)
            {
                var read = _copy!.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0) throw new EndOfStreamException("The COPY from PostgreSQL ended in the middle of a row.");
                _end += read;
            }
        }

        private void EnsureOpen()
        {
            if (_opened) return;
            connection.Open();
            _opened = true;
        }

        public override void Dispose()
        {
            try
            {
                _copy?.Dispose();
                _snapshot?.Commit();
            }
            finally
            {
                connection.Dispose();
            }
        }
    }
}
