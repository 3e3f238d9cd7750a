using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Journey;
using Casefile.Domain.Records;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Journey;

/// <summary>
/// Records the steps of a child's statutory journey (issue 16): strategy discussions, section 47
/// enquiries and their outcomes, child protection conferences (which start, continue and end
/// plans), core groups, looked-after episodes and reviews. Each step is the domain's rule applied
/// to the case as it stands, needs the right to record on the case, is audited and puts a
/// significant line in the chronology, all in one transaction; a refusal saves nothing.
/// </summary>
public sealed class RecordJourneyStep(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock,
    BankHolidayCalendar calendars, JourneyTimescales timescales)
{
    public async Task<SavedStep> StrategyDiscussionAsync(Guid caseId, StrategyDiscussionCommand command, CancellationToken ct)
    {
        var opened = await access.OpenForAsync(caseId, CaseCapability.Record, AuditAction.Create, ct);
        var errors = new ValidationErrors();
        if (command.HeldOn is null) errors.Add("heldOn", "Enter the day the strategy discussion was held");
        if (command.Decision is null) errors.Add("decision", "Choose what was decided: section47 or noSection47");
        errors.ThrowIfAny();
        var discussion = new StrategyDiscussion(Guid.NewGuid(), caseId, command.HeldOn!.Value, command.Attendees, command.Decision!.Value, user.Id,
            clock.GetUtcNow(), clock.Today());
        db.StrategyDiscussions.Add(discussion);
        await SaveAsync(opened, "strategy-discussion", discussion.Id, discussion.HeldOn, JourneyChronology.Of(discussion), ct);
        return new SavedStep(discussion.Id, caseId);
    }

    public async Task<SavedStep> StartSection47Async(Guid caseId, Section47Command command, CancellationToken ct)
    {
        var opened = await access.OpenForAsync(caseId, CaseCapability.Record, AuditAction.Create, ct);
        var errors = new ValidationErrors();
        if (command.StrategyDiscussionId is null) errors.Add("strategyDiscussionId", "Choose the strategy discussion that agreed the enquiry");
        if (command.StartedOn is null) errors.Add("startedOn", "Enter the day the enquiry started");
        errors.ThrowIfAny();
        var discussion = await db.StrategyDiscussions.SingleOrDefaultAsync(d => d.Id == command.StrategyDiscussionId, ct);
        var anotherOpen = await db.Section47Enquiries.AnyAsync(e => e.CaseFileId == caseId && e.Outcome == null, ct);
        var enquiry = Section47Enquiry.Start(Guid.NewGuid(), caseId, discussion, command.StartedOn!.Value, anotherOpen, await calendars.CurrentAsync(ct), timescales,
            user.Id, clock.GetUtcNow(), clock.Today());
        db.Section47Enquiries.Add(enquiry);
        await SaveAsync(opened, "section47-enquiry", enquiry.Id, enquiry.StartedOn, JourneyChronology.Started(enquiry), ct);
        return new SavedStep(enquiry.Id, caseId, InitialConferenceDueBy: enquiry.InitialConferenceDueBy);
    }

    public async Task<SavedStep> Section47OutcomeAsync(Guid enquiryId, Section47OutcomeCommand command, CancellationToken ct)
    {
        var enquiry = await db.Section47Enquiries.SingleOrDefaultAsync(e => e.Id == enquiryId, ct) ?? throw new NotFoundException("The section 47 enquiry");
        var opened = await access.OpenForAsync(enquiry.CaseFileId, CaseCapability.Record, AuditAction.Update, ct);
        var errors = new ValidationErrors();
        if (command.CompletedOn is null) errors.Add("completedOn", "Enter the day the enquiry was completed");
        if (command.Outcome is null) errors.Add("outcome", "Choose the outcome: initialConference, noFurtherAction or childInNeed");
        errors.ThrowIfAny();
        enquiry.RecordOutcome(command.CompletedOn!.Value, command.Outcome!.Value, clock.Today());
        await SaveAsync(opened, "section47-enquiry", enquiry.Id, enquiry.CompletedOn!.Value, JourneyChronology.Completed(enquiry), ct, AuditAction.Update);
        return new SavedStep(enquiry.Id, enquiry.CaseFileId);
    }

    public async Task<SavedStep> ConferenceAsync(Guid caseId, ConferenceCommand command, CancellationToken ct)
    {
        var opened = await access.OpenForAsync(caseId, CaseCapability.Record, AuditAction.Create, ct);
        var errors = new ValidationErrors();
        if (command.Kind is null) errors.Add("kind", "Choose initial or review");
        if (command.HeldOn is null) errors.Add("heldOn", "Enter the day the conference was held");
        if (command.Decision is null) errors.Add("decision", "Choose what the conference decided: plan, noPlan, continue or end");
        errors.ThrowIfAny();
        var latest = await db.Section47Enquiries.Where(e => e.CaseFileId == caseId).OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.RecordedAt)
            .FirstOrDefaultAsync(ct);
        var plan = await db.ChildProtectionPlans.Where(p => p.CaseFileId == caseId && p.EndedOn == null).OrderByDescending(p => p.StartedOn).FirstOrDefaultAsync(ct);
        var (conference, started) = ChildProtectionConference.Hold(Guid.NewGuid(), caseId, command.Kind!.Value, command.HeldOn!.Value, command.Decision!.Value,
            command.Category, command.VisitIntervalWorkingDays, command.Reason, latest, plan, timescales, user.Id, clock.GetUtcNow(), clock.Today());
        db.ChildProtectionConferences.Add(conference);
        if (started is not null) db.ChildProtectionPlans.Add(started);
        await SaveAsync(opened, "child-protection-conference", conference.Id, conference.HeldOn, JourneyChronology.Of(conference), ct);
        return new SavedStep(conference.Id, caseId, started?.Id ?? conference.PlanId);
    }

    public async Task<SavedStep> CoreGroupAsync(Guid caseId, MeetingCommand command, CancellationToken ct)
    {
        var opened = await access.OpenForAsync(caseId, CaseCapability.Record, AuditAction.Create, ct);
        if (command.HeldOn is null) throw ValidationFailedException.For("heldOn", "Enter the day the core group met");
        var plan = await db.ChildProtectionPlans.Where(p => p.CaseFileId == caseId && p.EndedOn == null).OrderByDescending(p => p.StartedOn).FirstOrDefaultAsync(ct);
        var meeting = new CoreGroupMeeting(Guid.NewGuid(), caseId, plan, command.HeldOn.Value, user.Id, clock.GetUtcNow(), clock.Today());
        db.CoreGroupMeetings.Add(meeting);
        await SaveAsync(opened, "core-group", meeting.Id, meeting.HeldOn, JourneyChronology.Of(meeting), ct);
        return new SavedStep(meeting.Id, caseId, meeting.PlanId);
    }

    public async Task<SavedStep> EndPlanAsync(Guid planId, EndStepCommand command, CancellationToken ct)
    {
        var plan = await db.ChildProtectionPlans.SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw new NotFoundException("The child protection plan");
        var opened = await access.OpenForAsync(plan.CaseFileId, CaseCapability.Record, AuditAction.Update, ct);
        if (command.EndedOn is null) throw ValidationFailedException.For("endedOn", "Enter the day the plan ended");
        plan.End(command.EndedOn.Value, command.Reason, clock.Today());
        await SaveAsync(opened, "child-protection-plan", plan.Id, plan.EndedOn!.Value, JourneyChronology.Ended(plan), ct, "end");
        return new SavedStep(plan.Id, plan.CaseFileId, plan.Id);
    }

    public async Task<SavedStep> StartEpisodeAsync(Guid caseId, EpisodeCommand command, CancellationToken ct)
    {
        var opened = await access.OpenForAsync(caseId, CaseCapability.Record, AuditAction.Create, ct);
        if (command.StartedOn is null) throw ValidationFailedException.For("startedOn", "Enter the day the episode started");
        var open = await db.LookedAfterEpisodes.Where(e => e.CaseFileId == caseId && e.EndedOn == null).OrderByDescending(e => e.StartedOn).FirstOrDefaultAsync(ct);
        var episode = LookedAfterEpisode.Start(Guid.NewGuid(), caseId, command.StartedOn.Value, command.LegalStatus, command.PlacementType,
            command.ReasonForNewEpisode, command.PlacementProvider, open, user.Id, clock.GetUtcNow(), clock.Today());
        db.LookedAfterEpisodes.Add(episode);
        await SaveAsync(opened, "looked-after-episode", episode.Id, episode.StartedOn, JourneyChronology.Started(episode), ct);
        return new SavedStep(episode.Id, caseId);
    }

    public async Task<SavedStep> EndEpisodeAsync(Guid episodeId, EndStepCommand command, CancellationToken ct)
    {
        var episode = await db.LookedAfterEpisodes.SingleOrDefaultAsync(e => e.Id == episodeId, ct) ?? throw new NotFoundException("The looked-after episode");
        var opened = await access.OpenForAsync(episode.CaseFileId, CaseCapability.Record, AuditAction.Update, ct);
        if (command.EndedOn is null) throw ValidationFailedException.For("endedOn", "Enter the day the child stopped being looked after");
        episode.End(command.EndedOn.Value, command.Reason, clock.Today());
        await SaveAsync(opened, "looked-after-episode", episode.Id, episode.EndedOn!.Value, JourneyChronology.Ended(episode), ct, "end");
        return new SavedStep(episode.Id, episode.CaseFileId);
    }

    public async Task<SavedStep> LookedAfterReviewAsync(Guid caseId, MeetingCommand command, CancellationToken ct)
    {
        var opened = await access.OpenForAsync(caseId, CaseCapability.Record, AuditAction.Create, ct);
        if (command.HeldOn is null) throw ValidationFailedException.For("heldOn", "Enter the day the review was held");
        var episodes = await db.LookedAfterEpisodes.AsNoTracking().Where(e => e.CaseFileId == caseId).ToListAsync(ct);
        var review = new LookedAfterReview(Guid.NewGuid(), caseId, command.HeldOn.Value, episodes, user.Id, clock.GetUtcNow(), clock.Today());
        db.LookedAfterReviews.Add(review);
        await SaveAsync(opened, "looked-after-review", review.Id, review.HeldOn, JourneyChronology.Of(review), ct);
        return new SavedStep(review.Id, caseId);
    }

    public async Task<SavedStep> PrivateFosteringAsync(Guid caseId, ArrangementCommand command, CancellationToken ct)
    {
        var opened = await access.OpenForAsync(caseId, CaseCapability.Record, AuditAction.Create, ct);
        if (command.StartedOn is null) throw ValidationFailedException.For("startedOn", "Enter the day the council heard of the arrangement");
        var anotherOpen = await db.PrivateFosteringArrangements.AnyAsync(a => a.CaseFileId == caseId && a.EndedOn == null, ct);
        var arrangement = new PrivateFosteringArrangement(Guid.NewGuid(), caseId, command.StartedOn.Value, anotherOpen, user.Id, clock.GetUtcNow(), clock.Today());
        db.PrivateFosteringArrangements.Add(arrangement);
        await SaveAsync(opened, "private-fostering", arrangement.Id, arrangement.StartedOn, ("Private fostering arrangement", null), ct);
        return new SavedStep(arrangement.Id, caseId);
    }

    public async Task<SavedStep> EndPrivateFosteringAsync(Guid id, EndStepCommand command, CancellationToken ct)
    {
        var arrangement = await db.PrivateFosteringArrangements.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("The arrangement");
        var opened = await access.OpenForAsync(arrangement.CaseFileId, CaseCapability.Record, AuditAction.Update, ct);
        if (command.EndedOn is null) throw ValidationFailedException.For("endedOn", "Enter the day the arrangement ended");
        arrangement.End(command.EndedOn.Value, command.Reason, clock.Today());
        await SaveAsync(opened, "private-fostering", arrangement.Id, arrangement.EndedOn!.Value, ("Private fostering arrangement ended", arrangement.EndReason), ct, "end");
        return new SavedStep(arrangement.Id, arrangement.CaseFileId);
    }

    public async Task<SavedStep> ChildInNeedReviewAsync(Guid caseId, MeetingCommand command, CancellationToken ct)
    {
        var opened = await access.OpenForAsync(caseId, CaseCapability.Record, AuditAction.Create, ct);
        if (command.HeldOn is null) throw ValidationFailedException.For("heldOn", "Enter the day the review was held");
        // The plan's start as the journey counts it, from the same facts the due list reads.
        var since = (await JourneyFactsLoader.ForCasesAsync(db, [caseId], ct))[caseId].ChildInNeedSince;
        var review = new ChildInNeedReview(Guid.NewGuid(), caseId, command.HeldOn.Value, since, user.Id, clock.GetUtcNow(), clock.Today());
        db.ChildInNeedReviews.Add(review);
        await SaveAsync(opened, "child-in-need-review", review.Id, review.HeldOn, ("Child in need plan review", null), ct);
        return new SavedStep(review.Id, caseId);
    }

    private async Task SaveAsync(OpenedCase opened, string recordType, Guid id, DateOnly on, (string Title, string? Summary) line, CancellationToken ct,
        string auditAction = AuditAction.Create)
    {
        db.Chronology.Add(JourneyChronology.Line(opened.Id, on, line, id, user.Id));
        audit.Record(auditAction, recordType, id, opened.Id, opened.ChildId, reason: opened.EmergencyNote);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// The chronology's line for each step of the journey: significant, on the step's day at noon London
/// time (which orders it among the day's records). The handlers and the demo service write the same lines.
/// </summary>
public static class JourneyChronology
{
    public static ChronologyEntry Line(Guid caseId, DateOnly on, (string Title, string? Summary) line, Guid sourceId, Guid by) =>
        new(caseId, LondonTime.FromLondon(on, new TimeOnly(12, 0)), ChronologyKind.JourneyStep, line.Title, line.Summary, sourceId, by, significant: true);

    public static (string Title, string? Summary) Of(StrategyDiscussion discussion) =>
        ("Strategy discussion", discussion.Decision == StrategyDecision.Section47 ? "Decided: section 47 enquiry" : "Decided: no section 47 enquiry");

    public static (string Title, string? Summary) Started(Section47Enquiry enquiry) =>
        ("Section 47 enquiry started", $"Initial child protection conference due by {enquiry.InitialConferenceDueBy.Display()}");

    public static (string Title, string? Summary) Completed(Section47Enquiry enquiry) =>
        ("Section 47 enquiry completed", JourneyWords.Of(enquiry.Outcome!.Value));

    public static (string Title, string? Summary) Of(ChildProtectionConference conference) =>
        (conference.Kind == ConferenceKind.Initial ? "Initial child protection conference" : "Review child protection conference",
            conference.Decision switch
            {
                ConferenceDecision.Plan => $"Child protection plan: {DfeCodes.ChildProtectionCategory.Label(conference.Category).ToLowerInvariant()}",
                ConferenceDecision.NoPlan => "No child protection plan",
                ConferenceDecision.Continue => "The plan continues",
                _ => "The plan ended",
            });

    public static (string Title, string? Summary) Of(CoreGroupMeeting meeting) => ("Core group meeting", null);

    public static (string Title, string? Summary) Ended(ChildProtectionPlan plan) => ("Child protection plan ended", plan.EndReason);

    /// <summary>The first episode of a period (reason S) starts the child being looked after; a later one says what changed.</summary>
    public static (string Title, string? Summary) Started(LookedAfterEpisode episode) =>
        (episode.ReasonForNewEpisode == "S" ? "Started to be looked after" : "Looked-after episode: " + DfeCodes.ReasonForNewEpisode.Label(episode.ReasonForNewEpisode).ToLowerInvariant(),
            $"{DfeCodes.LegalStatus.Label(episode.LegalStatus)}; {DfeCodes.PlacementType.Label(episode.PlacementType)}");

    public static (string Title, string? Summary) Ended(LookedAfterEpisode episode) => ("Stopped being looked after", DfeCodes.ReasonEpisodeCeased.Label(episode.ReasonEnded));

    public static (string Title, string? Summary) Of(LookedAfterReview review) => ("Looked-after review", null);
}

/// <summary>Plain words for the journey's values, as pages and the chronology show them.</summary>
public static class JourneyWords
{
    public static string Of(Section47Outcome outcome) => outcome switch
    {
        Section47Outcome.InitialConference => "Outcome: initial child protection conference",
        Section47Outcome.NoFurtherAction => "Outcome: no further action",
        Section47Outcome.ChildInNeed => "Outcome: continue as a child in need",
        _ => outcome.ToString(),
    };
}
