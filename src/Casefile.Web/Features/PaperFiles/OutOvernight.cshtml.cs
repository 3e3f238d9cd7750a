using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.PaperFiles;

/// <summary>
/// The managers' morning check (policy 7.2, 7.3): paper files their line reports had out of the
/// office overnight, and requests to take files out that are waiting for their decision.
/// </summary>
public sealed class OutOvernightModel(PaperFilesOutOvernight overnight, DecidePaperFileRemoval decide) : CasefilePageModel
{
    public OutOvernightList? List { get; private set; }
    public string? Refusal { get; private set; }

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public sealed class DecisionInput
    {
        public Guid RemovalId { get; set; }
        public string? Reason { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAuthoriseAsync(CancellationToken ct) => TryAsync(async () =>
    {
        await decide.AuthoriseAsync(Decision.RemovalId, ct);
        TempData["Confirmation"] = "Authorised. The worker can now take the file out of the office.";
        return RedirectToPage();
    }, Field, () => LoadAsync(ct));

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken ct) => TryAsync(async () =>
    {
        await decide.RefuseAsync(Decision.RemovalId, new RefuseRemovalCommand(Decision.Reason), ct);
        TempData["Confirmation"] = "Refused. The worker can see your reason on the volume's page.";
        return RedirectToPage();
    }, Field, () => LoadAsync(ct));

    private static string? Field(string field) => field == "reason" ? "Decision.Reason" : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            List = await overnight.HandleAsync(ct);
        }
        catch (AccessDeniedException e)
        {
            Refusal = e.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}
