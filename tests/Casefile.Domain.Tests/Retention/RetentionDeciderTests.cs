using Casefile.Domain.Common;
using Casefile.Domain.Retention;

namespace Casefile.Domain.Tests.Retention;

/// <summary>Policy 8's table, one row per rule of the shipped schedule, and the ways rules combine.</summary>
public class RetentionDeciderTests
{
    private static readonly RetentionSchedule Schedule = DefaultRetentionSchedule.Schedule;
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static RetentionDecision Decide(string? born, string? died, string? closed, params CategoryFact[] categories) =>
        RetentionDecider.Decide(Schedule, new RetentionFacts(born is null ? null : D(born), died is null ? null : D(died), closed is null ? null : D(closed), categories), Today);

    public static TheoryData<string, RetentionCategory, string?, string?, string?, string?, bool, string, string?> PolicyTable => new()
    {
        // rule id, category, born, died, closed, event date, deceased or withdrawn, expected action, expected date
        { "looked-after-child", RetentionCategory.LookedAfterChild, "2005-03-10", null, "2020-06-01", null, false, "Destroy", "2098-03-10" },
        { "looked-after-child-died-before-18", RetentionCategory.LookedAfterChild, "2005-03-10", "2019-05-02", "2019-06-01", null, false, "Destroy", "2054-05-02" },
        { "privately-fostered-child", RetentionCategory.PrivatelyFosteredChild, "2010-01-20", null, "2020-06-01", "2015-02-01", false, "Destroy", "2103-01-20" },
        { "adoption", RetentionCategory.Adoption, "2012-04-01", null, "2016-06-01", "2015-09-30", false, "Destroy", "2115-09-30" },
        { "adoption-child-died-before-18", RetentionCategory.Adoption, "2012-04-01", "2020-01-05", "2020-02-01", "2015-09-30", false, "Destroy", "2115-09-30" },
        { "adoption-child-died-after-18", RetentionCategory.Adoption, "1990-04-01", "2020-01-05", "2015-06-01", "1995-09-30", false, "Destroy", "2035-01-05" },
        { "adoption-enquiry", RetentionCategory.AdoptionEnquiry, "2012-04-01", null, "2020-06-01", null, false, "Destroy", "2030-06-01" },
        { "adopters", RetentionCategory.Adopters, null, null, "2020-06-01", null, false, "Destroy", "2045-06-01" },
        { "adopters-deceased-or-withdrawn", RetentionCategory.Adopters, null, null, "2020-06-01", null, true, "Destroy", "2030-06-01" },
        { "foster-carers", RetentionCategory.FosterCarers, null, null, "2020-06-01", "2021-03-31", false, "Destroy", "2056-03-31" },
        { "child-protection", RetentionCategory.ChildProtection, "2012-04-01", null, "2020-06-01", null, false, "Destroy", "2055-06-01" },
        { "child-protection-unit", RetentionCategory.ChildProtectionUnit, "2012-04-01", null, "2020-06-01", "2014-02-01", false, "Destroy", "2055-06-01" },
        { "send", RetentionCategory.Send, "2012-04-01", null, "2020-06-01", null, false, "Destroy", "2055-06-01" },
        { "adult-posing-risk", RetentionCategory.AdultPosingRisk, "1970-04-01", null, "2020-06-01", null, false, "RetainPermanently", null },
        { "cpr-missing-persons", RetentionCategory.CprMissingPersons, "2008-04-01", null, "2010-06-01", "2025-11-03", false, "Destroy", "2026-11-03" },
        { "financial", RetentionCategory.Financial, "2012-04-01", null, "2000-06-01", null, false, "Destroy", "2007-06-01" },
        { "other", RetentionCategory.Other, "2012-04-01", null, "2020-06-01", null, false, "Destroy", "2030-06-01" },
    };

    [Theory, MemberData(nameof(PolicyTable))]
    public void Decide_ForEachRuleOfThePolicyTable_GivesItsCandidateDate(string ruleId, RetentionCategory category, string? born, string? died, string? closed,
        string? eventDate, bool deceasedOrWithdrawn, string action, string? date)
    {
        var decision = Decide(born, died, closed, new CategoryFact(category, "test", eventDate is null ? null : D(eventDate), deceasedOrWithdrawn));

        var candidate = decision.Candidates.Single(c => c.Rule.Category == category);
        candidate.Rule.Id.ShouldBe(ruleId);
        candidate.Date.ShouldBe(date is null ? null : D(date));
        if (category != RetentionCategory.Other && ruleId is not ("financial" or "cpr-missing-persons"))
        {
            // Every rule of the table but the shorter ones outlasts "All other files" (10 years from closure) here.
            decision.RuleId.ShouldBe(ruleId);
            decision.Action.ToString().ShouldBe(action);
            decision.Date.ShouldBe(date is null ? null : D(date));
        }
    }

