using Casefile.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Casefile.Data.Audit;

/// <summary>
/// Puts new audit events on the hash chain as they are saved, in the same transaction as the
/// change they describe. The chain head row is updated first, which takes the database's write
/// lock (SQLite) or the row lock (PostgreSQL): appenders queue, so the chain never forks.
/// Every <see cref="CheckpointEvery"/> events a signed checkpoint is written too.
/// </summary>
public sealed class AuditChainInterceptor(AuditSigner signer, TimeProvider clock) : SaveChangesInterceptor
{
    public const int CheckpointEvery = 1000;

    private readonly Dictionary<DbContext, IDbContextTransaction> _ownTransactions = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db) return result;
        db.ChangeTracker.DetectChanges();
        var added = db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0) return result;

        if (db.Database.CurrentTransaction is null)
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            lock (_ownTransactions) _ownTransactions[db] = transaction;
        }

        // Lock the head first: from here to commit, no other transaction can append.
        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditChainHead\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1", cancellationToken);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == 1, cancellationToken);

        var sequence = head.LastSequence;
        var previous = head.LastHash;
        foreach (var e in added.OrderBy(e => e.OccurredAt))
        {
            // PostgreSQL keeps microseconds; hash exactly what every provider stores.
            e.OccurredAt = new DateTimeOffset(e.OccurredAt.UtcTicks - e.OccurredAt.UtcTicks % 10, TimeSpan.Zero);
            e.Id = ++sequence;
            e.ReasonHash = AuditChain.HashReason(e.Reason);
            e.PreviousHash = previous;
            e.Hash = previous = AuditChain.Hash(ToEntry(e), previous);
            if (e.Id % CheckpointEvery == 0)
                db.AuditCheckpoints.Add(signer.Checkpoint(e.Id, e.Hash, clock.GetUtcNow()));
        }
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditChainHead\" SET \"LastSequence\" = {0}, \"LastHash\" = {1} WHERE \"Id\" = 1",
            [sequence, previous], cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } transaction)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await transaction.DisposeAsync();
        }
        // The events keep their place in the unit of work; a retry must chain them afresh.
        if (eventData.Context is AppDbContext db)
        {
            // Placeholders far below those AuditTrail hands out (counting down from -1), so none collide.
            var placeholder = long.MinValue / 2;
            foreach (var e in db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added)) e.Entity.Id = ++placeholder;
        }
    }

    private IDbContextTransaction? Take(DbContext? context)
    {
        if (context is null) return null;
        lock (_ownTransactions)
        {
            return _ownTransactions.Remove(context, out var t) ? t : null;
        }
    }

    public static AuditEntry ToEntry(AuditEvent e) => new(e.Id, e.OccurredAt.UtcTicks, e.UserId, e.UserName, e.Action, e.RecordType,
        e.RecordId, e.CaseFileId, e.PersonId, e.Outcome, e.ReasonHash, e.Channel);
}
