using System.Collections.Concurrent;
using Casefile.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Casefile.Data.Audit;

/// <summary>
/// Puts new audit events on the hash chain as they are saved, in the same transaction as the
/// change they describe. The chain head row is updated first, which takes the database's write
/// lock (SQLite) or the row lock (PostgreSQL): appenders queue, so the chain never forks.
/// Every <see cref="CheckpointEvery"/> events a signed checkpoint is written too.
/// </summary>
/// <remarks>
/// The head is held from its first update to the commit, so that span bounds every audited write
/// (ADR 0008). It is kept to three statements: one <c>UPDATE ... RETURNING</c> takes the lock and
/// reads the head; the head's move then travels in EF Core's own batch with the inserts (a tracked
/// <see cref="AuditChainHead"/>); then the commit. On SQLite, audited saves of this process also
/// queue in memory for the write lock, rather than each sleeping and retrying on SQLite's busy timeout.
/// </remarks>
public sealed class AuditChainInterceptor(AuditSigner signer, TimeProvider clock) : SaveChangesInterceptor
{
    public const int CheckpointEvery = 1000;

    /// <summary>
    /// After a failed save, events are numbered from here (upwards, in the order they were chained):
    /// far below the placeholders <c>AuditTrail</c> hands out (counting down from -1), so none collide.
    /// </summary>
    public const long RetryPlaceholder = long.MinValue / 2;

    private const string TakeHead =
        "UPDATE \"AuditChainHead\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1 RETURNING \"LastSequence\", \"LastHash\"";

