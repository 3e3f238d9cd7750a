using Casefile.Domain.Calendar;
using Casefile.Domain.Journey;

namespace Casefile.Domain.Tests.Journey;

/// <summary>
/// The statutory journey's timescales from the regulations' own numbers (issue 16): Working
/// Together 2023 for child protection, the Care Planning Regulations 2010 (regulation 28) for
/// looked-after visits, counted in working days over England's bank holidays or in months.
/// </summary>
public sealed class StatutoryJourneyTests
{
    private static readonly Guid Case = Guid.NewGuid();
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly JourneyTimescales Timescales = JourneyTimescales.Default;

    private static StrategyDiscussion Discussion(DateOnly heldOn, StrategyDecision decision = StrategyDecision.Section47) =>
        new(Guid.NewGuid(), Case, heldOn, "DS Lewis (police), Ms Patel (school), Amara Osei", decision, Worker, At, heldOn);

    private static Section47Enquiry Enquiry(DateOnly heldOn) =>
        Section47Enquiry.Start(Guid.NewGuid(), Case, Discussion(heldOn), heldOn, false, Calendar, Timescales, Worker, At, heldOn);

    private static JourneyFacts Facts(
        IReadOnlyList<Section47Enquiry>? enquiries = null, IReadOnlyList<ChildProtectionPlan>? plans = null, IReadOnlyList<CoreGroupMeeting>? coreGroups = null,
        IReadOnlyList<LookedAfterEpisode>? episodes = null, IReadOnlyList<DateOnly>? reviews = null, IReadOnlyList<DateOnly>? visits = null,
        DateOnly? childInNeedSince = null, DateOnly? born = null, bool conferenceHeld = false) =>
        new(born ?? new DateOnly(2016, 5, 4), true, enquiries ?? [], plans ?? [], coreGroups ?? [], episodes ?? [], reviews ?? [], visits ?? [], [],
            childInNeedSince, conferenceHeld);

    [Fact]
    public void InitialConference_AfterAStrategyDiscussionOnFriday18December2026_IsDueOn13JanuaryOverChristmasAndNewYear()
    {
        // 15 working days after Friday 18 December 2026, without 25 and 28 December (Boxing Day falls on a Saturday) and 1 January.
        var enquiry = Enquiry(new DateOnly(2026, 12, 18));

        enquiry.InitialConferenceDueBy.ShouldBe(new DateOnly(2027, 1, 13));
        var picture = StatutoryJourney.Evaluate(Facts(enquiries: [enquiry]), Calendar, Timescales, new DateOnly(2027, 1, 14));
        picture.Statuses.ShouldBe([JourneyStatus.Section47Enquiry]);
        picture.Due.ShouldHaveSingleItem().ShouldBe(new DueStep(DueKind.InitialConference, new DateOnly(2027, 1, 13), true, "Initial child protection conference"));
    }

    [Fact]
    public void Plan_StartedAtAConferenceOn8March_HasItsFirstReviewDueBy8JuneAndCoreGroupAndVisitsInWorkingDays()
    {
        var enquiry = Enquiry(new DateOnly(2027, 2, 22));
        var (conference, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Case, ConferenceKind.Initial, new DateOnly(2027, 3, 8), ConferenceDecision.Plan,
            "neglect", null, null, enquiry, null, Timescales, Worker, At, new DateOnly(2027, 3, 8));

        plan.ShouldNotBeNull();
        plan.Category.ShouldBe("NEG");
        plan.StartedOn.ShouldBe(new DateOnly(2027, 3, 8));
        conference.PlanId.ShouldBe(plan.Id);
        enquiry.Outcome.ShouldBe(Section47Outcome.InitialConference);
        plan.NextReviewDueBy(Timescales).ShouldBe(new DateOnly(2027, 6, 8));
        // 10 working days from Monday 8 March 2027 (Good Friday is 26 March) is Monday 22 March.
        plan.FirstCoreGroupDueBy(Calendar, Timescales).ShouldBe(new DateOnly(2027, 3, 22));

        var picture = StatutoryJourney.Evaluate(Facts(enquiries: [enquiry], plans: [plan], conferenceHeld: true), Calendar, Timescales, new DateOnly(2027, 3, 9));
        picture.Tags.ShouldBe(["CP plan: neglect"]);
        picture.Due.Select(d => (d.Kind, d.DueBy)).ShouldBe(
        [
            (DueKind.CoreGroup, new DateOnly(2027, 3, 22)), (DueKind.StatutoryVisit, new DateOnly(2027, 3, 22)), (DueKind.ReviewConference, new DateOnly(2027, 6, 8)),
        ]);
    }

