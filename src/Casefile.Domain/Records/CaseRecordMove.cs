using Casefile.Domain.Common;

namespace Casefile.Domain.Records;

public enum CaseRecordMoveStatus { Requested, Approved, Refused }

/// <summary>
/// A request to move a record filed on the wrong child's file to the right one. The move happens
/// only when a manager other than the person asking approves it, and both files keep a marker
/// saying a record left or arrived, when and on whose authority (policy 3.6: accurate records;
/// 5.1: one record per child, holding only that child's information).
/// </summary>
public sealed class CaseRecordMove
{
    private CaseRecordMove() { }

    public Guid Id { get; private set; }
    public Guid CaseRecordId { get; private set; }
    public Guid FromCaseFileId { get; private set; }
    public Guid ToCaseFileId { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public CaseRecordMoveStatus Status { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }

    public static CaseRecordMove Request(Guid id, CaseRecord record, Guid toCaseFileId, string? reason, Guid requestedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (toCaseFileId == record.CaseFileId)
            throw new RuleViolationException("move-to-same-file", "Choose a different child's file: the record is already on this one", "toCaseReference");
        return new CaseRecordMove
        {
            Id = id,
            CaseRecordId = record.Id,
            FromCaseFileId = record.CaseFileId,
            ToCaseFileId = toCaseFileId,
            Reason = Guard.Required(reason, "reason", "why the record is on the wrong file", 2000),
            RequestedBy = requestedBy,
            RequestedAt = now,
            Status = CaseRecordMoveStatus.Requested,
        };
    }

    /// <summary>A manager, not the person who asked, approves; the record moves at once.</summary>
    public void Approve(CaseRecord record, Guid managerId, bool isManager, string? note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        Decide(managerId, isManager, now);
        if (record.Id != CaseRecordId || record.CaseFileId != FromCaseFileId)
            throw new StateConflictException("move-stale", "The record has already been moved. Reload the page.");
        record.MoveTo(ToCaseFileId);
        Status = CaseRecordMoveStatus.Approved;
        DecisionNote = Guard.Optional(note, "note", "the note", 2000);
    }

    /// <summary>A manager refuses the move, saying why; the record stays where it is.</summary>
    public void Refuse(Guid managerId, bool isManager, string? note, DateTimeOffset now)
    {
        Decide(managerId, isManager, now);
        Status = CaseRecordMoveStatus.Refused;
        DecisionNote = Guard.Required(note, "note", "why the move is refused", 2000);
    }

    private void Decide(Guid managerId, bool isManager, DateTimeOffset now)
    {
        if (Status != CaseRecordMoveStatus.Requested)
            throw new StateConflictException("move-already-decided", "This move has already been decided");
        if (!isManager)
            throw new RuleViolationException("move-needs-manager", "Only a manager can approve moving a record to another child's file.");
        if (managerId == RequestedBy)
            throw new RuleViolationException("move-needs-second-person", "Another manager must approve a move you asked for.");
        DecidedBy = managerId;
        DecidedAt = now;
    }
}
