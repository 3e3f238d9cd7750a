using Casefile.Domain.AccessRequests;
using Casefile.Web.Govuk;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casefile.Web.Features.AccessRequests;

/// <summary>Register a request for the child's record from their case file (policy 10).</summary>
public sealed class NewModel(Data.AppDbContext db, CaseScope access, AuditTrail audit, RegisterAccessRequest register) : CasefilePageModel
{
    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public Guid CaseId { get; private set; }
    public string ChildName { get; private set; } = "";
    public string CaseReference { get; private set; } = "";

    public sealed class RequestInput
    {
        public string? Kind { get; set; }
        public string? RequesterName { get; set; }
        public string? RequesterOrganisation { get; set; }
        public string? WhatIsAsked { get; set; }
        public DateParts ReceivedOn { get; set; } = new();
        public string? IdentityChecks { get; set; }
        public string? LegalBasis { get; set; }
    }

    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<AccessRequestKind>()
        .Select(k => new SelectListItem(k.DisplayName(), k.ApiName(), Input.Kind == k.ApiName()));

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var childId = await LoadAsync(caseId, ct);
        audit.Record(AuditAction.View, "case", caseId, caseId, childId, reason: "Opened the form to register an access request");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        var childId = await LoadAsync(caseId, ct);
        foreach (var key in ModelState.Keys.ToList()) ModelState.Remove(key);
        DateOnly? received = null;
        if (!Input.ReceivedOn.IsEmpty)
        {
            if (Input.ReceivedOn.TryGetDate("the date the request was received", out var d, out var error)) received = d;
            else ModelState.AddModelError("Input.ReceivedOn", error!);
        }
        if (!ModelState.IsValid) return Page();
        return await TryAsync(async () =>
        {
            var request = await register.HandleAsync(new AccessRequestCommand(Input.Kind, childId, Input.RequesterName, Input.RequesterOrganisation,
                Input.WhatIsAsked, received, Input.IdentityChecks, Input.LegalBasis), ct);
            TempData["Confirmation"] = $"Request registered. It is due on {request.DueOn.Display()}.";
            return Redirect($"/access-requests/{request.Id}");
        }, field => field == "subjectId" ? "" : null);
    }

    private async Task<Guid> LoadAsync(Guid caseId, CancellationToken ct)
    {
        var (_, heading) = await access.DemandWithHeadingAsync(caseId, Domain.Access.AccessAction.Write, AuditAction.Create, ct);
        (CaseId, ChildName, CaseReference) = (caseId, heading.ChildName, heading.Reference);
        return heading.ChildId;
    }
}
