using Casefile.Domain.Journey;
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

    /// <summary>What the list is narrowed to, in words, when a figure on a team's picture led here.</summary>
    public string? Narrowed { get; private set; }

    /// <param name="team">One team the user manages (a team picture's figure links here with it).</param>
    /// <param name="show">overdue-visits, overdue-meetings, or nothing for everything due.</param>
    public async Task<IActionResult> OnGetAsync(Guid? team, string? show, CancellationToken ct)
    {
        var visitsOnly = show == "overdue-visits";
        var all = await queries.DueAsync(team, visitsOnly, ct);
        Visits = show switch
        {
            "overdue-visits" => [.. all.Where(v => v.Overdue)],
            "overdue-meetings" => [.. all.Where(v => v.Overdue && v.Kind.IsMeeting())],
            _ => all,
        };
        Narrowed = show switch
        {
            "overdue-visits" => "Only the children not seen on time",
            "overdue-meetings" => "Only the conferences, core groups and reviews overdue",
            _ => null,
        };
        return Page();
    }
}
