using Casefile.Web.Features.Access;
using Casefile.Web.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Cases;

/// <summary>"Who has viewed this case": one line per visit, with names and plain words, filtered by person and dates, a page at a time.</summary>
[Authorize]
public sealed class AccessLogModel(AccessLogs logs) : CasefilePageModel
{
    public Guid CaseId { get; private set; }
    public AccessLogPage Log { get; private set; } = new([], 1, false);

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    // Not "page": Razor Pages keeps that route value for the page's own name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        CaseId = id;
        DateOnly? from = null, to = null;
        if (!From.IsEmpty) { if (From.TryGetDate("the start date", out var f, out var error)) from = f; else ModelState.AddModelError("From", error!); }
        if (!To.IsEmpty) { if (To.TryGetDate("the end date", out var t, out var error)) to = t; else ModelState.AddModelError("To", error!); }
        if (!ModelState.IsValid) return;
        try
        {
            Log = await logs.ForCaseAsync(id, new AccessLogFilter(Person, from, to, PageNumber is < 1 ? 1 : PageNumber), ct);
        }
        catch (Infrastructure.ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var m in messages) ModelState.AddModelError(field == "from" ? "From" : field == "to" ? "To" : field, m);
        }
    }

    public AccessLogTable Table => new(Log, ShowWho: true, LinkCases: false, AccessLogTable.Links(Person, From, To));
}
