using Casefile.Data;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccount(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (CurrentUser user, AppDbContext db, CancellationToken ct) =>
        {
            var id = user.Id;
            var me = await (from u in db.Users.AsNoTracking()
                            where u.Id == id
                            join t in db.Teams on u.TeamId equals (Guid?)t.Id into teams
                            from t in teams.DefaultIfEmpty()
                            join m in db.Users on u.LineManagerId equals (Guid?)m.Id into managers
                            from m in managers.DefaultIfEmpty()
                            select new { u.Id, u.UserName, u.DisplayName, u.TeamId, Team = t == null ? null : t.Name, LineManager = m == null ? null : m.UserName })
                .SingleAsync(ct);
            return Results.Ok(new
            {
                id = me.Id,
                userName = me.UserName,
                displayName = me.DisplayName,
                roles = user.Roles.Order(),
                team = me.Team,
                teamId = me.TeamId,
                lineManager = me.LineManager,
            });
        }).WithTags("Account").WithSummary("Who the token or session belongs to, with their roles and team");

        api.MapGet("/me/work", async (MyWork.WorkWaiting work, CancellationToken ct) => Results.Ok(new { items = await work.ForMeAsync(ct) }))
            .WithTags("Account")
            .WithSummary("Everything waiting for you, overdue first, then due soonest: drafts, referrals to decide, work to authorise, closures, transfers, emergency access to review, record moves, visits and meetings due on your cases, admin tasks, access requests (kind, caseId, title, dueBy, overdue, href)");
    }
}
