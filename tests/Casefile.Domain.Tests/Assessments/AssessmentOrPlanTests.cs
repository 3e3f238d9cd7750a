using Casefile.Domain.Assessments;
using Casefile.Domain.Calendar;
using Casefile.Domain.Common;

namespace Casefile.Domain.Tests.Assessments;

public sealed class AssessmentOrPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid Author = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Colleague = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly Guid PracticeManager = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid PrincipalManager = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Guid DivisionalManager = Guid.Parse("00000000-0000-0000-0000-0000000000b3");
    private static readonly Guid OtherManager = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid OtherDivisionalManager = Guid.Parse("00000000-0000-0000-0000-0000000000c2");

    /// <summary>The author's line: practice manager, then principal, then divisional, nearest first.</summary>
    private static readonly IReadOnlyList<Guid> Line = [PracticeManager, PrincipalManager, DivisionalManager];

    private static Decider Manager(Guid id) => new(id, IsManager: true, IsDivisionalManager: id == DivisionalManager || id == OtherDivisionalManager);

    private static AssessmentOrPlanContent Complete(AssessmentOrPlanKind kind) => new(
        "Amy is safe at home with support from school and her grandmother.",
        "Amy said she wants to stay at home. Her mother agreed with the plan and asked for help with housing.",
        "Read through with Amy and her mother at home on 27 February; a copy given to her mother.",
        kind == AssessmentOrPlanKind.FinalCarePlan ? CourtOrderSought.CareOrder : null);

    private static AssessmentOrPlan Draft(AssessmentOrPlanKind kind, AssessmentOrPlanContent? content = null) =>
        AssessmentOrPlan.Start(Guid.NewGuid(), Guid.NewGuid(), kind, content ?? Complete(kind), Author, Guid.NewGuid(), new DateOnly(2026, 1, 2),
            WorkingDayCalendar.EnglandAndWales, Now);

    /// <summary>A document brought to <paramref name="state"/> by the usual route.</summary>
    private static AssessmentOrPlan In(AssessmentOrPlanStatus state, AssessmentOrPlanKind kind)
    {
        var work = Draft(kind);
        if (state == AssessmentOrPlanStatus.Draft) return work;
        work.Submit(Author, Now);
        if (state == AssessmentOrPlanStatus.Submitted) return work;
        if (state == AssessmentOrPlanStatus.Returned)
        {
            work.Return(Manager(PracticeManager), Line, "Say more about school attendance", Now);
            return work;
        }
        work.Authorise(Manager(kind == AssessmentOrPlanKind.FinalCarePlan ? DivisionalManager : PracticeManager), Line, Now);
        if (state == AssessmentOrPlanStatus.Authorised) return work;
        work.End(Today, "Plan ended at the review conference", Author, Today);
        return work;
    }

    public enum Act { Revise, Submit, Authorise, Return, End }

    private static void Do(AssessmentOrPlan work, Act act)
    {
        switch (act)
        {
            case Act.Revise: work.Revise(Complete(work.Kind) with { Summary = "Changed" }, Author); break;
            case Act.Submit: work.Submit(Author, Now); break;
            case Act.Authorise: work.Authorise(Manager(DivisionalManager), Line, Now); break;
            case Act.Return: work.Return(Manager(PracticeManager), Line, "Not enough about the father's views", Now); break;
            case Act.End: work.End(Today, "Child protection plan ended at review", Author, Today); break;
        }
    }

    /// <summary>Every state and action, by the right person: the state it moves to, or the rule that refuses it.</summary>
    public static TheoryData<AssessmentOrPlanKind, AssessmentOrPlanStatus, Act, string> Transitions()
    {
        var data = new TheoryData<AssessmentOrPlanKind, AssessmentOrPlanStatus, Act, string>();
        foreach (var kind in new[] { AssessmentOrPlanKind.ChildProtectionPlan, AssessmentOrPlanKind.FinalCarePlan, AssessmentOrPlanKind.ChildAndFamilyAssessment, AssessmentOrPlanKind.CourtReport })
        {
            var plan = AssessmentOrPlanKinds.RunsUntilEnded(kind);
            string EndFrom(string planAnswer) => plan ? planAnswer : "not-a-plan";
            // Draft
            data.Add(kind, AssessmentOrPlanStatus.Draft, Act.Revise, "Draft");
            data.Add(kind, AssessmentOrPlanStatus.Draft, Act.Submit, "Submitted");
            data.Add(kind, AssessmentOrPlanStatus.Draft, Act.Authorise, "not-submitted");
            data.Add(kind, AssessmentOrPlanStatus.Draft, Act.Return, "not-submitted");
            data.Add(kind, AssessmentOrPlanStatus.Draft, Act.End, EndFrom("plan-not-authorised"));
            // Submitted
            data.Add(kind, AssessmentOrPlanStatus.Submitted, Act.Revise, "awaiting-authorisation");
            data.Add(kind, AssessmentOrPlanStatus.Submitted, Act.Submit, "awaiting-authorisation");
            data.Add(kind, AssessmentOrPlanStatus.Submitted, Act.Authorise, "Authorised");
            data.Add(kind, AssessmentOrPlanStatus.Submitted, Act.Return, "Returned");
            data.Add(kind, AssessmentOrPlanStatus.Submitted, Act.End, EndFrom("plan-not-authorised"));
            // Returned
            data.Add(kind, AssessmentOrPlanStatus.Returned, Act.Revise, "Returned");
            data.Add(kind, AssessmentOrPlanStatus.Returned, Act.Submit, "Submitted");
            data.Add(kind, AssessmentOrPlanStatus.Returned, Act.Authorise, "not-submitted");
            data.Add(kind, AssessmentOrPlanStatus.Returned, Act.Return, "not-submitted");
            data.Add(kind, AssessmentOrPlanStatus.Returned, Act.End, EndFrom("plan-not-authorised"));
            // Authorised: locked
            data.Add(kind, AssessmentOrPlanStatus.Authorised, Act.Revise, "assessment-or-plan-locked");
            data.Add(kind, AssessmentOrPlanStatus.Authorised, Act.Submit, "assessment-or-plan-locked");
            data.Add(kind, AssessmentOrPlanStatus.Authorised, Act.Authorise, "not-submitted");
            data.Add(kind, AssessmentOrPlanStatus.Authorised, Act.Return, "not-submitted");
            data.Add(kind, AssessmentOrPlanStatus.Authorised, Act.End, EndFrom("Ended"));
            if (!plan) continue;
            // Ended (plans only)
            data.Add(kind, AssessmentOrPlanStatus.Ended, Act.Revise, "assessment-or-plan-locked");
            data.Add(kind, AssessmentOrPlanStatus.Ended, Act.Submit, "assessment-or-plan-locked");
            data.Add(kind, AssessmentOrPlanStatus.Ended, Act.Authorise, "not-submitted");
            data.Add(kind, AssessmentOrPlanStatus.Ended, Act.Return, "not-submitted");
            data.Add(kind, AssessmentOrPlanStatus.Ended, Act.End, "plan-already-ended");
        }
        return data;
    }

    [Theory, MemberData(nameof(Transitions))]
    public void Transition_FromEachState_MovesOrIsRefusedWithItsRule(AssessmentOrPlanKind kind, AssessmentOrPlanStatus from, Act act, string expected)
    {
        var work = In(from, kind);
        work.Status.ShouldBe(from);
        var version = work.Version;
        if (Enum.TryParse<AssessmentOrPlanStatus>(expected, out var to))
        {
            Do(work, act);
            work.Status.ShouldBe(to);
            work.Version.ShouldNotBe(version);
        }
        else
        {
            Should.Throw<RuleViolationException>(() => Do(work, act)).Rule.ShouldBe(expected);
            work.Status.ShouldBe(from);
            work.Version.ShouldBe(version);
        }
    }

    public static TheoryData<AssessmentOrPlanKind, string, string> Deciders() => new()
    {
        // Policy 9.2: never the author; only the author's line manager or a manager above them.
        { AssessmentOrPlanKind.ChildProtectionPlan, "author", "author-cannot-authorise" },
        { AssessmentOrPlanKind.ChildProtectionPlan, "colleague", "not-in-authors-line" },
        { AssessmentOrPlanKind.ChildProtectionPlan, "other-manager", "not-in-authors-line" },
        { AssessmentOrPlanKind.ChildProtectionPlan, "other-divisional", "not-in-authors-line" },
        { AssessmentOrPlanKind.ChildProtectionPlan, "practice", "ok" },
        { AssessmentOrPlanKind.ChildProtectionPlan, "principal", "ok" },
        { AssessmentOrPlanKind.ChildProtectionPlan, "divisional", "ok" },
        { AssessmentOrPlanKind.ChildAndFamilyAssessment, "author", "author-cannot-authorise" },
        { AssessmentOrPlanKind.ChildAndFamilyAssessment, "other-manager", "not-in-authors-line" },
        { AssessmentOrPlanKind.ChildAndFamilyAssessment, "practice", "ok" },
        { AssessmentOrPlanKind.CourtReport, "practice", "ok" },
        { AssessmentOrPlanKind.CourtReport, "other-manager", "not-in-authors-line" },
        // Policy 9.3: a final care plan for court needs a divisional manager, in the author's line.
        { AssessmentOrPlanKind.FinalCarePlan, "practice", "divisional-manager-required" },
        { AssessmentOrPlanKind.FinalCarePlan, "principal", "divisional-manager-required" },
        { AssessmentOrPlanKind.FinalCarePlan, "divisional", "ok" },
        { AssessmentOrPlanKind.FinalCarePlan, "other-divisional", "not-in-authors-line" },
        { AssessmentOrPlanKind.FinalCarePlan, "author", "author-cannot-authorise" },
    };

    private static Decider Who(string who) => who switch
    {
        "author" => new Decider(Author, IsManager: true, IsDivisionalManager: true),
        "colleague" => new Decider(Colleague, IsManager: false, IsDivisionalManager: false),
        "other-manager" => Manager(OtherManager),
        "other-divisional" => Manager(OtherDivisionalManager),
        "practice" => Manager(PracticeManager),
        "principal" => Manager(PrincipalManager),
        "divisional" => Manager(DivisionalManager),
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    [Theory, MemberData(nameof(Deciders))]
    public void Authorise_ByEachKindOfPerson_IsAllowedOnlyInTheAuthorsLine(AssessmentOrPlanKind kind, string who, string expected)
    {
        var work = In(AssessmentOrPlanStatus.Submitted, kind);
        // The author is in their own "line" here too: being a manager never lets them authorise their own work.
        var line = who == "author" ? [.. Line, Author] : Line;
        if (expected == "ok")
        {
            work.Authorise(Who(who), line, Now);
            work.Status.ShouldBe(AssessmentOrPlanStatus.Authorised);
            work.DecidedBy.ShouldBe(Who(who).Id);
            work.IsLocked.ShouldBeTrue();
        }
        else
        {
            Should.Throw<RuleViolationException>(() => work.Authorise(Who(who), line, Now)).Rule.ShouldBe(expected);
            work.Status.ShouldBe(AssessmentOrPlanStatus.Submitted);
        }
    }

    [Theory]
    [InlineData("author", "author-cannot-authorise")]
    [InlineData("other-manager", "not-in-authors-line")]
    [InlineData("colleague", "not-in-authors-line")]
    [InlineData("practice", "ok")]
    [InlineData("divisional", "ok")]
    public void Return_ByEachKindOfPerson_IsAllowedOnlyInTheAuthorsLine(string who, string expected)
    {
        // A practice manager may send a final care plan back, though only the divisional manager may authorise it.
        var work = In(AssessmentOrPlanStatus.Submitted, AssessmentOrPlanKind.FinalCarePlan);
        if (expected == "ok")
        {
            work.Return(Who(who), Line, "Say which placement is proposed", Now);
            work.Status.ShouldBe(AssessmentOrPlanStatus.Returned);
            work.ReturnReason.ShouldBe("Say which placement is proposed");
            work.TimesReturned.ShouldBe(1);
        }
        else
        {
            Should.Throw<RuleViolationException>(() => work.Return(Who(who), Line, "Reason", Now)).Rule.ShouldBe(expected);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Return_WithoutAReason_IsRefused(string? reason)
    {
        var work = In(AssessmentOrPlanStatus.Submitted, AssessmentOrPlanKind.ChildInNeedPlan);
        var e = Should.Throw<RuleViolationException>(() => work.Return(Manager(PracticeManager), Line, reason, Now));
        e.Field.ShouldBe("reason");
        work.Status.ShouldBe(AssessmentOrPlanStatus.Submitted);
    }

    [Fact]
    public void Return_ThenEditAndSubmitAgain_GoesBackToTheManager()
    {
        var work = In(AssessmentOrPlanStatus.Returned, AssessmentOrPlanKind.ChildInCarePlan);
        work.Revise(Complete(work.Kind) with { Summary = "Now with school attendance" }, Author);
        work.Submit(Author, Now);
        work.Authorise(Manager(PracticeManager), Line, Now);
        work.Status.ShouldBe(AssessmentOrPlanStatus.Authorised);
        work.Content.Summary.ShouldBe("Now with school attendance");
        work.ReturnReason.ShouldBe("Say more about school attendance");
    }

    [Theory]
    [InlineData(Act.Revise)]
    [InlineData(Act.Submit)]
    public void ChangeOrSubmit_BySomeoneOtherThanTheAuthor_IsRefused(Act act)
    {
        var work = Draft(AssessmentOrPlanKind.PathwayPlan);
        var e = Should.Throw<RuleViolationException>(() =>
        {
            if (act == Act.Revise) work.Revise(Complete(work.Kind), Colleague);
            else work.Submit(Colleague, Now);
        });
        e.Rule.ShouldBe("author-only");
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("familyContribution")]
    [InlineData("howShared")]
    public void Submit_WithoutWhatPolicy313Asks_IsRefusedNamingTheField(string field)
    {
        var full = Complete(AssessmentOrPlanKind.ChildAndFamilyAssessment);
        var content = field switch
        {
            "summary" => full with { Summary = null },
            "familyContribution" => full with { FamilyContribution = " " },
            _ => full with { HowShared = null },
        };
        var work = Draft(AssessmentOrPlanKind.ChildAndFamilyAssessment, content);
        var e = Should.Throw<AssessmentOrPlanIncompleteException>(() => work.Submit(Author, Now));
        e.Missing.Select(m => m.Field).ShouldBe([field]);
        work.Status.ShouldBe(AssessmentOrPlanStatus.Draft);
    }

    [Fact]
    public void Submit_FinalCarePlanWithoutTheOrderSought_IsRefused()
    {
        var work = Draft(AssessmentOrPlanKind.FinalCarePlan, Complete(AssessmentOrPlanKind.FinalCarePlan) with { OrderSought = null });
        Should.Throw<AssessmentOrPlanIncompleteException>(() => work.Submit(Author, Now)).Field.ShouldBe("orderSought");
    }

    [Fact]
    public void Start_OrderSoughtOnAnythingButAFinalCarePlan_IsRefused() =>
        Should.Throw<RuleViolationException>(() => Draft(AssessmentOrPlanKind.ChildInCarePlan, Complete(AssessmentOrPlanKind.ChildInCarePlan) with { OrderSought = CourtOrderSought.PlacementOrder }))
            .Rule.ShouldBe("order-only-for-final-care-plan");

    [Fact]
    public void Start_NoFurtherActionOnAPlan_IsRefused() =>
        Should.Throw<RuleViolationException>(() => Draft(AssessmentOrPlanKind.ChildInNeedPlan, Complete(AssessmentOrPlanKind.ChildInNeedPlan) with { RecommendsNoFurtherAction = true }))
            .Rule.ShouldBe("no-further-action-only-for-assessment");

    [Fact]
    public void Start_ChildAndFamilyAssessment_IsDue45WorkingDaysAfterTheReferralWasAccepted()
    {
        // Accepted Friday 2 January 2026: 20 working days in January, 20 in February, 5 in March.
        var work = Draft(AssessmentOrPlanKind.ChildAndFamilyAssessment);
        work.CountsFrom.ShouldBe(new DateOnly(2026, 1, 2));
        work.DueBy.ShouldBe(new DateOnly(2026, 3, 6));
    }

    [Fact]
    public void Start_AcrossEaster_SkipsTheBankHolidays()
    {
        // Accepted Thursday 26 February 2026; Good Friday 3 April and Easter Monday 6 April are not counted.
        var work = AssessmentOrPlan.Start(Guid.NewGuid(), Guid.NewGuid(), AssessmentOrPlanKind.ChildAndFamilyAssessment, Complete(AssessmentOrPlanKind.ChildAndFamilyAssessment),
            Author, null, new DateOnly(2026, 2, 26), WorkingDayCalendar.EnglandAndWales, Now);
        work.DueBy.ShouldBe(new DateOnly(2026, 5, 5));
    }

    [Fact]
    public void Start_APlan_HasNoDeadline() => Draft(AssessmentOrPlanKind.ChildProtectionPlan).DueBy.ShouldBeNull();

    [Theory]
    [InlineData("2026-03-02", 4)]
    [InlineData("2026-03-06", 0)]
    [InlineData("2026-03-09", -1)]
    public void WorkingDaysLeft_CountsDownToTheDeadline(string today, int left) =>
        Draft(AssessmentOrPlanKind.ChildAndFamilyAssessment).WorkingDaysLeft(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), WorkingDayCalendar.EnglandAndWales).ShouldBe(left);

    [Fact]
    public void WorkingDaysLeft_OnceAuthorised_IsNotShown() =>
        In(AssessmentOrPlanStatus.Authorised, AssessmentOrPlanKind.ChildAndFamilyAssessment).WorkingDaysLeft(Today, WorkingDayCalendar.EnglandAndWales).ShouldBeNull();

    [Fact]
    public void End_InTheFuture_IsRefused()
    {
        var work = In(AssessmentOrPlanStatus.Authorised, AssessmentOrPlanKind.ChildProtectionPlan);
        Should.Throw<RuleViolationException>(() => work.End(Today.AddDays(1), "Ends at review", Author, Today)).Field.ShouldBe("endedOn");
    }

    [Fact]
    public void End_WithoutAReason_IsRefused()
    {
        var work = In(AssessmentOrPlanStatus.Authorised, AssessmentOrPlanKind.ChildProtectionPlan);
        Should.Throw<RuleViolationException>(() => work.End(Today, " ", Author, Today)).Field.ShouldBe("reason");
        work.Status.ShouldBe(AssessmentOrPlanStatus.Authorised);
    }

    [Fact]
    public void End_AnAuthorisedPlan_RecordsTheDateAndReason()
    {
        var work = In(AssessmentOrPlanStatus.Authorised, AssessmentOrPlanKind.ChildProtectionPlan);
        work.End(Today.AddDays(-3), "Child protection plan ended at the review conference", Colleague, Today);
        work.EndedOn.ShouldBe(Today.AddDays(-3));
        work.EndedBy.ShouldBe(Colleague);
        work.EndReason.ShouldBe("Child protection plan ended at the review conference");
    }
}
