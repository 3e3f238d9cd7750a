using Casefile.Web.Hosting;

namespace Casefile.Web.Features.Journey;

/// <summary>
/// The statutory journey's API (issue 16). No role gate on the steps: the access policy decides
/// (recording needs <c>CaseCapability.Record</c> on the case), as for records.
/// </summary>
public static class JourneyEndpoints
{
    public static void MapJourney(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{caseId:guid}").WithTags("Statutory journey");
        cases.MapPost("/strategy-discussions", async (Guid caseId, StrategyDiscussionCommand command, RecordJourneyStep handler, CancellationToken ct) =>
            Created("strategy-discussions", await handler.StrategyDiscussionAsync(caseId, command, ct)))
            .WithSummary("Record a strategy discussion (heldOn, attendees, decision: section47 | noSection47)");
        cases.MapPost("/section47-enquiries", async (Guid caseId, Section47Command command, RecordJourneyStep handler, CancellationToken ct) =>
            Created("section47-enquiries", await handler.StartSection47Async(caseId, command, ct)))
            .WithSummary("Start a section 47 enquiry from the strategy discussion that agreed it (strategyDiscussionId, startedOn); answers initialConferenceDueBy, 15 working days after the discussion");
        cases.MapPost("/conferences", async (Guid caseId, ConferenceCommand command, RecordJourneyStep handler, CancellationToken ct) =>
            Created("conferences", await handler.ConferenceAsync(caseId, command, ct)))
            .WithSummary("Record a child protection conference (kind: initial | review, heldOn, decision: plan | noPlan | continue | end, category: neglect | physical | emotional | sexual | multiple, optional visitIntervalWorkingDays and reason); answers the plan it starts, continues or ends. 422 naming the rule when out of order");
        cases.MapPost("/core-groups", async (Guid caseId, MeetingCommand command, RecordJourneyStep handler, CancellationToken ct) =>
            Created("core-groups", await handler.CoreGroupAsync(caseId, command, ct)))
            .WithSummary("Record a core group meeting of the child protection plan in force (heldOn)");
        cases.MapPost("/looked-after-episodes", async (Guid caseId, EpisodeCommand command, RecordJourneyStep handler, CancellationToken ct) =>
            Created("looked-after-episodes", await handler.StartEpisodeAsync(caseId, command, ct)))
            .WithSummary("Start a looked-after episode (startedOn, legalStatus, placementType, reasonForNewEpisode, optional placementProvider; SSDA903 codes). A change of placement or legal status ends the open episode with X1");
        cases.MapPost("/looked-after-reviews", async (Guid caseId, MeetingCommand command, RecordJourneyStep handler, CancellationToken ct) =>
            Created("looked-after-reviews", await handler.LookedAfterReviewAsync(caseId, command, ct)))
            .WithSummary("Record a looked-after review (heldOn)");
        cases.MapPost("/private-fostering", async (Guid caseId, ArrangementCommand command, RecordJourneyStep handler, CancellationToken ct) =>
            Created("private-fostering", await handler.PrivateFosteringAsync(caseId, command, ct)))
            .WithSummary("Record a private fostering arrangement from the day the council heard of it (startedOn): visits within 7 days, then every 6 weeks, 12 after a year");
        cases.MapPost("/child-in-need-reviews", async (Guid caseId, MeetingCommand command, RecordJourneyStep handler, CancellationToken ct) =>
            Created("child-in-need-reviews", await handler.ChildInNeedReviewAsync(caseId, command, ct)))
            .WithSummary("Record a review of the authorised child in need plan (heldOn); the next is due at the council's interval");
        cases.MapGet("/journey", async (Guid caseId, JourneyQueries queries, CancellationToken ct) => Results.Ok(await queries.ForCaseAsync(caseId, ct)))
            .WithSummary("The child's statuses, the plan and episode in force, and what is due (kind, dueBy, overdue), soonest first");

        api.MapPost("/section47-enquiries/{id:guid}/outcome", async (Guid id, Section47OutcomeCommand command, RecordJourneyStep handler, CancellationToken ct) =>
            Results.Ok(await handler.Section47OutcomeAsync(id, command, ct)))
            .WithTags("Statutory journey").WithSummary("Record the enquiry's outcome (completedOn, outcome: initialConference | noFurtherAction | childInNeed)");
        api.MapPost("/child-protection-plans/{id:guid}/end", async (Guid id, EndStepCommand command, RecordJourneyStep handler, CancellationToken ct) =>
            Results.Ok(await handler.EndPlanAsync(id, command, ct)))
            .WithTags("Statutory journey").WithSummary("End a child protection plan outside a review conference, for example when the family leaves the area (endedOn, reason)");
        api.MapPost("/private-fostering/{id:guid}/end", async (Guid id, EndStepCommand command, RecordJourneyStep handler, CancellationToken ct) =>
            Results.Ok(await handler.EndPrivateFosteringAsync(id, command, ct)))
            .WithTags("Statutory journey").WithSummary("The private fostering arrangement ends (endedOn, reason)");
        api.MapPost("/looked-after-episodes/{id:guid}/end", async (Guid id, EndStepCommand command, RecordJourneyStep handler, CancellationToken ct) =>
            Results.Ok(await handler.EndEpisodeAsync(id, command, ct)))
            .WithTags("Statutory journey").WithSummary("The child stops being looked after (endedOn, reason: SSDA903 reason episode ceased, not X1)");

        api.MapGet("/visits/due", async (Guid? team, JourneyQueries queries, CancellationToken ct) => Results.Ok(await queries.DueVisitsAsync(team, ct)))
            .WithTags("Statutory journey").RequireAuthorization(Policies.CaseWork)
            .WithSummary("Statutory visits due and overdue on the cases you work or manage (optionally one team you manage), overdue first");
    }

    private static IResult Created(string segment, SavedStep saved) => Results.Created($"/api/v1/{segment}/{saved.Id}", new
    {
        id = saved.Id,
        caseId = saved.CaseId,
        planId = saved.PlanId,
        initialConferenceDueBy = saved.InitialConferenceDueBy,
    });
}
