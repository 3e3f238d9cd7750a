using Casefile.Web.Hosting;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Transfers;

/// <summary>
/// One transfer and its summary (policy 3.12). While it is proposed, a manager of the receiving
/// team accepts it (choosing the worker if none was proposed) or returns it with a reason, and the
/// person who proposed it can withdraw it.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class DetailsModel(Data.AppDbContext db, CurrentUser user, TransferQueries queries, DecideTransfer decide) : CasefilePageModel
{
    public TransferView Transfer { get; private set; } = null!;
    public bool CanDecide { get; private set; }
    public bool CanWithdraw { get; private set; }
    /// <summary>The receiving manager may not open the case until they accept it, so their way back is "Your work".</summary>
    public bool IsReceivingManager { get; private set; }
    public IReadOnlyList<SelectListItem> Workers { get; private set; } = [];

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public sealed class DecisionInput
    {
        public string? Worker { get; set; }
        public string? Reason { get; set; }
    }

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        var transfer = await decide.AcceptAsync(id, new AcceptTransferCommand(Decision.Worker), ct);
        TempData["Confirmation"] = "Transfer accepted. The case is now held by your team.";
        return Redirect($"/cases/{transfer.CaseFileId}");
    }, field => field is "worker" or "workerId" ? "Decision.Worker" : "", () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        await decide.ReturnAsync(id, new TransferReasonCommand(Decision.Reason), ct);
        TempData["Confirmation"] = "Transfer returned with your reason. The case stays where it was.";
        return Redirect($"/transfers/{id}");
    }, field => field == "reason" ? "Decision.Reason" : "", () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        var caseId = await db.CaseTransfers.Where(t => t.Id == id).Select(t => t.CaseFileId).SingleOrDefaultAsync(ct);
        await decide.WithdrawAsync(id, ct);
        TempData["Confirmation"] = "Transfer withdrawn. The case stays with you.";
        return Redirect($"/cases/{caseId}");
    }, reload: () => LoadAsync(id, ct));

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Transfer = await queries.GetAsync(id, ct);
        var parties = await db.CaseTransfers.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.ToTeamId, t.RequestedBy }).SingleAsync(ct);
        var viewer = await user.ViewerAsync(ct);
        IsReceivingManager = viewer.Manages(parties.ToTeamId);
        if (Transfer.Status != "proposed") return;
        CanDecide = IsReceivingManager;
        CanWithdraw = parties.RequestedBy == user.Id;
        if (CanDecide && Transfer.ToWorker is null)
            Workers = await TransferPageOptions.WorkersAsync(db, parties.ToTeamId, Decision.Worker, "Select a worker", ct);
    }
}
