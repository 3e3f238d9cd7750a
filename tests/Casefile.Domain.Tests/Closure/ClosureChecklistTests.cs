using Casefile.Domain.Closure;
using Casefile.Domain.Common;

namespace Casefile.Domain.Tests.Closure;

public class ClosureChecklistTests
{
    private static readonly CaseCompleteness Complete = new(0, [], true, [], [], true, true);

    [Fact]
    public void Items_CoverAppendixTwoOnce() =>
        ClosureChecklist.Items.Select(i => i.Id).ShouldBeUnique();

    [Fact]
    public void Normalise_WhenNothingAnswered_EveryItemIsOutstanding() =>
        ClosureChecklist.Normalise(null).ShouldAllBe(e => e.Answer == ChecklistAnswer.Outstanding);

    [Theory]
    [InlineData(ClosureChecklist.AssessmentsAndPlans, ChecklistAnswer.Done, "checked-by-casefile")]
    [InlineData(ClosureChecklist.RecordsFinalised, ChecklistAnswer.Done, "checked-by-casefile")]
    [InlineData(ClosureChecklist.ConsentForm, ChecklistAnswer.Done, "checked-by-casefile")]
    [InlineData(ClosureChecklist.BasicDetails, ChecklistAnswer.Done, "checked-by-casefile")]
    [InlineData(ClosureChecklist.ReferralDetails, ChecklistAnswer.Done, "checked-by-casefile")]
    [InlineData(ClosureChecklist.AssessmentAuthorised, ChecklistAnswer.Done, "checked-by-casefile")]
    [InlineData(ClosureChecklist.AssessmentsAndPlans, ChecklistAnswer.NotApplicable, "cannot-be-explained")]
    [InlineData(ClosureChecklist.RecordsFinalised, ChecklistAnswer.NotApplicable, "cannot-be-explained")]
    [InlineData("no-such-item", ChecklistAnswer.Done, "unknown-checklist-item")]
    [InlineData("front-sheet", ChecklistAnswer.NotApplicable, "required")]
    public void Normalise_WhenAnswerIsNotAllowed_Refuses(string itemId, ChecklistAnswer answer, string rule)
    {
        var reason = rule == "required" ? " " : "Because";
        Should.Throw<RuleViolationException>(() => ClosureChecklist.Normalise([new ChecklistEntry(itemId, answer, reason)])).Rule.ShouldBe(rule);
    }

    [Fact]
    public void Normalise_WhenItemAnsweredTwice_Refuses() =>
        Should.Throw<RuleViolationException>(() => ClosureChecklist.Normalise(
            [new ChecklistEntry("front-sheet", ChecklistAnswer.Done), new ChecklistEntry("front-sheet", ChecklistAnswer.Done)]))
            .Rule.ShouldBe("checklist-item-repeated");

    [Fact]
    public void Normalise_WhenDone_DropsAnyReason() =>
        ClosureChecklist.Normalise([new ChecklistEntry("front-sheet", ChecklistAnswer.Done, "typed then ticked")])
            .Single(e => e.ItemId == "front-sheet").Reason.ShouldBeNull();

    [Fact]
    public void Evaluate_WhenRecordCompleteAndAllTicked_NothingOutstanding() =>
        ClosureChecklist.Evaluate(ClosureRequestTests.AllWorkerItemsDone().ToList(), Complete).ShouldAllBe(r => !r.IsOutstanding);

    [Theory]
    [InlineData(1, "1 case record is still a draft")]
    [InlineData(3, "3 case records are still drafts")]
    public void Evaluate_WhenDraftsRemain_SaysHowMany(int drafts, string detail) =>
        ClosureChecklist.Evaluate([], Complete with { DraftRecords = drafts })
            .Single(r => r.Item.Id == ClosureChecklist.RecordsFinalised).Detail.ShouldBe(detail);

    [Fact]
    public void Evaluate_WhenGapExplained_IsNotApplicableWithTheReason()
    {
        var gaps = new[] { new ChronologyGap(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 1)) };
        var result = ClosureChecklist.Evaluate([new ChecklistEntry(ClosureChecklist.ChronologyUpToDate, ChecklistAnswer.NotApplicable, "Family abroad")],
            Complete with { ChronologyGaps = gaps }).Single(r => r.Item.Id == ClosureChecklist.ChronologyUpToDate);

