using Casefile.Web.Govuk;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.PaperFiles;

/// <summary>Ask to take a paper volume out of the office; the worker's line manager decides (policy 7.3).</summary>
public sealed class RequestRemovalModel(PaperFileQueries queries, RequestPaperFileRemoval request) : CasefilePageModel
{
    [BindProperty]
    public RemovalInput Input { get; set; } = new();

    public PaperVolumeView Volume { get; private set; } = null!;

    public sealed class RemovalInput
    {
        public string? Reason { get; set; }
        public string? Destination { get; set; }
        public DateParts ExpectedReturn { get; set; } = new();
    }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Volume = await queries.GetAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Volume = await queries.GetAsync(id, ct);
        foreach (var key in ModelState.Keys.ToList()) ModelState.Remove(key);
        DateOnly? expected = null;
        if (!Input.ExpectedReturn.IsEmpty)
        {
            if (Input.ExpectedReturn.TryGetDate("the date you expect to bring it back", out var d, out var error)) expected = d;
            else ModelState.AddModelError("Input.ExpectedReturn", error!);
        }
        if (!ModelState.IsValid) return Page();
        return await TryAsync(async () =>
        {
            await request.HandleAsync(id, new RemovalRequestCommand(Input.Reason, Input.Destination, expected), ct);
            TempData["Confirmation"] = "Request sent. Your line manager needs to authorise it before the volume leaves the office.";
            return Redirect($"/paper-files/{id}");
        });
    }
}
