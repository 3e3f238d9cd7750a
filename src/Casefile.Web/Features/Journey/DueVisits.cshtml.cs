using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Journey;

/// <summary>
/// Statutory visits, conferences, core groups and reviews due and overdue (issue 16): a worker's own
/// cases, a manager's teams; overdue first. The query of <c>GET /api/v1/visits/due</c>, with the
/// meetings as well as the visits.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class DueVisitsModel(JourneyQueries queries) : CasefilePageModel
{
    public IReadOnlyList<DueVisitView> Visits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Visits = await queries.DueAsync(null, visitsOnly: false, ct);
        return Page();
    }
}
