using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace Casefile.Web.Features.Oversight;

/// <summary>The teams a manager oversees, each linking to its picture.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class TeamsModel(TeamDashboard dashboards) : CasefilePageModel
{
    public IReadOnlyList<TeamSummary> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Teams = await dashboards.TeamsAsync(ct);
}
