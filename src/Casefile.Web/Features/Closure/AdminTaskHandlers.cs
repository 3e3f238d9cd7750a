using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Closure;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Closure;

public sealed record AdminTaskView(Guid Id, Guid CaseId, string CaseReference, string ChildName, string Kind, string Description,
    Guid? DocumentId, DateTimeOffset CreatedAt, string Status, string? CompletedBy, DateTimeOffset? CompletedAt, string? Note);

public sealed record AdminTaskCommand(string? Note);

/// <summary>
/// The admin officer's tasks after closure (policy 6.4, Appendix 2 admin tasks): listed for the
/// admin officers of the team the case closed in (and of the teams above it), each marked done or not needed.
/// </summary>
public sealed class AdminTasks(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<AdminTaskView>> ForCaseAsync(OpenedCase opened, CancellationToken ct) =>
        await Views(db.AdminTasks.Where(t => t.CaseFileId == opened.Id)).ToListAsync(ct);

    /// <summary>Tasks still to do for the admin officer's team and the teams below it.</summary>
    public async Task<IReadOnlyList<AdminTaskView>> MineAsync(CancellationToken ct)
    {
        var teams = await TeamsAsync(ct);
        var tasks = teams.Count == 0 ? []
            : await Views(db.AdminTasks.Where(t => teams.Contains(t.TeamId) && t.Status == AdminTaskStatus.ToDo)).ToListAsync(ct);
        // The list is audited even when empty (who looked, and that they saw nothing), and once per case it showed.
        audit.Record(AuditAction.View, "admin-task-list", null, reason: $"{tasks.Count} tasks");
        foreach (var caseId in tasks.Select(t => t.CaseId).Distinct())
            audit.Record(AuditAction.View, "admin-task", null, caseId, reason: "admin tasks");
        await db.SaveChangesAsync(ct);
        return tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.CaseReference).ToList();
    }

    public Task<AdminTaskView> DoneAsync(Guid id, AdminTaskCommand command, CancellationToken ct) =>
        CompleteAsync(id, (task, by, now) => task.MarkDone(command.Note, by, now), "done", ct);

    public Task<AdminTaskView> NotNeededAsync(Guid id, AdminTaskCommand command, CancellationToken ct) =>
        CompleteAsync(id, (task, by, now) => task.MarkNotNeeded(command.Note, by, now), "not needed", ct);

    private async Task<AdminTaskView> CompleteAsync(Guid id, Action<AdminTask, Guid, DateTimeOffset> complete, string what, CancellationToken ct)
    {
        var task = await db.AdminTasks.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("The task");
        var teams = await TeamsAsync(ct);
        if (!teams.Contains(task.TeamId))
        {
            await audit.RecordRefusalAsync(AuditAction.Update, "admin-task", id, task.CaseFileId, "Not an admin officer of the case's team", ct);
            throw new AccessDeniedException("Only an admin officer of the team the case closed in can mark its tasks.");
        }
        complete(task, user.Id, clock.GetUtcNow());
        audit.Record(AuditAction.Update, "admin-task", task.Id, task.CaseFileId, reason: what);
        await db.SaveChangesAsync(ct);
        return await Views(db.AdminTasks.Where(t => t.Id == id)).SingleAsync(ct);
    }

    private async Task<List<Guid>> TeamsAsync(CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        if (!viewer.May(StaffCapability.DoAdminTasks) || viewer.TeamId is not { } own) return [];
        // An admin officer supports their own team and the teams below it, as a manager oversees them.
        var teams = await db.Teams.Select(t => new { t.Id, t.ParentTeamId }).ToListAsync(ct);
        var result = new List<Guid> { own };
        var frontier = new Queue<Guid>([own]);
        while (frontier.TryDequeue(out var t))
            foreach (var child in teams.Where(x => x.ParentTeamId == t && !result.Contains(x.Id)))
            {
                result.Add(child.Id);
                frontier.Enqueue(child.Id);
            }
        return result;
    }

    private IQueryable<AdminTaskView> Views(IQueryable<AdminTask> tasks) =>
        from t in tasks.AsNoTracking()
        join c in db.CaseFiles on t.CaseFileId equals c.Id
        join p in db.People on c.ChildId equals p.Id
        join u in db.Users on t.CompletedBy equals (Guid?)u.Id into done
        from u in done.DefaultIfEmpty()
        select new AdminTaskView(t.Id, c.Id, c.Reference, p.GivenName + " " + p.FamilyName,
            t.Kind == AdminTaskKind.CloseActivities ? "close-activities"
            : t.Kind == AdminTaskKind.FinancialInformation ? "financial-information"
            : t.Kind == AdminTaskKind.SendAssessments ? "send-assessments"
            : t.Kind == AdminTaskKind.ClosureLetterToParentOrCarer ? "letter-to-parent-or-carer" : "letter-to-professional",
            t.Description, t.DocumentId, t.CreatedAt,
            t.Status == AdminTaskStatus.ToDo ? "to-do" : t.Status == AdminTaskStatus.Done ? "done" : "not-needed",
            u == null ? null : u.DisplayName, t.CompletedAt, t.Note);
}
