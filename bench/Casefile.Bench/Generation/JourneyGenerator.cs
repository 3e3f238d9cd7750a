using Casefile.Domain.Calendar;
using Casefile.Domain.Cases;
using Casefile.Domain.Journey;
using Casefile.Domain.Records;
using Casefile.Web.Features.Journey;
using Casefile.Web.Infrastructure;

namespace Casefile.Bench.Generation;

/// <summary>
/// The statutory journey of a generated authority (issue 16), made with the domain's own methods so
/// its order and timescales hold: about one child in six with a child protection plan (its strategy
/// discussion, section 47 enquiry and initial conference, core groups every four to six weeks,
/// review conferences at three then six months, about half the plans ended at one), and one in eight
/// looked after (SSDA903 episodes: a change of placement or legal status every few months, ending the
/// previous episode X1; reviews at 20 working days, three months, then six; some periods ended).
/// Statutory visits are the case records the <see cref="RecordWriter"/> already writes. Each step
/// puts the chronology line the application writes (<see cref="JourneyChronology"/>). Draws from a
/// sequence of its own, so a seed's records are the same as before the journey was added.
/// </summary>
public sealed class JourneyGenerator(Random random, WorkingDayCalendar calendar, DateTimeOffset end, Action<DateTimeOffset, ChronologyEntry> file)
{
    private static readonly JourneyTimescales Timescales = JourneyTimescales.Default;

    private static readonly (string Code, int Weight)[] Categories = [("NEG", 48), ("EMO", 38), ("PHY", 7), ("SAB", 4), ("MUL", 3)];
    private static readonly (string Code, int Weight)[] LegalStatuses = [("C2", 45), ("C1", 20), ("V2", 28), ("E1", 4), ("L2", 3)];
    private static readonly (string Code, int Weight)[] Placements = [("U6", 45), ("U4", 15), ("U3", 8), ("U1", 5), ("K2", 12), ("P1", 5), ("H5", 4), ("U5", 3), ("R1", 1), ("Z1", 2)];
    private static readonly (string Code, int Weight)[] Endings = [("E4A", 35), ("E13", 10), ("E41", 10), ("E45", 8), ("E5", 10), ("E8", 7), ("E3", 5), ("E17", 5)];

    private static readonly string[] Attendees =
    [
        "Police (MASH), school safeguarding lead, health visitor, allocated social worker",
        "Police, GP, school nurse, allocated social worker and practice manager",
        "Police child abuse investigation team, school, paediatrician, allocated social worker",
    ];

    private static readonly string[] Providers =
    [
        "In-house foster carers", "Harrowden Fostering Service", "Millbrook Independent Fostering Agency", "Beacon House children's home",
        "Kinship carers (grandparents)", "Riverside supported lodgings",
    ];

    private readonly DateOnly _today = LondonTime.ToLondonDate(end);

    public List<StrategyDiscussion> StrategyDiscussions { get; } = [];
    public List<Section47Enquiry> Section47Enquiries { get; } = [];
    public List<ChildProtectionConference> Conferences { get; } = [];
    public List<ChildProtectionPlan> Plans { get; } = [];
    public List<CoreGroupMeeting> CoreGroups { get; } = [];
    public List<LookedAfterEpisode> Episodes { get; } = [];
    public List<LookedAfterReview> Reviews { get; } = [];

    /// <summary>
    /// The journey of one case, opened on <paramref name="openedAt"/>: looked after from
    /// <paramref name="inCareAfterDays"/> days later for most children whose records say they are in
    /// care (none when <see cref="int.MaxValue"/>), and otherwise, about one in five, a child protection plan.
    /// </summary>
    public void Add(CaseFile caseFile, Guid workerId, DateTimeOffset openedAt, int inCareAfterDays)
    {
        var opened = LondonTime.ToLondonDate(openedAt);
        // 15% of the children are in care in their records; 83% of those gives one in eight looked after.
        if (inCareAfterDays != int.MaxValue && random.Next(100) < 83) LookedAfter(caseFile.Id, workerId, opened.AddDays(inCareAfterDays));
        // One in six in all with a plan: one in five of the rest.
        else if (random.Next(100) < 19) ChildProtection(caseFile.Id, workerId, opened);
    }

