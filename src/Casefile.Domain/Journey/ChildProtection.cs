using Casefile.Domain.Calendar;
using Casefile.Domain.Common;

namespace Casefile.Domain.Journey;

public enum StrategyDecision { Section47, NoSection47 }

public enum Section47Outcome { InitialConference, NoFurtherAction, ChildInNeed }

public enum ConferenceKind { Initial, Review }

public enum ConferenceDecision { Plan, NoPlan, Continue, End }

/// <summary>
/// A strategy discussion (Working Together 2023): the agencies decide whether there is reasonable
/// cause to suspect significant harm, and so whether a section 47 enquiry starts.
/// </summary>
public sealed class StrategyDiscussion
{
    public const int AttendeesLength = 2000;

    private StrategyDiscussion() { }

    public StrategyDiscussion(Guid id, Guid caseFileId, DateOnly heldOn, string? attendees, StrategyDecision decision, Guid recordedById,
        DateTimeOffset recordedAt, DateOnly today)
    {
        if (heldOn > today) throw new JourneyStepRefusedException("date-in-future", "The strategy discussion's date cannot be in the future", "heldOn", badRequest: true);
        Id = id;
        CaseFileId = caseFileId;
        HeldOn = heldOn;
        Attendees = Guard.Required(attendees, "attendees", "who took part (names and agencies)", AttendeesLength);
        Decision = decision;
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string Attendees { get; private set; } = "";
    public StrategyDecision Decision { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>
/// A section 47 enquiry, started from the strategy discussion that agreed it. The initial child
/// protection conference is due within 15 working days of that discussion (the council's setting).
/// </summary>
public sealed class Section47Enquiry
{
    private Section47Enquiry() { }

    private Section47Enquiry(Guid id, Guid caseFileId, Guid strategyDiscussionId, DateOnly startedOn, DateOnly conferenceDueBy, Guid by, DateTimeOffset at)
    {
        Id = id;
        CaseFileId = caseFileId;
        StrategyDiscussionId = strategyDiscussionId;
        StartedOn = startedOn;
        InitialConferenceDueBy = conferenceDueBy;
        RecordedById = by;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public Guid StrategyDiscussionId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly InitialConferenceDueBy { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public Section47Outcome? Outcome { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsOpen => Outcome is null;

    /// <summary>Starts an enquiry: only from a strategy discussion on the same case that agreed one, and only one open at a time.</summary>
    public static Section47Enquiry Start(Guid id, Guid caseFileId, StrategyDiscussion? discussion, DateOnly startedOn, bool anotherIsOpen,
        WorkingDayCalendar calendar, JourneyTimescales timescales, Guid by, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(timescales);
        if (discussion is null || discussion.CaseFileId != caseFileId)
            throw new JourneyStepRefusedException("strategy-discussion-not-found", "Choose a strategy discussion recorded on this case", "strategyDiscussionId");
        if (discussion.Decision != StrategyDecision.Section47)
            throw new JourneyStepRefusedException("no-section47-agreed", "That strategy discussion decided there should be no section 47 enquiry", "strategyDiscussionId");
        if (startedOn < discussion.HeldOn)
            throw new JourneyStepRefusedException("enquiry-before-strategy-discussion", "The enquiry cannot start before the strategy discussion that agreed it", "startedOn");
        if (startedOn > today) throw new JourneyStepRefusedException("date-in-future", "The enquiry's start cannot be in the future", "startedOn", badRequest: true);
        if (anotherIsOpen)
            throw new JourneyStepRefusedException("section47-already-open", "A section 47 enquiry is already open on this case: record its outcome first");
        return new Section47Enquiry(id, caseFileId, discussion.Id, startedOn,
            calendar.AddWorkingDays(discussion.HeldOn, timescales.InitialConferenceWorkingDays), by, at);
    }

    public void RecordOutcome(DateOnly completedOn, Section47Outcome outcome, DateOnly today)
    {
        if (!IsOpen) throw new StateConflictException("outcome-already-recorded", "This enquiry's outcome is already recorded");
        if (completedOn < StartedOn)
            throw new JourneyStepRefusedException("outcome-before-enquiry", "The enquiry cannot end before it started", "completedOn");
        if (completedOn > today) throw new JourneyStepRefusedException("date-in-future", "The enquiry's end cannot be in the future", "completedOn", badRequest: true);
        CompletedOn = completedOn;
        Outcome = outcome;
    }
}

/// <summary>
/// A child protection plan: made by an initial (or review) conference, under a category of abuse,
/// with statutory visits at the conference's interval; reviewed at review conferences and ended at
/// one, or when the child leaves the area, with the reason.
/// </summary>
public sealed class ChildProtectionPlan
{
    public const int ReasonLength = 1000;

    private ChildProtectionPlan() { }

    internal ChildProtectionPlan(Guid id, Guid caseFileId, string category, DateOnly startedOn, Guid conferenceId, int visitIntervalWorkingDays)
    {
        Id = id;
        CaseFileId = caseFileId;
        Category = category;
        StartedOn = startedOn;
        StartedByConferenceId = conferenceId;
        VisitIntervalWorkingDays = visitIntervalWorkingDays;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }

    /// <summary>The DfE category of abuse: NEG, PHY, EMO, SAB, MUL.</summary>
    public string Category { get; private set; } = "";

    public DateOnly StartedOn { get; private set; }
    public Guid StartedByConferenceId { get; private set; }
    public int VisitIntervalWorkingDays { get; private set; }
    public DateOnly? LastReviewOn { get; private set; }
    public int Reviews { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }

    public bool IsCurrent => EndedOn is null;

    public DateOnly FirstCoreGroupDueBy(WorkingDayCalendar calendar, JourneyTimescales timescales) =>
        calendar.AddWorkingDays(StartedOn, timescales.FirstCoreGroupWorkingDays);

    /// <summary>The next review conference: 3 months after the plan starts, then 6 months after each review.</summary>
    public DateOnly NextReviewDueBy(JourneyTimescales timescales) =>
        LastReviewOn is { } last ? last.AddMonths(timescales.ReviewConferenceMonths) : StartedOn.AddMonths(timescales.FirstReviewConferenceMonths);

    internal void Reviewed(DateOnly heldOn)
    {
        LastReviewOn = heldOn;
        Reviews++;
    }

    /// <summary>Ends the plan at a review conference or when the child leaves the area (a reason is kept either way).</summary>
    public void End(DateOnly endedOn, string? reason, DateOnly today)
    {
        if (!IsCurrent) throw new StateConflictException("plan-already-ended", "This child protection plan has already ended");
        if (endedOn < StartedOn) throw new JourneyStepRefusedException("plan-end-before-start", "The plan cannot end before it started", "endedOn");
        if (endedOn > today) throw new JourneyStepRefusedException("date-in-future", "The plan's end cannot be in the future", "endedOn", badRequest: true);
        EndReason = Guard.Required(reason, "reason", "why the plan ended, for example the family moved to another area", ReasonLength);
        EndedOn = endedOn;
    }
}

/// <summary>
/// A child protection conference, initial or review, and what it decided. Holding one is the only
/// way a plan starts, continues or ends at a review: <see cref="Hold"/> applies the order of the
/// journey (an initial conference after its enquiry; a review only of a plan in force).
/// </summary>
public sealed class ChildProtectionConference
{
    private ChildProtectionConference() { }

    private ChildProtectionConference(Guid id, Guid caseFileId, ConferenceKind kind, DateOnly heldOn, ConferenceDecision decision, string? category,
        Guid? enquiryId, Guid by, DateTimeOffset at)
    {
        Id = id;
        CaseFileId = caseFileId;
        Kind = kind;
        HeldOn = heldOn;
        Decision = decision;
        Category = category;
        Section47EnquiryId = enquiryId;
        RecordedById = by;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public ConferenceKind Kind { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public ConferenceDecision Decision { get; private set; }
    public string? Category { get; private set; }
    public Guid? Section47EnquiryId { get; private set; }
    public Guid? PlanId { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Holds a conference. An initial one needs the case's latest section 47 enquiry, started on or
    /// before the day (its open outcome becomes "initial conference"), and decides plan (with a
    /// category) or no plan; a plan starts that day. A review needs a plan in force, and continues
    /// or ends it. What changes is returned: the conference, and a plan that started.
    /// </summary>
    public static (ChildProtectionConference Conference, ChildProtectionPlan? Started) Hold(Guid id, Guid caseFileId, ConferenceKind kind, DateOnly heldOn,
        ConferenceDecision decision, string? category, int? visitIntervalWorkingDays, string? endReason, Section47Enquiry? latestEnquiry,
        ChildProtectionPlan? currentPlan, JourneyTimescales timescales, Guid by, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(timescales);
        if (heldOn > today) throw new JourneyStepRefusedException("date-in-future", "The conference's date cannot be in the future", "heldOn", badRequest: true);
        if (visitIntervalWorkingDays is < 1 or > 65)
            throw new JourneyStepRefusedException("visit-interval", "Visits are at most every 65 working days, and at least one working day apart", "visitIntervalWorkingDays");

        if (kind == ConferenceKind.Initial)
        {
            if (latestEnquiry is null)
                throw new JourneyStepRefusedException("no-section47-enquiry", "An initial child protection conference follows a section 47 enquiry: record the enquiry first", "kind");
            if (heldOn < latestEnquiry.StartedOn)
                throw new JourneyStepRefusedException("conference-before-enquiry", "The conference cannot be held before the section 47 enquiry started", "heldOn");
            if (latestEnquiry.Outcome is { } outcome && outcome != Section47Outcome.InitialConference)
                throw new JourneyStepRefusedException("enquiry-ended-without-conference", "The latest section 47 enquiry ended without a conference: start a new enquiry from a strategy discussion", "kind");
            if (currentPlan is not null)
                throw new JourneyStepRefusedException("plan-in-force", "The child already has a child protection plan: hold a review conference instead", "kind");
            if (decision is not (ConferenceDecision.Plan or ConferenceDecision.NoPlan))
                throw new JourneyStepRefusedException("decision-not-for-initial", "An initial conference decides plan or no plan", "decision");
        }
        else
        {
            if (currentPlan is null)
                throw new JourneyStepRefusedException("review-before-initial-conference", "A review conference reviews a child protection plan in force: there is none", "kind");
            if (heldOn < currentPlan.StartedOn)
                throw new JourneyStepRefusedException("review-before-plan", "The review cannot be held before the plan started", "heldOn");
            if (decision is not (ConferenceDecision.Continue or ConferenceDecision.End))
                throw new JourneyStepRefusedException("decision-not-for-review", "A review conference decides to continue or end the plan", "decision");
        }

        string? code = null;
        if (decision == ConferenceDecision.Plan || (decision == ConferenceDecision.Continue && !string.IsNullOrWhiteSpace(category)))
        {
            if (string.IsNullOrWhiteSpace(category))
                throw new JourneyStepRefusedException("category-required", "A child protection plan needs a category of abuse: neglect, physical, emotional, sexual or multiple", "category");
            code = ChildProtectionCategories.Require(category);
        }

        var conference = new ChildProtectionConference(id, caseFileId, kind, heldOn, decision, code, kind == ConferenceKind.Initial ? latestEnquiry!.Id : null, by, at);
        ChildProtectionPlan? started = null;
        if (kind == ConferenceKind.Initial)
        {
            if (latestEnquiry!.IsOpen) latestEnquiry.RecordOutcome(heldOn, Section47Outcome.InitialConference, today);
            if (decision == ConferenceDecision.Plan)
            {
                started = new ChildProtectionPlan(Guid.NewGuid(), caseFileId, code!, heldOn, id, visitIntervalWorkingDays ?? timescales.ChildProtectionVisitWorkingDays);
                conference.PlanId = started.Id;
            }
        }
        else
        {
            conference.PlanId = currentPlan!.Id;
            currentPlan.Reviewed(heldOn);
            if (decision == ConferenceDecision.End)
                currentPlan.End(heldOn, string.IsNullOrWhiteSpace(endReason) ? "Ended at a review conference" : endReason, today);
        }
        return (conference, started);
    }
}

/// <summary>A core group meeting of a child protection plan: the first is due within 10 working days of the plan.</summary>
public sealed class CoreGroupMeeting
{
    private CoreGroupMeeting() { }

    public CoreGroupMeeting(Guid id, Guid caseFileId, ChildProtectionPlan? plan, DateOnly heldOn, Guid recordedById, DateTimeOffset recordedAt, DateOnly today)
    {
        if (plan is not { IsCurrent: true })
            throw new JourneyStepRefusedException("no-plan-in-force", "A core group meets about a child protection plan in force: there is none", "heldOn");
        if (heldOn < plan.StartedOn) throw new JourneyStepRefusedException("core-group-before-plan", "The core group cannot meet before the plan started", "heldOn");
        if (heldOn > today) throw new JourneyStepRefusedException("date-in-future", "The meeting's date cannot be in the future", "heldOn", badRequest: true);
        Id = id;
        CaseFileId = caseFileId;
        PlanId = plan.Id;
        HeldOn = heldOn;
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public Guid PlanId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>The API's words for a category of abuse (neglect, physical, ...) and the DfE codes stored.</summary>
public static class ChildProtectionCategories
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["neglect"] = "NEG",
        ["physical"] = "PHY",
        ["emotional"] = "EMO",
        ["sexual"] = "SAB",
        ["multiple"] = "MUL",
    };

    /// <summary>The DfE code for a category given as a word or as the code itself.</summary>
    public static string Require(string? category) =>
        category is not null && Words.TryGetValue(category.Trim(), out var code) ? code : DfeCodes.ChildProtectionCategory.Require(category, "category");

    /// <summary>"neglect" for NEG: the word the API answers with.</summary>
    public static string WordFor(string code) => Words.FirstOrDefault(w => string.Equals(w.Value, code, StringComparison.OrdinalIgnoreCase)).Key ?? code;
}
