using Casefile.Data;
using Casefile.Data.Documents;
using Casefile.Domain.Retention;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Retention;

/// <summary>
/// Lawful destruction of a case file at the end of its retention (policy 8). In one transaction it
/// removes the child's person record (addresses, relationships), family members and professionals
/// linked to no one else, the case file and everything on it, and the search entries (SQLite's FTS
/// triggers and PostgreSQL's indexed expression go with the rows); redacts the free-text reasons of the
/// audit events about the case and the people removed (the chain hashes a reason separately, so it
/// still verifies); and leaves a tombstone. After the commit, stored content that no remaining
/// document or email uses is deleted from the store.
/// </summary>
public sealed class CaseFileDestruction(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock, IDocumentContentStore store,
    RetentionFactsLoader loader, RetentionSchedules schedules, ILogger<CaseFileDestruction> logger)
{
    public async Task<DestructionTombstone> DestroyAsync(DisposalReview review, CancellationToken ct)
    {
        var caseId = review.CaseFileId;
        var file = await loader.ForCaseAsync(caseId, ct) ?? throw new NotFoundException("The case file");
        var schedule = await schedules.CurrentAsync(ct);
        var decision = RetentionDecider.Decide(schedule, file.Facts, clock.Today());
        var rule = decision.Candidates.First(c => c.Rule.Id == decision.RuleId);
        var names = await db.Users.AsNoTracking().Where(u => u.Id == review.ProposedBy || u.Id == user.Id)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var childId = file.ChildId;
        var familyName = await db.People.Where(p => p.Id == childId).Select(p => p.FamilyName).SingleAsync(ct);

        // Family members and professionals linked to this child and to no one else go with the child.
        var related = await db.Relationships.Where(r => r.PersonId == childId).Select(r => r.RelatedPersonId)
            .Union(db.Relationships.Where(r => r.RelatedPersonId == childId).Select(r => r.PersonId)).ToListAsync(ct);
        var alone = await db.People.Where(p => related.Contains(p.Id)
                && !db.Relationships.Any(r => (r.PersonId == p.Id && r.RelatedPersonId != childId) || (r.RelatedPersonId == p.Id && r.PersonId != childId))
                && !db.CaseFiles.Any(c => c.ChildId == p.Id) && !db.Referrals.Any(r => r.ChildId == p.Id))
            .Select(p => p.Id).ToListAsync(ct);
        var people = alone.Append(childId).ToList();

        var hashes = await db.CaseDocuments.Where(d => d.CaseFileId == caseId).Select(d => d.Sha256)
            .Union(db.EmailRecords.Where(e => e.CaseFileId == caseId).Select(e => e.RawSha256)).ToListAsync(ct);
        var recordIds = db.CaseRecords.Where(r => r.CaseFileId == caseId).Select(r => r.Id);
        var emailIds = db.EmailRecords.Where(e => e.CaseFileId == caseId).Select(e => e.Id);
        int records, documents, emails;

        db.ChangeTracker.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.EmailRecords.Where(e => e.SupersededById != null && emailIds.Contains(e.SupersededById.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.SupersededById, (Guid?)null), ct);
            documents = await db.CaseDocuments.Where(d => d.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            emails = await db.EmailRecords.Where(e => e.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.CaseRecordMoves.Where(m => m.FromCaseFileId == caseId || m.ToCaseFileId == caseId || recordIds.Contains(m.CaseRecordId)).ExecuteDeleteAsync(ct);
            records = await db.CaseRecords.Where(r => r.CaseFileId == caseId).ExecuteDeleteAsync(ct); // addenda cascade; FTS triggers remove the index entries
            await db.Chronology.Where(e => e.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.AdminTasks.Where(t => t.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.ClosureRequests.Where(r => r.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.CaseTransfers.Where(t => t.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.PaperFileMovements.Where(m => m.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.PaperFileRemovals.Where(r => r.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.PaperFileVolumes.Where(v => v.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.AssessmentsAndPlans.Where(a => a.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.Referrals.Where(r => r.CaseFileId == caseId || r.ChildId == childId).ExecuteDeleteAsync(ct);
            await db.Consents.Where(c => c.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.SharingWithoutConsent.Where(c => c.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.CaseRestrictions.Where(c => c.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.CaseAccessGrants.Where(c => c.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.EmergencyAccesses.Where(c => c.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.CareEvents.Where(c => c.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            // The statutory journey, each step before the one it refers to.
            await db.CoreGroupMeetings.Where(g => g.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.ChildProtectionPlans.Where(p => p.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.ChildProtectionConferences.Where(c => c.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.Section47Enquiries.Where(e => e.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.StrategyDiscussions.Where(d => d.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.LookedAfterReviews.Where(r => r.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.LookedAfterEpisodes.Where(e => e.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.PrivateFosteringArrangements.Where(a => a.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.ChildInNeedReviews.Where(r => r.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.RetentionCategoryAssignments.Where(c => c.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.LegalHolds.Where(h => h.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.DisposalReviews.Where(r => r.CaseFileId == caseId).ExecuteDeleteAsync(ct);
            await db.CaseFiles.Where(c => c.Id == caseId).ExecuteDeleteAsync(ct); // allocations and volumes cascade
            await db.People.Where(p => people.Contains(p.Id)).ExecuteDeleteAsync(ct); // addresses and relationships cascade

            // The audit trail stays and still verifies: only reasons are redacted (AuditChain hashes them apart).
            await db.AuditEvents.Where(e => e.Reason != null && ((e.CaseFileId != null && e.CaseFileId == caseId) || (e.PersonId != null && people.Contains(e.PersonId.Value))))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, (string?)null), ct);
            // Searches record what was typed; any that could have named the child lose their text too.
            await db.AuditEvents.Where(e => e.Action == AuditAction.Search && e.Reason != null && e.Reason.Contains(familyName))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, (string?)null), ct);

            var tombstone = new DestructionTombstone(Guid.NewGuid(), caseId, file.Reference,
                string.Join(", ", file.Facts.Categories.Select(c => RetentionNames.Id(c.Category)).Append("other").Distinct()),
                file.OpenedOn, file.ClosedOn, decision.Date, rule.Rule.Id,
                rule.Date is { } d && rule.EventDate is { } from
                    ? $"{rule.Rule.Title}: {rule.Rule.PeriodText} on {RetentionDecider.Day(from)} = {RetentionDecider.Day(d)}"
                    : $"{rule.Rule.Title}: {rule.Rule.PeriodText}",
                schedule.Version, review.ProposedBy!.Value, names.GetValueOrDefault(review.ProposedBy.Value, "unknown"), review.ProposedAt!.Value,
                user.Id, names.GetValueOrDefault(user.Id, user.UserName), clock.GetUtcNow(), records, documents, emails);
            db.DestructionTombstones.Add(tombstone);
            audit.Record("destroy", "case", caseId, caseId, reason: $"Destroyed under rule {rule.Rule.Id} of schedule version {schedule.Version}; tombstone {tombstone.Id}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);

            // Content-addressed and deduplicated: a blob goes only when no remaining document or email uses it.
            var removed = 0;
            foreach (var hash in hashes.Distinct())
            {
                if (await db.CaseDocuments.AnyAsync(x => x.Sha256 == hash, ct) || await db.EmailRecords.AnyAsync(x => x.RawSha256 == hash, ct)) continue;
                try
                {
                    if (await store.DeleteAsync(hash, ct)) removed++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Stored content {Hash} of destroyed case {Reference} could not be deleted; delete it by hand", hash, file.Reference);
                }
            }
            tombstone.RecordContentRemoved(removed);
            await db.SaveChangesAsync(ct);
            return tombstone;
        }
    }
}
