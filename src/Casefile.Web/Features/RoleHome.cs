using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Web.Features.Retention;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features;

/// <summary>A case shared with Legal Services, as their home page lists it.</summary>
public sealed record SharedCase(Guid CaseId, string Reference, string ChildName, DateTimeOffset SharedAt, string? Reason);

/// <summary>An account locked out after too many failed sign-ins.</summary>
public sealed record LockedAccount(string UserName, string DisplayName, DateTimeOffset Until);

public sealed record RoleHomeView(IReadOnlyList<SharedCase>? SharedWithMe, int? DisposalsDue, int? ReviewsDue, IReadOnlyList<LockedAccount>? LockedOut)
{
    public static RoleHomeView Empty { get; } = new(null, null, null, null);
}

/// <summary>
/// The home page of each role without a caseload (issue 17): Legal Services see the cases shared
/// with them; records managers the files due for disposal or review; administrators the accounts
/// locked out. A role sees only its own part; each list is audited by the query that owns it.
/// </summary>
public sealed class RoleHome(AppDbContext db, CurrentUser user, CaseScope access, AuditTrail audit, DisposalQueries disposals, TimeProvider clock)
{
    public async Task<RoleHomeView> ForAsync(Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        IReadOnlyList<SharedCase>? shared = null;
        int? disposalsDue = null, reviewsDue = null;
        IReadOnlyList<LockedAccount>? locked = null;

        if (viewer.May(StaffCapability.AdviseAsLegalServices))
        {
            var me = user.Id;
            var rows = await (from g in db.CaseAccessGrants.AsNoTracking()
                              where g.UserId == me && g.Kind == GrantKind.SharedWithLegal && g.RevokedAt == null
                              join c in db.CaseFiles on g.CaseFileId equals c.Id
                              join p in db.People on c.ChildId equals p.Id
                              orderby g.GrantedAt descending
                              select new SharedCase(c.Id, c.Reference, p.GivenName + " " + p.FamilyName, g.GrantedAt, g.Reason)).ToListAsync(ct);
            var readable = await access.ReadableAsync([.. rows.Select(r => r.CaseId)], ct);
            shared = [.. rows.Where(r => readable.Contains(r.CaseId))];
            audit.Record(AuditAction.View, "shared-with-legal", me, reason: $"{shared.Count} cases");
            await db.SaveChangesAsync(ct);
        }
        if (viewer.May(StaffCapability.ManageRetention))
        {
            disposalsDue = (await disposals.DueAsync(ct)).Count;
            reviewsDue = (await disposals.ReviewsDueAsync(ct)).Count;
        }
        if (viewer.May(StaffCapability.Administer))
        {
            var now = clock.GetUtcNow();
            locked = await db.Users.AsNoTracking().Where(u => u.LockoutEnd != null && u.LockoutEnd > now)
                .OrderBy(u => u.UserName).Select(u => new LockedAccount(u.UserName!, u.DisplayName, u.LockoutEnd!.Value)).ToListAsync(ct);
        }
        return new RoleHomeView(shared, disposalsDue, reviewsDue, locked);
    }
}
