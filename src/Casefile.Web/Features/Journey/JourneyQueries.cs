using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Assessments;
using Casefile.Domain.Cases;
using Casefile.Domain.Journey;
using Casefile.Domain.Records;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Journey;

/// <summary>
/// Reads what the statutory journey needs for one case or many at once, and evaluates it with the
/// council's calendar and timescales. Queries that can only matter when a plan, an episode or an
/// enquiry is in force run only then, so a case with none costs four small reads.
/// </summary>
public static class JourneyFactsLoader
{
    public static async Task<IReadOnlyDictionary<Guid, JourneyFacts>> ForCasesAsync(AppDbContext db, IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = caseIds.Distinct().ToList();
        // One read says which of the journey's tables hold anything for these cases; only those are read. A case with no journey costs this one query.
        var cases = await db.CaseFiles.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.People, c => c.ChildId, p => p.Id, (c, p) => new
            {
                c.Id,
                c.Status,
                p.DateOfBirth,
                Enquiries = db.Section47Enquiries.Any(e => e.CaseFileId == c.Id),
                Plans = db.ChildProtectionPlans.Any(x => x.CaseFileId == c.Id),
                Episodes = db.LookedAfterEpisodes.Any(e => e.CaseFileId == c.Id),
                Fostering = db.PrivateFosteringArrangements.Any(a => a.CaseFileId == c.Id),
                Work = db.AssessmentsAndPlans.Any(w => w.CaseFileId == c.Id
                    && (w.Kind == AssessmentOrPlanKind.ChildAndFamilyAssessment || w.Kind == AssessmentOrPlanKind.ChildInNeedPlan)),
            }).ToListAsync(ct);
        var withEnquiries = cases.Where(c => c.Enquiries).Select(c => c.Id).ToList();
        var withPlans = cases.Where(c => c.Plans).Select(c => c.Id).ToList();
        var withEpisodes = cases.Where(c => c.Episodes).Select(c => c.Id).ToList();
        var withWork = cases.Where(c => c.Work).Select(c => c.Id).ToList();
        var withFostering = cases.Where(c => c.Fostering).Select(c => c.Id).ToList();
        var fostering = (withFostering.Count == 0 ? [] : await db.PrivateFosteringArrangements.AsNoTracking().Where(a => withFostering.Contains(a.CaseFileId)).ToListAsync(ct))
            .ToLookup(a => a.CaseFileId);
        var enquiries = (withEnquiries.Count == 0 ? [] : await db.Section47Enquiries.AsNoTracking().Where(e => withEnquiries.Contains(e.CaseFileId)).ToListAsync(ct))
            .ToLookup(e => e.CaseFileId);
        var plans = (withPlans.Count == 0 ? [] : await db.ChildProtectionPlans.AsNoTracking().Where(p => withPlans.Contains(p.CaseFileId)).ToListAsync(ct))
            .ToLookup(p => p.CaseFileId);
        var episodes = (withEpisodes.Count == 0 ? [] : await db.LookedAfterEpisodes.AsNoTracking().Where(e => withEpisodes.Contains(e.CaseFileId)).ToListAsync(ct))
            .ToLookup(e => e.CaseFileId);
        var work = (withWork.Count == 0 ? [] : await db.AssessmentsAndPlans.AsNoTracking()
            .Where(w => withWork.Contains(w.CaseFileId)
                && ((w.Kind == AssessmentOrPlanKind.ChildAndFamilyAssessment && w.Status != AssessmentOrPlanStatus.Authorised && w.Status != AssessmentOrPlanStatus.Ended && w.DueBy != null)
                    || (w.Kind == AssessmentOrPlanKind.ChildInNeedPlan && w.Status == AssessmentOrPlanStatus.Authorised)))
            .Select(w => new WorkRow(w.CaseFileId, w.Kind, w.DueBy, w.AuthorisedAt)).ToListAsync(ct)).ToLookup(w => w.CaseFileId);

