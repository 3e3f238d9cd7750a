using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.People;

[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(SearchPeople search) : CasefilePageModel
{
    [BindProperty(SupportsGet = true, Name = "query")]
    public string? Query { get; set; }

    public IReadOnlyList<PersonSearchResult>? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Query is null) return;
        if (string.IsNullOrWhiteSpace(Query))
        {
            ModelState.AddModelError(nameof(Query), "Enter a name, or a name and date of birth");
            return;
        }
        if (Query.Length > 200)
        {
            ModelState.AddModelError(nameof(Query), "Search for 200 characters or fewer");
            return;
        }
        Results = await search.HandleAsync(Query, ct);
    }
}
