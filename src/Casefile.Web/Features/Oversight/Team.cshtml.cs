using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Oversight;

/// <summary>A team's picture for its managers (issue 17): figures per worker, charts with their tables, CSV.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class TeamModel(TeamDashboard dashboards) : CasefilePageModel
{
    public TeamDashboardView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid teamId, CancellationToken ct)
    {
        View = await dashboards.ForTeamAsync(teamId, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid teamId, CancellationToken ct)
    {
        var view = await dashboards.ForTeamAsync(teamId, ct);
        return File(System.Text.Encoding.UTF8.GetBytes(TeamDashboard.Csv(view)), "text/csv; charset=utf-8", $"team-{view.TeamName.ToLowerInvariant().Replace(' ', '-')}.csv");
    }
}
