using Casefile.Domain.Access;
using Casefile.Web.Features.Documents;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Emails;

/// <summary>
/// File an email on a child's record (policy 4.1), through the same handler as the API. When the
/// email names another child on the register (policy 4.4) the worker is shown the names and must
/// confirm, choosing the file again, or redact the email first.
/// </summary>
[UploadSizeLimit]
public sealed class NewModel(CaseScope access, AuditTrail audit, Data.AppDbContext db, ImportEmail import, RestrictedSection restricted) : CasefilePageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public Guid CaseId { get; private set; }
    public string ChildName { get; private set; } = "";
    public string CaseReference { get; private set; } = "";

    /// <summary>The other children's names the email was found to contain, when it was refused for them.</summary>
    public IReadOnlyList<string> OtherChildren { get; private set; } = [];

    public sealed class EmailInput
    {
        public IFormFile? File { get; set; }
        public bool ConfirmOtherChildren { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var childId = await LoadCaseAsync(caseId, ct);
        audit.Record(AuditAction.View, "case", caseId, caseId, childId, reason: "Opened the form to file an email");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        await LoadCaseAsync(caseId, ct);
        ModelState.Clear();
        try
        {
            return await TryAsync(async () =>
            {
                var filed = await PageUpload.SendAsync(HttpContext, Input.File,
                    [new("confirmOtherChildren", Input.ConfirmOtherChildren ? "true" : "false")],
                    request => import.HandleAsync(caseId, request, ct));
                TempData["Confirmation"] = filed.Section == Domain.Emails.EmailSection.Restricted
                    ? "Email filed in the Restricted Access section: it was sent to or from Legal Services."
                    : "Email filed on the case, with its attachments.";
                // Whoever filed a Legal Services email may not be allowed to open it again (policy 4.3 guidance).
                if (filed.Section == Domain.Emails.EmailSection.Restricted && !await restricted.MayOpenAsync(caseId, ct))
                {
                    TempData["Confirmation"] = "Email filed in the Restricted Access section: it was sent to or from Legal Services, so only Legal Services, the allocated worker, the case's managers and the people named on a restricted case can open it.";
                    return Redirect($"/cases/{caseId}");
                }
                if (filed.MayReplace.Count > 0)
                    TempData["MayReplace"] = string.Join(",", filed.MayReplace.Select(m => m.Id));
                return Redirect($"/emails/{filed.Id}");
            }, field => field == "file" ? "Input.File" : null);
        }
        catch (UploadRefusedException e)
        {
            ModelState.AddModelError("Input.File", e.Message);
        }
        catch (OtherChildNamedException e)
        {
            OtherChildren = e.Found;
            ModelState.AddModelError("Input.ConfirmOtherChildren",
                "This email names " + (e.Found.Count == 1 ? "another child" : "other children") + " on the register. Check it, then confirm and choose the file again, or redact it first");
        }
        return Page();
    }

    private async Task<Guid> LoadCaseAsync(Guid caseId, CancellationToken ct)
    {
        var (_, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Write, AuditAction.Create, ct);
        (CaseId, ChildName, CaseReference) = (caseId, heading.ChildName, heading.Reference);
        return heading.ChildId;
    }
}
