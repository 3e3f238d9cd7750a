using System.Globalization;
using System.Text;
using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Assessments;
using Casefile.Domain.Cases;
using Casefile.Domain.Journey;
using Casefile.Domain.Oversight;
using Casefile.Domain.Records;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Features.Journey;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Oversight;

public sealed record TeamSummary(Guid Id, string Name);

/// <param name="AuthorisationsWaiting">Assessments, plans and closure requests of the team's cases waiting for a manager's decision.</param>
/// <param name="LongestWaitingDays">How many days the oldest of them has waited.</param>
public sealed record TeamDashboardView(Guid TeamId, string TeamName, TeamPicture Picture, int ReferralsUndecided, int RestrictedNotCounted,
    int AuthorisationsWaiting = 0, int LongestWaitingDays = 0);

/// <summary>
/// The team picture for managers (issue 17): only teams the viewer manages (403 otherwise), only
/// cases the viewer may read (a restricted case they are not named on is left out and not counted),
/// audited as a read of the children's data it summarises.
/// </summary>
public sealed class TeamDashboard(AppDbContext db, CurrentUser user, CaseScope access, AuditTrail audit, TimeProvider clock, BankHolidayCalendar calendars,
    JourneyTimescales timescales)
{
    public async Task<IReadOnlyList<TeamSummary>> TeamsAsync(CancellationToken ct)
    {
        var managed = StaffPolicy.TeamsManaged(await user.ViewerAsync(ct)).ToList();
        return await db.Teams.AsNoTracking().Where(t => managed.Contains(t.Id)).OrderBy(t => t.Name).Select(t => new TeamSummary(t.Id, t.Name)).ToListAsync(ct);
    }

    public async Task<TeamDashboardView> ForTeamAsync(Guid teamId, CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new { t.Id, t.Name }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The team");
        if (!viewer.Manages(teamId)) throw new AccessDeniedException("Only the team's managers, and managers above them, see its picture.");
        var today = clock.Today();
        var calendar = await calendars.CurrentAsync(ct);

        var open = await db.CaseFiles.AsNoTracking().Where(c => c.TeamId == teamId && c.Status == CaseStatus.Open)
            .Select(c => new { c.Id, c.AllocatedWorkerId, c.OpenedOn }).ToListAsync(ct);
        var readable = await access.ReadableAsync([.. open.Select(c => c.Id)], ct);
        var cases = open.Where(c => readable.Contains(c.Id)).ToList();
        var ids = cases.Select(c => c.Id).ToList();

        var facts = ids.Count == 0 ? new Dictionary<Guid, JourneyFacts>() : await JourneyFactsLoader.ForCasesAsync(db, ids, ct);
        var lastContact = (await db.CaseRecords.AsNoTracking().Where(r => ids.Contains(r.CaseFileId) && r.Status == CaseRecordStatus.Final)
                .GroupBy(r => r.CaseFileId).Select(g => new { g.Key, Last = g.Max(r => r.Content.OccurredAt) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Last.ToLondonDate());

        var teamCases = cases.Select(c =>
        {
            var picture = facts.TryGetValue(c.Id, out var f) ? StatutoryJourney.Evaluate(f, calendar, timescales, today) : null;
            var due = picture?.Due ?? [];
            return new TeamCase(c.Id, c.AllocatedWorkerId, c.OpenedOn, lastContact.TryGetValue(c.Id, out var last) ? last : null, picture?.Statuses ?? [],
                due.Any(d => d.Kind == DueKind.StatutoryVisit && d.Overdue),
                due.Count(d => d.Overdue && d.Kind.IsMeeting()),
                due.Any(d => d.Kind == DueKind.Assessment && d.Overdue));
        }).ToList();

        var workerIds = await db.Users.AsNoTracking().Where(u => u.TeamId == teamId).Select(u => u.Id).ToListAsync(ct);
        workerIds = [.. workerIds.Union(cases.Select(c => c.AllocatedWorkerId))];
        var names = await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var drafts = (await db.CaseRecords.AsNoTracking().Where(r => r.Status == CaseRecordStatus.Draft && workerIds.Contains(r.RecordedBy) && r.RecordBy < today
                && ids.Contains(r.CaseFileId))
            .GroupBy(r => r.RecordedBy).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        // Only workers who hold cases or are in the team appear; a worker with none of either is not listed.
        var workers = workerIds.Where(names.ContainsKey).Select(w => new TeamWorker(w, names[w], drafts.GetValueOrDefault(w))).ToList();

        var yearAgo = LondonTime.FromLondon(today.AddMonths(-12), TimeOnly.MinValue);
        var hidden = access.HiddenCaseIds();
        var finalised = (await db.CaseRecords.AsNoTracking().Where(r => r.Status == CaseRecordStatus.Final && r.FinalisedAt != null && r.FinalisedAt >= yearAgo
                && workerIds.Contains(r.RecordedBy) && !hidden.Contains(r.CaseFileId))
            .Select(r => new { r.RecordedBy, r.FinalisedAt, r.WorkingDaysLate }).ToListAsync(ct))
            .Select(r => new FinalisedRecord(r.RecordedBy, r.FinalisedAt!.Value.ToLondonDate(), (r.WorkingDaysLate ?? 0) <= 0)).ToList();

        var undecided = 0;
        if (viewer.May(StaffCapability.DecideReferrals))
        {
            var awaiting = await db.Referrals.AsNoTracking().Where(r => r.Decision == Domain.Referrals.ReferralDecision.Awaiting).Select(r => r.ReceivedAt).ToListAsync(ct);
            undecided = awaiting.Count(r => calendar.AddWorkingDays(r.ToLondonDate(), timescales.ReferralDecisionWorkingDays) < today);
        }

        var submitted = await db.AssessmentsAndPlans.AsNoTracking().Where(w => ids.Contains(w.CaseFileId) && w.Status == AssessmentOrPlanStatus.Submitted && w.SubmittedAt != null)
            .Select(w => w.SubmittedAt!.Value).ToListAsync(ct);
        var closures = await db.ClosureRequests.AsNoTracking().Where(r => ids.Contains(r.CaseFileId) && r.Status == Domain.Closure.ClosureRequestStatus.Submitted)
            .Select(r => r.RequestedAt).ToListAsync(ct);
        var waiting = submitted.Concat(closures).ToList();
        var longest = waiting.Count == 0 ? 0 : today.DayNumber - waiting.Min().ToLondonDate().DayNumber;

        var view = new TeamDashboardView(team.Id, team.Name, TeamPicture.Build(workers, teamCases, finalised, today), undecided, open.Count - cases.Count,
            waiting.Count, longest);
        audit.Record(AuditAction.View, "team-dashboard", teamId, reason: $"{cases.Count} open cases");
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>
    /// The service view for principal and divisional managers: each team they oversee with its
    /// totals, from the same picture as the team page (so the figures agree).
    /// </summary>
    public async Task<IReadOnlyList<TeamDashboardView>> ServiceAsync(CancellationToken ct)
    {
        var views = new List<TeamDashboardView>();
        foreach (var team in await TeamsAsync(ct)) views.Add(await ForTeamAsync(team.Id, ct));
        return views;
    }

    /// <summary>The workers' figures as CSV (every table downloads), with the team's totals last.</summary>
    public static string Csv(TeamDashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var csv = new StringBuilder();
        csv.AppendLine("worker,open cases,child in need,child protection plan,looked after,records on time % (12 months),records on time % (this month),records finalised (12 months),visits overdue,conferences and reviews overdue,assessments overdue,drafts overdue,no recent contact");
        foreach (var w in view.Picture.Workers.Append(view.Picture.Totals))
            csv.AppendLine(string.Join(',', Quote(w.Name), w.OpenCases, w.ChildInNeed, w.ChildProtection, w.LookedAfter, w.RecordsOnTimePercent?.ToString(CultureInfo.InvariantCulture) ?? "",
                w.RecordsOnTimePercentThisMonth?.ToString(CultureInfo.InvariantCulture) ?? "", w.RecordsFinalised, w.VisitsOverdue, w.MeetingsOverdue, w.AssessmentsOverdue,
                w.DraftsOverdue, w.NoRecentContact));
        return csv.ToString();
    }

    // A name starting with =, +, - or @ would be a formula in a spreadsheet: it is quoted and prefixed.
    private static string Quote(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
