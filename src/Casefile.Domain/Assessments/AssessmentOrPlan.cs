using Casefile.Domain.Calendar;
using Casefile.Domain.Common;

namespace Casefile.Domain.Assessments;

/// <summary>
/// An assessment, plan or court report on a child's file (policy 9.2, 9.3, 3.13 guidance). The
/// author writes a draft, records the family's contribution and how it was shared with them, and
/// submits it; the author's line manager (or a manager above them) authorises it or returns it
/// with reasons. Authorised, it is locked. A plan stays in force until it is ended on a date.
/// </summary>
public sealed class AssessmentOrPlan
{
    private AssessmentOrPlan() { }

    private AssessmentOrPlan(Guid id, Guid caseFileId, AssessmentOrPlanKind kind, Guid authorId, DateTimeOffset now)
    {
        Id = id;
        CaseFileId = caseFileId;
        Kind = kind;
        AuthorId = authorId;
        CreatedAt = now;
        Status = AssessmentOrPlanStatus.Draft;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public AssessmentOrPlanKind Kind { get; private set; }
    public AssessmentOrPlanStatus Status { get; private set; }
    public Guid AuthorId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public AssessmentOrPlanContent Content { get; private set; } = new(null, null, null);

    /// <summary>The accepted referral the assessment's deadline counts from, where there is one.</summary>
    public Guid? ReferralId { get; private set; }

    /// <summary>The day the referral was accepted (London date): the 45 working days count from here.</summary>
    public DateOnly? CountsFrom { get; private set; }

    /// <summary>A child and family assessment is due 45 working days after the referral's acceptance.</summary>
    public DateOnly? DueBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateTimeOffset? AuthorisedAt { get; private set; }

    /// <summary>Why the manager last returned it; kept after it is submitted again, so the history reads plainly.</summary>
    public string? ReturnReason { get; private set; }

    public int TimesReturned { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }
    public Guid? EndedBy { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The DfE factors identified at assessment (CIN census: 2A, 3A, 21 ...), comma-separated; null when not recorded.</summary>
    public string? FactorCodes { get; private set; }

    public IReadOnlyList<string> Factors => FactorCodes is null ? [] : FactorCodes.Split(',');

    /// <summary>Records the factors identified, on a child and family assessment that can still be changed; null leaves them as they are.</summary>
    public void SetFactors(IReadOnlyList<string>? factors)
    {
        if (factors is null) return;
        if (Kind != AssessmentOrPlanKind.ChildAndFamilyAssessment)
            throw new RuleViolationException("factors-on-assessments-only", "Factors are identified at a child and family assessment", "factors");
        if (IsLocked) throw new StateConflictException("locked", "An authorised assessment cannot be changed");
        var codes = factors.Select(f => Journey.DfeCodes.AssessmentFactor.Require(f, "factors", badRequest: true)).Distinct().ToList();
        if (codes.Contains("21") && codes.Count > 1)
            throw new Journey.JourneyStepRefusedException("no-factors-and-factors", "Choose 'No factors identified', or the factors identified, not both", "factors", badRequest: true);
        FactorCodes = codes.Count == 0 ? null : string.Join(',', codes);
        Version = Guid.NewGuid();
    }

    public AssessmentOrPlanCategory Category => AssessmentOrPlanKinds.CategoryOf(Kind);

    /// <summary>Authorised (or ended) work is locked: nothing in it changes.</summary>
    public bool IsLocked => Status is AssessmentOrPlanStatus.Authorised or AssessmentOrPlanStatus.Ended;

    /// <summary>The author may change it: a draft, or returned to them.</summary>
    public bool IsEditable => Status is AssessmentOrPlanStatus.Draft or AssessmentOrPlanStatus.Returned;

    /// <summary>
    /// Starts a draft. For a child and family assessment, <paramref name="referralAcceptedOn"/> is
    /// the London date the referral was accepted and sets the deadline (45 working days).
    /// </summary>
    public static AssessmentOrPlan Start(Guid id, Guid caseFileId, AssessmentOrPlanKind kind, AssessmentOrPlanContent content, Guid authorId,
        Guid? referralId, DateOnly? referralAcceptedOn, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Enum.IsDefined(kind)) throw new RuleViolationException("unknown-kind", "Select the kind of assessment or plan", "kind");
        var work = new AssessmentOrPlan(id, caseFileId, kind, authorId, now);
        if (AssessmentOrPlanKinds.HasDeadline(kind) && referralAcceptedOn is { } accepted)
        {
            work.ReferralId = referralId;
            work.CountsFrom = accepted;
            work.DueBy = calendar.AddWorkingDays(accepted, AssessmentOrPlanKinds.AssessmentWorkingDays);
        }
        work.Apply(content);
        return work;
    }

    /// <summary>The author changes a draft, or one returned to them. Submitted work waits for the manager; authorised work is locked.</summary>
    public void Revise(AssessmentOrPlanContent content, Guid by)
    {
        EnsureEditableBy(by, "change");
        Apply(content);
    }

    /// <summary>The author sends it to their line manager. Policy 3.13 guidance: the family's contribution and how it was shared are recorded first.</summary>
    public void Submit(Guid by, DateTimeOffset now)
    {
        EnsureEditableBy(by, "submit");
        AssessmentOrPlanRules.CompleteBeforeSubmitting(Kind, Content);
        Status = AssessmentOrPlanStatus.Submitted;
        SubmittedAt = now;
        Version = Guid.NewGuid();
    }

    /// <summary>Policy 9.2, 9.3: a manager in the author's line authorises it, and it is locked.</summary>
    public void Authorise(Decider decider, IReadOnlyCollection<Guid> authorsLineManagers, DateTimeOffset now)
    {
        EnsureSubmitted("authorise");
        AuthorisationRules.MayAuthorise(Kind, AuthorId, decider, authorsLineManagers);
        Status = AssessmentOrPlanStatus.Authorised;
        DecidedBy = decider.Id;
        DecidedAt = now;
        AuthorisedAt = now;
        Version = Guid.NewGuid();
    }

    /// <summary>A manager in the author's line sends it back with reasons; the author changes it and submits it again.</summary>
    public void Return(Decider decider, IReadOnlyCollection<Guid> authorsLineManagers, string? reason, DateTimeOffset now)
    {
        EnsureSubmitted("return");
        AuthorisationRules.MayReturn(AuthorId, decider, authorsLineManagers);
        ReturnReason = Guard.Required(reason, "reason", "why you are returning it", 4000);
        Status = AssessmentOrPlanStatus.Returned;
        DecidedBy = decider.Id;
        DecidedAt = now;
        TimesReturned++;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// An authorised plan comes to an end on a date (a child protection plan ended at review, say).
    /// Assessments and court reports are complete once authorised and do not end.
    /// </summary>
    public void End(DateOnly endedOn, string? reason, Guid by, DateOnly today)
    {
        if (!AssessmentOrPlanKinds.RunsUntilEnded(Kind))
            throw new RuleViolationException("not-a-plan", $"A {AssessmentOrPlanKinds.Name(Kind).ToLowerInvariant()} is complete once authorised; only plans are ended.");
        if (Status == AssessmentOrPlanStatus.Ended)
            throw new StateConflictException("plan-already-ended", "This plan has already ended");
        if (Status != AssessmentOrPlanStatus.Authorised)
            throw new StateConflictException("plan-not-authorised", "Only an authorised plan can be ended. A plan still in draft or waiting for authorisation has not started.");
        if (endedOn > today)
            throw new RuleViolationException("end-in-future", "The date the plan ended must be today or in the past", "endedOn");
        EndReason = Guard.Required(reason, "reason", "why the plan ended", 4000);
        EndedOn = endedOn;
        EndedBy = by;
        Status = AssessmentOrPlanStatus.Ended;
        Version = Guid.NewGuid();
    }

    /// <summary>Working days left until <see cref="DueBy"/> (negative when overdue); null when it has no deadline or is authorised.</summary>
    public int? WorkingDaysLeft(DateOnly today, WorkingDayCalendar calendar) =>
        AssessmentOrPlanRules.WorkingDaysLeft(DueBy, Status, today, calendar);

    private void EnsureEditableBy(Guid by, string verb)
    {
        if (IsLocked)
            throw new StateConflictException("assessment-or-plan-locked",
                $"This {AssessmentOrPlanKinds.Name(Kind).ToLowerInvariant()} is authorised and locked. It cannot be changed.");
        if (Status == AssessmentOrPlanStatus.Submitted)
            throw new StateConflictException("awaiting-authorisation",
                "This is waiting for a manager's authorisation. It can be changed only if the manager returns it.");
        if (by != AuthorId)
            throw new RuleViolationException("author-only", $"Only the person who wrote it can {verb} it.");
    }

    private void EnsureSubmitted(string verb)
    {
        if (Status != AssessmentOrPlanStatus.Submitted)
            throw new StateConflictException("not-submitted", Status switch
            {
                AssessmentOrPlanStatus.Authorised or AssessmentOrPlanStatus.Ended => $"This is already authorised, so you cannot {verb} it.",
                AssessmentOrPlanStatus.Returned => $"This has been returned to its author, so you cannot {verb} it until they submit it again.",
                _ => $"This has not been submitted for authorisation, so you cannot {verb} it yet.",
            });
    }

    private void Apply(AssessmentOrPlanContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.OrderSought is not null && Kind != AssessmentOrPlanKind.FinalCarePlan)
            throw new RuleViolationException("order-only-for-final-care-plan", "Only a final care plan for court says which order is sought", "orderSought");
        if (content.RecommendsNoFurtherAction && !AssessmentOrPlanKinds.IsAssessment(Kind))
            throw new RuleViolationException("no-further-action-only-for-assessment", "Only an assessment recommends no further action", "recommendsNoFurtherAction");
        Content = content with
        {
            Summary = Guard.Optional(content.Summary, "summary", "the assessment or plan", 100_000),
            FamilyContribution = Guard.Optional(content.FamilyContribution, "familyContribution", "the family's contribution", 10_000),
            HowShared = Guard.Optional(content.HowShared, "howShared", "how it was shared with the family", 4000),
        };
        Version = Guid.NewGuid();
    }
}
