using Casefile.Domain.Access;
using Casefile.Web.Hosting;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casefile.Web.Features.Transfers;

/// <summary>
/// Propose moving a case to another team or worker, with the transfer summary the receiving
/// manager reads before accepting it (policy 3.12).
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ProposeModel(Data.AppDbContext db, CaseScope access, AuditTrail audit, TransferQueries queries, ProposeTransfer propose) : CasefilePageModel
{
    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public Guid CaseId { get; private set; }
    public string ChildName { get; private set; } = "";
    public string CaseReference { get; private set; } = "";
    public string GivenName => ChildName.Split(' ')[0];
    /// <summary>A transfer already waiting for the receiving manager: the case can have only one.</summary>
    public TransferView? Open { get; private set; }
    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Workers { get; private set; } = [];

    public sealed class ProposalInput
    {
        public string? ToTeam { get; set; }
        public string? ToWorker { get; set; }
        public string? ReasonForInvolvement { get; set; }
        public string? Assessment { get; set; }
        public string? Plan { get; set; }
        public string? ActionsUndertaken { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var childId = await LoadAsync(caseId, ct);
        audit.Record(AuditAction.View, "case", caseId, caseId, childId, reason: "Opened the form to propose a transfer");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        await LoadAsync(caseId, ct);
        return await TryAsync(async () =>
        {
            var transfer = await propose.HandleAsync(caseId, new ProposeTransferCommand(Input.ToTeam, Input.ToWorker, Input.ReasonForInvolvement,
                Input.Assessment, Input.Plan, Input.ActionsUndertaken), ct);
            TempData["Confirmation"] = "Transfer proposed. A manager of the receiving team needs to accept it before the case moves.";
            return Redirect($"/transfers/{transfer.Id}");
        });
    }

    private async Task<Guid> LoadAsync(Guid caseId, CancellationToken ct)
    {
        var opened = await access.OpenForAsync(caseId, CaseCapability.ProposeTransfer, AuditAction.Create, ct);
        var heading = opened.Heading;
        (CaseId, ChildName, CaseReference) = (caseId, heading.ChildName, heading.Reference);
        Open = await queries.OpenForCaseAsync(opened, ct);
        Teams = await TransferPageOptions.TeamsAsync(db, Input.ToTeam, ct);
        Workers = await TransferPageOptions.WorkersAsync(db, null, Input.ToWorker, "Let the receiving manager choose", ct);
        return heading.ChildId;
    }
}
