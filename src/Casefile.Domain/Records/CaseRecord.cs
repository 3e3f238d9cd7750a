using Casefile.Domain.Common;

namespace Casefile.Domain.Records;

/// <summary>The kinds of contact and event a case record can be (policy 3.10, 3.11).</summary>
public enum CaseRecordType
{
    HomeVisit, OfficeVisit, SchoolVisit, PhoneCall, Email, Message, VideoCall, Meeting,
    StatutoryVisit, ChildProtectionEnquiryVisit, Interview, NoAccessVisit, ReferralToAnotherAgency,
    ManagementDecision, Other,
}

/// <summary>
/// A draft, a finalised record, or a draft its author discarded with a reason (policy 3.8, 6.6: a
/// draft that will never be finished must not hold the case open for ever).
/// </summary>
public enum CaseRecordStatus { Draft, Final, Discarded }

/// <summary>Whether an interpreter or communication aid was used (policy 3.2 guidance). Unanswered is null.</summary>
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
    InterpreterUse? Interpreter = null,
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
    private readonly List<CaseRecordEventDateChange> _eventDateChanges = [];

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

    /// <summary>Every change of the event's date and time, oldest first (policy 3.8: the deadline never moves later).</summary>
    public IReadOnlyList<CaseRecordEventDateChange> EventDateChanges => _eventDateChanges;

    /// <summary>Finalised or discarded: either way, nothing more is written on it but addenda to a finalised record.</summary>
    public bool IsLocked => Status != CaseRecordStatus.Draft;

    public DateTimeOffset? DiscardedAt { get; private set; }
    public Guid? DiscardedBy { get; private set; }
    public string? DiscardReason { get; private set; }

    /// <summary>Set when a manager gave the draft to the allocated worker to finish (the author had left, or could not finish it).</summary>
    public Guid? ReassignedFrom { get; private set; }
    public Guid? ReassignedBy { get; private set; }
    public DateTimeOffset? ReassignedAt { get; private set; }
    public string? ReassignReason { get; private set; }

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
    /// <summary>
    /// Changes a draft. A finalised record is locked: correct it with an addendum. A change of the
    /// event's date is kept (<see cref="EventDateChanges"/>), and the deadline stays the earliest the
    /// record ever had (<see cref="CaseRecordRules.EarliestDeadline"/>).
    /// </summary>
    public void Revise(CaseRecordContent content, CaseRecordContext context, DateOnly recordBy, Guid by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        DemandDraft();
        var previous = Content.OccurredAt;
        Apply(content, context, CaseRecordRules.EarliestDeadline(RecordBy, recordBy), now);
        if (content.OccurredAt != previous)
            _eventDateChanges.Add(new CaseRecordEventDateChange(Guid.NewGuid(), Id, previous, content.OccurredAt, by, now));
    }

    /// <summary>
    /// The author gives up a draft that will not be finished (a duplicate, written on the wrong
    /// event, or the case moved on). The reason is kept, and a line in the chronology says so.
    /// </summary>
    public void Discard(Guid by, string? reason, DateTimeOffset now)
    {
        var why = Guard.Required(reason, "reason", "why the draft is discarded", 2000);
        DemandDraft();
        CaseRecordRules.OnlyTheAuthorDiscards(this, by);
        Status = CaseRecordStatus.Discarded;
        DiscardedAt = now;
        DiscardedBy = by;
        DiscardReason = why;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// A manager of the case gives a stranded draft (its author has left or the case has moved on) to
    /// the allocated worker to finish, with a reason.
    /// </summary>
    public void Reassign(Guid allocatedWorkerId, Guid by, string? reason, DateTimeOffset now)
    {
        var why = Guard.Required(reason, "reason", "why the draft is given to another worker", 2000);
        DemandDraft();
        if (allocatedWorkerId == RecordedBy)
            throw new StateConflictException("draft-already-with-worker", "The allocated worker already holds this draft.");
        ReassignedFrom = RecordedBy;
        RecordedBy = allocatedWorkerId;
        ReassignedBy = by;
        ReassignedAt = now;
        ReassignReason = why;
        Version = Guid.NewGuid();
    }

    private void DemandDraft()
    {
        if (Status == CaseRecordStatus.Final)
            throw new StateConflictException("record-locked", "This record is finalised and cannot be changed. Add an addendum to correct it.");
        if (Status == CaseRecordStatus.Discarded)
            throw new StateConflictException("record-discarded", "This draft was discarded and cannot be changed.");
    }

    /// <summary>Finalises and locks the record, noting how many working days late it was.</summary>
    public void Finalise(int workingDaysLate, DateTimeOffset now, FinalisingFacts? facts = null)
    {
        if (Status == CaseRecordStatus.Final) throw new StateConflictException("record-already-final", "This record is already finalised");
        DemandDraft();
        ArgumentOutOfRangeException.ThrowIfNegative(workingDaysLate);
        CaseRecordRules.CompleteBeforeFinalising(Content);
        if (facts is not null)
        {
            CaseRecordRules.InterpreterAnsweredWhereNeeded(Content, facts.NeedingInterpreter);
            CaseRecordRules.NoOtherChildNamedUnlessConfirmed(facts.OtherChildrenNamed, facts.ConfirmOtherChildren);
        }
        Status = CaseRecordStatus.Final;
        FinalisedAt = now;
        WorkingDaysLate = workingDaysLate;
        Version = Guid.NewGuid();
    }

    /// <summary>A correction or addition to a finalised record; the original stays as it was, readable.</summary>
    public CaseRecordAddendum AddAddendum(Guid id, string? text, Guid by, DateTimeOffset now)
    {
        if (Status == CaseRecordStatus.Discarded)
            throw new StateConflictException("record-discarded", "This draft was discarded; it has no addenda.");
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

/// <summary>
/// Who is writing and who held the case when the event happened (<see cref="CaseRecordRules.ResponsibleWorkerAt"/>):
/// what the responsible-worker rule needs. <paramref name="ReassignedByManager"/>: a manager gave this
/// draft to the allocated worker to finish.
/// </summary>
public sealed record CaseRecordContext(Guid RecordedBy, Guid ResponsibleWorkerId, bool RecorderIsManager, bool ReassignedByManager = false);

/// <summary>Someone present (or the child) recorded on the register as needing an interpreter (policy 3.2 guidance).</summary>
public sealed record InterpreterNeed(string Name, string? Language);

/// <summary>
/// What finalising checks beyond the record's own fields: who present needs an interpreter, and
/// which other children on the register the text names (policy 4.4) and whether the worker confirmed.
/// </summary>
public sealed record FinalisingFacts(IReadOnlyList<InterpreterNeed> NeedingInterpreter, IReadOnlyList<string> OtherChildrenNamed, bool ConfirmOtherChildren);

/// <summary>One change of a record's event date and time, kept so the record shows how its date moved (policy 3.8).</summary>
public sealed class CaseRecordEventDateChange
{
    private CaseRecordEventDateChange() { }

    internal CaseRecordEventDateChange(Guid id, Guid caseRecordId, DateTimeOffset from, DateTimeOffset to, Guid changedBy, DateTimeOffset changedAt)
    {
        Id = id;
        CaseRecordId = caseRecordId;
        From = from;
        To = to;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseRecordId { get; private set; }
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset To { get; private set; }
    public Guid ChangedBy { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
}

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
