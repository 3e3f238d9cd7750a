using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Records;

/// <summary>Write-ups still in draft (policy 3.8), and for managers their teams' and the record moves waiting for them.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class OutstandingModel(OutstandingRecords outstanding, DecideRecordMove decide) : CasefilePageModel
{
    public Outstanding List { get; private set; } = new([], [], []);

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public sealed class DecisionInput
    {
        public Guid MoveId { get; set; }
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => List = await outstanding.HandleAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => DecideAsync(true, ct);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken ct) => DecideAsync(false, ct);

    private Task<IActionResult> DecideAsync(bool approve, CancellationToken ct) => TryAsync(async () =>
    {
        await decide.HandleAsync(Decision.MoveId, new DecideMoveCommand(approve, Decision.Note), ct);
        TempData["Confirmation"] = approve ? "Move approved. The record is now on the right child's file, and both files show the move." : "Move refused. The person who asked can see your reason on the record.";
        return RedirectToPage();
    }, field => field == "note" ? "Decision.Note" : null, async () => List = await outstanding.HandleAsync(ct));
}
