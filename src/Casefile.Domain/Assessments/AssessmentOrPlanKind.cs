namespace Casefile.Domain.Assessments;

/// <summary>
/// The assessments, plans and court reports that a manager validates and authorises (policy 9.2,
/// 9.3). The names are part of the API (camelCase), so they never change once released.
/// </summary>
public enum AssessmentOrPlanKind
{
    ChildAndFamilyAssessment,
    ChildInNeedPlan,
    ChildProtectionPlan,
    ChildInCarePlan,
    PathwayPlan,
    PlacementPlan,
    CourtReport,
    FinalCarePlan,
}

/// <summary>Where a document stands: draft → submitted → authorised (→ ended, for a plan), or submitted → returned → submitted again.</summary>
public enum AssessmentOrPlanStatus { Draft, Submitted, Returned, Authorised, Ended }

/// <summary>What a final care plan for court asks for (policy 9.3): which of these is recorded on the plan.</summary>
public enum CourtOrderSought { CareOrder, PlacementOrder, DischargeOfOrder }

/// <summary>Assessments (started under <c>/assessments</c>) and plans, court reports and final care plans (under <c>/plans</c>).</summary>
public enum AssessmentOrPlanCategory { Assessment, Plan }

/// <summary>Plain names and the facts each kind carries.</summary>
public static class AssessmentOrPlanKinds
{
    /// <summary>Policy: a child and family assessment is completed within 45 working days of the referral's acceptance.</summary>
    public const int AssessmentWorkingDays = 45;

    public static string Name(AssessmentOrPlanKind kind) => kind switch
    {
        AssessmentOrPlanKind.ChildAndFamilyAssessment => "Child and family assessment",
        AssessmentOrPlanKind.ChildInNeedPlan => "Child in need plan",
        AssessmentOrPlanKind.ChildProtectionPlan => "Child protection plan",
        AssessmentOrPlanKind.ChildInCarePlan => "Child in care plan",
        AssessmentOrPlanKind.PathwayPlan => "Pathway plan",
        AssessmentOrPlanKind.PlacementPlan => "Placement plan",
        AssessmentOrPlanKind.CourtReport => "Court report",
        AssessmentOrPlanKind.FinalCarePlan => "Final care plan for court",
        _ => kind.ToString(),
    };

    public static string Name(CourtOrderSought order) => order switch
    {
        CourtOrderSought.CareOrder => "care order",
        CourtOrderSought.PlacementOrder => "placement order",
        CourtOrderSought.DischargeOfOrder => "discharge of an order",
        _ => order.ToString(),
    };

    public static string Name(AssessmentOrPlanStatus status) => status switch
    {
        AssessmentOrPlanStatus.Draft => "Draft",
        AssessmentOrPlanStatus.Submitted => "Waiting for authorisation",
        AssessmentOrPlanStatus.Returned => "Returned",
        AssessmentOrPlanStatus.Authorised => "Authorised",
        AssessmentOrPlanStatus.Ended => "Ended",
        _ => status.ToString(),
    };

    public static AssessmentOrPlanCategory CategoryOf(AssessmentOrPlanKind kind) =>
        kind == AssessmentOrPlanKind.ChildAndFamilyAssessment ? AssessmentOrPlanCategory.Assessment : AssessmentOrPlanCategory.Plan;

    public static bool IsAssessment(AssessmentOrPlanKind kind) => CategoryOf(kind) == AssessmentOrPlanCategory.Assessment;

    /// <summary>
    /// Plans stay in force once authorised until they are ended (a child protection plan ends on a
    /// date). An assessment or a court report is complete once authorised.
    /// </summary>
    public static bool RunsUntilEnded(AssessmentOrPlanKind kind) => kind is not (AssessmentOrPlanKind.ChildAndFamilyAssessment or AssessmentOrPlanKind.CourtReport);

    /// <summary>Policy 9.3: the divisional manager validates a final care plan for court.</summary>
    public static bool NeedsDivisionalManager(AssessmentOrPlanKind kind) => kind == AssessmentOrPlanKind.FinalCarePlan;

    /// <summary>Kinds with a deadline counted in working days from the referral's acceptance.</summary>
    public static bool HasDeadline(AssessmentOrPlanKind kind) => kind == AssessmentOrPlanKind.ChildAndFamilyAssessment;
}
