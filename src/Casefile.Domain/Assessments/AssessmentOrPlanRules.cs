using Casefile.Domain.Calendar;
using Casefile.Domain.Common;

namespace Casefile.Domain.Assessments;

/// <summary>What must be written before an assessment, plan or court report goes to a manager.</summary>
public static class AssessmentOrPlanRules
{
    /// <summary>
    /// Policy 3.13 guidance: the family contribute to assessments and plans and their views are
    /// recorded, and the record says how it was shared with them. Policy 9.3: a final care plan
    /// says which order it is for.
    /// </summary>
    public static void CompleteBeforeSubmitting(AssessmentOrPlanKind kind, AssessmentOrPlanContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var missing = new List<(string Field, string Message)>();
        if (string.IsNullOrWhiteSpace(content.Summary))
            missing.Add(("summary", $"Write the {AssessmentOrPlanKinds.Name(kind).ToLowerInvariant()} before you submit it"));
        if (string.IsNullOrWhiteSpace(content.FamilyContribution))
            missing.Add(("familyContribution", "Record the child's and family's contribution and views before you submit it (policy 3.13)"));
        if (string.IsNullOrWhiteSpace(content.HowShared))
            missing.Add(("howShared", "Say how it was shared with the child and family before you submit it (policy 3.13)"));
        if (kind == AssessmentOrPlanKind.FinalCarePlan && content.OrderSought is null)
            missing.Add(("orderSought", "Select whether the plan is for a care order, a placement order or the discharge of an order"));
        if (missing.Count > 0) throw new AssessmentOrPlanIncompleteException(missing);
    }

    /// <summary>Working days left to the deadline (negative when overdue), while the work is not yet authorised.</summary>
    public static int? WorkingDaysLeft(DateOnly? dueBy, AssessmentOrPlanStatus status, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (dueBy is not { } due || status is AssessmentOrPlanStatus.Authorised or AssessmentOrPlanStatus.Ended) return null;
        return calendar.WorkingDaysBetween(today, due);
    }
}

/// <summary>The document cannot be submitted until these fields are written; each names its field.</summary>
public sealed class AssessmentOrPlanIncompleteException(IReadOnlyList<(string Field, string Message)> missing)
    : RuleViolationException("assessment-or-plan-incomplete", missing[0].Message, missing[0].Field)
{
    public IReadOnlyList<(string Field, string Message)> Missing { get; } = missing;
}
