using Casefile.Domain.Journey;

namespace Casefile.Web.Features.Journey;

public sealed record StrategyDiscussionCommand(DateOnly? HeldOn, string? Attendees, StrategyDecision? Decision);

public sealed record Section47Command(Guid? StrategyDiscussionId, DateOnly? StartedOn);

public sealed record Section47OutcomeCommand(DateOnly? CompletedOn, Section47Outcome? Outcome);

/// <param name="VisitIntervalWorkingDays">The plan's visiting interval, when the conference sets one other than the council's.</param>
/// <param name="Reason">Why a review conference ended the plan.</param>
public sealed record ConferenceCommand(ConferenceKind? Kind, DateOnly? HeldOn, ConferenceDecision? Decision, string? Category,
    int? VisitIntervalWorkingDays = null, string? Reason = null);

public sealed record MeetingCommand(DateOnly? HeldOn);

public sealed record EpisodeCommand(DateOnly? StartedOn, string? LegalStatus, string? PlacementType, string? ReasonForNewEpisode, string? PlacementProvider = null);

public sealed record ArrangementCommand(DateOnly? StartedOn);

public sealed record EndStepCommand(DateOnly? EndedOn, string? Reason);

/// <summary>What a step answers: its id, and any plan it started and due date it set.</summary>
public sealed record SavedStep(Guid Id, Guid CaseId, Guid? PlanId = null, DateOnly? InitialConferenceDueBy = null);
