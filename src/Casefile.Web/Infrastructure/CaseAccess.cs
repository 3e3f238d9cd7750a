using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Infrastructure;

/// <summary>
/// Asks <see cref="CaseAccessPolicy"/> about a case for the current user, and turns a refusal into
/// 404 (when the user may not know the file exists) or 403 (with how to get access), auditing it.
/// </summary>
public sealed class CaseAccess(AppDbContext db, CurrentUser user, AuditTrail audit)
{
    public async Task<AccessDecision> DemandAsync(Guid caseId, AccessAction action, string auditAction, CancellationToken ct)
    {
        var facts = await db.CaseFiles.Where(c => c.Id == caseId)
            .Select(c => new CaseFacts(c.Id, c.TeamId, c.AllocatedWorkerId, c.Status))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("The case file");
        return await DemandAsync(facts, action, auditAction, ct);
    }

    public async Task<AccessDecision> DemandAsync(CaseFacts facts, AccessAction action, string auditAction, CancellationToken ct)
    {
        var decision = await DecideAsync(facts, action, ct);
        if (decision.Allowed) return decision;
        await audit.RecordRefusalAsync(auditAction, "case", facts.CaseId, facts.CaseId, decision.Basis, ct);
        if (!decision.MayKnowItExists) throw new NotFoundException("The case file");
        throw new AccessDeniedException(decision.Basis, CaseAccessPolicy.HowToGetAccess);
    }

    public async Task<AccessDecision> DecideAsync(CaseFacts facts, AccessAction action, CancellationToken ct) =>
        CaseAccessPolicy.Decide(await user.ViewerAsync(ct), facts, action, user.AccessOptions);
}