    [Fact]
    public void Schedule_Default_HasARuleForEveryRowOfPolicy8()
    {
        Schedule.Rules.Select(r => r.Id).ShouldBe(PolicyTable.Select(row => (string)row.Data.Item1).Append("child-protection-unit-review"), ignoreOrder: true);
        Schedule.Rule("looked-after-child")!.Assumption!.ShouldContain("75th anniversary of birth");
        Schedule.Rule("adoption")!.Assumption.ShouldNotBeNull();
        Schedule.Rule("financial")!.Assumption.ShouldNotBeNull();
    }

    [Fact]
    public void Decide_WhenOnlyOther_DestroysTenYearsAfterClosureToTheDay()
    {
        var decision = Decide("2010-01-01", null, "2016-12-07");

        decision.Action.ShouldBe(RetentionAction.Destroy);
        decision.Date.ShouldBe(D("2026-12-07"));
        decision.IsDue(D("2026-12-06")).ShouldBeFalse();
        decision.IsDue(D("2026-12-07")).ShouldBeTrue();
        decision.Explanation.ShouldBe("All other files (always applies): 10 years from closure on 7 December 2016 = 7 December 2026");
    }

    [Fact]
    public void Decide_WhenSeveralCategories_LongestWinsAndExplanationNamesTheOthers()
    {
        var decision = Decide("2012-04-01", null, "2020-06-01",
            new CategoryFact(RetentionCategory.ChildProtection, "section 47 enquiry on 3 May 2019"),
            new CategoryFact(RetentionCategory.Financial, "test"));

        decision.RuleId.ShouldBe("child-protection");
        decision.Date.ShouldBe(D("2055-06-01"));
        decision.Explanation.ShouldBe("Child protection (section 47 enquiry on 3 May 2019): 35 years from closure on 1 June 2020 = 1 June 2055; "
            + "longer than 'Financial': 7 years from closure (1 June 2027), 'All other files': 10 years from closure (1 June 2030)");
        decision.Candidates.Count.ShouldBe(3);
    }

    [Fact]
    public void Decide_WhenLookedAfterAndChildProtection_EighteenthBirthRuleOutlastsClosure()
    {
        var decision = Decide("2005-03-10", null, "2020-06-01",
            new CategoryFact(RetentionCategory.ChildProtection, "s47"), new CategoryFact(RetentionCategory.LookedAfterChild, "child in care plan"));

        decision.RuleId.ShouldBe("looked-after-child");
        decision.Date.ShouldBe(D("2098-03-10"));
    }

    [Fact]
    public void Decide_WhenPermanentAmongOthers_PermanentWinsWithNoDate()
    {
        var decision = Decide("1970-01-01", null, "2020-06-01",
            new CategoryFact(RetentionCategory.AdultPosingRisk, "added"), new CategoryFact(RetentionCategory.ChildProtection, "s47"));

        decision.Action.ShouldBe(RetentionAction.RetainPermanently);
        decision.Date.ShouldBeNull();
        decision.RuleId.ShouldBe("adult-posing-risk");
        decision.IsDue(D("2999-01-01")).ShouldBeFalse();
    }

    [Fact]
    public void Decide_WhenOpen_NoDateYet()
    {
        var decision = Decide("2010-01-01", null, null);

        decision.Action.ShouldBe(RetentionAction.NotYetKnown);
        decision.Date.ShouldBeNull();
        decision.Explanation.ShouldContain("the file is still open");
    }

    [Fact]
    public void Decide_WhenOpenButPermanent_PermanentStillWins() =>
        Decide("1970-01-01", null, null, new CategoryFact(RetentionCategory.AdultPosingRisk, "added")).Action.ShouldBe(RetentionAction.RetainPermanently);

    [Fact]
    public void Decide_WhenLookedAfterChildDiedBefore18_ConditionalRuleReplacesBaseRule()
    {
        // 35 years from death (2054) replaces 75 years after the 18th birthday (2098); it does not compete with it.
        var decision = Decide("2005-03-10", "2019-05-02", "2019-06-01", new CategoryFact(RetentionCategory.LookedAfterChild, "looked after"));

        decision.Candidates.ShouldNotContain(c => c.Rule.Id == "looked-after-child");
        decision.RuleId.ShouldBe("looked-after-child-died-before-18");
        decision.Explanation.ShouldContain("died on 2 May 2019, before their 18th birthday, so this replaces 'Looked after child'");
    }

