using System.Globalization;
using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Documents;
using Casefile.Web.Govuk;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casefile.Web.Features.Documents;

/// <summary>Add a document to a child's record (policy 5.1), through the same handler as the API.</summary>
[UploadSizeLimit]
public sealed class UploadModel(AppDbContext db, CaseScope access, AuditTrail audit, UploadDocument upload) : CasefilePageModel
{
    [BindProperty]
    public DocumentInput Input { get; set; } = new();

    public Guid CaseId { get; private set; }
    public string ChildName { get; private set; } = "";
    public string CaseReference { get; private set; } = "";

    public sealed class DocumentInput
    {
        public IFormFile? File { get; set; }
        public string? Type { get; set; }
        public string? Title { get; set; }
        public DateParts Date { get; set; } = new();
        public string? Author { get; set; }
        public string? Section { get; set; }
        public bool ConfirmOtherChildren { get; set; }
    }

    /// <summary>Whether the user may file in the Restricted Access section (only those who may open it).</summary>
    public bool MayFileRestricted { get; private set; }

    public static IEnumerable<SelectListItem> Sections(string? selected) =>
    [
        new("With the case's other documents", "general", selected is null or "" or "general"),
        new("In the Restricted Access section: advice from or to Legal Services, which is privileged", "restricted", selected == "restricted"),
    ];

    public static IEnumerable<SelectListItem> Types(string? selected) =>
        new[] { new SelectListItem("Select the kind of document", "") }.Concat(
            Enum.GetValues<DocumentType>().Where(t => t != DocumentType.EmailAttachment)
                .Select(t => new SelectListItem(t.DisplayName(), Api(t), Api(t) == selected)));

    private static string Api(DocumentType t) => char.ToLowerInvariant(t.ToString()[0]) + t.ToString()[1..];

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var childId = await LoadCaseAsync(caseId, ct);
        audit.Record(AuditAction.View, "case", caseId, caseId, childId, reason: "Opened the form to add a document");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        await LoadCaseAsync(caseId, ct);
        // The three date boxes are checked here, as the GOV.UK date input says; the handler checks the rest.
        string? date = null;
        if (!Input.Date.IsEmpty)
        {
            if (Input.Date.TryGetDate("the document's date", out var d, out var error)) date = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            else ModelState.AddModelError("Input.Date", error!);
        }
        // Model binding's own messages are not shown: the handler's are plainer.
        foreach (var key in ModelState.Keys.Where(k => k != "Input.Date").ToList()) ModelState.Remove(key);
        if (!ModelState.IsValid) return Page();
        try
        {
            return await TryAsync(async () =>
            {
                var saved = await PageUpload.SendAsync(HttpContext, Input.File,
                    [new("type", Input.Type ?? ""), new("title", Input.Title ?? ""), new("date", date), new("author", Input.Author),
                        new("section", Input.Section), new("confirmOtherChildren", Input.ConfirmOtherChildren ? "true" : null)],
                    request => upload.HandleAsync(caseId, request, ct));
                TempData["Confirmation"] = "Document added to the case file.";
                return Redirect($"/documents/{saved.Id}");
            }, field => field switch
            {
                "file" => "Input.File",
                "date" => "Input.Date",
                "section" => "Input.Section",
                "confirmOtherChildren" => "Input.ConfirmOtherChildren",
                _ => null,
            });
        }
        catch (UploadRefusedException e)
        {
            ModelState.AddModelError(e.Field == "file" ? "Input.File" : "Input." + char.ToUpperInvariant(e.Field[0]) + e.Field[1..], e.Message);
            return Page();
        }
    }

    private async Task<Guid> LoadCaseAsync(Guid caseId, CancellationToken ct)
    {
        var (_, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Write, AuditAction.Create, ct);
        (CaseId, ChildName, CaseReference) = (caseId, heading.ChildName, heading.Reference);
        MayFileRestricted = (await access.PermissionsAsync(caseId, ct))?.May(CaseCapability.OpenRestrictedSection) == true;
        return heading.ChildId;
    }
}
