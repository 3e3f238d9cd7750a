using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Casefile.Data.Audit;

/// <summary>
/// Group commit for saves that hold nothing but audit events, which is what every audited read
/// is (ADR 0012). Each such save still waits until its events are chained and committed, so no
/// read is answered before the record of it is on disk; but saves that arrive while another
/// batch holds the chain are committed together, in one transaction with one chain-head move and
/// one disk sync, by whichever of them is next in line (the leader), on its own connection.
/// </summary>
/// <remarks>
/// Without it every audited read takes the chain's lock and pays a commit of its own, so reads
/// under load queue one by one behind the lock. Saves that change anything else (a record, a
/// case) keep the ordinary path in <see cref="AuditChainInterceptor"/>: their events must be in
/// the same transaction as the change they describe. Both paths take the same lock, so the
/// chain never forks.
/// </remarks>
internal sealed class AuditGroupCommit(AuditSigner signer, TimeProvider clock)
{
    /// <summary>At most this many saves' events go in one transaction, so one batch's time under the lock stays short.</summary>
    public const int MaxSavesPerBatch = 256;

    private const int RowsPerInsert = 50;

    private readonly object _sync = new();
    private readonly Queue<Pending> _queue = new();
    private bool _leading;

    /// <summary>One save's events, and its turn: true when another leader wrote them, false when it is to lead the next batch.</summary>
    private sealed class Pending(List<AuditEvent> events)
    {
        public List<AuditEvent> Events { get; } = events;
        public TaskCompletionSource<bool> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Chains and commits the events (already in the order they are to be chained), alone or with
    /// other saves'. Returns when they are committed; throws if their batch failed.
    /// </summary>
    public async Task SaveAsync(AppDbContext db, List<AuditEvent> events, SemaphoreSlim? gate)
    {
        var mine = new Pending(events);
        bool lead;
        lock (_sync)
        {
            _queue.Enqueue(mine);
            lead = !_leading;
            if (lead) _leading = true;
        }
        if (!lead && await mine.Turn.Task) return;
        // Leading: this save is first in the queue, so first in the batch written now.
        await LeadAsync(db, mine, gate);
    }

    private async Task LeadAsync(AppDbContext db, Pending leader, SemaphoreSlim? gate)
    {
        var batch = new List<Pending>();
        lock (_sync)
        {
            while (batch.Count < MaxSavesPerBatch && _queue.TryDequeue(out var p)) batch.Add(p);
        }
        Exception? failure = null;
        try
        {
            await WriteAsync(db, batch, gate);
        }
        catch (Exception e)
        {
            failure = e;
        }
        foreach (var p in batch.Where(p => p != leader))
        {
            if (failure is null) p.Turn.TrySetResult(true);
            else p.Turn.TrySetException(failure);
        }
        // Hand the lead to the next in line, or give it up.
        Pending? next = null;
        lock (_sync)
        {
            if (_queue.TryPeek(out var first)) next = first;
            else _leading = false;
        }
        next?.Turn.TrySetResult(false);
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private async Task WriteAsync(AppDbContext db, List<Pending> batch, SemaphoreSlim? gate)
    {
        var ct = CancellationToken.None; // other saves depend on this batch: it is not abandoned halfway
        if (gate is not null) await gate.WaitAsync(ct);
        var chained = new List<AuditEvent>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var connection = db.Database.GetDbConnection();
            var tx = transaction.GetDbTransaction();
            var (sequence, previous) = await AuditChainInterceptor.TakeHeadAsync(db, ct);
            var checkpoints = new List<AuditCheckpoint>();
            foreach (var e in batch.SelectMany(p => p.Events))
            {
                AuditChainInterceptor.Chain(e, ++sequence, previous);
                previous = e.Hash;
                chained.Add(e);
                if (e.Id % AuditChainInterceptor.CheckpointEvery == 0) checkpoints.Add(signer.Checkpoint(e.Id, e.Hash, clock.GetUtcNow()));
            }
            await RowInserter.For<AuditEvent>(db.Model).InsertAsync(connection, tx, chained, ct);
            if (checkpoints.Count > 0) await RowInserter.For<AuditCheckpoint>(db.Model).InsertAsync(connection, tx, checkpoints, ct);
            await using (var head = connection.CreateCommand())
            {
                head.Transaction = tx;
                head.CommandText = "UPDATE \"AuditChainHead\" SET \"LastSequence\" = @s, \"LastHash\" = @h WHERE \"Id\" = 1";
                AddParameter(head, "@s", sequence);
                AddParameter(head, "@h", previous);
                await head.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            AuditMetrics.Commits.Add(1);
        }
        catch
        {
            // Not written: a retry chains them afresh, numbered as the interceptor numbers a failed save's events.
            var placeholder = AuditChainInterceptor.RetryPlaceholder;
            foreach (var e in batch.SelectMany(p => p.Events)) e.Id = ++placeholder;
            throw;
        }
        finally
        {
            gate?.Release();
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>
    /// A multi-row INSERT of one entity type, its columns and each value's stored form taken from
    /// EF Core's model for the provider (GUIDs as text and times as ticks on SQLite), so the rows
    /// are exactly what EF Core would have written.
    /// </summary>
    private sealed class RowInserter
    {
        private static readonly Dictionary<(IModel, Type), RowInserter> Cache = [];

        private readonly string _table;
        private readonly (string Name, RelationalTypeMapping Mapping, Func<object, object?> Read)[] _columns;

        private RowInserter(string table, (string, RelationalTypeMapping, Func<object, object?>)[] columns)
        {
            _table = table;
            _columns = columns;
        }

        public static RowInserter For<T>(IModel model)
        {
            lock (Cache)
            {
                if (Cache.TryGetValue((model, typeof(T)), out var cached)) return cached;
                var entityType = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
                var table = entityType.GetTableName()!;
                var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
                var columns = entityType.GetProperties().Select(property =>
                {
                    var mapping = (RelationalTypeMapping)property.GetTypeMapping();
                    var getter = property.GetGetter();
                    // The CLR value: CreateParameter applies the column's converter itself.
                    Func<object, object?> read = getter.GetClrValue;
                    return (property.GetColumnName(store)!, mapping, read);
                }).ToArray();
                return Cache[(model, typeof(T))] = new RowInserter(table, columns);
            }
        }

        public async Task InsertAsync<T>(DbConnection connection, DbTransaction transaction, IReadOnlyList<T> rows, CancellationToken ct) where T : class
        {
            for (var start = 0; start < rows.Count; start += RowsPerInsert)
            {
                var count = Math.Min(RowsPerInsert, rows.Count - start);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var values = new List<string>(count);
                for (var r = 0; r < count; r++)
                {
                    var names = new string[_columns.Length];
                    for (var c = 0; c < _columns.Length; c++)
                    {
                        var (_, mapping, read) = _columns[c];
                        names[c] = $"@p{r}_{c}";
                        command.Parameters.Add(mapping.CreateParameter(command, names[c], read(rows[start + r]) ?? DBNull.Value, nullable: true));
                    }
                    values.Add("(" + string.Join(", ", names) + ")");
                }
                command.CommandText = $"INSERT INTO \"{_table}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Name}\""))}) VALUES {string.Join(", ", values)}";
                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }
}