        var withPlan = ids.Where(id => plans[id].Any(p => p.IsCurrent)).ToList();
        var withEpisode = ids.Where(id => episodes[id].Any(e => e.IsOpen)).ToList();
        var withEnquiry = ids.Where(id => enquiries[id].Any(e => e.IsOpen)).ToList();
        var withCinPlan = ids.Where(id => work[id].Any(w => w.Kind == AssessmentOrPlanKind.ChildInNeedPlan)).ToList();
        var visited = withPlan.Concat(withEpisode).Concat(withCinPlan).Concat(ids.Where(id => fostering[id].Any(a => a.IsOpen))).Distinct().ToList();
        var cinReviews = withCinPlan.Count == 0 ? [] : await db.ChildInNeedReviews.AsNoTracking().Where(r => withCinPlan.Contains(r.CaseFileId))
            .Select(r => new { r.CaseFileId, r.HeldOn }).ToListAsync(ct);

        var coreGroups = withPlan.Count == 0 ? [] : await db.CoreGroupMeetings.AsNoTracking().Where(g => withPlan.Contains(g.CaseFileId)).ToListAsync(ct);
        var reviews = withEpisode.Count == 0 ? [] : await db.LookedAfterReviews.AsNoTracking().Where(r => withEpisode.Contains(r.CaseFileId))
            .Select(r => new { r.CaseFileId, r.HeldOn }).ToListAsync(ct);
        var conferences = withEnquiry.Count == 0 ? [] : await db.ChildProtectionConferences.AsNoTracking()
            .Where(c => withEnquiry.Contains(c.CaseFileId) && c.Kind == ConferenceKind.Initial).Select(c => new { c.CaseFileId, c.Section47EnquiryId }).ToListAsync(ct);
        var visits = visited.Count == 0 ? [] : await db.CaseRecords.AsNoTracking()
            .Where(r => visited.Contains(r.CaseFileId) && r.Status == CaseRecordStatus.Final && r.Content.Type == CaseRecordType.StatutoryVisit && r.Content.ChildSeen == true)
            .Select(r => new { r.CaseFileId, r.Content.OccurredAt }).ToListAsync(ct);

        var result = new Dictionary<Guid, JourneyFacts>();
        foreach (var c in cases)
        {
            var open = enquiries[c.Id].Where(e => e.IsOpen).MaxBy(e => e.StartedOn);
            var cinSince = work[c.Id].Where(w => w.Kind == AssessmentOrPlanKind.ChildInNeedPlan && w.AuthorisedAt is not null)
                .Select(w => (DateOnly?)w.AuthorisedAt!.Value.ToLondonDate()).Min();
            result[c.Id] = new JourneyFacts(
                c.DateOfBirth,
                c.Status == CaseStatus.Open,
                [.. enquiries[c.Id]],
                [.. plans[c.Id]],
                [.. coreGroups.Where(g => g.CaseFileId == c.Id)],
                [.. episodes[c.Id]],
                [.. reviews.Where(r => r.CaseFileId == c.Id).Select(r => r.HeldOn)],
                [.. visits.Where(v => v.CaseFileId == c.Id).Select(v => v.OccurredAt.ToLondonDate())],
                [.. work[c.Id].Where(w => w.Kind == AssessmentOrPlanKind.ChildAndFamilyAssessment).Select(w => new OpenAssessment("Child and family assessment", w.DueBy!.Value))],
                cinSince,
                open is not null && conferences.Any(x => x.Section47EnquiryId == open.Id),
                [.. fostering[c.Id]],
                [.. cinReviews.Where(r => r.CaseFileId == c.Id).Select(r => r.HeldOn)]);
        }
        return result;
    }
}

internal sealed record WorkRow(Guid CaseFileId, AssessmentOrPlanKind Kind, DateOnly? DueBy, DateTimeOffset? AuthorisedAt);

