using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Common;
using Casefile.Domain.Retention;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Retention;

public sealed record KeepCommand(string? Reason, DateOnly? NextReviewOn);

/// <summary>
/// One file on the records managers' list. <see cref="Withheld"/>: the file is restricted and the viewer
/// is not named on it, so which file it is and why it is due are left out (null case, reference, closure
/// and proposal reason; <see cref="RestrictedFileDisposal.Withheld"/> as the reason); <see cref="NamedOnFile"/>
/// says who can act on it.
/// </summary>
public sealed record DisposalItem(
    Guid Id, Guid? CaseId, string? CaseReference, DisposalReviewKind Kind, DisposalReviewStatus Status, DateOnly DueOn, string RuleId, string Reason,
    DateOnly? ClosedOn, bool Held, string? ProposedBy, Guid? ProposedById, DateTimeOffset? ProposedAt, string? ProposalReason,
    bool Restricted, bool Withheld, IReadOnlyList<string> NamedOnFile);

/// <summary>
/// The records managers' lists: files due for disposal (their date has come) and files due for
/// review, each with its reason, whether it is held, and any proposal waiting for a second records
/// manager. A restricted file shows only that it is due and who is named on it to a records manager
/// not named on it (<see cref="RestrictedFileDisposal.MaySeeDetails"/>). Each case shown is audited.
/// </summary>
public sealed class DisposalQueries(AppDbContext db, RecordsManagerGate gate, AuditTrail audit, CaseScope scope)
{
    public Task<IReadOnlyList<DisposalItem>> DueAsync(CancellationToken ct) => ListAsync(DisposalReviewKind.Disposal, "disposals-due", ct);

    public Task<IReadOnlyList<DisposalItem>> ReviewsDueAsync(CancellationToken ct) => ListAsync(DisposalReviewKind.Review, "reviews-due", ct);

    private async Task<IReadOnlyList<DisposalItem>> ListAsync(DisposalReviewKind kind, string recordType, CancellationToken ct)
    {
        await gate.DemandAsync(AuditAction.View, recordType, null, null, ct);
        var rows = await RowsAsync(db.DisposalReviews.Where(r => r.Kind == kind
            && (r.Status == DisposalReviewStatus.Due || r.Status == DisposalReviewStatus.DestructionProposed)), ct);
        audit.Record(AuditAction.View, recordType, null, reason: $"{rows.Count} files listed");
        foreach (var (caseId, item) in rows) audit.Record(AuditAction.View, "disposal-review", item.Id, caseId);
        await db.SaveChangesAsync(ct);
        return [.. rows.Select(r => r.Item)];
    }

    public async Task<DisposalItem> GetAsync(Guid id, CancellationToken ct)
    {
        await gate.DemandAsync(AuditAction.View, "disposal-review", id, null, ct);
        var (caseId, item) = (await RowsAsync(db.DisposalReviews.Where(r => r.Id == id), ct)).SingleOrDefault();
        if (item is null) throw new NotFoundException("The file on the disposal list");
        audit.Record(AuditAction.View, "disposal-review", id, caseId);
        await db.SaveChangesAsync(ct);
        return item;
    }

    internal async Task<IReadOnlyList<DisposalItem>> ItemsAsync(IQueryable<DisposalReview> reviews, CancellationToken ct) =>
        [.. (await RowsAsync(reviews, ct)).Select(r => r.Item)];

    /// <summary>The lines with the case each is about (for the audit trail, never shown when withheld).</summary>
    private async Task<IReadOnlyList<(Guid CaseId, DisposalItem Item)>> RowsAsync(IQueryable<DisposalReview> reviews, CancellationToken ct)
    {
        var rows = await (from r in reviews.AsNoTracking()
                          join c in db.CaseFiles on r.CaseFileId equals c.Id
                          join u in db.Users on r.ProposedBy equals u.Id into proposers
                          from u in proposers.DefaultIfEmpty()
                          orderby r.DueOn, c.Reference
                          select new
                          {
                              r,
                              c.Reference,
                              c.ClosedOn,
                              Held = db.LegalHolds.Any(h => h.CaseFileId == r.CaseFileId && h.LiftedAt == null),
                              Proposer = u == null ? null : u.DisplayName,
                          }).ToListAsync(ct);
        if (rows.Count == 0) return [];

        // Who the viewer is to each case (named on a restricted one or not), by the same facts the access policy decides from.
        var caseIds = rows.Select(x => x.r.CaseFileId).Distinct().ToList();
        var facts = (await scope.FactsAsync(caseIds, ct)).ToDictionary(f => f.CaseId);
        var restricted = facts.Values.Where(f => f.IsRestricted).Select(f => f.CaseId).ToList();
        var named = new Dictionary<Guid, IReadOnlyList<string>>();
        if (restricted.Count > 0)
        {
            foreach (var g in (await (from a in db.CaseAccessGrants.AsNoTracking()
                                      where restricted.Contains(a.CaseFileId) && a.Kind == GrantKind.Named && a.RevokedAt == null
                                      join u in db.Users on a.UserId equals u.Id
                                      select new { a.CaseFileId, u.DisplayName }).ToListAsync(ct)).GroupBy(a => a.CaseFileId))
                named[g.Key] = [.. g.Select(a => a.DisplayName).Distinct().Order(StringComparer.Ordinal)];
        }

        return [.. rows.Select(x =>
        {
            var file = facts[x.r.CaseFileId];
            var names = named.GetValueOrDefault(x.r.CaseFileId) ?? [];
            var item = RestrictedFileDisposal.MaySeeDetails(file)
                ? new DisposalItem(x.r.Id, x.r.CaseFileId, x.Reference, x.r.Kind, x.r.Status, x.r.DueOn, x.r.RuleId, x.r.Reason, x.ClosedOn, x.Held,
                    x.Proposer, x.r.ProposedBy, x.r.ProposedAt, x.r.ProposalReason, file.IsRestricted, Withheld: false, names)
                : new DisposalItem(x.r.Id, null, null, x.r.Kind, x.r.Status, x.r.DueOn, RestrictedFileDisposal.NeedsNamedReview, RestrictedFileDisposal.Withheld, null,
                    x.Held, x.Proposer, x.r.ProposedBy, x.r.ProposedAt, null, Restricted: true, Withheld: true, names);
            return (x.r.CaseFileId, item);
        })];
    }
}

