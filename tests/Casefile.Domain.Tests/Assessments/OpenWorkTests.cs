using Casefile.Domain.Assessments;

namespace Casefile.Domain.Tests.Assessments;

public sealed class OpenWorkTests
{
    public static TheoryData<AssessmentOrPlanKind, AssessmentOrPlanStatus, bool> Table()
    {
        var data = new TheoryData<AssessmentOrPlanKind, AssessmentOrPlanStatus, bool>();
        foreach (var kind in Enum.GetValues<AssessmentOrPlanKind>())
        {
            var plan = AssessmentOrPlanKinds.RunsUntilEnded(kind);
            data.Add(kind, AssessmentOrPlanStatus.Draft, true);
            data.Add(kind, AssessmentOrPlanStatus.Submitted, true);
            data.Add(kind, AssessmentOrPlanStatus.Returned, true);
            // Appendix 2: assessments and court reports are done once authorised; plans once ended.
            data.Add(kind, AssessmentOrPlanStatus.Authorised, plan);
            if (plan) data.Add(kind, AssessmentOrPlanStatus.Ended, false);
        }
        return data;
    }

    [Theory, MemberData(nameof(Table))]
    public void IsOutstanding_ForEachKindAndStatus_BlocksClosureUntilDone(AssessmentOrPlanKind kind, AssessmentOrPlanStatus status, bool outstanding)
    {
        OpenWork.IsOutstanding(kind, status).ShouldBe(outstanding);
        var found = OpenWork.Outstanding([new OpenWorkItem(Guid.NewGuid(), kind, status)]);
        found.Count.ShouldBe(outstanding ? 1 : 0);
        if (outstanding) found[0].Description.ShouldStartWith(AssessmentOrPlanKinds.Name(kind));
    }

    [Fact]
    public void Outstanding_DescribesEachInPlainLanguage()
    {
        var found = OpenWork.Outstanding(
        [
            new(Guid.NewGuid(), AssessmentOrPlanKind.ChildAndFamilyAssessment, AssessmentOrPlanStatus.Submitted),
            new(Guid.NewGuid(), AssessmentOrPlanKind.ChildProtectionPlan, AssessmentOrPlanStatus.Authorised),
            new(Guid.NewGuid(), AssessmentOrPlanKind.CourtReport, AssessmentOrPlanStatus.Authorised),
        ]);
        found.Select(f => f.Description).ShouldBe(
        [
            "Child and family assessment is waiting for a manager's authorisation.",
            "Child protection plan is still in force. End the plan before the case is closed.",
        ]);
    }
}
