using Casefile.Web.Govuk;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.PaperFiles;

/// <summary>Add a paper volume from before the electronic record to the case's register (policy 2.1, 5.1).</summary>
public sealed class AddModel(Data.AppDbContext db, PaperFileAccess access, AuditTrail audit, AddPaperVolume add) : CasefilePageModel
{
    [BindProperty]
    public VolumeInput Input { get; set; } = new();

    public Guid CaseId { get; private set; }
    public string ChildName { get; private set; } = "";
    public string CaseReference { get; private set; } = "";

    public sealed class VolumeInput
    {
        public string? VolumeNumber { get; set; }
        public DateParts CoversFrom { get; set; } = new();
        public DateParts CoversTo { get; set; } = new();
        public string? Location { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var childId = await LoadCaseAsync(caseId, ct);
        audit.Record(AuditAction.View, "case", caseId, caseId, childId, reason: "Opened the form to add a paper volume");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        await LoadCaseAsync(caseId, ct);
        foreach (var key in ModelState.Keys.ToList()) ModelState.Remove(key);
        int? number = null;
        if (!string.IsNullOrWhiteSpace(Input.VolumeNumber))
        {
            if (int.TryParse(Input.VolumeNumber.Trim(), out var n)) number = n;
            else ModelState.AddModelError("Input.VolumeNumber", "Enter the volume number as a number, for example 2");
        }
        DateOnly? from = null, to = null;
        if (!Input.CoversFrom.IsEmpty)
        {
            if (Input.CoversFrom.TryGetDate("the date of the first paper", out var d, out var error)) from = d;
            else ModelState.AddModelError("Input.CoversFrom", error!);
        }
        if (!Input.CoversTo.IsEmpty)
        {
            if (Input.CoversTo.TryGetDate("the date of the last paper", out var d, out var error)) to = d;
            else ModelState.AddModelError("Input.CoversTo", error!);
        }
        if (!ModelState.IsValid) return Page();
        return await TryAsync(async () =>
        {
            var volume = await add.HandleAsync(caseId, new AddPaperVolumeCommand(number, from, to, Input.Location), ct);
            TempData["Confirmation"] = $"Volume {volume.VolumeNumber} added to the paper file register.";
            return Redirect($"/cases/{caseId}#paper-files");
        });
    }

    private async Task<Guid> LoadCaseAsync(Guid caseId, CancellationToken ct)
    {
        var heading = await access.DemandRegisterAsync(caseId, AuditAction.Create, ct);
        (CaseId, ChildName, CaseReference) = (caseId, heading.ChildName, heading.Reference);
        return heading.ChildId;
    }
}
