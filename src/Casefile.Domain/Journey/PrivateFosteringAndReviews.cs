using Casefile.Domain.Common;

namespace Casefile.Domain.Journey;

/// <summary>
/// A private fostering arrangement the council knows of (Children (Private Arrangements for
/// Fostering) Regulations 2005): the child is visited within a week of the council hearing of it,
/// then at most every 6 weeks in the first year and every 12 weeks after.
/// </summary>
public sealed class PrivateFosteringArrangement
{
    public const int ReasonLength = 1000;

    private PrivateFosteringArrangement() { }

    public PrivateFosteringArrangement(Guid id, Guid caseFileId, DateOnly startedOn, bool anotherIsOpen, Guid by, DateTimeOffset at, DateOnly today)
    {
        if (startedOn > today) throw new JourneyStepRefusedException("date-in-future", "The arrangement's start cannot be in the future", "startedOn", badRequest: true);
        if (anotherIsOpen) throw new JourneyStepRefusedException("arrangement-already-open", "A private fostering arrangement is already recorded as going on: end it first");
        Id = id;
        CaseFileId = caseFileId;
        StartedOn = startedOn;
        RecordedById = by;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsOpen => EndedOn is null;

    public void End(DateOnly endedOn, string? reason, DateOnly today)
    {
        if (!IsOpen) throw new StateConflictException("arrangement-already-ended", "This arrangement has already ended");
        if (endedOn < StartedOn) throw new JourneyStepRefusedException("arrangement-end-before-start", "The arrangement cannot end before it started", "endedOn");
        if (endedOn > today) throw new JourneyStepRefusedException("date-in-future", "The arrangement's end cannot be in the future", "endedOn", badRequest: true);
        EndReason = Guard.Required(reason, "reason", "why the arrangement ended, for example the child went home", ReasonLength);
        EndedOn = endedOn;
    }
}

/// <summary>A review of a child in need plan, at the council's interval.</summary>
public sealed class ChildInNeedReview
{
    private ChildInNeedReview() { }

    public ChildInNeedReview(Guid id, Guid caseFileId, DateOnly heldOn, DateOnly? planSince, Guid by, DateTimeOffset at, DateOnly today)
    {
        if (heldOn > today) throw new JourneyStepRefusedException("date-in-future", "The review's date cannot be in the future", "heldOn", badRequest: true);
        if (planSince is not { } since)
            throw new JourneyStepRefusedException("no-child-in-need-plan", "A child in need review reviews an authorised child in need plan: there is none", "heldOn");
        if (heldOn < since) throw new JourneyStepRefusedException("review-before-plan", "The review cannot be held before the plan was authorised", "heldOn");
        Id = id;
        CaseFileId = caseFileId;
        HeldOn = heldOn;
        RecordedById = by;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
