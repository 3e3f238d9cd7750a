using Casefile.Domain.Calendar;

namespace Casefile.Domain.Journey;

/// <summary>Where the child is on the statutory journey; several may hold at once.</summary>
public enum JourneyStatus { Section47Enquiry, ChildProtectionPlan, LookedAfter, ChildInNeed, CareLeaver, PrivatelyFostered }

/// <summary>What is due next: an initial conference, a core group, a review, a visit, an assessment.</summary>
public enum DueKind { InitialConference, CoreGroup, ReviewConference, StatutoryVisit, LookedAfterReview, Assessment, ChildInNeedReview }

/// <summary>Which due steps are meetings (conferences, core groups and reviews) rather than visits or assessments.</summary>
public static class DueKinds
{
    public static bool IsMeeting(this DueKind kind) => kind is not (DueKind.StatutoryVisit or DueKind.Assessment);
}

/// <summary>One thing due, by when, and whether that day has passed.</summary>
public sealed record DueStep(DueKind Kind, DateOnly DueBy, bool Overdue, string Description);

/// <summary>An assessment still to be authorised, with the day it is due.</summary>
public sealed record OpenAssessment(string Name, DateOnly DueBy);

/// <summary>
/// What the journey needs to know about one case, read from the database by the caller.
/// <paramref name="VisitsChildSeen"/> are the days of finalised statutory visits at which the
/// child was seen: only those reset the visit clock. <paramref name="ChildInNeedSince"/> is the day
/// an authorised child in need plan started, when one is in force.
/// </summary>
public sealed record JourneyFacts(
    DateOnly? DateOfBirth,
    bool CaseOpen,
    IReadOnlyList<Section47Enquiry> Enquiries,
    IReadOnlyList<ChildProtectionPlan> Plans,
    IReadOnlyList<CoreGroupMeeting> CoreGroups,
    IReadOnlyList<LookedAfterEpisode> Episodes,
    IReadOnlyList<DateOnly> LookedAfterReviews,
    IReadOnlyList<DateOnly> VisitsChildSeen,
    IReadOnlyList<OpenAssessment> OpenAssessments,
    DateOnly? ChildInNeedSince,
    bool InitialConferenceHeldSinceLatestEnquiry,
    IReadOnlyList<PrivateFosteringArrangement>? PrivateFostering = null,
    IReadOnlyList<DateOnly>? ChildInNeedReviews = null);

/// <summary>The journey as it stands: statuses, the plan and episode in force, and what is due, soonest first.</summary>
public sealed record JourneyPicture(
    IReadOnlyList<JourneyStatus> Statuses,
    ChildProtectionPlan? CurrentPlan,
    LookedAfterEpisode? CurrentEpisode,
    Section47Enquiry? OpenEnquiry,
    IReadOnlyList<DueStep> Due)
{
    /// <summary>The statuses as the case summary's tags: "CP plan: neglect", "Looked after: C2".</summary>
    public IReadOnlyList<string> Tags => Statuses.Select(s => s switch
    {
        JourneyStatus.Section47Enquiry => "Section 47 enquiry",
        JourneyStatus.ChildProtectionPlan => $"CP plan: {DfeCodes.ChildProtectionCategory.Label(CurrentPlan?.Category).ToLowerInvariant()}",
        JourneyStatus.LookedAfter => $"Looked after: {CurrentEpisode?.LegalStatus}",
        JourneyStatus.ChildInNeed => "Child in need",
        JourneyStatus.CareLeaver => "Care leaver",
        JourneyStatus.PrivatelyFostered => "Privately fostered",
        _ => s.ToString(),
    }).ToList();
}

