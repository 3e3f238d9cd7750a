namespace Casefile.Data.Audit;

/// <summary>
/// One read or change of a person's data: who, when, what, on which case, and the outcome.
/// Written in the same transaction as the change it describes, and never updated or deleted
/// (only its reason may be redacted, which the chain allows: see <see cref="Domain.Audit.AuditChain"/>).
/// <see cref="Id"/> is the event's place in the hash chain, given when it is saved.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
    public string? ReasonHash { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string RecordType { get; set; } = "";
    public string? RecordId { get; set; }
    public Guid? CaseFileId { get; set; }
    public Guid? PersonId { get; set; }
    public string Outcome { get; set; } = "allowed";
    /// <summary>The longest reason the column holds.</summary>
    public const int ReasonLength = 2000;

    public string? Reason { get; set; }
    public string Channel { get; set; } = "";
}

/// <summary>The end of the hash chain: one row, locked by every transaction that appends events.</summary>
public sealed class AuditChainHead
{
    public int Id { get; set; } = 1;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = Domain.Audit.AuditChain.Genesis;
    public long Version { get; set; }
}

/// <summary>
/// A signed checkpoint: the hash of the chain at a sequence, signed with a key kept outside the
/// database, so rewriting the whole chain (or cutting its end) cannot go unnoticed.
/// </summary>
public sealed class AuditCheckpoint
{
    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string Signature { get; set; } = "";
}
