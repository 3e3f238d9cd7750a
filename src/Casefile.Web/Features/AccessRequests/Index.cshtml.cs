using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.AccessRequests;

/// <summary>The access to records register: your requests and your line's, with those past or near their due date first.</summary>
public sealed class IndexModel(AccessRequestQueries queries) : CasefilePageModel
{
    public IReadOnlyList<AccessRequestListItem> Requests { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Due { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Requests = await queries.ListAsync(Due, ct);
}