        result.Answer.ShouldBe(ChecklistAnswer.NotApplicable);
        result.Detail.ShouldBe("Family abroad");
    }

    [Fact]
    public void Evaluate_WhenGapNotExplained_SaysWhen() =>
        ClosureChecklist.Evaluate([], Complete with { ChronologyGaps = [new ChronologyGap(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 1))] })
            .Single(r => r.Item.Id == ClosureChecklist.ChronologyUpToDate).Detail
            .ShouldBe("Nothing was recorded from 1 January 2025 to 1 June 2025 (151 days)");

    [Theory]
    [InlineData("2025-01-01", "", "2025-04-03", 0)] // 92 days exactly passes
    [InlineData("2025-01-01", "", "2025-04-04", 1)]
    [InlineData("2025-01-01", "2025-03-01", "2025-05-20", 0)]
    [InlineData("2025-01-01", "2025-06-01", "2025-06-02", 1)]
    [InlineData("2025-01-01", "2024-01-01", "2025-02-01", 0)] // entries before the volume opened do not count
    public void GapsIn_FindsStretchesLongerThanTheLimit(string opened, string entries, string today, int expected)
    {
        var days = entries.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(DateOnly.Parse);
        ClosureChecklist.GapsIn(DateOnly.Parse(opened), days, DateOnly.Parse(today)).Count.ShouldBe(expected);
    }

    [Fact]
    public void ClosingSummary_WhenEverythingMissing_NamesEveryField()
    {
        var ex = Should.Throw<RuleViolationsException>(() => ClosingSummary.Create(null, "", " ", null));
        ex.Violations.Select(v => v.Field).ShouldBe(["reasonForInvolvement", "actionsAndOutcomes", "otherProfessionals", "continuingSupport"]);
    }

    [Fact]
    public void Evaluate_WhenBasicDetailsMissing_NamesWhatIsMissing() =>
        ClosureChecklist.Evaluate([], Complete with { MissingBasicDetails = ["ethnicity", "religion", "school"] })
            .Single(r => r.Item.Id == ClosureChecklist.BasicDetails).Detail.ShouldBe("The child's record has no ethnicity, religion or school");

    [Fact]
    public void Evaluate_WhenNoReferralOrAuthorisedAssessment_BothOutstanding()
    {
        var results = ClosureChecklist.Evaluate(ClosureRequestTests.AllWorkerItemsDone().ToList(),
            Complete with { ReferralOnFile = false, AssessmentAuthorised = false });

        results.Where(r => r.IsOutstanding).Select(r => r.Item.Id)
            .ShouldBe([ClosureChecklist.AssessmentAuthorised, ClosureChecklist.ReferralDetails], ignoreOrder: true);
    }

    [Fact]
    public void Evaluate_WhenNoAssessmentButExplained_IsNotApplicableWithTheReason() =>
        ClosureChecklist.Evaluate([new ChecklistEntry(ClosureChecklist.AssessmentAuthorised, ChecklistAnswer.NotApplicable, "Moved to Leeds")],
                Complete with { AssessmentAuthorised = false })
            .Single(r => r.Item.Id == ClosureChecklist.AssessmentAuthorised).Answer.ShouldBe(ChecklistAnswer.NotApplicable);

    [Fact]
    public void BasicDetails_WhenEverythingRecorded_NothingMissing() =>
        new ChildBasicDetails("White British", "None", new DateOnly(2015, 3, 1), true, "Northgate Primary").Missing(new DateOnly(2026, 12, 8)).ShouldBeEmpty();

    [Fact]
    public void BasicDetails_WhenNothingRecorded_EverythingButSchoolIsMissing() =>
        new ChildBasicDetails(null, " ", null, false, null).Missing(new DateOnly(2026, 12, 8))
            .ShouldBe(["ethnicity", "religion", "date of birth", "current address"]);

    [Theory]
    [InlineData("2022-12-09", false)] // 3: not yet at school
    [InlineData("2021-12-08", true)]  // 5 today: of school age
    [InlineData("2010-12-09", true)]  // 15
    [InlineData("2010-12-08", false)] // 16 today: may have left school
    public void BasicDetails_SchoolIsExpectedOnlyOfCompulsorySchoolAge(string born, bool expected) =>
        new ChildBasicDetails("White British", "None", DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), true, null)
            .Missing(new DateOnly(2026, 12, 8)).Contains("school").ShouldBe(expected);
}
