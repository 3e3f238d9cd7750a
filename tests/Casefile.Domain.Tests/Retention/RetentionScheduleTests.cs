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

    private static RetentionCategories.Evidence FromJourney(DateOnly? enquiry, (DateOnly, string)? plan, params RetentionCategories.EpisodeEvidence[] episodes) =>
        new(null, null, null, [], [], new RetentionCategories.JourneyEvidence(enquiry, plan, episodes));

    private static RetentionCategories.EpisodeEvidence Episode(string startedOn, string legalStatus, string placementType, string? endedOn = null, string? reasonEnded = null) =>
        new(DateOnly.Parse(startedOn, System.Globalization.CultureInfo.InvariantCulture), legalStatus, placementType,
            endedOn is null ? null : DateOnly.Parse(endedOn, System.Globalization.CultureInfo.InvariantCulture), reasonEnded);

    [Fact]
    public void Derive_FromTheJourney_NamesTheEnquiryThePlanAndTheFirstEpisode()
    {
        var facts = RetentionCategories.Derive(FromJourney(new DateOnly(2019, 5, 3), (new DateOnly(2019, 6, 10), "NEG"),
            Episode("2020-04-01", "C2", "U6", "2020-09-01", "X1"), Episode("2020-01-15", "C1", "U6", "2020-04-01", "X1"), Episode("2020-09-01", "C2", "K2")));

        facts.Select(f => (f.Category, f.Source)).ShouldBe(
        [
            (RetentionCategory.ChildProtection, "section 47 enquiry started on 3 May 2019"),
            (RetentionCategory.ChildProtection, "child protection plan (neglect) from 10 June 2019"),
            (RetentionCategory.LookedAfterChild, "looked after from 15 January 2020 (interim care order)"),
        ]);
    }

    [Fact]
    public void Derive_WithAnEmptyJourney_AddsNothing() =>
        RetentionCategories.Derive(FromJourney(null, null)).ShouldBeEmpty();

    [Theory]
    [InlineData("C2", "A3")]
    [InlineData("C2", "A4")]
    [InlineData("E1", "A5")]
    [InlineData("E1", "A6")]
    [InlineData("E1", "U5")] // a placement order, still with the foster carer
    [InlineData("D1", "U6")] // a freeing order
    public void Derive_WhenPlacedForAdoptionOrUnderAnOrder_IsAnAdoptionFileWithNoOrderDateYet(string legalStatus, string placementType)
    {
        var facts = RetentionCategories.Derive(FromJourney(null, null, Episode("2020-01-15", "C2", "U6", "2021-03-01", "X1"),
            Episode("2021-03-01", legalStatus, placementType)));

        var adoption = facts.Single(f => f.Category == RetentionCategory.Adoption);
        adoption.Source.ShouldEndWith("from 1 March 2021");
        adoption.EventDate.ShouldBeNull();
        facts.ShouldContain(f => f.Category == RetentionCategory.LookedAfterChild);
    }

    [Theory]
    [InlineData("E11")]
    [InlineData("E12")]
    public void Derive_WhenAnEpisodeEndedWithAnAdoptionOrder_CountsFromTheOrder(string reason)
    {
        var facts = RetentionCategories.Derive(FromJourney(null, null, Episode("2020-01-15", "E1", "A5", "2021-06-30", reason)));

        var adoption = facts.Single(f => f.Category == RetentionCategory.Adoption);
        adoption.EventDate.ShouldBe(new DateOnly(2021, 6, 30));
        adoption.Source.ShouldBe($"adopted on 30 June 2021 (looked-after episode ended {reason})");
    }

    [Theory]
    [InlineData("C2", "U6")]
    [InlineData("V2", "K2")]
    [InlineData("C1", "U5")] // fostering for adoption, but no order yet
    public void Derive_WhenNotPlacedForAdoption_IsNoAdoptionFile(string legalStatus, string placementType) =>
        RetentionCategories.Derive(FromJourney(null, null, Episode("2020-01-15", legalStatus, placementType, "2021-01-01", "E4A")))
            .ShouldNotContain(f => f.Category == RetentionCategory.Adoption);

    /// <summary>Policy 8: child protection 35 years from closure; looked after 75 years after the 18th birthday; adoption 100 years from the order.</summary>
    [Theory]
    [InlineData("s47", "child-protection", "2061-01-10")]
    [InlineData("plan", "child-protection", "2061-01-10")]
    [InlineData("looked-after", "looked-after-child", "2103-03-01")]
    [InlineData("adopted", "adoption", "2121-06-30")]
    public void Decide_WithTheJourney_KeepsTheFileByItsCategorysRule(string step, string rule, string until)
    {
        var journey = step switch
        {
            "s47" => FromJourney(new DateOnly(2019, 5, 3), null),
            "plan" => FromJourney(null, (new DateOnly(2019, 6, 10), "EMO")),
            "looked-after" => FromJourney(null, null, Episode("2019-01-15", "V2", "U6", "2019-09-01", "E4A")),
            _ => FromJourney(null, null, Episode("2019-01-15", "E1", "A6", "2021-06-30", "E11")),
        };
        var facts = new RetentionFacts(new DateOnly(2010, 3, 1), null, new DateOnly(2026, 1, 10), RetentionCategories.Derive(journey));

        var decision = RetentionDecider.Decide(DefaultRetentionSchedule.Schedule, facts, new DateOnly(2026, 6, 1));

        decision.RuleId.ShouldBe(rule);
        decision.Date.ShouldBe(DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture));
        decision.Action.ShouldBe(RetentionAction.Destroy);
    }
}
