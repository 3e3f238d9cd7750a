using Casefile.Data;
using Casefile.Domain.Assessments;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Assessments;

/// <summary>The author carries on with a draft, or changes one a manager returned, and sends it for authorisation.</summary>
[Authorize]
public sealed class EditModel(AppDbContext db, AssessmentQueries queries, ReviseAssessmentOrPlan revise, SubmitAssessmentOrPlan submit) : AssessmentFormPage
{
    public override bool IsNew => false;
    public Guid Id { get; private set; }
    public AssessmentOrPlanView? Work { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool? submit, CancellationToken ct)
    {
        await ShowAsync(id, ct);
        if (!Work!.CanEdit) return Redirect($"/assessments-and-plans/{id}");
        Input = AssessmentInput.From(Work);
        if (submit == true)
        {
            try
            {
                AssessmentOrPlanRules.CompleteBeforeSubmitting(Work.Kind, Work.Content);
            }
            catch (AssessmentOrPlanIncompleteException e)
            {
                foreach (var (field, message) in e.Missing) ModelState.AddModelError(AssessmentInput.FormKey(field) ?? "", message);
            }
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => SaveAsync(id, false, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) => SaveAsync(id, true, ct);

    private async Task<IActionResult> SaveAsync(Guid id, bool andSubmit, CancellationToken ct)
    {
        var category = await AssessmentLoader.CategoryOfAsync(db, id, ct);
        return await TryAsync(async () =>
        {
            var saved = await revise.HandleAsync(id, category, Input.ToCommand(), ct);
            Input.Version = saved.Version;
            if (andSubmit)
            {
                await submit.HandleAsync(id, category, new AssessmentOrPlanActionCommand(saved.Version), ct);
                TempData["Confirmation"] = "Sent to your line manager for authorisation.";
                return Redirect($"/assessments-and-plans/{id}");
            }
            TempData["Confirmation"] = "Draft saved.";
            return Redirect($"/assessments-and-plans/{id}/edit");
        }, AssessmentInput.FormKey, () => ShowAsync(id, ct));
    }

    private async Task ShowAsync(Guid id, CancellationToken ct)
    {
        Work = await queries.GetAsync(id, await AssessmentLoader.CategoryOfAsync(db, id, ct), ct);
        (Id, CaseId, ChildName, CaseReference, IsAssessment) = (id, Work.CaseId, Work.ChildName, Work.CaseReference, Work.Category == AssessmentOrPlanCategory.Assessment);
    }
}
