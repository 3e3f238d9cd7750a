using Casefile.Web.Hosting;

namespace Casefile.Web.Features.Oversight;

public static class OversightEndpoints
{
    public static void MapOversight(this RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/teams").WithTags("Oversight").RequireAuthorization(Policies.CaseWork);
        teams.MapGet("", async (TeamDashboard dashboards, CancellationToken ct) => Results.Ok(new { teams = await dashboards.TeamsAsync(ct) }))
            .WithSummary("The teams you oversee as a manager (none for other roles)");
        teams.MapGet("/{teamId:guid}/dashboard", async (Guid teamId, HttpRequest request, TeamDashboard dashboards, CancellationToken ct) =>
        {
            var view = await dashboards.ForTeamAsync(teamId, ct);
            if (request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true))
                return Results.Text(TeamDashboard.Csv(view), "text/csv; charset=utf-8");
            var p = view.Picture;
            return Results.Ok(new
            {
                teamId = view.TeamId,
                team = view.TeamName,
                workers = p.Workers.Select(Figures),
                totals = Figures(p.Totals),
                timeliness = p.Timeliness.Select(m => new { m.Year, m.Month, m.Finalised, m.OnTime, percent = m.Percent }),
                referralsUndecidedAfterOneWorkingDay = view.ReferralsUndecided,
                restrictedNotCounted = view.RestrictedNotCounted,
                authorisationsWaiting = view.AuthorisationsWaiting,
                longestWaitingDays = view.LongestWaitingDays,
                noContactThresholdDays = p.NoContactThresholdDays,
            });
        }).WithSummary("A team's picture: each worker's open cases by status, records on time, visits, meetings, assessments and drafts overdue, cases with no recent contact; totals and 12 months of timeliness. Accept: text/csv for the workers' table. Only teams you manage (403 otherwise); only cases you may read");
    }

    private static object Figures(Domain.Oversight.WorkerFigures w) => new
    {
        workerId = w.WorkerId,
        name = w.Name,
        openCases = w.OpenCases,
        childInNeed = w.ChildInNeed,
        childProtectionPlan = w.ChildProtection,
        lookedAfter = w.LookedAfter,
        recordsOnTimePercent = w.RecordsOnTimePercent,
        recordsOnTimePercentThisMonth = w.RecordsOnTimePercentThisMonth,
        recordsFinalised = w.RecordsFinalised,
        visitsOverdue = w.VisitsOverdue,
        meetingsOverdue = w.MeetingsOverdue,
        assessmentsOverdue = w.AssessmentsOverdue,
        draftsOverdue = w.DraftsOverdue,
        noRecentContact = w.NoRecentContact,
    };
}
