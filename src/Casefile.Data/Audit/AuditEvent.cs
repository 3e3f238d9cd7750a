namespace Casefile.Data.Audit;

/// <summary>
/// One read or change of a person's data: who, when, what, on which case, and the outcome.
/// Written in the same transaction as the change it describes, and never updated or deleted.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string RecordType { get; set; } = "";
    public string? RecordId { get; set; }
    public Guid? CaseFileId { get; set; }
    public Guid? PersonId { get; set; }
    public string Outcome { get; set; } = "allowed";
    public string? Reason { get; set; }
    public string Channel { get; set; } = "";
}