/// <summary>
/// The statutory journey's timescales applied to one child (Working Together 2023; Care Planning
/// Regulations 2010, regulation 28 for visits): statuses and every step due, counted in working
/// days from the council's calendar or in months, from the step that starts it.
/// </summary>
public static class StatutoryJourney
{
    public static JourneyPicture Evaluate(JourneyFacts facts, WorkingDayCalendar calendar, JourneyTimescales timescales, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(timescales);
        var statuses = new List<JourneyStatus>();
        var due = new List<DueStep>();
        void Due(DueKind kind, DateOnly by, string description) => due.Add(new DueStep(kind, by, by < today, description));

        var openEnquiry = facts.Enquiries.Where(e => e.IsOpen).MaxBy(e => e.StartedOn);
        var plan = facts.Plans.Where(p => p.IsCurrent).MaxBy(p => p.StartedOn);
        var episode = facts.Episodes.Where(e => e.IsOpen).MaxBy(e => e.StartedOn);

        if (openEnquiry is not null)
        {
            statuses.Add(JourneyStatus.Section47Enquiry);
            if (!facts.InitialConferenceHeldSinceLatestEnquiry) Due(DueKind.InitialConference, openEnquiry.InitialConferenceDueBy, "Initial child protection conference");
        }

        if (plan is not null)
        {
            statuses.Add(JourneyStatus.ChildProtectionPlan);
            if (!facts.CoreGroups.Any(g => g.PlanId == plan.Id)) Due(DueKind.CoreGroup, plan.FirstCoreGroupDueBy(calendar, timescales), "First core group meeting");
            Due(DueKind.ReviewConference, plan.NextReviewDueBy(timescales), plan.Reviews == 0 ? "First review conference" : "Review conference");
            var lastSeen = LastOnOrAfter(facts.VisitsChildSeen, plan.StartedOn) ?? plan.StartedOn;
            Due(DueKind.StatutoryVisit, calendar.AddWorkingDays(lastSeen, plan.VisitIntervalWorkingDays), "Child protection visit");
        }

        if (episode is not null)
        {
            statuses.Add(JourneyStatus.LookedAfter);
            var periodStart = PeriodStart(facts.Episodes, episode);
            var reviews = facts.LookedAfterReviews.Where(r => r >= periodStart).Order().ToList();
            var nextReview = reviews.Count switch
            {
                0 => calendar.AddWorkingDays(periodStart, timescales.LookedAfterFirstReviewWorkingDays),
                1 => reviews[0].AddMonths(timescales.LookedAfterSecondReviewMonths),
                _ => reviews[^1].AddMonths(timescales.LookedAfterReviewMonths),
            };
            Due(DueKind.LookedAfterReview, nextReview, reviews.Count == 0 ? "First looked-after review" : "Looked-after review");

            // Regulation 28: within a week of the placement, then at most 6 weeks apart in its first year; 3 months once a long-term placement has lasted a year.
            var placementStart = PlacementStart(facts.Episodes, episode);
            var lastVisit = LastOnOrAfter(facts.VisitsChildSeen, placementStart);
            DateOnly visitDue;
            if (lastVisit is null) visitDue = placementStart.AddDays(timescales.LookedAfterFirstVisitDays);
            else if (episode.IsLongTermPlacement && lastVisit.Value >= placementStart.AddYears(1)) visitDue = lastVisit.Value.AddMonths(timescales.LookedAfterLongTermVisitMonths);
            else visitDue = lastVisit.Value.AddDays(timescales.LookedAfterVisitDays);
            if (plan is null || visitDue < due.Single(d => d.Kind == DueKind.StatutoryVisit).DueBy)
            {
                due.RemoveAll(d => d.Kind == DueKind.StatutoryVisit);
                Due(DueKind.StatutoryVisit, visitDue, "Looked-after child's visit");
            }
        }

        var arrangement = (facts.PrivateFostering ?? []).Where(a => a.IsOpen).MaxBy(a => a.StartedOn);
        if (arrangement is not null && episode is null)
        {
            statuses.Add(JourneyStatus.PrivatelyFostered);
            var lastVisit = LastOnOrAfter(facts.VisitsChildSeen, arrangement.StartedOn);
            var visitDue = lastVisit is null ? arrangement.StartedOn.AddDays(timescales.PrivateFosteringFirstVisitDays)
                : lastVisit.Value.AddDays(lastVisit.Value < arrangement.StartedOn.AddYears(1) ? timescales.PrivateFosteringVisitDays : timescales.PrivateFosteringLaterVisitDays);
            if (!due.Any(d => d.Kind == DueKind.StatutoryVisit && d.DueBy <= visitDue))
            {
                due.RemoveAll(d => d.Kind == DueKind.StatutoryVisit);
                Due(DueKind.StatutoryVisit, visitDue, "Private fostering visit");
            }
        }

        if (facts.CaseOpen && plan is null && episode is null && facts.ChildInNeedSince is { } since)
        {
            statuses.Add(JourneyStatus.ChildInNeed);
            var lastSeen = LastOnOrAfter(facts.VisitsChildSeen, since) ?? since;
            if (arrangement is null) Due(DueKind.StatutoryVisit, calendar.AddWorkingDays(lastSeen, timescales.ChildInNeedVisitWorkingDays), "Child in need visit");
            var lastReview = (facts.ChildInNeedReviews ?? []).Where(r => r >= since).DefaultIfEmpty(since).Max();
            Due(DueKind.ChildInNeedReview, lastReview.AddMonths(timescales.ChildInNeedReviewMonths), lastReview == since ? "First child in need plan review" : "Child in need plan review");
        }

        if (episode is null && IsCareLeaver(facts)) statuses.Add(JourneyStatus.CareLeaver);

        foreach (var assessment in facts.OpenAssessments) Due(DueKind.Assessment, assessment.DueBy, assessment.Name);

        return new JourneyPicture(statuses, plan, episode, openEnquiry, [.. due.OrderBy(d => d.DueBy).ThenBy(d => d.Kind)]);
    }

