using Casefile.Domain.Closure;
using Casefile.Domain.Common;

namespace Casefile.Domain.Tests.Closure;

public class ClosureChecklistTests
{
    private static readonly CaseCompleteness Complete = new(0, [], true, []);

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
}
