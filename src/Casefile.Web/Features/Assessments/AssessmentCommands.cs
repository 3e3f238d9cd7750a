using Casefile.Domain.Assessments;

namespace Casefile.Web.Features.Assessments;

/// <summary>
/// What a worker writes in an assessment, plan or court report; the form and the API send the
/// same. <see cref="Kind"/> is needed to start one (under <c>/plans</c>; an assessment defaults to
/// a child and family assessment) and cannot change afterwards.
/// </summary>
public sealed record AssessmentOrPlanCommand
{
    public AssessmentOrPlanKind? Kind { get; init; }
    public string? Summary { get; init; }

    /// <summary>Policy 3.13 guidance: the child's and family's contribution and views.</summary>
    public string? FamilyContribution { get; init; }

    /// <summary>Policy 3.13 guidance: how (and when) it was shared with the child and family.</summary>
    public string? HowShared { get; init; }

    /// <summary>Final care plans only (policy 9.3): care order, placement order or discharge of an order.</summary>
    public CourtOrderSought? OrderSought { get; init; }

    /// <summary>Assessments only: the worker recommends no further action (policy 6.1).</summary>
    public bool? RecommendsNoFurtherAction { get; init; }

    /// <summary>Child and family assessments only: the DfE factors identified (2A, 3A, 21 ...), for the CIN census.</summary>
    public IReadOnlyList<string>? Factors { get; init; }

    /// <summary>The version the worker was editing; a save over someone else's change is refused (409).</summary>
    public Guid? Version { get; init; }
}

/// <summary>Submit or authorise: optionally the version the person was looking at.</summary>
public sealed record AssessmentOrPlanActionCommand(Guid? Version);

/// <summary>Return to the author: the reason is required.</summary>
public sealed record ReturnAssessmentOrPlanCommand(string? Reason, Guid? Version);

/// <summary>End an authorised plan on a date, with why.</summary>
public sealed record EndPlanCommand(DateOnly? EndedOn, string? Reason, Guid? Version);

public sealed record SavedAssessmentOrPlan(Guid Id, Guid CaseId, AssessmentOrPlanKind Kind, AssessmentOrPlanStatus Status, DateOnly? DueBy, Guid Version);

/// <summary>One line of a list: on the case page, in a manager's queue, in a worker's returned list.</summary>
public sealed record AssessmentOrPlanSummary(
    Guid Id, Guid CaseId, string CaseReference, string ChildName, AssessmentOrPlanKind Kind, string KindName, AssessmentOrPlanCategory Category,
    AssessmentOrPlanStatus Status, string StatusName, Guid AuthorId, string Author, DateTimeOffset CreatedAt, DateOnly? DueBy, int? WorkingDaysLeft,
    DateTimeOffset? SubmittedAt, string? ReturnReason, DateOnly? EndedOn, CourtOrderSought? OrderSought);

/// <summary>One assessment, plan or court report in full, with what the current user may do with it.</summary>
public sealed record AssessmentOrPlanView(
    Guid Id, Guid CaseId, string CaseReference, Guid ChildId, string ChildName, AssessmentOrPlanKind Kind, string KindName, AssessmentOrPlanCategory Category,
    AssessmentOrPlanStatus Status, string StatusName, AssessmentOrPlanContent Content, Guid AuthorId, string Author, DateTimeOffset CreatedAt,
    DateOnly? CountsFrom, DateOnly? DueBy, int? WorkingDaysLeft, DateTimeOffset? SubmittedAt, string? DecidedBy, DateTimeOffset? DecidedAt,
    DateTimeOffset? AuthorisedAt, string? ReturnReason, int TimesReturned, DateOnly? EndedOn, string? EndReason, Guid Version)
{
    public bool Locked { get; init; }

    /// <summary>Child and family assessments: the DfE factors identified (2A, 3A, 21 ...).</summary>
    public IReadOnlyList<string> Factors { get; init; } = [];
    public bool CanEdit { get; init; }
    public bool CanDecide { get; init; }
    public bool CanEnd { get; init; }
}

/// <summary>The work waiting for the current user: to authorise (managers) and returned to them (authors).</summary>
public sealed record AssessmentQueues(IReadOnlyList<AssessmentOrPlanSummary> AwaitingMyAuthorisation, IReadOnlyList<AssessmentOrPlanSummary> ReturnedToMe,
    IReadOnlyList<AssessmentOrPlanSummary> MyDrafts);
