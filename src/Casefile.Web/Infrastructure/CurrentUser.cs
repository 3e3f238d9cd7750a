using System.Security.Claims;
using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Infrastructure;

public static class CasefileClaims
{
    public const string DisplayName = "name";
    public const string TeamId = "team";

    /// <summary>When the session began (Unix seconds): the absolute session limit counts from here.</summary>
    public const string SignedInAt = "signed_in_at";
}

/// <summary>
/// The signed-in person for this request (by cookie or bearer token, the same either way), and
/// the <see cref="Viewer"/> the access policy decides for: their roles, team and the teams they oversee.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, AppDbContext db, IOptions<CasefileOptions> options)
{
    private Viewer? _viewer;

    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public Guid Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        ? id
        : throw new InvalidOperationException("No signed-in user.");

    public string UserName => Principal.Identity?.Name ?? "anonymous";

    public string DisplayName => Principal.FindFirstValue(CasefileClaims.DisplayName) ?? UserName;

    public IReadOnlySet<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();

    public string Channel => http.HttpContext?.Request.Path.StartsWithSegments("/api") == true ? "api" : "web";

    public AccessOptions AccessOptions => options.Value.Access;

    /// <summary>
    /// Whether the principal was built from the database during this request (a bearer token:
    /// <see cref="Auth.BearerTokenHandler"/> reads the user, roles and team on every request).
    /// A cookie's claims may be hours old, so for a cookie they are read again.
    /// </summary>
    private bool PrincipalIsFresh => Principal.Identity is { IsAuthenticated: true, AuthenticationType: Auth.BearerTokenHandler.SchemeName };

    /// <summary>
    /// Roles and teams are read from the database, not the cookie, so a change of team takes effect at once.
    /// A bearer token's principal was read from the database for this request, so its claims are used as they are.
    /// </summary>
    public async Task<Viewer> ViewerAsync(CancellationToken ct = default)
    {
        if (_viewer is not null) return _viewer;
        var userId = Id;
        Guid? teamId;
        IReadOnlyCollection<string> roles;
        if (PrincipalIsFresh)
        {
            teamId = Guid.TryParse(Principal.FindFirstValue(CasefileClaims.TeamId), out var team) ? team : null;
            roles = Roles;
        }
        else
        {
            teamId = await db.Users.Where(u => u.Id == userId).Select(u => u.TeamId).SingleOrDefaultAsync(ct);
            roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(ct);
        }
        var overseen = new HashSet<Guid>();
        if (teamId is { } own && roles.Any(StaffRole.IsManager))
        {
            var teams = await db.Teams.Select(t => new { t.Id, t.ParentTeamId }).ToListAsync(ct);
            var frontier = new Queue<Guid>([own]);
            while (frontier.TryDequeue(out var t))
            {
                if (!overseen.Add(t)) continue;
                foreach (var child in teams.Where(x => x.ParentTeamId == t)) frontier.Enqueue(child.Id);
            }
        }
        return _viewer = new Viewer(userId, roles.ToHashSet(), teamId, overseen);
    }
}

/// <summary>Settings under the <c>Casefile</c> configuration section.</summary>
public sealed class CasefileOptions
{
    public string DataDirectory { get; set; } = "data";
    public bool SeedDemo { get; set; }
    public AccessOptions Access { get; set; } = new();

    /// <summary>Limits on bursts of emergency access and exports by one person (issue 15, item 13).</summary>
    public BurstLimits Bursts { get; set; } = new();
    public int IdleTimeoutMinutes { get; set; } = 30;
    public int AbsoluteTimeoutHours { get; set; } = 10;

    /// <summary>The council's name as letters print it (closure letters, policy 6.4).</summary>
    public string CouncilName { get; set; } = "Children and Family Services";

    /// <summary>The council's targets for answering access to records requests (issue 9).</summary>
    public Casefile.Domain.AccessRequests.AccessRequestTargets AccessRequests { get; set; } = new();
}

/// <summary>Role questions about other users (the current user's roles come from <see cref="CurrentUser"/>).</summary>
public static class StaffRoles
{
    public static Task<bool> HoldsAnyAsync(AppDbContext db, Guid userId, IReadOnlyCollection<string> roles, CancellationToken ct) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where ur.UserId == userId && roles.Contains(r.Name!)
         select r.Id).AnyAsync(ct);
}
