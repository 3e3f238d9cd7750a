namespace Casefile.Domain.Assessments;

/// <summary>
/// What the worker writes. Policy 3.13 guidance: the family contribute to assessments and plans
/// and their views are recorded, and the record shows how the assessment or plan was shared
/// with them. A draft may leave these empty; it cannot be submitted without them.
/// </summary>
public sealed record AssessmentOrPlanContent(
    string? Summary,
    string? FamilyContribution,
    string? HowShared,
    CourtOrderSought? OrderSought = null,
    bool RecommendsNoFurtherAction = false);

/// <summary>The person deciding on a submitted document, as the authorisation rule needs them.</summary>
/// <param name="Id">Their user id.</param>
/// <param name="IsManager">They hold a manager's role (practice, principal or divisional).</param>
/// <param name="IsDivisionalManager">They hold the divisional manager's role (policy 9.3).</param>
public sealed record Decider(Guid Id, bool IsManager, bool IsDivisionalManager);
