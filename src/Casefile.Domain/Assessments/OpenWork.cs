namespace Casefile.Domain.Assessments;

/// <summary>One assessment, plan or court report as closure sees it.</summary>
public sealed record OpenWorkItem(Guid Id, AssessmentOrPlanKind Kind, AssessmentOrPlanStatus Status, DateOnly? DueBy = null);

/// <summary>Why an item stops the case closing, in plain language.</summary>
public sealed record OutstandingWork(Guid Id, AssessmentOrPlanKind Kind, AssessmentOrPlanStatus Status, string Description);

/// <summary>
/// What stops a case closing as far as assessments, plans and court reports go (policy 6.6 and
/// Appendix 2: "CIN/CP/CIC/Pathway ... and Assessments closed off ... and authorised by Manager";
/// "Plans completed and authorised"). An assessment or court report not yet authorised is
/// outstanding; so is a plan not yet authorised, or authorised but not ended.
/// </summary>
public static class OpenWork
{
    public static bool IsOutstanding(AssessmentOrPlanKind kind, AssessmentOrPlanStatus status) => status switch
    {
        AssessmentOrPlanStatus.Ended => false,
        AssessmentOrPlanStatus.Authorised => AssessmentOrPlanKinds.RunsUntilEnded(kind),
        _ => true,
    };

    public static IReadOnlyList<OutstandingWork> Outstanding(IEnumerable<OpenWorkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items.Where(i => IsOutstanding(i.Kind, i.Status)).Select(i => new OutstandingWork(i.Id, i.Kind, i.Status, Describe(i)))];
    }

    public static string Describe(OpenWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var name = AssessmentOrPlanKinds.Name(item.Kind);
        return item.Status switch
        {
            AssessmentOrPlanStatus.Draft => $"{name} is still a draft. Finish and submit it for authorisation.",
            AssessmentOrPlanStatus.Submitted => $"{name} is waiting for a manager's authorisation.",
            AssessmentOrPlanStatus.Returned => $"{name} was returned by the manager. Change it and submit it again.",
            AssessmentOrPlanStatus.Authorised => $"{name} is still in force. End the plan before the case is closed.",
            _ => $"{name} is complete.",
        };
    }
}
