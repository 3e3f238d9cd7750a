using System.Globalization;
using Casefile.Data;
using Casefile.Domain.Assessments;
using Casefile.Domain.Calendar;
using Casefile.Domain.Cases;
using Casefile.Domain.Journey;
using Casefile.Domain.People;
using Casefile.Domain.Records;
using Casefile.Web.Features.Journey;
using Casefile.Web.Infrastructure;

namespace Casefile.Web.Demo;

/// <summary>A demo case as the journey's seeding picks it: the child, who works it, and the day of its last statutory visit, if any.</summary>
internal sealed record DemoCase(CaseFile File, Person Child, Guid Worker, Guid Manager, DateOnly OpenedOn, DateOnly? LastVisitOn)
{
    public bool IsOpen => File.Status == CaseStatus.Open;
}

/// <summary>
/// The statutory journey on a share of the demo cases (issue 16), so that every status and every
/// due step can be tried, some on time and some overdue: section 47 enquiries with the initial
/// conference due soon and overdue; child protection plans (neglect, emotional, physical) with their
/// conferences, core groups and statutory visits, recent and overdue; children looked after (C1 then
/// C2 in foster care; V2 moved from foster care to a children's home, which ends the first episode
/// with X1), with reviews and visits; an authorised child in need plan with its visits; a care leaver;
/// and a closed case whose enquiry ended without a conference. Each step is made by the domain's own
/// methods, so the journey's order and timescales hold, and puts the chronology line the handlers
/// write. Dates count back from today, so the demo looks the same whichever day it is seeded.
/// </summary>
internal sealed class DemoJourneys(AppDbContext db, WorkingDayCalendar calendar, JourneyTimescales timescales, IReadOnlyDictionary<Guid, string> names,
    DateTimeOffset now, DateOnly today, Random random)
{
    private readonly HashSet<Guid> _used = [];

    private static readonly string[] Attendees =
    [
        "DS Lewis (police), Ms Patel (school safeguarding lead), Sara Lind (health visitor), {0}",
        "PC Doyle (police), Mrs Walsh (school), Dr Evans (GP), {0}",
        "DC Shah (police), school nurse, {0}, and the practice manager",
    ];

    private static readonly (string Story, string Outcome)[] HomeVisits =
    [
        ("I saw {0} alone in their bedroom. They showed me their school work and said they feel safe at home this week.", "{0} is safe. The plan is working; continue as agreed."),
        ("I saw {0} at home after school, first with their mother and then alone in the kitchen. The home was warm and there was food in the cupboards.", "No new worries. Next visit booked."),
        ("I met {0} at school and we talked alone in the library. They said the adults at home argue less and they like their new bedtime routine.", "{0}'s views to be shared at the next meeting."),
    ];

    private static readonly (string Story, string Outcome)[] PlacementVisits =
    [
        ("I visited {0} at their placement and spoke with them alone in their room. They are settling in, go to the same school and see their mum on Saturdays.", "{0} wants contact to stay as it is. Placement stable."),
        ("I saw {0} alone at the placement, then with their carer. {0} showed me the garden and talked about their friends at school.", "No worries about the placement. Next visit booked."),
    ];

    public void Seed(IReadOnlyList<DemoCase> cases, Guid amara, Guid ben, Guid daniel)
    {
        // The care leaver first: only the oldest children can be one.
        CareLeaver(cases);
        SectionFortySevenDueSoon(cases, amara);
        SectionFortySevenOverdue(cases, ben);
        PlanOnTime(cases, amara, daniel);
        PlanVisitsOverdue(cases, ben);
        PlanJustMade(cases, daniel, amara);
        LookedAfterOnTime(cases, amara, daniel);
        LookedAfterMovedAndOverdue(cases, ben);
        ChildInNeedPlan(cases, visitsOverdue: true, amara);
        ChildInNeedPlan(cases, visitsOverdue: false, ben);
        PrivatelyFostered(cases, amara);
        EnquiryOnAClosedCase(cases);
    }

    /// <summary>An enquiry started four working days ago: the initial conference is due in eleven.</summary>
    private void SectionFortySevenDueSoon(IReadOnlyList<DemoCase> cases, Guid worker)
    {
        var discussed = WorkingDaysAgo(4);
        if (Pick(cases, Before(4), quiet: false, worker) is not { } c) return;
        Enquiry(c, Discussion(c, discussed), discussed);
    }

    /// <summary>An enquiry whose initial conference was due four working days ago and has not been held.</summary>
    private void SectionFortySevenOverdue(IReadOnlyList<DemoCase> cases, Guid worker)
    {
        var discussed = WorkingDaysAgo(19);
        if (Pick(cases, Before(19), quiet: false, worker) is not { } c) return;
        Enquiry(c, Discussion(c, discussed), calendar.AddWorkingDays(discussed, 1));
    }

    /// <summary>A neglect plan of about four months: core groups every six weeks, the first review held on time, visits every nine working days.</summary>
    private void PlanOnTime(IReadOnlyList<DemoCase> cases, params Guid[] workers)
    {
        var discussed = WorkingDaysAgo(90);
        if (Pick(cases, Before(90), quiet: false, workers) is not { } c) return;
        var enquiry = Enquiry(c, Discussion(c, discussed), discussed);
        var plan = InitialConference(c, enquiry, calendar.AddWorkingDays(discussed, 12), "NEG");
        for (var on = calendar.AddWorkingDays(plan.StartedOn, 8); on < today; on = calendar.AddWorkingDays(on, 30)) CoreGroup(c, plan, on);
        var review = WorkingDayOnOrBefore(plan.StartedOn.AddMonths(timescales.FirstReviewConferenceMonths).AddDays(-2));
        if (review < today) ReviewConference(c, plan, review, ConferenceDecision.Continue);
        for (var on = calendar.AddWorkingDays(plan.StartedOn, 2); on < today; on = calendar.AddWorkingDays(on, 9)) Visit(c, on, "Child protection visit");
    }

    /// <summary>An emotional abuse plan whose last visit was seventeen working days ago: the visit is overdue.</summary>
    private void PlanVisitsOverdue(IReadOnlyList<DemoCase> cases, Guid worker)
    {
        var discussed = WorkingDaysAgo(40);
        if (Pick(cases, Before(40), quiet: true, worker) is not { } c) return;
        var enquiry = Enquiry(c, Discussion(c, discussed), discussed);
        var plan = InitialConference(c, enquiry, calendar.AddWorkingDays(discussed, 14), "EMO");
        CoreGroup(c, plan, calendar.AddWorkingDays(plan.StartedOn, timescales.FirstCoreGroupWorkingDays));
        Visit(c, calendar.AddWorkingDays(plan.StartedOn, 4), "Child protection visit");
        Visit(c, calendar.AddWorkingDays(plan.StartedOn, 9), "Child protection visit");
    }

    /// <summary>A physical abuse plan made three working days ago: one visit so far, the first core group still to meet.</summary>
    private void PlanJustMade(IReadOnlyList<DemoCase> cases, params Guid[] workers)
    {
        var discussed = WorkingDaysAgo(14);
        if (Pick(cases, Before(14), quiet: false, workers) is not { } c) return;
        var enquiry = Enquiry(c, Discussion(c, discussed), calendar.AddWorkingDays(discussed, 1));
        InitialConference(c, enquiry, WorkingDaysAgo(3), "PHY");
        Visit(c, WorkingDaysAgo(1), "Child protection visit");
    }

    /// <summary>
    /// Looked after for ten months in foster care: an interim care order, then the full care order
    /// (a new episode, reason L, the first ending X1), reviews on time and visits every five weeks.
    /// </summary>
    private void LookedAfterOnTime(IReadOnlyList<DemoCase> cases, params Guid[] workers)
    {
        var from = WorkingDayOnOrBefore(today.AddDays(-300));
        if (Pick(cases, today.AddDays(-303), quiet: false, workers) is not { } c) return;
        var first = Episode(c, from, "C1", "U6", null, "Harrowden Fostering Service (Mr and Mrs Okafor)", null);
        var second = Episode(c, from.AddDays(140), "C2", "U6", "L", "Harrowden Fostering Service (Mr and Mrs Okafor)", first);
        var episodes = new[] { first, second };
        var review = calendar.AddWorkingDays(from, 18);
        Review(c, review, episodes);
        review = WorkingDayOnOrBefore(review.AddMonths(timescales.LookedAfterSecondReviewMonths).AddDays(-5));
        Review(c, review, episodes);
        review = WorkingDayOnOrBefore(review.AddMonths(timescales.LookedAfterReviewMonths).AddDays(-10));
        if (review < today) Review(c, review, episodes);
        for (var on = from.AddDays(3); on < today; on = on.AddDays(35)) Visit(c, on, "Looked-after child's visit");
    }

    /// <summary>
    /// Accommodated under section 20 eighty days ago, moved from foster care to a children's home
    /// fifty days ago (reason P; the first episode ends X1): one visit in the new placement, so the
    /// next, at most six weeks later, is overdue.
    /// </summary>
    private void LookedAfterMovedAndOverdue(IReadOnlyList<DemoCase> cases, Guid worker)
    {
        var from = today.AddDays(-80);
        if (Pick(cases, from, quiet: true, worker) is not { } c) return;
        var first = Episode(c, from, "V2", "U6", null, "Millbrook foster carers (Ms Adebayo)", null);
        Visit(c, from.AddDays(4), "Looked-after child's visit");
        Visit(c, from.AddDays(26), "Looked-after child's visit");
        var moved = today.AddDays(-50);
        var second = Episode(c, moved, "V2", "K2", "P", "Beacon House children's home", first);
        Review(c, calendar.AddWorkingDays(from, 19), [first, second]);
        Visit(c, moved.AddDays(4), "Looked-after child's visit");
    }

    /// <summary>
    /// A child in need plan authorised ten weeks ago by the worker's line manager and visited every
    /// few weeks since; or, with <paramref name="visitsOverdue"/>, not visited for five weeks, longer
    /// than the council's interval.
    /// </summary>
    private void ChildInNeedPlan(IReadOnlyList<DemoCase> cases, bool visitsOverdue, params Guid[] workers)
    {
        var authorisedOn = today.AddDays(-70);
        if (Pick(cases, authorisedOn, quiet: visitsOverdue, workers) is not { } c) return;
        var name = c.Child.GivenName;
        var plan = AssessmentOrPlan.Start(Guid.NewGuid(), c.File.Id, AssessmentOrPlanKind.ChildInNeedPlan, new AssessmentOrPlanContent(
                $"{name} needs help with school attendance and a calmer home. Family support worker weekly for twelve weeks; school's learning mentor; Mum to attend the parenting group. Visits every four weeks.",
                $"{name} said they want to stay at home and go to football club. Mum agreed the plan and asked for help with mornings.",
                $"Agreed with {name}'s mother at the child in need meeting; a copy given to her and to the school."),
            c.Worker, null, null, calendar, At(authorisedOn.AddDays(-3), 11));
        plan.Submit(c.Worker, At(authorisedOn.AddDays(-1), 15));
        var authorisedAt = At(authorisedOn, 10);
        plan.Authorise(new Decider(c.Manager, IsManager: true, IsDivisionalManager: false), [c.Manager], authorisedAt);
        db.AssessmentsAndPlans.Add(plan);
        // As AuthoriseAssessmentOrPlan writes it.
        db.Chronology.Add(new ChronologyEntry(c.File.Id, authorisedAt, ChronologyKind.AssessmentOrPlanAuthorised,
            $"{AssessmentOrPlanKinds.Name(plan.Kind)} authorised", $"Authorised by {names[c.Manager]}. {plan.Content.Summary}", plan.Id, c.Manager, significant: true));
        foreach (var days in visitsOverdue ? new[] { 10, 35 } : [10, 35, 56]) Visit(c, authorisedOn.AddDays(days), "Child in need visit");
    }

    /// <summary>
    /// A young person looked after from about fifteen and a half (or soon after their case opened)
    /// until after their 16th birthday, at least four months in all, when they moved into supported
    /// lodgings: a care leaver. The oldest child with an open case for whom that fits before today.
    /// </summary>
    private void CareLeaver(IReadOnlyList<DemoCase> cases)
    {
        foreach (var c in cases.Where(x => x.IsOpen && !_used.Contains(x.File.Id) && x.Child.DateOfBirth is not null).OrderBy(x => x.Child.DateOfBirth))
        {
            var sixteen = c.Child.DateOfBirth!.Value.AddYears(16);
            var from = Later(sixteen.AddDays(-180), c.OpenedOn.AddDays(7));
            var ended = Later(sixteen.AddDays(30), from.AddDays(120));
            if (ended >= today.AddDays(-14)) continue;
            _used.Add(c.File.Id);
            var episode = Episode(c, from, "V2", "U6", null, "Riverside Fostering (Mr Nowak)", null);
            Review(c, calendar.AddWorkingDays(from, 19), [episode]);
            Visit(c, from.AddDays(5), "Looked-after child's visit");
            Visit(c, from.AddDays(40), "Looked-after child's visit");
            Visit(c, from.AddDays(80), "Looked-after child's visit");
            episode.End(ended, "E5", today);
            Line(c, ended, JourneyChronology.Ended(episode), episode.Id);
            return;
        }

        static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
    }

    /// <summary>A closed case whose enquiry found the child in need, not at risk of significant harm: no conference.</summary>
    private void EnquiryOnAClosedCase(IReadOnlyList<DemoCase> cases)
    {
        var c = cases.FirstOrDefault(x => !x.IsOpen && x.File.ClosedOn is { } closed && closed.DayNumber - x.OpenedOn.DayNumber >= 30);
        if (c is null) return;
        var discussed = calendar.AddWorkingDays(c.OpenedOn, 1);
        var enquiry = Enquiry(c, Discussion(c, discussed), discussed);
        var completed = calendar.AddWorkingDays(discussed, 10);
        if (completed > c.File.ClosedOn!.Value) completed = c.File.ClosedOn.Value;
        enquiry.RecordOutcome(completed, Section47Outcome.ChildInNeed, today);
        Line(c, completed, JourneyChronology.Completed(enquiry), enquiry.Id);
    }

    /// <summary>
    /// The first open case of the first worker listed that has one, opened before
    /// <paramref name="before"/> (on or before the journey starts); <paramref name="quiet"/> also wants
    /// no statutory visit from that day on, so the visits seeded here are the only ones that count.
    /// </summary>
    private DemoCase? Pick(IReadOnlyList<DemoCase> cases, DateOnly before, bool quiet, params Guid[] workers)
    {
        foreach (var worker in workers)
        {
            var c = cases.FirstOrDefault(x => x.IsOpen && x.Worker == worker && !_used.Contains(x.File.Id) && x.OpenedOn < before
                && (!quiet || x.LastVisitOn is null || x.LastVisitOn < before));
            if (c is null) continue;
            _used.Add(c.File.Id);
            return c;
        }
        return null;
    }

    private StrategyDiscussion Discussion(DemoCase c, DateOnly on)
    {
        var attendees = string.Format(CultureInfo.InvariantCulture, Attendees[random.Next(Attendees.Length)], names[c.Worker]);
        var discussion = new StrategyDiscussion(Guid.NewGuid(), c.File.Id, on, attendees, StrategyDecision.Section47, c.Worker, RecordedAt(on), today);
        db.StrategyDiscussions.Add(discussion);
        Line(c, on, JourneyChronology.Of(discussion), discussion.Id);
        return discussion;
    }

    /// <summary>A child living with a family friend by private arrangement, known to the council for two months, visited on time.</summary>
    private void PrivatelyFostered(IReadOnlyList<DemoCase> cases, params Guid[] workers)
    {
        var heardOn = today.AddDays(-60);
        if (Pick(cases, heardOn, quiet: false, workers) is not { } c) return;
        var arrangement = new PrivateFosteringArrangement(Guid.NewGuid(), c.File.Id, heardOn, anotherIsOpen: false, c.Worker, RecordedAt(heardOn), today);
        db.PrivateFosteringArrangements.Add(arrangement);
        Line(c, heardOn, ("Private fostering arrangement", null), arrangement.Id);
        foreach (var days in new[] { 5, 40 }) Visit(c, heardOn.AddDays(days), "Private fostering visit");
    }

    private Section47Enquiry Enquiry(DemoCase c, StrategyDiscussion discussion, DateOnly on)
    {
        var enquiry = Section47Enquiry.Start(Guid.NewGuid(), c.File.Id, discussion, on, anotherIsOpen: false, calendar, timescales, c.Worker, RecordedAt(on), today);
        db.Section47Enquiries.Add(enquiry);
        Line(c, on, JourneyChronology.Started(enquiry), enquiry.Id);
        return enquiry;
    }

    private ChildProtectionPlan InitialConference(DemoCase c, Section47Enquiry enquiry, DateOnly on, string category)
    {
        var (conference, plan) = ChildProtectionConference.Hold(Guid.NewGuid(), c.File.Id, ConferenceKind.Initial, on, ConferenceDecision.Plan, category, null, null,
            enquiry, null, timescales, c.Worker, RecordedAt(on), today);
        db.ChildProtectionConferences.Add(conference);
        db.ChildProtectionPlans.Add(plan!);
        Line(c, on, JourneyChronology.Of(conference), conference.Id);
        return plan!;
    }

    private void ReviewConference(DemoCase c, ChildProtectionPlan plan, DateOnly on, ConferenceDecision decision)
    {
        var (conference, _) = ChildProtectionConference.Hold(Guid.NewGuid(), c.File.Id, ConferenceKind.Review, on, decision, null, null, null, null, plan,
            timescales, c.Worker, RecordedAt(on), today);
        db.ChildProtectionConferences.Add(conference);
        Line(c, on, JourneyChronology.Of(conference), conference.Id);
    }

    private void CoreGroup(DemoCase c, ChildProtectionPlan plan, DateOnly on)
    {
        var meeting = new CoreGroupMeeting(Guid.NewGuid(), c.File.Id, plan, on, c.Worker, RecordedAt(on), today);
        db.CoreGroupMeetings.Add(meeting);
        Line(c, on, JourneyChronology.Of(meeting), meeting.Id);
    }

    private LookedAfterEpisode Episode(DemoCase c, DateOnly on, string legalStatus, string placement, string? reason, string provider, LookedAfterEpisode? open)
    {
        var episode = LookedAfterEpisode.Start(Guid.NewGuid(), c.File.Id, on, legalStatus, placement, reason, provider, open, c.Worker, RecordedAt(on), today);
        db.LookedAfterEpisodes.Add(episode);
        Line(c, on, JourneyChronology.Started(episode), episode.Id);
        return episode;
    }

    private void Review(DemoCase c, DateOnly on, IReadOnlyList<LookedAfterEpisode> episodes)
    {
        var review = new LookedAfterReview(Guid.NewGuid(), c.File.Id, on, episodes, c.Worker, RecordedAt(on), today);
        db.LookedAfterReviews.Add(review);
        Line(c, on, JourneyChronology.Of(review), review.Id);
    }

    /// <summary>A statutory visit at which the child was seen alone, finalised within two days: it resets the visit clock.</summary>
    private void Visit(DemoCase c, DateOnly on, string kind)
    {
        if (on >= today) return;
        var at = At(on, 9 + random.Next(7));
        var stories = kind.StartsWith("Looked-after", StringComparison.Ordinal) ? PlacementVisits : HomeVisits;
        var (story, outcome) = stories[random.Next(stories.Length)];
        var name = c.Child.GivenName;
        string Fill(string text) => string.Format(CultureInfo.InvariantCulture, text, name);
        var content = new CaseRecordContent(CaseRecordType.StatutoryVisit, at, false, kind, Fill(outcome), Fill(story),
            Seen: name, SpokenTo: $"{name} alone, then their carer", Present: [new PresentPerson(c.Child.Id, c.Child.FullName, "Child")],
            ChildSeen: true, ChildSeenAlone: true, ChildViews: $"{name} said they feel safe and want things to stay as they are.", HandwrittenNotesDestroyed: true);
        var recordBy = RecordingDeadline.RecordBy(on, false, calendar);
        var record = CaseRecord.Start(Guid.NewGuid(), c.File.Id, content, new CaseRecordContext(c.Worker, c.Worker, false), recordBy, at.AddHours(2));
        var finalisedAt = at.AddDays(random.Next(0, 3)).AddHours(4);
        if (finalisedAt > now) finalisedAt = now;
        record.Finalise(RecordingDeadline.WorkingDaysLate(recordBy, finalisedAt.ToLondonDate(), calendar), finalisedAt);
        db.CaseRecords.Add(record);
        db.Chronology.Add(ChronologyEntry.ForRecord(record));
    }

    private void Line(DemoCase c, DateOnly on, (string Title, string? Summary) line, Guid sourceId) =>
        db.Chronology.Add(JourneyChronology.Line(c.File.Id, on, line, sourceId, c.Worker));

    /// <summary>A step is written up the afternoon it happened (or now, if that is still to come today).</summary>
    private DateTimeOffset RecordedAt(DateOnly on) => At(on, 16);

    private DateTimeOffset At(DateOnly on, int hour)
    {
        var at = LondonTime.FromLondon(on, new TimeOnly(hour, 0));
        return at > now ? now : at;
    }

    /// <summary>
    /// A fixed number of calendar days back, at least <paramref name="workingDays"/> working days
    /// whatever the weekday and bank holidays: the demo cases a journey may go on are then the same
    /// whichever day the demo is seeded (their dates count back from today too).
    /// </summary>
    private DateOnly Before(int workingDays) => today.AddDays(-(workingDays * 7 / 5 + 6));

    private DateOnly WorkingDayOnOrBefore(DateOnly day)
    {
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }

    private DateOnly WorkingDaysAgo(int count)
    {
        var day = today;
        for (var counted = 0; counted < count;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day)) counted++;
        }
        return day;
    }
}
