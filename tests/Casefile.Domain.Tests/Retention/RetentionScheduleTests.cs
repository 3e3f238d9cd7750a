using System.Text.Json.Nodes;
using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Casefile.Domain.Common;
using Casefile.Domain.Retention;

namespace Casefile.Domain.Tests.Retention;

public class RetentionScheduleTests
{
    private static JsonObject DefaultFile() => (JsonObject)JsonNode.Parse(DefaultRetentionSchedule.Json)!;

    [Fact]
    public void ToJson_ThenParse_GivesTheSameRules()
    {
        var schedule = DefaultRetentionSchedule.Schedule;

        var again = RetentionSchedule.Parse(schedule.ToJson());

        again.Rules.ShouldBe(schedule.Rules);
        again.Version.ShouldBe(1);
    }

    [Theory]
    [InlineData("years", "-3", "rules[2].years", "years-out-of-range")]
    [InlineData("category", "\"pets\"", "rules[2].category", "unknown-category")]
    [InlineData("countsFrom", "\"full-moon\"", "rules[2].countsFrom", "unknown-event")]
    [InlineData("period", "\"forever\"", "rules[2].period", "unknown-period")]
    [InlineData("title", "\"\"", "rules[2].title", "rule-title-required")]
    public void Parse_WhenARuleIsWrong_NamesTheRuleAndField(string field, string value, string at, string rule)
    {
        var file = DefaultFile();
        ((JsonObject)file["rules"]![2]!)[field] = JsonNode.Parse(value);

        var e = Should.Throw<RuleViolationException>(() => RetentionSchedule.Parse(file.ToJsonString()));

        e.Field.ShouldBe(at);
        e.Rule.ShouldBe(rule);
        e.Message.ShouldContain("privately-fostered-child");
    }

    [Fact]
    public void Parse_WhenACategoryLosesItsBaseRule_Refuses()
    {
        var file = DefaultFile();
        var rules = (JsonArray)file["rules"]!;
        rules.RemoveAt(rules.Count - 1); // "other"

        Should.Throw<RuleViolationException>(() => RetentionSchedule.Parse(file.ToJsonString())).Rule.ShouldBe("category-without-rule");
    }

    [Fact]
    public void Parse_WhenTwoRulesShareAnId_Refuses()
    {
        var file = DefaultFile();
        ((JsonObject)file["rules"]![1]!)["id"] = "looked-after-child";

        Should.Throw<RuleViolationException>(() => RetentionSchedule.Parse(file.ToJsonString())).Field.ShouldBe("rules[1].id");
    }

    [Fact]
    public void Parse_WhenNotJson_Refuses() =>
        Should.Throw<RuleViolationException>(() => RetentionSchedule.Parse("{ rules: ")).Rule.ShouldBe("schedule-not-json");

    [Fact]
    public void Parse_WhenSeveralFaults_ReportsEveryOne()
    {
        var file = DefaultFile();
        ((JsonObject)file["rules"]![0]!)["years"] = 0;
        ((JsonObject)file["rules"]![3]!)["category"] = "x";

        var e = Should.Throw<RuleViolationsException>(() => RetentionSchedule.Parse(file.ToJsonString()));

        e.Violations.Select(v => v.Field).ShouldBe(["rules[0].years", "rules[3].category"]);
    }
}

public class DisposalReviewTests
{
    private static readonly Guid Rita = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static DisposalReview Due() => new(Guid.NewGuid(), Guid.NewGuid(), DisposalReviewKind.Disposal, new DateOnly(2026, 12, 1), "other", "x", Now);

    private static CaseFacts File(DisposalReview review) => new(review.CaseFileId, Guid.NewGuid(), Guid.NewGuid(), CaseStatus.Closed);

    [Fact]
    public void ConfirmDestruction_ByTheProposer_IsRefused()
    {
        var review = Due();
        review.ProposeDestruction(Rita, "Past its date; nothing held", held: false, Now);

        Should.Throw<RuleViolationException>(() => review.ConfirmDestruction(Rita, held: false, File(review), Now)).Rule.ShouldBe("second-records-manager-needed");
        review.Status.ShouldBe(DisposalReviewStatus.DestructionProposed);
    }

    [Fact]
    public void ConfirmDestruction_BySecondRecordsManager_Destroys()
    {
        var review = Due();
        review.ProposeDestruction(Rita, "Past its date", held: false, Now);

        review.ConfirmDestruction(Other, held: false, File(review), Now);

        review.Status.ShouldBe(DisposalReviewStatus.Destroyed);
    }

    [Fact]
    public void ConfirmDestruction_WhenHeld_IsRefused()
    {
        var review = Due();
        review.ProposeDestruction(Rita, "Past its date", held: false, Now);

        Should.Throw<RuleViolationException>(() => review.ConfirmDestruction(Other, held: true, File(review), Now)).Rule.ShouldBe("legal-hold");
    }

    [Fact]
    public void ProposeDestruction_WhenHeld_IsRefused() =>
        Should.Throw<RuleViolationException>(() => Due().ProposeDestruction(Rita, "x", held: true, Now)).Rule.ShouldBe("legal-hold");

    [Fact]
    public void Keep_WithoutReasonOrFutureDate_NamesBothFields()
    {
        var e = Should.Throw<RuleViolationsException>(() => Due().Keep(Rita, " ", new DateOnly(2026, 12, 7), Now, new DateOnly(2026, 12, 7)));

        e.Violations.Select(v => v.Field).ShouldBe(["reason", "nextReviewOn"]);
    }

    [Fact]
    public void Lift_Twice_IsAConflict()
    {
        var hold = new LegalHold(Guid.NewGuid(), Guid.NewGuid(), LegalHoldKind.Litigation, "Claim 123", Rita, Now);
        hold.Lift(Rita, "Claim settled", Now);

        Should.Throw<StateConflictException>(() => hold.Lift(Rita, "again", Now));
        hold.IsActive.ShouldBeFalse();
    }
}

public class RetentionCategoriesTests
{
    [Fact]
    public void Derive_FromTheRecord_NamesWhereEachCategoryCameFrom()
    {
        var facts = RetentionCategories.Derive(new RetentionCategories.Evidence(
            new DateOnly(2019, 5, 3), null, ("Child in care plan", new DateOnly(2019, 8, 1)),
            [(CareEventKind.AdoptionOrder, new DateOnly(2021, 2, 2))],
            [(RetentionCategory.Financial, "Payments to carers", null, false, "Rita Kowalski")]));

        facts.Select(f => (f.Category, f.Source)).ShouldBe(
        [
            (RetentionCategory.ChildProtection, "section 47 enquiry on 3 May 2019"),
            (RetentionCategory.LookedAfterChild, "child in care plan from 1 August 2019"),
            (RetentionCategory.Adoption, "adoption order made on 2 February 2021"),
            (RetentionCategory.Financial, "added by Rita Kowalski: Payments to carers"),
        ]);
        facts.Single(f => f.Category == RetentionCategory.Adoption).EventDate.ShouldBe(new DateOnly(2021, 2, 2));
    }
}