public sealed record DueView(string Kind, DateOnly DueBy, bool Overdue, string Description);

public sealed record PlanView(Guid Id, string Category, string CategoryName, DateOnly StartedOn, int VisitIntervalWorkingDays, DateOnly? LastReviewOn);

public sealed record EpisodeView(Guid Id, DateOnly StartedOn, string LegalStatus, string LegalStatusName, string PlacementType, string PlacementTypeName,
    string ReasonForNewEpisode, string? PlacementProvider);

public sealed record EnquiryView(Guid Id, DateOnly StartedOn, DateOnly InitialConferenceDueBy);

public sealed record JourneyView(Guid CaseId, IReadOnlyList<string> Statuses, IReadOnlyList<string> Tags, PlanView? ChildProtectionPlan,
    EpisodeView? LookedAfterEpisode, EnquiryView? Section47Enquiry, IReadOnlyList<DueView> Due);

public sealed record DueVisitView(Guid CaseId, string CaseReference, Guid ChildId, string ChildName, string Worker, string Team, DateOnly DueBy, bool Overdue,
    string Description, DueKind Kind);

/// <summary>The journey of one case (audited as a read of the case), and the team's due visits.</summary>
public sealed class JourneyQueries(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock, BankHolidayCalendar calendars,
    JourneyTimescales timescales)
{
    public async Task<JourneyView> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var opened = await access.OpenAsync(caseId, AccessAction.Read, AuditAction.View, ct);
        var picture = await PictureAsync(caseId, ct);
        audit.Record(AuditAction.View, "journey", caseId, caseId, opened.ChildId, reason: opened.EmergencyNote);
        await db.SaveChangesAsync(ct);
        return View(caseId, picture);
    }

    /// <summary>The journey of a case already opened by the caller (the case page), without an audit event of its own.</summary>
    public async Task<JourneyPicture> PictureAsync(Guid caseId, CancellationToken ct)
    {
        var facts = (await JourneyFactsLoader.ForCasesAsync(db, [caseId], ct))[caseId];
        return StatutoryJourney.Evaluate(facts, await calendars.CurrentAsync(ct), timescales, clock.Today());
    }

    public static JourneyView View(Guid caseId, JourneyPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var plan = picture.CurrentPlan;
        var episode = picture.CurrentEpisode;
        return new JourneyView(caseId,
            [.. picture.Statuses.Select(s => JsonName(s.ToString()))],
            picture.Tags,
            plan is null ? null : new PlanView(plan.Id, ChildProtectionCategories.WordFor(plan.Category), DfeCodes.ChildProtectionCategory.Label(plan.Category),
                plan.StartedOn, plan.VisitIntervalWorkingDays, plan.LastReviewOn),
            episode is null ? null : new EpisodeView(episode.Id, episode.StartedOn, episode.LegalStatus, DfeCodes.LegalStatus.Label(episode.LegalStatus),
                episode.PlacementType, DfeCodes.PlacementType.Label(episode.PlacementType), episode.ReasonForNewEpisode, episode.PlacementProvider),
            picture.OpenEnquiry is { } e ? new EnquiryView(e.Id, e.StartedOn, e.InitialConferenceDueBy) : null,
            [.. picture.Due.Select(d => new DueView(JsonName(d.Kind.ToString()), d.DueBy, d.Overdue, d.Description))]);
    }

    /// <summary>
    /// Statutory visits due on the cases the user may read and works or manages: a worker's own
    /// cases, a manager's teams (or the one <paramref name="team"/> asked for, if they manage it).
    /// </summary>
    public Task<IReadOnlyList<DueVisitView>> DueVisitsAsync(Guid? team, CancellationToken ct) => DueAsync(team, visitsOnly: true, ct);

    /// <summary>Visits, conferences and reviews due on the cases allocated to the user (their own list of work).</summary>
    public Task<IReadOnlyList<DueVisitView>> DueOnMyCasesAsync(CancellationToken ct) => DueAsync(null, visitsOnly: false, ct, mineOnly: true);

    /// <summary>As <see cref="DueVisitsAsync"/>, with the conferences, core groups and reviews due as well (the team's page).</summary>
    public async Task<IReadOnlyList<DueVisitView>> DueAsync(Guid? team, bool visitsOnly, CancellationToken ct, bool mineOnly = false)
    {
        var viewer = await user.ViewerAsync(ct);
        var managed = mineOnly ? [] : StaffPolicy.TeamsManaged(viewer);
        if (team is { } t && !managed.Contains(t)) throw new AccessDeniedException("You can see the due visits only of the teams you manage.");
        var teams = team is { } only ? [only] : managed.ToList();
        var me = user.Id;
        // Only cases where a visit can be due: a plan or episode in force, or an authorised child in need plan.
        var candidates = await db.CaseFiles.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Open && (teams.Contains(c.TeamId) || (team == null && c.AllocatedWorkerId == me)))
            .Where(c => db.ChildProtectionPlans.Any(p => p.CaseFileId == c.Id && p.EndedOn == null)
                || db.LookedAfterEpisodes.Any(e => e.CaseFileId == c.Id && e.EndedOn == null)
                || db.PrivateFosteringArrangements.Any(a => a.CaseFileId == c.Id && a.EndedOn == null)
                || db.AssessmentsAndPlans.Any(w => w.CaseFileId == c.Id && w.Kind == AssessmentOrPlanKind.ChildInNeedPlan && w.Status == AssessmentOrPlanStatus.Authorised))
            .Select(c => c.Id).ToListAsync(ct);
        var readable = await access.ReadableAsync(candidates, ct);
        var ids = candidates.Where(readable.Contains).ToList();
        var due = ids.Count == 0 ? [] : await DueOfAsync(ids, visitsOnly, ct);
        // The list is a read of the children on it, audited even when it is empty (who looked, and when).
        audit.Record(AuditAction.View, "due-visits", team?.ToString() ?? "mine", reason: $"{due.Select(d => d.CaseId).Distinct().Count()} cases");
        await db.SaveChangesAsync(ct);
        return [.. due.OrderByDescending(d => d.Overdue).ThenBy(d => d.DueBy).ThenBy(d => d.ChildName, StringComparer.Ordinal)];
    }

    private async Task<List<DueVisitView>> DueOfAsync(List<Guid> ids, bool visitsOnly, CancellationToken ct)
    {
        var facts = await JourneyFactsLoader.ForCasesAsync(db, ids, ct);
        var calendar = await calendars.CurrentAsync(ct);
        var today = clock.Today();
        var headings = await db.CaseFiles.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.People, c => c.ChildId, p => p.Id, (c, p) => new { c.Id, c.Reference, c.ChildId, Child = p.GivenName + " " + p.FamilyName, c.AllocatedWorkerId, c.TeamId })
            .ToListAsync(ct);
        var workerIds = headings.Select(h => h.AllocatedWorkerId).Distinct().ToList();
        var teamIds = headings.Select(h => h.TeamId).Distinct().ToList();
        var workers = await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var teamNames = await db.Teams.AsNoTracking().Where(x => teamIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);

        var due = new List<DueVisitView>();
        foreach (var h in headings)
        {
            var steps = StatutoryJourney.Evaluate(facts[h.Id], calendar, timescales, today).Due
                .Where(d => visitsOnly ? d.Kind == DueKind.StatutoryVisit : d.Kind != DueKind.Assessment);
            foreach (var step in steps)
                due.Add(new DueVisitView(h.Id, h.Reference, h.ChildId, h.Child, workers.GetValueOrDefault(h.AllocatedWorkerId, ""), teamNames.GetValueOrDefault(h.TeamId, ""),
                    step.DueBy, step.Overdue, step.Description, step.Kind));
        }
        return due;
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
