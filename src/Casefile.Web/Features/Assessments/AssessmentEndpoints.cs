using Casefile.Domain.Assessments;
using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Assessments;

/// <summary>
/// Assessments under <c>/assessments</c>; plans, court reports and final care plans under
/// <c>/plans</c>, the kind in the body. The same handlers serve both; an id of the other
/// category is not found. No role gate: the access policy and the authorisation rules decide.
/// </summary>
public static class AssessmentEndpoints
{
    public static void MapAssessments(this RouteGroupBuilder api)
    {
        Map(api, "assessments", AssessmentOrPlanCategory.Assessment, "Assessments");
        Map(api, "plans", AssessmentOrPlanCategory.Plan, "Plans");

        api.MapPost("/plans/{id:guid}/end", async (Guid id, EndPlanCommand command, EndPlan handler, CancellationToken ct) =>
            Results.Ok(Saved(await handler.HandleAsync(id, command, ct))))
            .WithTags("Plans").WithSummary("End an authorised plan on a date (endedOn, reason); it goes into the chronology");

        api.MapGet("/me/assessments-and-plans", async (AssessmentQueries queries, CancellationToken ct) =>
        {
            var q = await queries.QueuesAsync(ct);
            return Results.Ok(new { awaitingMyAuthorisation = q.AwaitingMyAuthorisation, returnedToMe = q.ReturnedToMe, myDrafts = q.MyDrafts });
        }).WithTags("Assessments").RequireAuthorization(Policies.CaseWork)
            .WithSummary("Submitted work of your line reports waiting for your authorisation, work returned to you, and your drafts");
    }

    private static void Map(RouteGroupBuilder api, string segment, AssessmentOrPlanCategory category, string tag)
    {
        var what = category == AssessmentOrPlanCategory.Assessment ? "an assessment" : "a plan, court report or final care plan";
        api.MapPost($"/cases/{{caseId:guid}}/{segment}", async (Guid caseId, AssessmentOrPlanCommand command, StartAssessmentOrPlan handler, CancellationToken ct) =>
        {
            var saved = await handler.HandleAsync(caseId, category, command, ct);
            return Results.Created($"/api/v1/{segment}/{saved.Id}", Saved(saved));
        }).WithTags(tag).WithSummary($"Start {what} as a draft (kind, summary, familyContribution, howShared, orderSought for a final care plan)");

        api.MapGet($"/cases/{{caseId:guid}}/{segment}", async (Guid caseId, AssessmentQueries queries, CancellationToken ct) =>
            Results.Ok(new { caseId, items = await queries.ListForCaseAsync(caseId, category, ct) }))
            .WithTags(tag).WithSummary($"The case's {segment}, newest first, with status and (for assessments) due date and working days left");

        var group = api.MapGroup($"/{segment}").WithTags(tag);
        group.MapGet("/{id:guid}", async (Guid id, AssessmentQueries queries, CancellationToken ct) => Results.Ok(await queries.GetAsync(id, category, ct)))
            .WithSummary($"One of the {segment} in full, with what you may do with it");

        group.MapPut("/{id:guid}", async (Guid id, AssessmentOrPlanCommand command, ReviseAssessmentOrPlan handler, CancellationToken ct) =>
            Results.Ok(Saved(await handler.HandleAsync(id, category, command, ct))))
            .WithSummary("Change your draft, or one returned to you. Send the version you opened: a save over a newer version is refused with 409");

        group.MapPost("/{id:guid}/submit", async (Guid id, [FromBody] AssessmentOrPlanActionCommand? command, SubmitAssessmentOrPlan handler, CancellationToken ct) =>
            Results.Ok(Saved(await handler.HandleAsync(id, category, command ?? new(null), ct))))
            .WithSummary("Submit your draft to your line manager; needs the family's contribution and how it was shared (policy 3.13)");

        group.MapPost("/{id:guid}/authorise", async (Guid id, [FromBody] AssessmentOrPlanActionCommand? command, AuthoriseAssessmentOrPlan handler, CancellationToken ct) =>
            Results.Ok(Saved(await handler.HandleAsync(id, category, command ?? new(null), ct))))
            .WithSummary("Authorise submitted work: the author's line manager or a manager above them, never the author; a final care plan needs a divisional manager (policy 9.2, 9.3)");

        group.MapPost("/{id:guid}/return", async (Guid id, ReturnAssessmentOrPlanCommand command, ReturnAssessmentOrPlan handler, CancellationToken ct) =>
            Results.Ok(Saved(await handler.HandleAsync(id, category, command, ct))))
            .WithSummary("Return submitted work to its author with a reason (required)");
    }

    private static object Saved(SavedAssessmentOrPlan s) =>
        new { id = s.Id, caseId = s.CaseId, kind = s.Kind, status = s.Status, dueBy = s.DueBy, version = s.Version };
}
