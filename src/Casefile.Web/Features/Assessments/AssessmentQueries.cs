using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Assessments;
using Casefile.Domain.Calendar;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Assessments;

/// <summary>
/// Reads of assessments, plans and court reports: one in full, a case's list, the queues waiting
/// for the current user, and what stops a case closing. Each read the user makes is audited.
/// </summary>
public sealed class AssessmentQueries(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock, BankHolidayCalendar calendars)
{
    /// <summary>
    /// What stops the case closing (policy 6.6, Appendix 2): assessments and court reports not yet
    /// authorised, plans not yet authorised or not yet ended, each with a plain description. Empty
    /// when nothing does. No access check or audit: the caller (closure) has done both.
    /// </summary>
    public static async Task<IReadOnlyList<OutstandingWork>> OutstandingForCaseAsync(AppDbContext db, Guid caseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var items = await db.AssessmentsAndPlans.AsNoTracking()
            .Where(w => w.CaseFileId == caseId && w.Status != AssessmentOrPlanStatus.Ended)
            .OrderBy(w => w.CreatedAt)
            .Select(w => new OpenWorkItem(w.Id, w.Kind, w.Status, w.DueBy))
            .ToListAsync(ct);
        return OpenWork.Outstanding(items);
    }

    /// <summary>
    /// The manager's agreement to close (policy 6.1, 6.2): the latest child and family assessment of the
    /// current volume that a manager authorised with a recommendation of no further action, if any.
    /// </summary>
    public static async Task<AgreementToClose?> AgreementToCloseAsync(AppDbContext db, Guid caseId, DateOnly volumeOpenedOn, CancellationToken ct)
    {
        var since = new DateTimeOffset(volumeOpenedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var row = await (from w in db.AssessmentsAndPlans.AsNoTracking()
                         where w.CaseFileId == caseId && w.Kind == AssessmentOrPlanKind.ChildAndFamilyAssessment
                             && w.Status == AssessmentOrPlanStatus.Authorised && w.AuthorisedAt >= since
                         orderby w.AuthorisedAt descending
                         join u in db.Users on w.DecidedBy equals u.Id
                         select new { w.Id, w.Content.RecommendsNoFurtherAction, u.DisplayName, w.AuthorisedAt }).FirstOrDefaultAsync(ct);
        return row is { RecommendsNoFurtherAction: true, AuthorisedAt: { } at } ? new AgreementToClose(row.Id, row.DisplayName, at) : null;
    }

    /// <summary>Opens one, after the access policy allows reading its case; the view is audited.</summary>
    public async Task<AssessmentOrPlanView> GetAsync(Guid id, AssessmentOrPlanCategory category, CancellationToken ct)
    {
        var caseId = await AssessmentLoader.CaseOfAsync(db, id, category, ct);
        var (decision, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Read, AuditAction.View, ct);
        var w = await db.AssessmentsAndPlans.AsNoTracking().SingleAsync(x => x.Id == id, ct);
        var ids = new[] { w.AuthorId, w.DecidedBy ?? Guid.Empty }.Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        audit.Record(AuditAction.View, AssessmentLoader.RecordType, id, caseId, heading.ChildId, reason: decision.IsEmergency ? "Emergency access" : null);
        await db.SaveChangesAsync(ct);
        var writable = (await access.PermissionsAsync(caseId, ct))!.Write.Allowed;
        var viewer = await user.ViewerAsync(ct);
        var inLine = w.Status == AssessmentOrPlanStatus.Submitted && viewer.May(StaffCapability.AuthoriseWork) && w.AuthorId != user.Id
            && (await LineManagers.ManagersAboveAsync(db, w.AuthorId, ct)).Contains(user.Id);
        var calendar = await calendars.CurrentAsync(ct);
        return new AssessmentOrPlanView(w.Id, caseId, heading.Reference, heading.ChildId, heading.ChildName, w.Kind, AssessmentOrPlanKinds.Name(w.Kind),
            w.Category, w.Status, AssessmentOrPlanKinds.Name(w.Status), w.Content, w.AuthorId, names.GetValueOrDefault(w.AuthorId, "Unknown"), w.CreatedAt,
            w.CountsFrom, w.DueBy, w.WorkingDaysLeft(clock.Today(), calendar), w.SubmittedAt,
            w.DecidedBy is { } d ? names.GetValueOrDefault(d, "Unknown") : null, w.DecidedAt, w.AuthorisedAt, w.ReturnReason, w.TimesReturned,
            w.EndedOn, w.EndReason, w.Version)
        {
            Locked = w.IsLocked,
            Factors = w.Factors,
            CanEdit = writable && w.IsEditable && w.AuthorId == user.Id,
            CanDecide = writable && inLine,
            CanEnd = writable && w.Status == AssessmentOrPlanStatus.Authorised && AssessmentOrPlanKinds.RunsUntilEnded(w.Kind),
        };
    }

    /// <summary>A case's assessments and plans (one category, or both), newest first; the read is audited.</summary>
    public async Task<IReadOnlyList<AssessmentOrPlanSummary>> ListForCaseAsync(Guid caseId, AssessmentOrPlanCategory? category, CancellationToken ct)
    {
        var opened = await access.OpenAsync(caseId, AccessAction.Read, AuditAction.View, ct);
        var list = await ForCaseAsync(opened, category, ct);
        audit.Record(AuditAction.View, "assessments-and-plans", caseId, caseId, opened.ChildId);
        await db.SaveChangesAsync(ct);
        return list;
    }

    /// <summary>A case's assessments and plans for a case already opened (the case page's section); audits nothing itself.</summary>
    public async Task<IReadOnlyList<AssessmentOrPlanSummary>> ForCaseAsync(OpenedCase opened, AssessmentOrPlanCategory? category, CancellationToken ct)
    {
        var caseId = opened.Id;
        var all = await SummariesAsync(db.AssessmentsAndPlans.Where(w => w.CaseFileId == caseId), ct);
        return [.. all.Where(s => category is null || s.Category == category).OrderByDescending(s => s.CreatedAt)];
    }

    /// <summary>
    /// Submitted work by the manager's line reports (anyone whose line-manager chain includes them),
    /// oldest first; the author's drafts; and work returned to the author.
    /// Restricted cases the user is not named on are left out.
    /// </summary>
    public async Task<AssessmentQueues> QueuesAsync(CancellationToken ct)
    {
        var me = user.Id;
        var hidden = access.HiddenCaseIds();
        var viewer = await user.ViewerAsync(ct);
        IReadOnlyList<AssessmentOrPlanSummary> awaiting = [];
        if (viewer.May(StaffCapability.AuthoriseWork))
        {
            var reports = (await LineManagers.ReportsOfAsync(db, me, ct)).ToList();
            awaiting = [.. (await SummariesAsync(db.AssessmentsAndPlans.Where(w => w.Status == AssessmentOrPlanStatus.Submitted
                && reports.Contains(w.AuthorId) && !hidden.Contains(w.CaseFileId)), ct)).OrderBy(s => s.SubmittedAt)];
        }
        var mine = await SummariesAsync(db.AssessmentsAndPlans.Where(w => w.AuthorId == me
            && (w.Status == AssessmentOrPlanStatus.Returned || w.Status == AssessmentOrPlanStatus.Draft)), ct);
        audit.Record(AuditAction.View, "assessment-queues", me);
        await db.SaveChangesAsync(ct);
        return new AssessmentQueues(awaiting,
            [.. mine.Where(s => s.Status == AssessmentOrPlanStatus.Returned).OrderBy(s => s.DueBy ?? DateOnly.MaxValue)],
            [.. mine.Where(s => s.Status == AssessmentOrPlanStatus.Draft).OrderBy(s => s.DueBy ?? DateOnly.MaxValue)]);
    }

    private async Task<List<AssessmentOrPlanSummary>> SummariesAsync(IQueryable<AssessmentOrPlan> query, CancellationToken ct)
    {
        var rows = await (from w in query.AsNoTracking()
                          join c in db.CaseFiles on w.CaseFileId equals c.Id
                          join p in db.People on c.ChildId equals p.Id
                          join u in db.Users on w.AuthorId equals u.Id
                          select new
                          {
                              w.Id,
                              w.CaseFileId,
                              c.Reference,
                              Child = p.GivenName + " " + p.FamilyName,
                              w.Kind,
                              w.Status,
                              w.AuthorId,
                              Author = u.DisplayName,
                              w.CreatedAt,
                              w.DueBy,
                              w.SubmittedAt,
                              w.ReturnReason,
                              w.EndedOn,
                              w.Content.OrderSought,
                          }).ToListAsync(ct);
        var calendar = await calendars.CurrentAsync(ct);
        var today = clock.Today();
        return [.. rows.Select(r => new AssessmentOrPlanSummary(r.Id, r.CaseFileId, r.Reference, r.Child, r.Kind, AssessmentOrPlanKinds.Name(r.Kind),
            AssessmentOrPlanKinds.CategoryOf(r.Kind), r.Status, AssessmentOrPlanKinds.Name(r.Status), r.AuthorId, r.Author, r.CreatedAt, r.DueBy,
            AssessmentOrPlanRules.WorkingDaysLeft(r.DueBy, r.Status, today, calendar), r.SubmittedAt, r.ReturnReason, r.EndedOn, r.OrderSought))];
    }
}

/// <summary>A manager agreed to close by authorising an assessment that recommends no further action (policy 6.2).</summary>
public sealed record AgreementToClose(Guid AssessmentId, string AuthorisedBy, DateTimeOffset AuthorisedAt);
