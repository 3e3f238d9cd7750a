using Casefile.Data;
using Casefile.Data.Audit;

namespace Casefile.Web.Infrastructure;

/// <summary>
/// Adds audit events to the unit of work, so each is saved in the same transaction as the read
/// or change it describes. A handler calls <see cref="Record"/> and then saves once.
/// </summary>
public sealed class AuditTrail(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    // Until the chain interceptor numbers them at save, events in one unit of work need distinct keys.
    private long _placeholder;

    public void Record(string action, string recordType, object? recordId, Guid? caseFileId = null, Guid? personId = null,
        string outcome = AuditOutcome.Allowed, string? reason = null)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            Id = Interlocked.Decrement(ref _placeholder),
            OccurredAt = clock.GetUtcNow(),
            UserId = user.IsSignedIn ? user.Id : null,
            UserName = user.UserName,
            Action = action,
            RecordType = recordType,
            RecordId = recordId?.ToString(),
            CaseFileId = caseFileId,
            PersonId = personId,
            Outcome = outcome,
            Reason = Fit(reason),
            Channel = user.Channel,
        });
    }

    /// <summary>
    /// An event's reason fits its column: a long one (a search for a pasted paragraph, a filter of
    /// hundreds of characters) is cut with an ellipsis rather than failing the read it records.
    /// </summary>
    private static string? Fit(string? reason) =>
        reason is { Length: > Data.Audit.AuditEvent.ReasonLength } ? reason[..(Data.Audit.AuditEvent.ReasonLength - 1)] + "…" : reason;

    /// <summary>Records a refused look at once: a refusal has no other change to travel with.</summary>
    public async Task RecordRefusalAsync(string action, string recordType, object? recordId, Guid? caseFileId, string reason, CancellationToken ct)
    {
        Record(action, recordType, recordId, caseFileId, outcome: AuditOutcome.Refused, reason: reason);
        await db.SaveChangesAsync(ct);
    }
}

public static class AuditOutcome
{
    public const string Allowed = "allowed";
    public const string Refused = "refused";
}

public static class AuditAction
{
    public const string View = "view";
    public const string Search = "search";
    public const string Create = "create";
    public const string Update = "update";
    public const string Decide = "decide";
}
