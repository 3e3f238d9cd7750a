using Casefile.Data;
using Casefile.Domain.Assessments;
using Casefile.Web.Govuk;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Assessments;

/// <summary>
/// One assessment, plan or court report: what it says, where it stands, and what the person
/// reading it may do (send it, authorise or return it, end the plan).
/// </summary>
[Authorize]
public sealed class DetailsModel(AppDbContext db, AssessmentQueries queries, SubmitAssessmentOrPlan submit, AuthoriseAssessmentOrPlan authorise,
    ReturnAssessmentOrPlan returnToAuthor, EndPlan end, TimeProvider clock) : CasefilePageModel
{
    public AssessmentOrPlanView? Work { get; private set; }

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    [BindProperty]
    public EndInput Ending { get; set; } = new();

    public sealed class DecisionInput
    {
        public string? Reason { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed class EndInput
    {
        public DateParts EndedOn { get; set; } = new();
        public string? Reason { get; set; }
    }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) => ActAsync(id, async category =>
    {
        await submit.HandleAsync(id, category, new AssessmentOrPlanActionCommand(Decision.Version), ct);
        return "Sent to your line manager for authorisation.";
    }, ct);

    public Task<IActionResult> OnPostAuthoriseAsync(Guid id, CancellationToken ct) => ActAsync(id, async category =>
    {
        await authorise.HandleAsync(id, category, new AssessmentOrPlanActionCommand(Decision.Version), ct);
        return "Authorised. It is now locked and in the child's chronology.";
    }, ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) => ActAsync(id, async category =>
    {
        await returnToAuthor.HandleAsync(id, category, new ReturnAssessmentOrPlanCommand(Decision.Reason, Decision.Version), ct);
        return "Returned to the author with your reason.";
    }, ct);

    public Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct) => ActAsync(id, async _ =>
    {
        var errors = new ValidationErrors();
        DateOnly? endedOn = Ending.EndedOn.TryGetDate("the date the plan ended", out var date, out var dateError) ? date : null;
        if (endedOn is null) errors.Add("endedOn", dateError ?? "Enter the date the plan ended");
        errors.ThrowIfAny();
        await end.HandleAsync(id, new EndPlanCommand(endedOn, Ending.Reason, Decision.Version), ct);
        return $"The plan has ended. This is in the child's chronology.";
    }, ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<AssessmentOrPlanCategory, Task<string>> act, CancellationToken ct)
    {
        var category = await AssessmentLoader.CategoryOfAsync(db, id, ct);
        return await TryAsync(async () =>
        {
            TempData["Confirmation"] = await act(category);
            return Redirect($"/assessments-and-plans/{id}");
        }, field => field switch
        {
            "reason" when Request.Query["handler"] == "End" => "Ending.Reason",
            "reason" => "Decision.Reason",
            "endedOn" => "Ending.EndedOn",
            _ => "",
        }, () => ShowAsync(id, ct));
    }

    private async Task ShowAsync(Guid id, CancellationToken ct)
    {
        Work = await queries.GetAsync(id, await AssessmentLoader.CategoryOfAsync(db, id, ct), ct);
        Decision.Version ??= Work.Version;
        if (Ending.EndedOn.IsEmpty) Ending.EndedOn = DateParts.From(clock.Today());
    }
}
