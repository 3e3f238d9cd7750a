using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Calendar;
using Casefile.Domain.Records;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Records;

public sealed record OutstandingItem(Guid RecordId, Guid CaseId, string CaseReference, string ChildName, CaseRecordType Type,
    DateTimeOffset OccurredAt, DateOnly RecordBy, string RecordedBy, bool Overdue, int WorkingDaysOverdue);

public sealed record PendingMove(Guid MoveId, Guid RecordId, string FromReference, string ToReference, string Reason, string RequestedBy, DateTimeOffset RequestedAt);

public sealed record Outstanding(IReadOnlyList<OutstandingItem> Mine, IReadOnlyList<OutstandingItem> Team, IReadOnlyList<PendingMove> MovesToDecide)
{
    public int OverdueCount => Mine.Count(x => x.Overdue);
}

/// <summary>
/// Write-ups still in draft: the worker's own, and for managers their teams' (policy 3.8: records
/// within 5 working days; 9.1: managers oversee recording). Overdue ones first.
/// </summary>
public sealed class OutstandingRecords(AppDbContext db, CurrentUser user, CaseScope access, AuditTrail audit, TimeProvider clock, BankHolidayCalendar calendars)
{
    public async Task<Outstanding> HandleAsync(CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        var today = clock.Today();
        var calendar = await calendars.CurrentAsync(ct);
        var mine = await Query(r => r.RecordedBy == viewer.UserId, today, calendar, ct);
        IReadOnlyList<OutstandingItem> team = [];
        IReadOnlyList<PendingMove> moves = [];
        var teams = StaffPolicy.TeamsManaged(viewer).ToList();
        if (teams.Count > 0)
        {
            var userId = viewer.UserId;
            team = await Query(r => r.RecordedBy != userId && db.CaseFiles.Any(c => c.Id == r.CaseFileId && teams.Contains(c.TeamId)), today, calendar, ct);
            moves = await (from m in db.CaseRecordMoves.AsNoTracking()
                           where m.Status == CaseRecordMoveStatus.Requested && m.RequestedBy != userId
                           join f in db.CaseFiles on m.FromCaseFileId equals f.Id
                           where teams.Contains(f.TeamId) && !access.HiddenCaseIds().Contains(f.Id)
                           join t in db.CaseFiles on m.ToCaseFileId equals t.Id
                           join u in db.Users on m.RequestedBy equals u.Id
                           orderby m.RequestedAt
                           select new PendingMove(m.Id, m.CaseRecordId, f.Reference, t.Reference, m.Reason, u.DisplayName, m.RequestedAt)).ToListAsync(ct);
        }
        audit.Record(AuditAction.View, "outstanding-records", null, reason: $"{mine.Count} own drafts, {team.Count} team drafts, {moves.Count} moves to decide");
        await db.SaveChangesAsync(ct);
        return new Outstanding(mine, team, moves);
    }

    /// <summary>How many drafts the worker has, and how many are overdue: numbers only, for the home page.</summary>
    public async Task<(int Drafts, int Overdue)> CountsAsync(CancellationToken ct)
    {
        var userId = user.Id;
        var today = clock.Today();
        var drafts = await db.CaseRecords.Where(r => r.RecordedBy == userId && r.Status == CaseRecordStatus.Draft)
            .GroupBy(r => 1).Select(g => new { Total = g.Count(), Overdue = g.Count(r => r.RecordBy < today) }).SingleOrDefaultAsync(ct);
        return drafts is null ? (0, 0) : (drafts.Total, drafts.Overdue);
    }

    private async Task<IReadOnlyList<OutstandingItem>> Query(System.Linq.Expressions.Expression<Func<CaseRecord, bool>> who, DateOnly today,
        WorkingDayCalendar calendar, CancellationToken ct)
    {
        var rows = await (from r in db.CaseRecords.AsNoTracking().Where(who)
                          where r.Status == CaseRecordStatus.Draft && !access.HiddenCaseIds().Contains(r.CaseFileId)
                          join c in db.CaseFiles on r.CaseFileId equals c.Id
                          join p in db.People on c.ChildId equals p.Id
                          join u in db.Users on r.RecordedBy equals u.Id
                          orderby r.RecordBy, r.Content.OccurredAt
                          select new { r.Id, c.Reference, CaseId = c.Id, Child = p.GivenName + " " + p.FamilyName, r.Content.Type, r.Content.OccurredAt, r.RecordBy, u.DisplayName })
            .Take(500).ToListAsync(ct);
        return rows.Select(r => new OutstandingItem(r.Id, r.CaseId, r.Reference, r.Child, r.Type, r.OccurredAt, r.RecordBy, r.DisplayName,
            today > r.RecordBy, RecordingDeadline.WorkingDaysLate(r.RecordBy, today, calendar))).ToList();
    }
}
