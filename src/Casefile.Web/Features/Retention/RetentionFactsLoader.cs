using Casefile.Data;
using Casefile.Domain.Assessments;
using Casefile.Domain.Cases;
using Casefile.Domain.Emails;
using Casefile.Domain.Records;
using Casefile.Domain.Retention;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Retention;

/// <summary>A case file with the facts the retention schedule needs, and what of it records managers cannot see.</summary>
public sealed record CaseRetentionFacts(Guid CaseId, string Reference, Guid ChildId, CaseStatus Status, DateOnly OpenedOn, DateOnly? ClosedOn, RetentionFacts Facts,
    HiddenEvidence Hidden);

/// <summary>
/// Reads what decides a file's retention, for one case or for every closed case at once, in a fixed
/// handful of set queries (cases with their child, section 47 records, plans, care events, the statutory
/// journey's enquiries, child protection plans and looked-after episodes, categories added by records
/// managers, restrictions and what is filed in Restricted Access sections), never one query per case:
/// the daily sweep decides in memory.
/// </summary>
public sealed class RetentionFactsLoader(AppDbContext db)
{
    private static readonly AssessmentOrPlanKind[] LookedAfterPlans =
        [AssessmentOrPlanKind.ChildInCarePlan, AssessmentOrPlanKind.PlacementPlan, AssessmentOrPlanKind.PathwayPlan];

    public async Task<CaseRetentionFacts?> ForCaseAsync(Guid caseId, CancellationToken ct) =>
        (await LoadAsync(db.CaseFiles.Where(c => c.Id == caseId), ct)).GetValueOrDefault(caseId);

    public Task<Dictionary<Guid, CaseRetentionFacts>> ClosedAsync(CancellationToken ct) =>
        LoadAsync(db.CaseFiles.Where(c => c.Status == CaseStatus.Closed), ct);

