using Casefile.Domain.Access;
using Casefile.Domain.Referrals;
using Casefile.Domain.Staff;
using Casefile.Web.Features.Access;
using Casefile.Web.Features.AccessRequests;
using Casefile.Web.Features.Assessments;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Features.Closure;
using Casefile.Web.Features.Journey;
using Casefile.Web.Features.Records;
using Casefile.Web.Features.Referrals;
using Casefile.Web.Features.Transfers;
using Casefile.Web.Infrastructure;

namespace Casefile.Web.Features.MyWork;

/// <summary>One thing waiting for the person: what it is, on which case, by when, and where it is done.</summary>
/// <param name="Kind">draft, referral, authorise, returned, closure, transfer, emergency-access, record-move, visit, conference, review, admin-task, access-request.</param>
/// <param name="Waiting">How long it has waited, in plain words, where that is what matters ("waiting 3 days").</param>
public sealed record WorkItem(string Kind, Guid? CaseId, string Title, string? Detail, DateOnly? DueBy, bool Overdue, string Href, string? Waiting = null);

/// <summary>
/// "Your work" (issue 17): everything waiting for one person in one list, overdue first, then
/// the soonest due, then the longest waiting. Each source is the queue its own feature keeps (and
/// audits); this only puts them in order. What a role does not do never appears.
/// </summary>
public sealed class WorkWaiting(CurrentUser user, OutstandingRecords records, ReferralQueries referrals, AssessmentQueries assessments,
    ClosureQueries closures, TransferQueries transfers, AccessLogs access, AdminTasks adminTasks, JourneyQueries journeys,
    AccessRequestQueries accessRequests, BankHolidayCalendar calendars, TimeProvider clock, Domain.Journey.JourneyTimescales timescales)
{
    public async Task<IReadOnlyList<WorkItem>> ForMeAsync(CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        var today = clock.Today();
        var calendar = await calendars.CurrentAsync(ct);
        var items = new List<WorkItem>();

        if (viewer.May(StaffCapability.WriteCaseRecords))
        {
            var outstanding = await records.HandleAsync(ct);
            items.AddRange(outstanding.Mine.Select(d => new WorkItem("draft", d.CaseId, $"Finish your record: {Domain.Records.CaseRecordTypeNames.Of(d.Type).ToLowerInvariant()}",
                $"{d.ChildName}, {d.CaseReference}", d.RecordBy, d.Overdue, $"/records/{d.RecordId}")));
            items.AddRange(outstanding.MovesToDecide.Select(m => new WorkItem("record-move", null, "Decide a request to move a record",
                $"From {m.FromReference} to {m.ToReference}, asked by {m.RequestedBy}", null, false, "/records/outstanding", Waited(m.RequestedAt, today))));

            var queues = await assessments.QueuesAsync(ct);
            items.AddRange(queues.AwaitingMyAuthorisation.Select(w => new WorkItem("authorise", w.CaseId, $"Authorise or return: {w.KindName.ToLowerInvariant()}",
                $"{w.ChildName}, {w.CaseReference}, by {w.Author}", null, false, $"/assessments-and-plans/{w.Id}", w.SubmittedAt is { } s ? Waited(s, today) : null)));
            items.AddRange(queues.ReturnedToMe.Concat(queues.MyDrafts).Select(w => new WorkItem(w.Status == Domain.Assessments.AssessmentOrPlanStatus.Returned ? "returned" : "draft",
                w.CaseId, (w.Status == Domain.Assessments.AssessmentOrPlanStatus.Returned ? "Returned to you: " : "Finish your draft: ") + w.KindName.ToLowerInvariant(),
                $"{w.ChildName}, {w.CaseReference}", w.DueBy, w.DueBy < today, $"/assessments-and-plans/{w.Id}")));
            items.AddRange((await closures.ReturnedToMeAsync(ct)).Select(c => new WorkItem("returned", c.CaseId, "Your request to close the case was returned",
                $"{c.ChildName}, {c.CaseReference}", null, false, $"/closure-requests/{c.Id}")));

            // The journey's visits, conferences and reviews on the worker's own cases.
            items.AddRange((await journeys.DueOnMyCasesAsync(ct)).Select(v => new WorkItem(v.Kind == Domain.Journey.DueKind.StatutoryVisit ? "visit" : "meeting",
                v.CaseId, v.Description, $"{v.ChildName}, {v.CaseReference}", v.DueBy, v.Overdue, $"/cases/{v.CaseId}/journey")));
        }

        if (viewer.May(StaffCapability.DecideReferrals))
        {
            foreach (var r in await referrals.ListAsync(ReferralDecision.Awaiting, 500, ct))
            {
                var received = r.ReceivedAt.ToLondonDate();
                var dueBy = calendar.AddWorkingDays(received, timescales.ReferralDecisionWorkingDays);
                items.Add(new WorkItem("referral", null, "Decide a referral", $"{r.ChildName}, from {r.ReferrerName}", dueBy, dueBy < today, $"/referrals/{r.Id}",
                    Waited(r.ReceivedAt, today)));
            }
        }

        if (viewer.May(StaffCapability.ManageTeams))
        {
            items.AddRange((await closures.AwaitingMyDecisionAsync(ct)).Select(c => new WorkItem("closure", c.CaseId, "Authorise or return a request to close a case",
                $"{c.ChildName}, {c.CaseReference}, asked by {c.RequestedBy}", null, false, $"/closure-requests/{c.Id}", Waited(c.RequestedAt, today))));
            items.AddRange((await transfers.ToAcceptAsync(ct)).Select(t => new WorkItem("transfer", t.CaseId, $"Accept or return a transfer to {t.ToTeam}",
                $"{t.ChildName}, {t.CaseReference}, from {t.FromTeam}", null, false, $"/transfers/{t.Id}", Waited(t.RequestedAt, today))));
            items.AddRange((await access.EmergencyForReviewAsync(ct)).Where(e => e.ReviewedAt is null).Select(e => new WorkItem("emergency-access", e.CaseId,
                $"Review emergency access by {e.User}", $"{e.ChildName}, {e.CaseReference}: {e.Reason}", null, false, "/#emergency-title", Waited(e.GrantedAt, today))));
        }

        if (viewer.May(StaffCapability.DoAdminTasks))
            items.AddRange((await adminTasks.MineAsync(ct)).Where(t => t.Status != "done").Select(t => new WorkItem("admin-task", t.CaseId, t.Description,
                $"{t.ChildName}, {t.CaseReference}", null, false, "/admin-tasks", Waited(t.CreatedAt, today))));

        if (viewer.May(StaffCapability.WorkAccessRequests))
            items.AddRange((await accessRequests.ListAsync(dueOnly: true, ct)).Select(a => new WorkItem("access-request", null, $"{a.KindName}: {a.RequesterName}",
                $"{a.SubjectName}, {a.CaseReference}", a.DueOn, a.DueOn < today, $"/access-requests/{a.Id}")));

        return [.. items.OrderByDescending(i => i.Overdue).ThenBy(i => i.DueBy ?? DateOnly.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal)];
    }

    private static string Waited(DateTimeOffset since, DateOnly today)
    {
        var days = today.DayNumber - since.ToLondonDate().DayNumber;
        return days switch { <= 0 => "since today", 1 => "waiting 1 day", _ => $"waiting {days} days" };
    }
}
