using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Casefile.Web.Infrastructure;

/// <summary>
/// Asks <see cref="CaseAccessPolicy"/> about a case for the current user, and turns a refusal into
/// 404 (when the user may not know the file exists) or 403 (with how to get access), auditing it.
/// </summary>
public sealed class CaseAccess(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<AccessDecision> DemandAsync(Guid caseId, AccessAction action, string auditAction, CancellationToken ct) =>
        (await DemandWithHeadingAsync(caseId, action, auditAction, ct)).Decision;

    /// <summary>
    /// As <see cref="DemandAsync"/>, with the case's heading (reference and child) read in the same
    /// query as the facts, for pages that show it: one round trip instead of two.
    /// </summary>
    public async Task<(AccessDecision Decision, CaseHeading Heading)> DemandWithHeadingAsync(Guid caseId, AccessAction action, string auditAction, CancellationToken ct)
    {
        var row = await Row(caseId, ct) ?? throw new NotFoundException("The case file");
        var facts = row.ToFacts();
        var decision = await DecideAsync(facts, action, ct);
        if (decision.Allowed) return (decision, new CaseHeading(row.Reference, row.ChildId, row.ChildName, row.ChildDateOfBirth));
        await audit.RecordRefusalAsync(auditAction, "case", facts.CaseId, facts.CaseId, decision.Basis, ct);
        if (!decision.MayKnowItExists) throw new NotFoundException("The case file");
        throw new AccessDeniedException(decision.Basis, CaseAccessPolicy.HowToGetAccess);
    }

    public async Task<AccessDecision> DecideAsync(CaseFacts facts, AccessAction action, CancellationToken ct) =>
        CaseAccessPolicy.Decide(await user.ViewerAsync(ct), facts, action, user.AccessOptions, clock.GetUtcNow());

    /// <summary>The case's facts as they stand for the current user: restriction, their grants, their emergency access.</summary>
    public async Task<CaseFacts?> FactsAsync(Guid caseId, CancellationToken ct) => (await Row(caseId, ct))?.ToFacts();

    private Task<FactsRow?> Row(Guid caseId, CancellationToken ct) =>
        FactsQueries.GetValue(db.Model, _ => EF.CompileAsyncQuery(FactsExpression))(db, caseId, user.Id, clock.GetUtcNow(), ct);

    // Compiled once per model (one per provider; the tests run both in one process): every case page,
    // record and chronology read asks this, so it skips EF's per-call query cache lookup.
    private static readonly ConditionalWeakTable<IModel, Func<AppDbContext, Guid, Guid, DateTimeOffset, CancellationToken, Task<FactsRow?>>> FactsQueries = new();

    private static readonly Expression<Func<AppDbContext, Guid, Guid, DateTimeOffset, CancellationToken, FactsRow?>> FactsExpression =
        (db, caseId, userId, now, ct) =>
            (from c in db.CaseFiles.AsNoTracking()
             where c.Id == caseId
             join p in db.People on c.ChildId equals p.Id
             select new FactsRow(
                 c.Id, c.TeamId, c.AllocatedWorkerId, c.Status, c.IsRestricted,
                 db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == userId && g.Kind == GrantKind.Named && g.RevokedAt == null),
                 db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == userId && g.Kind == GrantKind.SharedWithLegal && g.RevokedAt == null),
                 db.EmergencyAccesses.Where(e => e.CaseFileId == c.Id && e.UserId == userId && e.ExpiresAt > now)
                     .OrderByDescending(e => e.ExpiresAt).Select(e => (DateTimeOffset?)e.ExpiresAt).FirstOrDefault(),
                 c.Reference, c.ChildId, p.GivenName + " " + p.FamilyName, p.DateOfBirth))
            .SingleOrDefault();

    private sealed record FactsRow(Guid Id, Guid TeamId, Guid AllocatedWorkerId, CaseStatus Status, bool IsRestricted, bool Named, bool Shared,
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

    /// <summary>
    /// Of the given case files, those the current user may read: one query for all their facts, then
    /// <see cref="CaseAccessPolicy"/> for each, as <see cref="DemandAsync"/> decides one. For lists
    /// that show something of many cases (the referrals list).
    /// </summary>
    public async Task<IReadOnlySet<Guid>> ReadableAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0) return new HashSet<Guid>();
        var userId = user.Id;
        var now = clock.GetUtcNow();
        var rows = await (from c in db.CaseFiles.AsNoTracking()
                          where caseIds.Contains(c.Id)
                          select new
                          {
                              c.Id,
                              c.TeamId,
                              c.AllocatedWorkerId,
                              c.Status,
                              c.IsRestricted,
                              Named = db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == userId && g.Kind == GrantKind.Named && g.RevokedAt == null),
                              Shared = db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == userId && g.Kind == GrantKind.SharedWithLegal && g.RevokedAt == null),
                              Emergency = db.EmergencyAccesses.Where(e => e.CaseFileId == c.Id && e.UserId == userId && e.ExpiresAt > now)
                                  .OrderByDescending(e => e.ExpiresAt).Select(e => (DateTimeOffset?)e.ExpiresAt).FirstOrDefault(),
                          }).ToListAsync(ct);
        var viewer = await user.ViewerAsync(ct);
        return rows.Where(r => CaseAccessPolicy.Decide(viewer, new CaseFacts(r.Id, r.TeamId, r.AllocatedWorkerId, r.Status)
        {
            IsRestricted = r.IsRestricted,
            ViewerIsNamed = r.Named,
            SharedWithViewer = r.Shared,
            ViewerEmergencyAccessUntil = r.Emergency,
        }, AccessAction.Read, user.AccessOptions, now).Allowed).Select(r => r.Id).ToHashSet();
    }

    /// <summary>
    /// Case files the current user may not even know exist: restricted ones they are not named on.
    /// Lists and searches leave these out.
    /// </summary>
    public IQueryable<Guid> HiddenCaseIds()
    {
        var userId = user.Id;
        return db.CaseFiles.Where(c => c.IsRestricted
                && !db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == userId && g.Kind == GrantKind.Named && g.RevokedAt == null))
            .Select(c => c.Id);
    }

    /// <summary>Children whose restricted case file hides them from the current user.</summary>
    public IQueryable<Guid> HiddenChildIds()
    {
        var hidden = HiddenCaseIds();
        return db.CaseFiles.Where(c => hidden.Contains(c.Id)).Select(c => c.ChildId);
    }
}

/// <summary>What a page about a case shows at its top: the case reference and the child.</summary>
public sealed record CaseHeading(string Reference, Guid ChildId, string ChildName, DateOnly? ChildDateOfBirth);
