using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Casefile.Data.Access;

/// <summary>
/// The facts <see cref="CaseAccessPolicy"/> decides from, read from the database for one viewer:
/// for one case (with what its page shows at the top), for many cases at once (lists), and the
/// cases the viewer may not even know exist (searches leave them out). The three forms read the
/// same columns by the same rules; the web tests hold them to the policy table.
/// </summary>
public static class CaseFactsQueries
{
    /// <summary>One case's facts and heading as they stand for the viewer, or null when there is no such case.</summary>
    public static Task<CaseFactsRow?> OneAsync(AppDbContext db, Guid caseId, Guid viewerId, DateTimeOffset now, CancellationToken ct) =>
        OneQueries.GetValue(db.Model, _ => EF.CompileAsyncQuery(OneExpression))(db, caseId, viewerId, now, ct);

    /// <summary>The facts of each of the given cases, in one query.</summary>
    public static async Task<IReadOnlyList<CaseFacts>> ManyAsync(AppDbContext db, IReadOnlyCollection<Guid> caseIds, Guid viewerId, DateTimeOffset now, CancellationToken ct)
    {
        if (caseIds.Count == 0) return [];
        var rows = await (from c in db.CaseFiles.AsNoTracking()
                          where caseIds.Contains(c.Id)
                          select new
                          {
                              c.Id,
                              c.TeamId,
                              c.AllocatedWorkerId,
                              c.Status,
                              c.IsRestricted,
                              Named = db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == viewerId && g.Kind == GrantKind.Named && g.RevokedAt == null),
                              Shared = db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == viewerId && g.Kind == GrantKind.SharedWithLegal && g.RevokedAt == null),
                              Emergency = db.EmergencyAccesses.Where(e => e.CaseFileId == c.Id && e.UserId == viewerId && e.ExpiresAt > now)
                                  .OrderByDescending(e => e.ExpiresAt).Select(e => (DateTimeOffset?)e.ExpiresAt).FirstOrDefault(),
                          }).ToListAsync(ct);
        return [.. rows.Select(r => new CaseFacts(r.Id, r.TeamId, r.AllocatedWorkerId, r.Status)
        {
            IsRestricted = r.IsRestricted,
            ViewerIsNamed = r.Named,
            SharedWithViewer = r.Shared,
            ViewerEmergencyAccessUntil = r.Emergency,
        })];
    }

    /// <summary>
    /// Case files the viewer may not know exist: restricted ones they are not named on. Lists and
    /// searches leave these out (the policy's first rule, as SQL).
    /// </summary>
    public static IQueryable<Guid> HiddenCaseIds(AppDbContext db, Guid viewerId) =>
        db.CaseFiles.Where(c => c.IsRestricted
                && !db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == viewerId && g.Kind == GrantKind.Named && g.RevokedAt == null))
            .Select(c => c.Id);

    /// <summary>
    /// The case files the viewer may read, as a query: <see cref="CaseReadScope.Allows"/> in SQL,
    /// rule for rule. Restricted files the viewer is not named on are never included.
    /// </summary>
    public static IQueryable<CaseFile> Readable(AppDbContext db, CaseReadScope scope, DateTimeOffset now)
    {
        var hidden = HiddenCaseIds(db, scope.ViewerId);
        var cases = db.CaseFiles.AsNoTracking().Where(c => !hidden.Contains(c.Id));
        if (scope == CaseReadScope.None(scope.ViewerId)) return cases.Where(c => false);
        var userId = scope.ViewerId;
        var allocated = scope.AllocatedCases;
        var overseen = scope.OverseenTeams.ToList();
        var sameTeam = scope.OwnTeam is not null;
        var team = scope.OwnTeam;
        var closed = scope.ClosedCases;
        var shared = scope.SharedWithViewer;
        var named = scope.NamedOnRestricted;
        var emergency = scope.EmergencyAccess;
        return cases.Where(c =>
            (allocated && c.AllocatedWorkerId == userId)
            || overseen.Contains(c.TeamId)
            || (sameTeam && c.TeamId == team)
            || (closed && c.Status == CaseStatus.Closed)
            || (shared && db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == userId && g.Kind == GrantKind.SharedWithLegal && g.RevokedAt == null))
            // Not hidden and restricted: the viewer is named on it.
            || (named && c.IsRestricted)
            || (emergency && db.EmergencyAccesses.Any(e => e.CaseFileId == c.Id && e.UserId == userId && e.ExpiresAt > now)));
    }

    // Compiled once per model (one per provider; the tests run both in one process): every case page,
    // record and chronology read asks this, so it skips EF's per-call query cache lookup.
    private static readonly ConditionalWeakTable<IModel, Func<AppDbContext, Guid, Guid, DateTimeOffset, CancellationToken, Task<CaseFactsRow?>>> OneQueries = new();

    private static readonly Expression<Func<AppDbContext, Guid, Guid, DateTimeOffset, CancellationToken, CaseFactsRow?>> OneExpression =
        (db, caseId, userId, now, ct) =>
            (from c in db.CaseFiles.AsNoTracking()
             where c.Id == caseId
             join p in db.People on c.ChildId equals p.Id
             select new CaseFactsRow(
                 c.Id, c.TeamId, c.AllocatedWorkerId, c.Status, c.IsRestricted,
                 db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == userId && g.Kind == GrantKind.Named && g.RevokedAt == null),
                 db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == userId && g.Kind == GrantKind.SharedWithLegal && g.RevokedAt == null),
                 db.EmergencyAccesses.Where(e => e.CaseFileId == c.Id && e.UserId == userId && e.ExpiresAt > now)
                     .OrderByDescending(e => e.ExpiresAt).Select(e => (DateTimeOffset?)e.ExpiresAt).FirstOrDefault(),
                 c.Reference, c.ChildId, p.GivenName + " " + p.FamilyName, p.DateOfBirth))
            .SingleOrDefault();
}

/// <summary>One case's access facts for one viewer, with the reference and child its pages show at the top.</summary>
public sealed record CaseFactsRow(Guid Id, Guid TeamId, Guid AllocatedWorkerId, CaseStatus Status, bool IsRestricted, bool Named, bool Shared,
    DateTimeOffset? Emergency, string Reference, Guid ChildId, string ChildName, DateOnly? ChildDateOfBirth)
{
    public CaseFacts ToFacts() => new(Id, TeamId, AllocatedWorkerId, Status)
    {
        IsRestricted = IsRestricted,
        ViewerIsNamed = Named,
        SharedWithViewer = Shared,
        ViewerEmergencyAccessUntil = Emergency,
    };
}
