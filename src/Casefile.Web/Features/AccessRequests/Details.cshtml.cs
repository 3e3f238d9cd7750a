using Casefile.Domain.Access;
using Casefile.Domain.AccessRequests;
using Casefile.Domain.Documents;
using Casefile.Domain.Staff;
using Casefile.Web.Govuk;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.AccessRequests;

/// <summary>
/// One request: its due date, where each release rule stands, and the actions that move it on
/// (choose consent or the court's order, extend, approve, legal advice, release, the guardian's log).
/// </summary>
public sealed class DetailsModel(Data.AppDbContext db, AccessRequestQueries queries, UpdateAccessRequest update, DecideAccessRequest decide,
    ReleaseAccessRequest release, LogGuardianAccess guardian, CurrentUser user) : CasefilePageModel
{
    public AccessRequestView Item { get; private set; } = null!;
    public IReadOnlyList<DisclosureLogView> Log { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Label, DocumentType Type)> Documents { get; private set; } = [];
    public bool MayApprove { get; private set; }
    public bool IsLegal { get; private set; }

    [BindProperty] public Guid? DocumentId { get; set; }

    /// <summary>The guardian log's own field, so a guardian's request page (which also chooses the court order) has no two fields with one id.</summary>
    [BindProperty] public Guid? GuardianDocumentId { get; set; }
    [BindProperty] public string? GuardianAction { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateParts RequesterToldOn { get; set; } = new();
    [BindProperty] public string? Advice { get; set; }
    [BindProperty] public bool ReleasePrivileged { get; set; }

    public IEnumerable<SelectListItem> DocumentsOf(DocumentType? type) =>
        Documents.Where(d => type is null || d.Type == type).Select(d => new SelectListItem(d.Label, d.Id.ToString()))
            .Prepend(new SelectListItem("Choose a document", ""));

    public IEnumerable<SelectListItem> GuardianActions =>
    [
        new("They looked at it", "viewed", GuardianAction == "viewed"),
        new("They took a copy", "copied", GuardianAction == "copied"),
    ];

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostConsentAsync(Guid id, CancellationToken ct) =>
        Act(id, () => update.RecordConsentAsync(id, new DocumentChoiceCommand(DocumentId), ct), "Consent form chosen.", "DocumentId", ct);

    public Task<IActionResult> OnPostCourtAuthorityAsync(Guid id, CancellationToken ct) =>
        Act(id, () => update.RecordCourtAuthorityAsync(id, new DocumentChoiceCommand(DocumentId), ct), "Court order chosen.", "DocumentId", ct);

    public Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct)
    {
        DateOnly? told = null;
        if (!RequesterToldOn.IsEmpty)
        {
            if (RequesterToldOn.TryGetDate("the date you told the requester", out var d, out var error)) told = d;
            else ModelState.AddModelError(nameof(RequesterToldOn), error!);
        }
        return Act(id, () => update.ExtendAsync(id, new ExtendCommand(Reason, told), ct), "Request extended.", null, ct,
            requiresValid: true);
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        Act(id, () => decide.ApproveAsync(id, ct), "Approved for release.", null, ct);

    public Task<IActionResult> OnPostLegalAdviceAsync(Guid id, CancellationToken ct) =>
        Act(id, () => decide.RecordLegalAdviceAsync(id, new LegalAdviceCommand(Advice, ReleasePrivileged), ct), "Legal advice recorded.", "Advice", ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) =>
        Act(id, () => release.HandleAsync(id, ct), "Released. Download the bundle below and send it to the requester.", null, ct);

    public Task<IActionResult> OnPostGuardianAsync(Guid id, CancellationToken ct) =>
        Act(id, () => guardian.HandleAsync(id, new GuardianAccessCommand(GuardianDocumentId, GuardianAction), ct), "Recorded on the log for the court.", "GuardianDocumentId", ct,
            map: f => f == "action" ? nameof(GuardianAction) : f == "documentId" ? "GuardianDocumentId" : null);

    private async Task<IActionResult> Act(Guid id, Func<Task> action, string done, string? field, CancellationToken ct, bool requiresValid = false,
        Func<string, string?>? map = null)
    {
        if (requiresValid && !ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        return await TryAsync(async () =>
        {
            await action();
            TempData["Confirmation"] = done;
            return Redirect($"/access-requests/{id}");
        }, map ?? (f => f switch
        {
            "documentId" => field ?? "DocumentId",
            "reason" => nameof(Reason),
            "requesterToldOn" => nameof(RequesterToldOn),
            "advice" => nameof(Advice),
            _ => "",
        }), () => LoadAsync(id, ct));
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Item = await queries.GetAsync(id, ct);
        var viewer = await user.ViewerAsync(ct);
        MayApprove = viewer.May(StaffCapability.ApproveDisclosures);
        IsLegal = viewer.May(StaffCapability.AdviseAsLegalServices);
        Log = await queries.DisclosureLogAsync(id, ct);
        var caseId = Item.CaseId;
        var docs = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseFileId == caseId).OrderByDescending(d => d.DocumentDate)
            .Select(d => new { d.Id, d.Title, d.DocumentDate, d.Type }).ToListAsync(ct);
        Documents = docs.Select(d => (d.Id, $"{d.Title} ({d.DocumentDate.Display()})", d.Type)).ToList();
    }
}