    [Fact]
    public void Plan_AfterAReviewConference_IsReviewedSixMonthsLaterAndEndsAtAReviewWithItsReason()
    {
        var enquiry = Enquiry(new DateOnly(2027, 2, 22));
        var (_, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Case, ConferenceKind.Initial, new DateOnly(2027, 3, 8), ConferenceDecision.Plan,
            "PHY", 15, null, enquiry, null, Timescales, Worker, At, new DateOnly(2027, 3, 8));

        ChildProtectionConference.Hold(Guid.NewGuid(), Case, ConferenceKind.Review, new DateOnly(2027, 6, 1), ConferenceDecision.Continue, null, null, null,
            enquiry, plan, Timescales, Worker, At, new DateOnly(2027, 6, 1));
        plan!.NextReviewDueBy(Timescales).ShouldBe(new DateOnly(2027, 12, 1));
        plan.VisitIntervalWorkingDays.ShouldBe(15);

        ChildProtectionConference.Hold(Guid.NewGuid(), Case, ConferenceKind.Review, new DateOnly(2027, 11, 30), ConferenceDecision.End, null, null,
            "Risks reduced: the family worked with the plan", enquiry, plan, Timescales, Worker, At, new DateOnly(2027, 11, 30));
        plan.IsCurrent.ShouldBeFalse();
        plan.EndReason.ShouldBe("Risks reduced: the family worked with the plan");
    }

    [Fact]
    public void Visit_WhenTheChildWasSeen_CountsTheNextFromThatVisit()
    {
        var enquiry = Enquiry(new DateOnly(2027, 2, 22));
        var (_, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), Case, ConferenceKind.Initial, new DateOnly(2027, 3, 8), ConferenceDecision.Plan,
            "EMO", null, null, enquiry, null, Timescales, Worker, At, new DateOnly(2027, 3, 8));

