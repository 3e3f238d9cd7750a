using Casefile.Web.Features.Access;
using Casefile.Web.Govuk;
using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Staff;

/// <summary>What one worker opened in a period, for their managers investigating a complaint.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class AccessLogModel(AccessLogs logs, TimeProvider clock) : CasefilePageModel
{
    public string UserName { get; private set; } = "";
    public AccessLogPage Log { get; private set; } = new([], 1, false);

    // Not "page": Razor Pages keeps that route value for the page's own name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public AccessLogTable Table => new(Log, ShowWho: false, LinkCases: true, AccessLogTable.Links(null, From, To));

    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    public async Task OnGetAsync(string userName, CancellationToken ct)
    {
        UserName = userName;
        var today = Infrastructure.LondonTime.Today(clock);
        DateOnly from = today.AddDays(-30), to = today;
        if (!From.IsEmpty && !From.TryGetDate("the start date", out from, out var fromError)) ModelState.AddModelError("From", fromError!);
        if (!To.IsEmpty && !To.TryGetDate("the end date", out to, out var toError)) ModelState.AddModelError("To", toError!);
        if (ModelState.IsValid && to < from) ModelState.AddModelError("To", "The end date must be on or after the start date");
        if (From.IsEmpty) From = DateParts.From(from);
        if (To.IsEmpty) To = DateParts.From(to);
        if (!ModelState.IsValid) return;
        try
        {
            Log = await logs.ForUserAsync(userName, new AccessLogFilter(null, from, to, PageNumber is < 1 ? 1 : PageNumber), ct);
        }
        catch (Infrastructure.ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var m in messages) ModelState.AddModelError(field == "from" ? "From" : "To", m);
        }
    }
}
