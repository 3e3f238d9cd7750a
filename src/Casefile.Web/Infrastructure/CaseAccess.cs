using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Infrastructure;

/// <summary>
/// Asks <see cref="CaseAccessPolicy"/> about a case for the current user, and turns a refusal into
/// 404 (when the user may not know the file exists) or 403 (with how to get access), auditing it.
/// </summary>
public sealed class CaseAccess(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<AccessDecision> DemandAsync(Guid caseId, AccessAction action, string auditAction, CancellationToken ct)
    {
        var facts = await FactsAsync(caseId, ct) ?? throw new NotFoundException("The case file");
        var decision = await DecideAsync(facts, action, ct);
        if (decision.Allowed) return decision;
        await audit.RecordRefusalAsync(auditAction, "case", facts.CaseId, facts.CaseId, decision.Basis, ct);
        if (!decision.MayKnowItExists) throw new NotFoundException("The case file");
        throw new AccessDeniedException(decision.Basis, CaseAccessPolicy.HowToGetAccess);
    }

    public async Task<AccessDecision> DecideAsync(CaseFacts facts, AccessAction action, CancellationToken ct) =>
        CaseAccessPolicy.Decide(await user.ViewerAsync(ct), facts, action, user.AccessOptions, clock.GetUtcNow());

    /// <summary>The case's facts as they stand for the current user: restriction, their grants, their emergency access.</summary>
    public async Task<CaseFacts?> FactsAsync(Guid caseId, CancellationToken ct)
    {
        var userId = user.Id;
        var now = clock.GetUtcNow();
        var row = await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new
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
            })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : new CaseFacts(row.Id, row.TeamId, row.AllocatedWorkerId, row.Status)
        {
            IsRestricted = row.IsRestricted,
            ViewerIsNamed = row.Named,
            SharedWithViewer = row.Shared,
            ViewerEmergencyAccessUntil = row.Emergency,
        };
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