    private readonly Dictionary<DbContext, Save> _saves = [];
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _sqliteWriters = new();
    private readonly ConcurrentDictionary<string, AuditGroupCommit> _groups = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db) return result;
        db.ChangeTracker.DetectChanges();
        var added = db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .OrderBy(e => e.OccurredAt).ThenBy(e => RecordedOrder(e.Id).Group).ThenBy(e => RecordedOrder(e.Id).Place).ToList();
        if (added.Count == 0) return result;

        if (db.Database.CurrentTransaction is null && db.ChangeTracker.Entries().All(e => e.Entity is AuditEvent || e.State is EntityState.Unchanged or EntityState.Detached))
        {
            // Nothing but audit events (an audited read): committed with whatever other such saves are waiting (ADR 0012).
            var key = db.Database.GetConnectionString() ?? "";
            var gate = db.Database.IsSqlite() ? _sqliteWriters.GetOrAdd(key, _ => new SemaphoreSlim(1, 1)) : null;
            await _groups.GetOrAdd(key, _ => new AuditGroupCommit(signer, clock)).SaveAsync(db, added, gate);
            foreach (var e in added) db.Entry(e).State = EntityState.Unchanged;
            return InterceptionResult<int>.SuppressWithResult(added.Count);
        }

        var save = new Save();
        lock (_saves) _saves[db] = save;
        try
        {
            if (db.Database.CurrentTransaction is null)
            {
                if (db.Database.IsSqlite())
                {
                    save.Gate = _sqliteWriters.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
                    await save.Gate.WaitAsync(cancellationToken);
                    save.GateHeld = true;
                }
                save.Transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                // The transaction is ours and holds nothing else: a savepoint would only add round trips under the lock.
                save.AutoSavepoints = db.Database.AutoSavepointsEnabled;
                db.Database.AutoSavepointsEnabled = false;
            }

            // Lock the head first: from here to commit, no other transaction can append.
            var (sequence, previous) = await TakeHeadAsync(db, cancellationToken);
            foreach (var e in added)
            {
                Chain(e, ++sequence, previous);
                previous = e.Hash;
                save.Chained.Add(e);
                if (e.Id % CheckpointEvery == 0)
                    db.AuditCheckpoints.Add(signer.Checkpoint(e.Id, e.Hash, clock.GetUtcNow()));
            }
            MoveHead(db, save, sequence, previous);
        }
        catch
        {
            // EF Core does not report a failure raised here to SaveChangesFailed: end the save now.
            await EndFailedAsync(db);
            throw;
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is not { } save) return result;
        try
        {
            if (save.Transaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
                AuditMetrics.Commits.Add(1);
            }
        }
        finally
        {
            await save.EndAsync(eventData.Context!, committed: true);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        eventData.Context is { } context ? EndFailedAsync(context) : Task.CompletedTask;

    private async Task EndFailedAsync(DbContext context)
    {
        if (Take(context) is not { } save) return;
        await save.EndAsync(context, committed: false);
        // The events keep their place in the unit of work; a retry must chain them afresh, in the same order.
        var placeholder = RetryPlaceholder;
        var events = save.Chained.Count > 0
            ? save.Chained
            : context.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
                .OrderBy(e => e.OccurredAt).ThenBy(e => RecordedOrder(e.Id).Group).ThenBy(e => RecordedOrder(e.Id).Place).ToList();
        foreach (var e in events) e.Id = ++placeholder;
    }

    /// <summary>Puts one event on the chain after <paramref name="previous"/>, at <paramref name="sequence"/>.</summary>
    internal static void Chain(AuditEvent e, long sequence, string previous)
    {
        // PostgreSQL keeps microseconds; hash exactly what every provider stores.
        e.OccurredAt = new DateTimeOffset(e.OccurredAt.UtcTicks - e.OccurredAt.UtcTicks % 10, TimeSpan.Zero);
        e.Id = sequence;
        e.ReasonHash = AuditChain.HashReason(e.Reason);
        e.PreviousHash = previous;
        e.Hash = AuditChain.Hash(ToEntry(e), previous);
    }

    internal static async Task<(long Sequence, string Hash)> TakeHeadAsync(AppDbContext db, CancellationToken ct)
    {
        // Plain ADO.NET: one round trip, and none of EF Core's query pipeline while the lock is held.
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = TakeHead;
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            throw new InvalidOperationException("The audit chain head row is missing: the database was not migrated, or the row was removed.");
        return (reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>The head's move joins EF Core's batch with the inserts, rather than costing a round trip of its own.</summary>
    private static void MoveHead(AppDbContext db, Save save, long sequence, string hash)
    {
        var entry = db.AuditChainHeads.Local.FindEntry(1);
        if (entry is null)
        {
            entry = db.AuditChainHeads.Attach(new AuditChainHead { Id = 1 });
            save.AttachedHead = entry;
        }
        else if (entry.State == EntityState.Unchanged)
        {
            save.TrackedHead = entry;
        }
        entry.Property(h => h.LastSequence).CurrentValue = sequence;
        entry.Property(h => h.LastSequence).IsModified = true;
        entry.Property(h => h.LastHash).CurrentValue = hash;
        entry.Property(h => h.LastHash).IsModified = true;
    }

    /// <summary>
    /// Events saved together are chained by time, then in the order they were recorded: events put back
    /// after a failed save first (they were recorded earlier), then <c>AuditTrail</c>'s placeholders
    /// (-1, -2, ... as recorded), then any without a number, as the change tracker lists them.
    /// </summary>
    private static (int Group, long Place) RecordedOrder(long id) => id switch
    {
        <= RetryPlaceholder + int.MaxValue => (0, id),
        < 0 => (1, -id),
        _ => (2, 0),
    };

    private Save? Take(DbContext? context)
    {
        if (context is null) return null;
        lock (_saves)
        {
            return _saves.Remove(context, out var save) ? save : null;
        }
    }

    public static AuditEntry ToEntry(AuditEvent e) => new(e.Id, e.OccurredAt.UtcTicks, e.UserId, e.UserName, e.Action, e.RecordType,
        e.RecordId, e.CaseFileId, e.PersonId, e.Outcome, e.ReasonHash, e.Channel);

    /// <summary>What one save holds until it commits or fails.</summary>
    private sealed class Save
    {
        public IDbContextTransaction? Transaction;
        public bool AutoSavepoints = true;
        public SemaphoreSlim? Gate;
        public bool GateHeld;
        public EntityEntry<AuditChainHead>? AttachedHead;
        public EntityEntry<AuditChainHead>? TrackedHead;
        public readonly List<AuditEvent> Chained = [];

        public async Task EndAsync(DbContext context, bool committed)
        {
            try
            {
                if (Transaction is { } transaction)
                {
                    if (!committed) await transaction.RollbackAsync(CancellationToken.None);
                    await transaction.DisposeAsync();
                    context.Database.AutoSavepointsEnabled = AutoSavepoints;
                }
                // Never leave a head move behind for a later save that does not hold the lock.
                if (AttachedHead is { } attached) attached.State = EntityState.Detached;
                else if (!committed && TrackedHead is { } tracked)
                {
                    tracked.CurrentValues.SetValues(tracked.OriginalValues);
                    tracked.State = EntityState.Unchanged;
                }
            }
            finally
            {
                if (GateHeld) Gate!.Release();
                GateHeld = false;
            }
        }
    }
}