    private void ChildProtection(Guid caseId, Guid by, DateOnly opened)
    {
        var span = _today.DayNumber - opened.DayNumber;
        if (span < 5) return;
        var discussed = WorkingDayOnOrAfter(opened.AddDays(1 + random.Next(Math.Min(90, span - 2))));
        if (discussed >= _today) return;
        var discussion = new StrategyDiscussion(Ids.Next(random), caseId, discussed, Pick(Attendees), StrategyDecision.Section47, by, At(discussed), _today);
        StrategyDiscussions.Add(discussion);
        Step(caseId, by, discussed, JourneyChronology.Of(discussion), discussion.Id);
        var enquiry = Section47Enquiry.Start(Ids.Next(random), caseId, discussion, discussed, anotherIsOpen: false, calendar, Timescales, by, At(discussed), _today);
        Section47Enquiries.Add(enquiry);
        Step(caseId, by, discussed, JourneyChronology.Started(enquiry), enquiry.Id);

        // Most initial conferences within the 15 working days; one in ten late.
        var held = calendar.AddWorkingDays(discussed, random.Next(100) < 90 ? 8 + random.Next(8) : 16 + random.Next(10));
        if (held >= _today) return; // the enquiry is still open, its conference due
        var (initial, started) = ChildProtectionConference.Hold(Ids.Next(random), caseId, ConferenceKind.Initial, held, ConferenceDecision.Plan, Weighted(Categories),
            null, null, enquiry, null, Timescales, by, At(held), _today);
        var plan = started!;
        Conferences.Add(initial);
        Plans.Add(plan);
        Step(caseId, by, held, JourneyChronology.Of(initial), initial.Id);

        var nextCoreGroup = calendar.AddWorkingDays(plan.StartedOn, 4 + random.Next(7));
        var nextReview = WorkingDayOnOrBefore(plan.StartedOn.AddMonths(Timescales.FirstReviewConferenceMonths).AddDays(-random.Next(10)));
        while (true)
        {
            for (; nextCoreGroup < _today && nextCoreGroup < nextReview; nextCoreGroup = calendar.AddWorkingDays(nextCoreGroup, 20 + random.Next(11)))
            {
                var meeting = new CoreGroupMeeting(Ids.Next(random), caseId, plan, nextCoreGroup, by, At(nextCoreGroup), _today);
                CoreGroups.Add(meeting);
                Step(caseId, by, nextCoreGroup, JourneyChronology.Of(meeting), meeting.Id);
            }
            if (nextReview >= _today) return;
            var ends = random.Next(100) < (plan.Reviews == 0 ? 30 : 55);
            var (review, _) = ChildProtectionConference.Hold(Ids.Next(random), caseId, ConferenceKind.Review, nextReview, ends ? ConferenceDecision.End : ConferenceDecision.Continue,
                null, null, null, null, plan, Timescales, by, At(nextReview), _today);
            Conferences.Add(review);
            Step(caseId, by, nextReview, JourneyChronology.Of(review), review.Id);
            if (ends) return;
            nextReview = WorkingDayOnOrBefore(nextReview.AddMonths(Timescales.ReviewConferenceMonths).AddDays(-random.Next(10)));
        }
    }

    private void LookedAfter(Guid caseId, Guid by, DateOnly from)
    {
        from = WorkingDayOnOrAfter(from);
        if (from >= _today) return;
        var status = Weighted(LegalStatuses);
        var placement = status == "E1" && random.Next(2) == 0 ? (random.Next(2) == 0 ? "A5" : "A6") : Weighted(Placements);
        var episode = Episode(caseId, by, from, status, placement, null, null);
        var episodes = new List<LookedAfterEpisode> { episode };
        var reviews = 0;
        var nextReview = calendar.AddWorkingDays(from, Timescales.LookedAfterFirstReviewWorkingDays - random.Next(5));
        var nextChange = from.AddDays(120 + random.Next(300));
        while (true)
        {
            if (nextReview <= nextChange)
            {
                if (nextReview >= _today) return;
                var review = new LookedAfterReview(Ids.Next(random), caseId, nextReview, episodes, by, At(nextReview), _today);
                Reviews.Add(review);
                Step(caseId, by, nextReview, JourneyChronology.Of(review), review.Id);
                reviews++;
                nextReview = WorkingDayOnOrBefore(nextReview.AddMonths(reviews == 1 ? Timescales.LookedAfterSecondReviewMonths : Timescales.LookedAfterReviewMonths)
                    .AddDays(-random.Next(10)));
                continue;
            }
            if (nextChange >= _today) return;
            if (random.Next(100) < 15)
            {
                // The period ends: home, to a relative, an order, independence; adopted when the plan was adoption.
                var adoption = episode.LegalStatus == "E1" || episode.PlacementType is "A5" or "A6";
                episode.End(nextChange, adoption ? "E11" : Weighted(Endings), _today);
                Step(caseId, by, nextChange, JourneyChronology.Ended(episode), episode.Id);
                return;
            }
            var reason = random.Next(100) switch { < 65 => "P", < 85 => "L", _ => "T" };
            var newStatus = reason == "P" ? episode.LegalStatus : Other(LegalStatuses, episode.LegalStatus);
            var newPlacement = reason == "L" ? episode.PlacementType : Other(Placements, episode.PlacementType);
            episode = Episode(caseId, by, nextChange, newStatus, newPlacement, reason, episode);
            episodes.Add(episode);
            nextChange = nextChange.AddDays(120 + random.Next(300));
        }
    }

    private LookedAfterEpisode Episode(Guid caseId, Guid by, DateOnly on, string status, string placement, string? reason, LookedAfterEpisode? open)
    {
        var episode = LookedAfterEpisode.Start(Ids.Next(random), caseId, on, status, placement, reason, Pick(Providers), open, by, At(on), _today);
        Episodes.Add(episode);
        Step(caseId, by, on, JourneyChronology.Started(episode), episode.Id);
        return episode;
    }

    /// <summary>The step's chronology line, put on file the afternoon it was recorded.</summary>
    private void Step(Guid caseId, Guid by, DateOnly on, (string Title, string? Summary) line, Guid sourceId) =>
        file(At(on), JourneyChronology.Line(caseId, on, line, sourceId, by));

    private DateTimeOffset At(DateOnly on)
    {
        var at = LondonTime.FromLondon(on, new TimeOnly(16, 0));
        return at > end ? end : at;
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];

    private string Weighted((string Code, int Weight)[] values)
    {
        var at = random.Next(values.Sum(v => v.Weight));
        foreach (var (code, weight) in values)
        {
            if (at < weight) return code;
            at -= weight;
        }
        return values[^1].Code;
    }

    private string Other((string Code, int Weight)[] values, string not)
    {
        for (var tries = 0; tries < 20; tries++)
            if (Weighted(values) is var code && code != not) return code;
        return values.First(v => v.Code != not).Code;
    }

    private DateOnly WorkingDayOnOrAfter(DateOnly day)
    {
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    private DateOnly WorkingDayOnOrBefore(DateOnly day)
    {
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }
}