    [Theory]
    [InlineData("2023-03-09", "looked-after-child-died-before-18")] // the day before the 18th birthday
    [InlineData("2023-03-10", "looked-after-child")] // on it: not before
    public void Decide_WhenDeathIsAroundThe18thBirthday_ChoosesByTheDay(string died, string rule) =>
        Decide("2005-03-10", died, "2023-06-01", new CategoryFact(RetentionCategory.LookedAfterChild, "x")).Candidates
            .Single(c => c.Rule.Category == RetentionCategory.LookedAfterChild).Rule.Id.ShouldBe(rule);

    [Theory]
    [InlineData("2023-03-10", "adoption-child-died-after-18")]
    [InlineData("2023-03-09", "adoption-child-died-before-18")]
    public void Decide_WhenAdoptedChildDied_ChoosesBeforeOrAfter18(string died, string rule) =>
        Decide("2005-03-10", died, "2023-06-01", new CategoryFact(RetentionCategory.Adoption, "x", D("2007-01-01"))).Candidates
            .Single(c => c.Rule.Category == RetentionCategory.Adoption).Rule.Id.ShouldBe(rule);

    [Theory]
    [InlineData("2008-02-29", "2026-03-01")] // no 29 February in 2026: the later day
    [InlineData("2006-02-28", "2024-02-28")]
    [InlineData("2012-02-29", "2030-03-01")]
    [InlineData("2014-02-29", null)] // not a date: kept out by DateOnly itself
    public void EighteenthBirthday_WhenBornOnALeapDay_IsFirstOfMarch(string born, string? expected)
    {
        if (expected is null)
        {
            Should.Throw<FormatException>(() => D(born));
            return;
        }
        Anniversary.EighteenthBirthday(D(born)).ShouldBe(D(expected));
    }

    [Fact]
    public void Decide_WhenLookedAfterChildBornOnLeapDay_CountsFromFirstOfMarch()
    {
        var decision = Decide("2008-02-29", null, "2026-04-01", new CategoryFact(RetentionCategory.LookedAfterChild, "x"));

        decision.Date.ShouldBe(D("2101-03-01"));
        decision.Explanation.ShouldContain("75 years from the 18th birthday on 1 March 2026 = 1 March 2101");
    }

    [Fact]
    public void Decide_WhenClosedOnLeapDay_TenYearsLaterIsFirstOfMarch() =>
        Decide(null, null, "2024-02-29").Date.ShouldBe(D("2034-03-01"));

    [Fact]
    public void Decide_WhenChildProtectionUnit_ReviewWhenYoungestChildTurns18ComesBeforeTheDate()
    {
        var decision = Decide(null, null, "2020-06-01", new CategoryFact(RetentionCategory.ChildProtectionUnit, "unit file", D("2014-02-01")));

        decision.RuleId.ShouldBe("child-protection-unit");
        decision.Date.ShouldBe(D("2055-06-01"));
        var review = decision.Reviews.ShouldHaveSingleItem();
        review.RuleId.ShouldBe("child-protection-unit-review");
        review.Date.ShouldBe(D("2032-02-01"));
        decision.ReviewsDue(D("2032-01-31")).ShouldBeEmpty();
        decision.ReviewsDue(D("2032-02-01")).ShouldHaveSingleItem();
    }

    [Fact]
    public void Decide_WhenEventDateMissing_NoDateYetAndSaysWhy()
    {
        var decision = Decide("2010-01-01", null, "2020-06-01", new CategoryFact(RetentionCategory.Adoption, "added"));

        decision.Action.ShouldBe(RetentionAction.NotYetKnown);
        decision.Explanation.ShouldContain("the date of the adoption order is not recorded");
    }

    [Fact]
    public void Decide_WhenDateOfBirthUnknownForLookedAfterChild_NoDateYet() =>
        Decide(null, null, "2020-06-01", new CategoryFact(RetentionCategory.LookedAfterChild, "x")).Action.ShouldBe(RetentionAction.NotYetKnown);

    [Fact]
    public void Decide_WhenCouncilMakesARuleReview_ActionIsReview()
    {
        var json = DefaultRetentionSchedule.Json.Replace(
            "\"id\": \"other\", \"category\": \"other\", \"condition\": \"none\", \"countsFrom\": \"closure\", \"period\": \"years\"",
            "\"id\": \"other\", \"category\": \"other\", \"condition\": \"none\", \"countsFrom\": \"closure\", \"period\": \"review\"", StringComparison.Ordinal);
        var schedule = RetentionSchedule.Parse(json);

        var decision = RetentionDecider.Decide(schedule, new RetentionFacts(null, null, D("2010-01-01"), []), Today);

        decision.Action.ShouldBe(RetentionAction.Review);
        decision.Date.ShouldBe(D("2020-01-01"));
    }
}
