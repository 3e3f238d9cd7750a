using Casefile.Data;
using Casefile.Domain.Staff;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Transfers;

/// <summary>
/// The choices on the transfer pages: the teams a case can move to, and the people in them who can
/// hold a case (social workers and managers), by user name so the handlers' lookups accept them.
/// </summary>
public static class TransferPageOptions
{
    public static async Task<List<SelectListItem>> TeamsAsync(AppDbContext db, string? selected, CancellationToken ct)
    {
        var names = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        return [new SelectListItem("Select a team", ""), .. names.Select(n => new SelectListItem(n, n, n == selected))];
    }

    /// <summary>People who can hold a case, grouped by team; only <paramref name="teamId"/>'s when given.</summary>
    public static async Task<List<SelectListItem>> WorkersAsync(AppDbContext db, Guid? teamId, string? selected, string noneText, CancellationToken ct)
    {
        string[] roles = [StaffRole.SocialWorker, .. StaffRole.Managers];
        var holders = await (from u in db.Users.AsNoTracking()
                             join t in db.Teams on u.TeamId equals t.Id
                             where u.IsActive && (teamId == null || u.TeamId == teamId)
                                 && (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id && roles.Contains(r.Name!) select r.Id).Any()
                             select new { u.UserName, u.DisplayName, Team = t.Name }).ToListAsync(ct);
        var groups = holders.Select(h => h.Team).Distinct().ToDictionary(n => n, n => new SelectListGroup { Name = n });
        return
        [
            new SelectListItem(noneText, ""),
            .. holders.OrderBy(h => h.Team, StringComparer.Ordinal).ThenBy(h => h.DisplayName, StringComparer.Ordinal)
                .Select(h => new SelectListItem(h.DisplayName, h.UserName, string.Equals(h.UserName, selected, StringComparison.OrdinalIgnoreCase))
                {
                    Group = teamId is null ? groups[h.Team] : null,
                }),
        ];
    }
}