    /// <summary>The first day of the unbroken run of episodes (each ended X1 and the next started that day) that <paramref name="current"/> belongs to.</summary>
    public static DateOnly PeriodStart(IReadOnlyList<LookedAfterEpisode> episodes, LookedAfterEpisode current)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(current);
        var start = current;
        while (episodes.FirstOrDefault(e => e.ReasonEnded == "X1" && e.EndedOn == start.StartedOn && e.Id != start.Id) is { } before) start = before;
        return start.StartedOn;
    }

    private static DateOnly PlacementStart(IReadOnlyList<LookedAfterEpisode> episodes, LookedAfterEpisode current)
    {
        var at = current;
        while (!at.StartsAPlacement && episodes.FirstOrDefault(e => e.ReasonEnded == "X1" && e.EndedOn == at.StartedOn && e.Id != at.Id) is { } before) at = before;
        return at.StartedOn;
    }

    private static DateOnly? LastOnOrAfter(IReadOnlyList<DateOnly> days, DateOnly from)
    {
        DateOnly? last = null;
        foreach (var d in days)
            if (d >= from && (last is null || d > last)) last = d;
        return last;
    }

    /// <summary>
    /// A care leaver (Children (Leaving Care) Act 2000, in short): looked after for at least 13 weeks
    /// in all since the age of 14, and still looked after on or after the 16th birthday, and no longer
    /// looked after now.
    /// </summary>
    private static bool IsCareLeaver(JourneyFacts facts)
    {
        if (facts.DateOfBirth is not { } born || facts.Episodes.Count == 0) return false;
        var fourteen = born.AddYears(14);
        var sixteen = born.AddYears(16);
        var days = facts.Episodes.Sum(e =>
        {
            var from = e.StartedOn > fourteen ? e.StartedOn : fourteen;
            var to = e.EndedOn ?? from;
            return Math.Max(0, to.DayNumber - from.DayNumber);
        });
        return days >= 91 && facts.Episodes.Any(e => e.EndedOn is { } end && end >= sixteen);
    }
}