        var picture = StatutoryJourney.Evaluate(Facts(plans: [plan!], visits: [new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 15)]), Calendar, Timescales,
            new DateOnly(2027, 3, 16));

        // A visit before the plan does not count; 15 March + 10 working days, over Good Friday and Easter Monday (26 and 29 March), is 31 March.
        picture.Due.Single(d => d.Kind == DueKind.StatutoryVisit).DueBy.ShouldBe(new DateOnly(2027, 3, 31));
    }

    [Fact]
    public void LookedAfter_APlacementStarting1June_HasAVisitDueBy8JuneAndAReviewWithin20WorkingDays()
    {
        var episode = LookedAfterEpisode.Start(Guid.NewGuid(), Case, new DateOnly(2027, 6, 1), "C2", "U6", "S", "Harrowden Fostering", null, Worker, At,
            new DateOnly(2027, 6, 1));

        var picture = StatutoryJourney.Evaluate(Facts(episodes: [episode]), Calendar, Timescales, new DateOnly(2027, 6, 2));

        picture.Tags.ShouldBe(["Looked after: C2"]);
        picture.Due.Select(d => (d.Kind, d.DueBy)).ShouldBe(
            [(DueKind.StatutoryVisit, new DateOnly(2027, 6, 8)), (DueKind.LookedAfterReview, new DateOnly(2027, 6, 29))]);
    }

    [Fact]
    public void LookedAfter_VisitsAreSixWeeksApartInTheFirstYearAndThreeMonthsOnceALongTermPlacementHasLastedAYear()
    {
        var episode = LookedAfterEpisode.Start(Guid.NewGuid(), Case, new DateOnly(2026, 1, 5), "C2", "U4", "S", null, null, Worker, At, new DateOnly(2026, 1, 5));

        StatutoryJourney.Evaluate(Facts(episodes: [episode], visits: [new DateOnly(2026, 3, 2)]), Calendar, Timescales, new DateOnly(2026, 3, 3))
            .Due.Single(d => d.Kind == DueKind.StatutoryVisit).DueBy.ShouldBe(new DateOnly(2026, 4, 13));
        StatutoryJourney.Evaluate(Facts(episodes: [episode], visits: [new DateOnly(2027, 2, 1)]), Calendar, Timescales, new DateOnly(2027, 2, 2))
            .Due.Single(d => d.Kind == DueKind.StatutoryVisit).DueBy.ShouldBe(new DateOnly(2027, 5, 1));
    }

    [Fact]
    public void LookedAfter_AChangeOfPlacement_EndsTheEpisodeWithX1AndRestartsTheVisitClockButNotTheReviews()
    {
        var first = LookedAfterEpisode.Start(Guid.NewGuid(), Case, new DateOnly(2027, 1, 4), "V2", "U6", "S", null, null, Worker, At, new DateOnly(2027, 1, 4));
        var second = LookedAfterEpisode.Start(Guid.NewGuid(), Case, new DateOnly(2027, 5, 10), "V2", "K2", "P", null, first, Worker, At, new DateOnly(2027, 5, 10));

        first.EndedOn.ShouldBe(new DateOnly(2027, 5, 10));
        first.ReasonEnded.ShouldBe("X1");
        StatutoryJourney.PeriodStart([first, second], second).ShouldBe(new DateOnly(2027, 1, 4));
        var picture = StatutoryJourney.Evaluate(Facts(episodes: [first, second], reviews: [new DateOnly(2027, 1, 29)], visits: [new DateOnly(2027, 5, 3)]),
            Calendar, Timescales, new DateOnly(2027, 5, 11));
        picture.Due.Single(d => d.Kind == DueKind.StatutoryVisit).DueBy.ShouldBe(new DateOnly(2027, 5, 17));
        picture.Due.Single(d => d.Kind == DueKind.LookedAfterReview).DueBy.ShouldBe(new DateOnly(2027, 4, 29));
        picture.Due.Single(d => d.Kind == DueKind.LookedAfterReview).Overdue.ShouldBeTrue();
    }

    [Fact]
    public void ChildInNeed_WithAPlan_IsVisitedAtTheCouncilsInterval()
    {
        var picture = StatutoryJourney.Evaluate(Facts(childInNeedSince: new DateOnly(2027, 1, 11)), Calendar, Timescales, new DateOnly(2027, 1, 12));

        picture.Tags.ShouldBe(["Child in need"]);
        picture.Due.ShouldBe(
        [
            new DueStep(DueKind.StatutoryVisit, new DateOnly(2027, 2, 8), false, "Child in need visit"),
            new DueStep(DueKind.ChildInNeedReview, new DateOnly(2027, 4, 11), false, "First child in need plan review"),
        ]);
    }

    [Fact]
    public void ChildInNeed_AfterAReview_IsReviewedAgainAtTheCouncilsInterval()
    {
        var facts = Facts(childInNeedSince: new DateOnly(2027, 1, 11)) with { ChildInNeedReviews = [new DateOnly(2027, 4, 6)] };

        StatutoryJourney.Evaluate(facts, Calendar, Timescales, new DateOnly(2027, 4, 7)).Due.Single(d => d.Kind == DueKind.ChildInNeedReview)
            .ShouldBe(new DueStep(DueKind.ChildInNeedReview, new DateOnly(2027, 7, 6), false, "Child in need plan review"));
    }

    [Fact]
    public void PrivateFostering_IsVisitedWithinAWeekThenSixWeeksApartInTheFirstYearAndTwelveAfter()
    {
        var arrangement = new PrivateFosteringArrangement(Guid.NewGuid(), Case, new DateOnly(2026, 3, 2), false, Worker, At, new DateOnly(2026, 3, 2));
        JourneyFacts With(params DateOnly[] visits) => Facts(visits: visits) with { PrivateFostering = [arrangement] };

        var first = StatutoryJourney.Evaluate(With(), Calendar, Timescales, new DateOnly(2026, 3, 3));
        first.Tags.ShouldBe(["Privately fostered"]);
        first.Due.Single().ShouldBe(new DueStep(DueKind.StatutoryVisit, new DateOnly(2026, 3, 9), false, "Private fostering visit"));
        StatutoryJourney.Evaluate(With(new DateOnly(2026, 3, 6)), Calendar, Timescales, new DateOnly(2026, 3, 7)).Due.Single().DueBy.ShouldBe(new DateOnly(2026, 4, 17));
        StatutoryJourney.Evaluate(With(new DateOnly(2027, 3, 8)), Calendar, Timescales, new DateOnly(2027, 3, 9)).Due.Single().DueBy.ShouldBe(new DateOnly(2027, 5, 31));
    }

    [Fact]
    public void CareLeaver_LookedAfterThirteenWeeksSinceFourteenAndOnTheSixteenthBirthday_IsACareLeaverOnceTheEpisodeEnds()
    {
        var episode = LookedAfterEpisode.Start(Guid.NewGuid(), Case, new DateOnly(2025, 1, 6), "V2", "U6", "S", null, null, Worker, At, new DateOnly(2025, 1, 6));
        episode.End(new DateOnly(2026, 6, 1), "E5", new DateOnly(2026, 6, 1));

        StatutoryJourney.Evaluate(Facts(episodes: [episode], born: new DateOnly(2010, 3, 1)), Calendar, Timescales, new DateOnly(2026, 6, 2))
            .Tags.ShouldBe(["Care leaver"]);
        StatutoryJourney.Evaluate(Facts(episodes: [episode], born: new DateOnly(2012, 3, 1)), Calendar, Timescales, new DateOnly(2026, 6, 2))
            .Statuses.ShouldBeEmpty();
    }

    [Fact]
    public void Conference_Review_BeforeAnyInitialConference_IsRefused() =>
        Should.Throw<JourneyStepRefusedException>(() => ChildProtectionConference.Hold(Guid.NewGuid(), Case, ConferenceKind.Review, new DateOnly(2027, 3, 8),
            ConferenceDecision.Continue, null, null, null, null, null, Timescales, Worker, At, new DateOnly(2027, 3, 8))).Rule.ShouldBe("review-before-initial-conference");

    [Fact]
    public void Conference_Initial_WithAPlanButNoCategory_IsRefused() =>
        Should.Throw<JourneyStepRefusedException>(() => ChildProtectionConference.Hold(Guid.NewGuid(), Case, ConferenceKind.Initial, new DateOnly(2027, 3, 8),
            ConferenceDecision.Plan, null, null, null, Enquiry(new DateOnly(2027, 3, 1)), null, Timescales, Worker, At, new DateOnly(2027, 3, 8))).Rule.ShouldBe("category-required");

    [Fact]
    public void Conference_Initial_BeforeItsEnquiry_IsRefused() =>
        Should.Throw<JourneyStepRefusedException>(() => ChildProtectionConference.Hold(Guid.NewGuid(), Case, ConferenceKind.Initial, new DateOnly(2027, 2, 26),
            ConferenceDecision.NoPlan, null, null, null, Enquiry(new DateOnly(2027, 3, 1)), null, Timescales, Worker, At, new DateOnly(2027, 3, 8))).Rule.ShouldBe("conference-before-enquiry");

    [Fact]
    public void Conference_Initial_WithNoEnquiry_IsRefused() =>
        Should.Throw<JourneyStepRefusedException>(() => ChildProtectionConference.Hold(Guid.NewGuid(), Case, ConferenceKind.Initial, new DateOnly(2027, 3, 8),
            ConferenceDecision.NoPlan, null, null, null, null, null, Timescales, Worker, At, new DateOnly(2027, 3, 8))).Rule.ShouldBe("no-section47-enquiry");

    [Fact]
    public void Enquiry_FromADiscussionThatDecidedNoSection47_IsRefused() =>
        Should.Throw<JourneyStepRefusedException>(() => Section47Enquiry.Start(Guid.NewGuid(), Case, Discussion(new DateOnly(2027, 3, 1), StrategyDecision.NoSection47),
            new DateOnly(2027, 3, 1), false, Calendar, Timescales, Worker, At, new DateOnly(2027, 3, 1))).Rule.ShouldBe("no-section47-agreed");

    [Theory]
    [InlineData(null, "X9", "U6", "S", "legalStatus")]
    [InlineData(null, "C2", "Q1", "S", "placementType")]
    [InlineData(null, "C2", "U6", "P", "reasonForNewEpisode")]
    [InlineData("open", "C2", "U6", "S", "reasonForNewEpisode")]
    public void Episode_WithAnUnknownCodeOrTheWrongReason_IsRefusedNamingTheField(string? open, string status, string placement, string reason, string field)
    {
        var current = open is null ? null : LookedAfterEpisode.Start(Guid.NewGuid(), Case, new DateOnly(2027, 1, 4), "V2", "U6", "S", null, null, Worker, At, new DateOnly(2027, 1, 4));

        Should.Throw<JourneyStepRefusedException>(() => LookedAfterEpisode.Start(Guid.NewGuid(), Case, new DateOnly(2027, 2, 1), status, placement, reason, null, current,
            Worker, At, new DateOnly(2027, 2, 1))).Field.ShouldBe(field);
    }

    [Theory]
    [InlineData("V820200100101", true)]
    [InlineData("T93812345678A", true)]
    [InlineData("A820200100101", false)]
    [InlineData("V82020010010", false)]
    [InlineData("V8202001001O1", false)]
    public void UniquePupilNumber_IsCheckedByItsCheckLetter(string upn, bool valid) => UniquePupilNumber.IsValid(upn).ShouldBe(valid);

    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("9434765918", false)]
    [InlineData("943476591", false)]
    [InlineData("943476591A", false)]
    public void NhsNumber_IsCheckedByItsCheckDigit(string nhsNumber, bool valid) => NhsNumber.IsValid(nhsNumber).ShouldBe(valid);

    [Fact]
    public void Timescales_TheDefaultsAreTheStatutoryOnes()
    {
        Timescales.InitialConferenceWorkingDays.ShouldBe(15);
        Timescales.FirstCoreGroupWorkingDays.ShouldBe(10);
        Timescales.LookedAfterFirstReviewWorkingDays.ShouldBe(20);
        Timescales.LookedAfterVisitDays.ShouldBe(42);
    }

    [Theory]
    [InlineData(DueKind.InitialConference, true)]
    [InlineData(DueKind.CoreGroup, true)]
    [InlineData(DueKind.ReviewConference, true)]
    [InlineData(DueKind.LookedAfterReview, true)]
    [InlineData(DueKind.ChildInNeedReview, true)]
    [InlineData(DueKind.StatutoryVisit, false)]
    [InlineData(DueKind.Assessment, false)]
    public void DueKinds_MeetingsAreTheConferencesCoreGroupsAndReviews(DueKind kind, bool meeting) => kind.IsMeeting().ShouldBe(meeting);
}
