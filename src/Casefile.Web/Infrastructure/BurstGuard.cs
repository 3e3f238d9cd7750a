using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Infrastructure;

/// <summary>
/// Counts the current user's emergency accesses or exports in the window from the audit trail and
/// applies <see cref="BurstRule"/>. A refusal is audited with the rule name as its reason, which is
/// what the user's line managers see as an alert (<see cref="BurstAlerts"/>).
/// </summary>
public sealed class BurstGuard(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock, IOptions<CasefileOptions> options)
{
    public static string AuditActionFor(BurstKind kind) => kind == BurstKind.EmergencyAccess ? "emergency-access" : "export";

    public async Task CheckAsync(BurstKind kind, Guid? caseId, CancellationToken ct)
    {
        var limits = options.Value.Bursts;
        var since = clock.GetUtcNow() - limits.Window;
        var action = AuditActionFor(kind);
        var me = user.Id;
        var done = await db.AuditEvents.CountAsync(e => e.UserId == me && e.Action == action && e.Outcome == AuditOutcome.Allowed && e.OccurredAt > since, ct);
        try
        {
            BurstRule.Check(kind, done, limits);
        }
        catch (BurstLimitException e)
        {
            await audit.RecordRefusalAsync(action, "burst", caseId, caseId, e.Rule, ct);
            throw;
        }
    }
}

public sealed record BurstAlert(DateTimeOffset At, string User, string Rule, string What);

/// <summary>Refused bursts by the people below the current user in the line, for their home page and the API (audited).</summary>
public sealed class BurstAlerts(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public static readonly TimeSpan Shown = TimeSpan.FromDays(14);

    public async Task<IReadOnlyList<BurstAlert>> ForMeAsync(CancellationToken ct)
    {
        var reports = (await LineManagers.ReportsOfAsync(db, user.Id, ct)).ToList();
        if (reports.Count == 0) return [];
        var since = clock.GetUtcNow() - Shown;
        var rules = new[] { BurstRule.EmergencyAccessBurst, BurstRule.ExportBurst };
        var rows = await db.AuditEvents.AsNoTracking()
            .Where(e => e.UserId != null && reports.Contains(e.UserId.Value) && e.Outcome == AuditOutcome.Refused && e.RecordType == "burst"
                && rules.Contains(e.Reason!) && e.OccurredAt > since)
            .OrderByDescending(e => e.OccurredAt).Take(100)
            .Select(e => new { e.OccurredAt, e.UserName, e.Reason }).ToListAsync(ct);
        var alerts = rows.Select(r => new BurstAlert(r.OccurredAt, r.UserName, r.Reason!,
            r.Reason == BurstRule.EmergencyAccessBurst ? "Too many uses of emergency access in an hour" : "Too many exports of case files in an hour")).ToList();
        audit.Record(AuditAction.View, "burst-alerts", null, reason: $"{alerts.Count} alerts");
        await db.SaveChangesAsync(ct);
        return alerts;
    }
}
