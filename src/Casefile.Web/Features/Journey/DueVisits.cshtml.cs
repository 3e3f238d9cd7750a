using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Journey;

/// <summary>
/// Statutory visits due and overdue (issue 16): a worker's own cases, a manager's teams; overdue
/// first. The same query as <c>GET /api/v1/visits/due</c>.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class DueVisitsModel(JourneyQueries queries) : CasefilePageModel
{
    public IReadOnlyList<DueVisitView> Visits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Visits = await queries.DueVisitsAsync(null, ct);
        return Page();
    }
}
