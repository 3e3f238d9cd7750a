using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casefile.Web.Features.Records;

/// <summary>Word search over finalised records, in the user's caseload or across the service: the same handler as the API.</summary>
public sealed class SearchModel(SearchRecords search) : CasefilePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public RecordSearchResult? Result { get; private set; }

    public static IEnumerable<SelectListItem> Scopes(string? scope) =>
    [
        new SelectListItem("My caseload (and my teams' cases, for managers)", "caseload", !string.Equals(scope, "service", StringComparison.OrdinalIgnoreCase)),
        new SelectListItem("Every case I can open", "service", string.Equals(scope, "service", StringComparison.OrdinalIgnoreCase)),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The empty form: nothing is searched, so nothing is shown or audited.
        if (Q is null) return Page();
        return await TryAsync(async () =>
        {
            Result = await search.HandleAsync(new RecordSearchQuery(Q, Scope, After), ct);
            return Page();
        }, field => field switch { "q" => nameof(Q), "scope" => nameof(Scope), _ => "" });
    }

    public string NextUrl(string next) =>
        $"/records/search?q={Uri.EscapeDataString(Q ?? "")}&scope={Uri.EscapeDataString(Result?.Scope.ToString().ToLowerInvariant() ?? "caseload")}&after={Uri.EscapeDataString(next)}";
}