/// <summary>
/// A records manager decides a file on the list: keep it (with a reason and the next review date), or
/// propose destruction; a second, different records manager confirms, and only then is it destroyed.
/// A legal hold stops both.
/// </summary>
public sealed class DecideDisposal(AppDbContext db, RecordsManagerGate gate, CurrentUser user, AuditTrail audit, TimeProvider clock,
    RetentionFactsLoader loader, RetentionSchedules schedules, CaseFileDestruction destruction, CaseScope scope)
{
    public async Task KeepAsync(Guid id, KeepCommand command, CancellationToken ct)
    {
        var review = await LoadAsync(id, "keep", ct);
        review.Keep(user.Id, command.Reason, command.NextReviewOn, clock.GetUtcNow(), clock.Today());
        audit.Record(AuditAction.Decide, "disposal-review", id, review.CaseFileId, reason: $"Kept until review on {command.NextReviewOn:yyyy-MM-dd}: {review.KeepReason}");
        await db.SaveChangesAsync(ct);
    }

    public async Task ProposeAsync(Guid id, ReasonOnlyCommand command, CancellationToken ct)
    {
        var review = await LoadAsync(id, "propose-destruction", ct);
        await EnsureStillDueAsync(review, ct);
        review.ProposeDestruction(user.Id, command.Reason, await HeldAsync(review.CaseFileId, ct), clock.GetUtcNow());
        audit.Record(AuditAction.Decide, "disposal-review", id, review.CaseFileId, reason: $"Destruction proposed: {review.ProposalReason}");
        await db.SaveChangesAsync(ct);
    }

    public async Task<DestructionTombstone> ConfirmAsync(Guid id, CancellationToken ct)
    {
        var review = await LoadAsync(id, "confirm-destruction", ct);
        try
        {
            review.ConfirmDestruction(user.Id, await HeldAsync(review.CaseFileId, ct), await FactsAsync(review.CaseFileId, ct), clock.GetUtcNow());
        }
        catch (RuleViolationException e)
        {
            db.ChangeTracker.Clear();
            await audit.RecordRefusalAsync("confirm-destruction", "disposal-review", id, review.CaseFileId, e.Message, ct);
            throw;
        }
        await EnsureStillDueAsync(review, ct);
        return await destruction.DestroyAsync(review, ct);
    }

    private async Task<DisposalReview> LoadAsync(Guid id, string action, CancellationToken ct)
    {
        await gate.DemandAsync(action, "disposal-review", id, null, ct);
        return await db.DisposalReviews.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("The file on the disposal list");
    }

    private Task<bool> HeldAsync(Guid caseId, CancellationToken ct) => db.LegalHolds.AnyAsync(h => h.CaseFileId == caseId && h.LiftedAt == null, ct);

    /// <summary>The case's access facts as they stand for the records manager acting (restricted, and whether they are named on it).</summary>
    private async Task<CaseFacts> FactsAsync(Guid caseId, CancellationToken ct) =>
        await scope.FactsAsync(caseId, ct) ?? throw new NotFoundException("The case file");

    /// <summary>The file must still be due on today's schedule and record: a category added since may have lengthened its time.</summary>
    private async Task EnsureStillDueAsync(DisposalReview review, CancellationToken ct)
    {
        var file = await loader.ForCaseAsync(review.CaseFileId, ct) ?? throw new NotFoundException("The case file");
        var decision = RetentionDecider.Decide(await schedules.CurrentAsync(ct), file.Facts, clock.Today());
        if (file.Status != Domain.Cases.CaseStatus.Closed || !decision.IsDue(clock.Today()))
            throw new RuleViolationException("not-due", RestrictedFileDisposal.MaySeeDetails(await FactsAsync(review.CaseFileId, ct))
                ? $"This file is not due for destruction now: {decision.Explanation}"
                : "This file is not due for destruction now.");
    }
}
