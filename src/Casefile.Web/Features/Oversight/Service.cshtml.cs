using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace Casefile.Web.Features.Oversight;

/// <summary>The service at a glance for principal and divisional managers: every team they oversee, side by side.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ServiceModel(TeamDashboard dashboards) : CasefilePageModel
{
    public IReadOnlyList<TeamDashboardView> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Teams = await dashboards.ServiceAsync(ct);
}