    private async Task<Dictionary<Guid, CaseRetentionFacts>> LoadAsync(IQueryable<CaseFile> cases, CancellationToken ct)
    {
        var ids = cases.Select(c => c.Id);
        var files = await (from c in cases.AsNoTracking()
                           join p in db.People on c.ChildId equals p.Id
                           select new { c.Id, c.Reference, c.ChildId, c.Status, c.OpenedOn, c.ClosedOn, c.IsRestricted, p.DateOfBirth, p.DateOfDeath }).ToListAsync(ct);
        if (files.Count == 0) return [];

        var section47 = (await db.CaseRecords.AsNoTracking()
                .Where(r => ids.Contains(r.CaseFileId) && (r.Content.Type == CaseRecordType.ChildProtectionEnquiryVisit || r.Content.ChildProtectionEnquiry))
                .Select(r => new { r.CaseFileId, r.Content.OccurredAt }).ToListAsync(ct))
            .GroupBy(r => r.CaseFileId).ToDictionary(g => g.Key, g => DateOnly.FromDateTime(g.Min(r => r.OccurredAt).ToLondon().DateTime));

        var plans = (await db.AssessmentsAndPlans.AsNoTracking()
                .Where(a => ids.Contains(a.CaseFileId) && a.AuthorisedAt != null
                    && (a.Kind == AssessmentOrPlanKind.ChildProtectionPlan || LookedAfterPlans.Contains(a.Kind)))
                .Select(a => new { a.CaseFileId, a.Kind, a.AuthorisedAt }).ToListAsync(ct))
            .GroupBy(a => a.CaseFileId).ToDictionary(g => g.Key, g => g.ToList());

        var events = (await db.CareEvents.AsNoTracking().Where(e => ids.Contains(e.CaseFileId))
                .Select(e => new { e.CaseFileId, e.Kind, e.From }).ToListAsync(ct))
            .GroupBy(e => e.CaseFileId).ToDictionary(g => g.Key, g => g.Select(e => (e.Kind, e.From)).ToList());

        // The statutory journey (issue 16): the first enquiry and plan, and every looked-after episode.
        var enquiries = (await db.Section47Enquiries.AsNoTracking().Where(e => ids.Contains(e.CaseFileId))
                .Select(e => new { e.CaseFileId, e.StartedOn }).ToListAsync(ct))
            .GroupBy(e => e.CaseFileId).ToDictionary(g => g.Key, g => g.Min(e => e.StartedOn));
        var cpPlans = (await db.ChildProtectionPlans.AsNoTracking().Where(p => ids.Contains(p.CaseFileId))
                .Select(p => new { p.CaseFileId, p.StartedOn, p.Category }).ToListAsync(ct))
            .GroupBy(p => p.CaseFileId).ToDictionary(g => g.Key, g => g.MinBy(p => p.StartedOn)!);
        var episodes = (await db.LookedAfterEpisodes.AsNoTracking().Where(e => ids.Contains(e.CaseFileId))
                .Select(e => new { e.CaseFileId, e.StartedOn, e.LegalStatus, e.PlacementType, e.EndedOn, e.ReasonEnded }).ToListAsync(ct))
            .GroupBy(e => e.CaseFileId).ToDictionary(g => g.Key,
                g => g.Select(e => new RetentionCategories.EpisodeEvidence(e.StartedOn, e.LegalStatus, e.PlacementType, e.EndedOn, e.ReasonEnded)).ToList());

        var fostering = (await db.PrivateFosteringArrangements.AsNoTracking().Where(a => ids.Contains(a.CaseFileId))
                .Select(a => new { a.CaseFileId, a.StartedOn }).ToListAsync(ct))
            .GroupBy(a => a.CaseFileId).ToDictionary(g => g.Key, g => g.Min(a => a.StartedOn));

        var added = (await (from a in db.RetentionCategoryAssignments.AsNoTracking()
                            where ids.Contains(a.CaseFileId)
                            join u in db.Users on a.AddedBy equals u.Id
                            orderby a.AddedAt
                            select new { a.CaseFileId, a.Category, a.Reason, a.EventDate, a.DeceasedOrWithdrawn, u.DisplayName }).ToListAsync(ct))
            .GroupBy(a => a.CaseFileId).ToDictionary(g => g.Key, g => g.Select(a => (a.Category, a.Reason, a.EventDate, a.DeceasedOrWithdrawn, a.DisplayName)).ToList());

        // What records managers cannot see (RestrictedFileDisposal): why a case is restricted, and what is in its Restricted Access section.
        var restrictedBecause = (await db.CaseRestrictions.AsNoTracking().Where(r => ids.Contains(r.CaseFileId) && r.LiftedAt == null)
                .Select(r => new { r.CaseFileId, r.Reason }).ToListAsync(ct))
            .GroupBy(r => r.CaseFileId).ToDictionary(g => g.Key, g => g.First().Reason);
        var restrictedSection = (await db.CaseDocuments.AsNoTracking().Where(d => ids.Contains(d.CaseFileId) && d.Section == EmailSection.Restricted)
                .Select(d => d.CaseFileId)
                .Concat(db.EmailRecords.AsNoTracking().Where(e => ids.Contains(e.CaseFileId) && e.Section == EmailSection.Restricted).Select(e => e.CaseFileId))
                .ToListAsync(ct))
            .CountBy(id => id).ToDictionary(p => p.Key, p => p.Value);

        var result = new Dictionary<Guid, CaseRetentionFacts>(files.Count);
        foreach (var f in files)
        {
            var casePlans = plans.GetValueOrDefault(f.Id) ?? [];
            var cp = casePlans.Where(p => p.Kind == AssessmentOrPlanKind.ChildProtectionPlan).Select(p => (DateTimeOffset?)p.AuthorisedAt).Min();
            var lac = casePlans.Where(p => p.Kind != AssessmentOrPlanKind.ChildProtectionPlan).OrderBy(p => p.AuthorisedAt).FirstOrDefault();
            var evidence = new RetentionCategories.Evidence(
                section47.TryGetValue(f.Id, out var s47) ? s47 : null,
                cp is { } cpAt ? LondonDate(cpAt) : null,
                lac is null ? null : (AssessmentOrPlanKinds.Name(lac.Kind), LondonDate(lac.AuthorisedAt!.Value)),
                events.GetValueOrDefault(f.Id) ?? [],
                added.GetValueOrDefault(f.Id) ?? [],
                new RetentionCategories.JourneyEvidence(
                    enquiries.TryGetValue(f.Id, out var enquiry) ? enquiry : null,
                    cpPlans.TryGetValue(f.Id, out var cpPlan) ? (cpPlan.StartedOn, cpPlan.Category) : null,
                    episodes.GetValueOrDefault(f.Id) ?? [],
                    fostering.TryGetValue(f.Id, out var fostered) ? fostered : null));
            var facts = new RetentionFacts(f.DateOfBirth, f.DateOfDeath, f.Status == CaseStatus.Closed ? f.ClosedOn : null, RetentionCategories.Derive(evidence));
            var hidden = new HiddenEvidence(f.IsRestricted, f.IsRestricted && restrictedBecause.TryGetValue(f.Id, out var why) ? why : null,
                restrictedSection.GetValueOrDefault(f.Id));
            result[f.Id] = new CaseRetentionFacts(f.Id, f.Reference, f.ChildId, f.Status, f.OpenedOn, f.ClosedOn, facts, hidden);
        }
        return result;
    }

    private static DateOnly LondonDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToLondon().DateTime);
}

/// <summary>
/// The retention schedule in force: the newest version the council saved, or the one Casefile ships
/// (policy 8 as written) while there is none.
/// </summary>
public sealed class RetentionSchedules(AppDbContext db)
{
    public async Task<RetentionSchedule> CurrentAsync(CancellationToken ct)
    {
        var latest = await db.RetentionScheduleVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        return latest is null ? DefaultRetentionSchedule.Schedule : FromRow(latest);
    }

    public static RetentionSchedule FromRow(RetentionScheduleVersion row) =>
        RetentionSchedule.Parse(row.Json) with { Version = row.Version, ChangedBy = row.ChangedBy, ChangedAt = row.ChangedAt, Reason = row.Reason };
}
