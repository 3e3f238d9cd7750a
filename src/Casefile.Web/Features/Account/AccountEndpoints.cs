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
                            select new { u.Id, u.UserName, u.DisplayName, Team = t == null ? null : t.Name, LineManager = m == null ? null : m.UserName })
                .SingleAsync(ct);
            return Results.Ok(new
            {
                id = me.Id,
                userName = me.UserName,
                displayName = me.DisplayName,
                roles = user.Roles.Order(),
                team = me.Team,
                lineManager = me.LineManager,
            });
        }).WithTags("Account").WithSummary("Who the token or session belongs to, with their roles and team");
    }
}
