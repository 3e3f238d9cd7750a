using Casefile.Domain.Access;
using Casefile.Domain.Assessments;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Assessments;

/// <summary>Start an assessment, or a plan, court report or final care plan, on a child's file.</summary>
[Authorize]
public sealed class NewModel(Data.AppDbContext db, CaseScope access, AuditTrail audit, StartAssessmentOrPlan start, SubmitAssessmentOrPlan submit) : AssessmentFormPage
{
    public override bool IsNew => true;

    public async Task<IActionResult> OnGetAsync(Guid caseId, string category, CancellationToken ct)
    {
        await ShowAsync(caseId, category, AuditAction.View, ct);
        audit.Record(AuditAction.View, "case", caseId, caseId, ChildId, reason: "Opened the form to start an assessment or plan");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid caseId, string category, CancellationToken ct) => SaveAsync(caseId, category, false, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid caseId, string category, CancellationToken ct) => SaveAsync(caseId, category, true, ct);

    private async Task<IActionResult> SaveAsync(Guid caseId, string category, bool andSubmit, CancellationToken ct)
    {
        await ShowAsync(caseId, category, AuditAction.Create, ct);
        return await TryAsync(async () =>
        {
            var saved = await start.HandleAsync(caseId, IsAssessment ? AssessmentOrPlanCategory.Assessment : AssessmentOrPlanCategory.Plan, Input.ToCommand(), ct);
            if (!andSubmit)
            {
                TempData["Confirmation"] = saved.DueBy is { } due ? $"Draft saved. The assessment is due by {due.Display()}." : "Draft saved.";
                return Redirect($"/assessments-and-plans/{saved.Id}/edit");
            }
            // Saved as a draft first, so nothing typed is lost if something is missing for submitting.
            try
            {
                await submit.HandleAsync(saved.Id, AssessmentOrPlanCategoryOf(saved), new AssessmentOrPlanActionCommand(saved.Version), ct);
            }
            catch (ValidationFailedException e)
            {
                TempData["Confirmation"] = "Draft saved, but not yet sent: " + string.Join(" ", e.Errors.SelectMany(x => x.Value));
                return Redirect($"/assessments-and-plans/{saved.Id}/edit?submit=true");
            }
            TempData["Confirmation"] = "Sent to your line manager for authorisation.";
            return Redirect($"/assessments-and-plans/{saved.Id}");
        }, AssessmentInput.FormKey);
    }

    private static AssessmentOrPlanCategory AssessmentOrPlanCategoryOf(SavedAssessmentOrPlan s) => AssessmentOrPlanKinds.CategoryOf(s.Kind);

    private async Task ShowAsync(Guid caseId, string category, string auditAction, CancellationToken ct)
    {
        var (_, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Write, auditAction, ct);
        (CaseId, ChildId, ChildName, CaseReference, IsAssessment) = (caseId, heading.ChildId, heading.ChildName, heading.Reference, category == "assessments");
    }
}
