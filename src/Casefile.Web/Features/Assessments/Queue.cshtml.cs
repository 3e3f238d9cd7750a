using Casefile.Domain.Assessments;
using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Assessments;

/// <summary>
/// Assessments and plans waiting for the person: for managers, their line reports' work to
/// authorise or return (policy 9.2, 9.3); for authors, work returned to them and their drafts.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class QueueModel(Data.AppDbContext db, Infrastructure.CurrentUser user, AssessmentQueries queries, AuthoriseAssessmentOrPlan authorise, ReturnAssessmentOrPlan returnToAuthor) : CasefilePageModel
{
    public AssessmentQueues Queues { get; private set; } = new([], [], []);

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public sealed class DecisionInput
    {
        public Guid Id { get; set; }
        public string? Reason { get; set; }
    }

    /// <summary>Whether the viewer authorises their line's work (policy 9.2), so the page shows what waits for them.</summary>
    public bool MayAuthorise { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Queues = await queries.QueuesAsync(ct);
        MayAuthorise = (await user.ViewerAsync(ct)).May(Domain.Access.StaffCapability.AuthoriseWork);
    }

    public Task<IActionResult> OnPostAuthoriseAsync(CancellationToken ct) => DecideAsync(true, ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => DecideAsync(false, ct);

    private Task<IActionResult> DecideAsync(bool authoriseIt, CancellationToken ct) => TryAsync(async () =>
    {
        var category = await AssessmentLoader.CategoryOfAsync(db, Decision.Id, ct);
        if (authoriseIt)
        {
            await authorise.HandleAsync(Decision.Id, category, new AssessmentOrPlanActionCommand(null), ct);
            TempData["Confirmation"] = "Authorised. It is now locked and in the child's chronology.";
        }
        else
        {
            await returnToAuthor.HandleAsync(Decision.Id, category, new ReturnAssessmentOrPlanCommand(Decision.Reason, null), ct);
            TempData["Confirmation"] = "Returned to the author with your reason.";
        }
        return RedirectToPage();
    }, field => field == "reason" ? "Decision.Reason" : "", () => OnGetAsync(ct));

    public static string Describe(AssessmentOrPlanSummary s) =>
        s.OrderSought is { } o ? $"{s.KindName} (for a {AssessmentOrPlanKinds.Name(o)})" : s.KindName;
}
