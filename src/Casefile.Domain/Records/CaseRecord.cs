using Casefile.Domain.Common;

namespace Casefile.Domain.Records;

/// <summary>The kinds of contact and event a case record can be (policy 3.10, 3.11).</summary>
public enum CaseRecordType
{
    HomeVisit, OfficeVisit, SchoolVisit, PhoneCall, Email, Message, VideoCall, Meeting,
    StatutoryVisit, ChildProtectionEnquiryVisit, Interview, NoAccessVisit, ReferralToAnotherAgency,
    ManagementDecision, Other,
}

public enum CaseRecordStatus { Draft, Final }

/// <summary>Whether an interpreter or communication aid was used (policy 3.2 guidance).</summary>
public enum InterpreterUse { NotNeeded, Used, Dispensed }

/// <summary>Someone present at the event: linked to the register where they are on it, by name and role where not.</summary>
public sealed record PresentPerson(Guid? PersonId, string Name, string? Role);

/// <summary>What a worker writes about one contact or event; every field the policy asks for.</summary>
public sealed record CaseRecordContent(
    CaseRecordType Type,
    DateTimeOffset OccurredAt,
    bool ChildProtectionEnquiry,
    string? Purpose,
    string? Outcome,
    string? Narrative,
    string? Seen = null,
    string? SpokenTo = null,
    IReadOnlyList<PresentPerson>? Present = null,
    bool? ChildSeen = null,
    bool? ChildSeenAlone = null,
    string? ChildViews = null,
    string? FamilyViews = null,
    InterpreterUse Interpreter = InterpreterUse.NotNeeded,
    string? InterpreterDispensedReason = null,
    string? ReferralAgency = null,
    string? ReferralPurpose = null,
    bool VideoRecorded = false,
    string? DocumentReferences = null,
    bool HandwrittenNotesDestroyed = false,
    bool Significant = false,
    IReadOnlyList<Guid>? LinkedDocuments = null);

/// <summary>
/// A case record (observation): one contact with a child, family member or professional, or a
/// manager's decision. A draft until finalised; then locked, and corrected only by addenda
/// (policy 3.6: accurate records; 3.8: within 5 working days, 1 for a child protection enquiry).
/// </summary>
public sealed class CaseRecord
{
    private readonly List<CaseRecordAddendum> _addenda = [];

    private CaseRecord() { }

    private CaseRecord(Guid id, Guid caseFileId, Guid recordedBy, Guid responsibleWorkerId, DateTimeOffset createdAt)
    {
        Id = id;
        CaseFileId = caseFileId;
        RecordedBy = recordedBy;
        ResponsibleWorkerId = responsibleWorkerId;
        CreatedAt = createdAt;
        Status = CaseRecordStatus.Draft;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public Guid RecordedBy { get; private set; }
    public Guid ResponsibleWorkerId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public CaseRecordStatus Status { get; private set; }
    public CaseRecordContent Content { get; private set; } = null!;
    public DateOnly RecordBy { get; private set; }
    public DateTimeOffset? FinalisedAt { get; private set; }
    public int? WorkingDaysLate { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public IReadOnlyList<CaseRecordAddendum> Addenda => _addenda;

    public bool IsLocked => Status == CaseRecordStatus.Final;

    /// <summary>Shown under "significant events only": the worker marked it, or its kind always is.</summary>
    public bool IsSignificant => Content.Significant || CaseRecordRules.IsAlwaysSignificant(Content.Type);

    /// <summary>Set when the record was moved here from another child's file (it had been filed in error).</summary>
    public Guid? MovedFromCaseFileId { get; private set; }

    /// <summary>
    /// Starts a draft. <paramref name="recordBy"/> comes from <c>RecordingDeadline</c> (working days
    /// in England and Wales), worked out by the caller from the event's London date.
    /// </summary>
    public static CaseRecord Start(Guid id, Guid caseFileId, CaseRecordContent content, CaseRecordContext context, DateOnly recordBy, DateTimeOffset now)
    {
        var record = new CaseRecord(id, caseFileId, context.RecordedBy, context.ResponsibleWorkerId, now);
        record.Apply(content, context, recordBy, now);
        return record;
    }

    /// <summary>Changes a draft. A finalised record is locked: correct it with an addendum.</summary>
    public void Revise(CaseRecordContent content, CaseRecordContext context, DateOnly recordBy, DateTimeOffset now)
    {
        if (IsLocked)
            throw new StateConflictException("record-locked", "This record is finalised and cannot be changed. Add an addendum to correct it.");
        Apply(content, context, recordBy, now);
    }

    /// <summary>Finalises and locks the record, noting how many working days late it was.</summary>
    public void Finalise(int workingDaysLate, DateTimeOffset now)
    {
        if (IsLocked) throw new StateConflictException("record-already-final", "This record is already finalised");
        ArgumentOutOfRangeException.ThrowIfNegative(workingDaysLate);
        CaseRecordRules.CompleteBeforeFinalising(Content);
        Status = CaseRecordStatus.Final;
        FinalisedAt = now;
        WorkingDaysLate = workingDaysLate;
        Version = Guid.NewGuid();
    }

    /// <summary>A correction or addition to a finalised record; the original stays as it was, readable.</summary>
    public CaseRecordAddendum AddAddendum(Guid id, string? text, Guid by, DateTimeOffset now)
    {
        if (!IsLocked)
            throw new RuleViolationException("addendum-to-draft", "A draft can still be changed. Add an addendum only after the record is finalised.");
        var addendum = new CaseRecordAddendum(id, Id, Guard.Required(text, "text", "the addendum", 10_000), by, now);
        _addenda.Add(addendum);
        Version = Guid.NewGuid();
        return addendum;
    }

    /// <summary>
    /// Moves a record filed on the wrong child to the right one. Only <see cref="CaseRecordMove"/>
    /// calls this, once a manager has approved the move.
    /// </summary>
    internal void MoveTo(Guid caseFileId)
    {
        if (caseFileId == CaseFileId) throw new RuleViolationException("move-to-same-file", "The record is already on this child's file", "toCaseFileId");
        MovedFromCaseFileId = CaseFileId;
        CaseFileId = caseFileId;
        Version = Guid.NewGuid();
    }

    private void Apply(CaseRecordContent content, CaseRecordContext context, DateOnly recordBy, DateTimeOffset now)
    {
        CaseRecordRules.Check(content, context, now);
        Content = content with
        {
            Purpose = Guard.Optional(content.Purpose, "purpose", "the purpose", 4000),
            Outcome = Guard.Optional(content.Outcome, "outcome", "the outcome", 4000),
            Narrative = Guard.Optional(content.Narrative, "narrative", "the record", 100_000),
            Present = content.Present ?? [],
            LinkedDocuments = content.LinkedDocuments?.Distinct().ToList() ?? [],
        };
        RecordBy = recordBy;
        Version = Guid.NewGuid();
    }
}

/// <summary>Who is writing and who holds the case: what the responsible-worker rule needs.</summary>
public sealed record CaseRecordContext(Guid RecordedBy, Guid ResponsibleWorkerId, bool RecorderIsManager);

public sealed class CaseRecordAddendum
{
    private CaseRecordAddendum() { }

    internal CaseRecordAddendum(Guid id, Guid caseRecordId, string text, Guid addedBy, DateTimeOffset addedAt)
    {
        Id = id;
        CaseRecordId = caseRecordId;
        Text = text;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseRecordId { get; private set; }
    public string Text { get; private set; } = "";
    public Guid AddedBy { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}
