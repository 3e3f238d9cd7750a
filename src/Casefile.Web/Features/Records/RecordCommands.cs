using Casefile.Domain.Records;

namespace Casefile.Web.Features.Records;

/// <summary>Someone present at the event: <c>personId</c> when they are on the register, otherwise a name and role.</summary>
public sealed record PresentPersonInput(Guid? PersonId, string? Name, string? Role);

/// <summary>
/// What a worker writes about a contact or event; the form and the API send the same. A draft
/// needs only the kind of event and when it happened; the rest is needed to finalise.
/// </summary>
public sealed record RecordCommand
{
    public CaseRecordType? Type { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }
    public bool? ChildProtectionEnquiry { get; init; }
    public string? Purpose { get; init; }
    public string? Outcome { get; init; }
    public string? Narrative { get; init; }
    public string? Seen { get; init; }
    public string? SpokenTo { get; init; }
    public IReadOnlyList<PresentPersonInput>? Present { get; init; }
    public bool? ChildSeen { get; init; }
    public bool? ChildSeenAlone { get; init; }
    public string? ChildViews { get; init; }
    public string? FamilyViews { get; init; }
    public InterpreterUse? Interpreter { get; init; }
    public string? InterpreterDispensedReason { get; init; }
    public string? ReferralAgency { get; init; }
    public string? ReferralPurpose { get; init; }
    public bool? VideoRecorded { get; init; }
    public string? DocumentReferences { get; init; }
    public bool? HandwrittenNotesDestroyed { get; init; }
    public bool? Significant { get; init; }

    /// <summary>Documents on the same case that this record refers to (issue 6); one on another case is refused.</summary>
    public IReadOnlyList<Guid>? LinkedDocuments { get; init; }

    /// <summary>The worker has seen the record that looks like the same event and says this one is different (policy 3.8).</summary>
    public bool ConfirmedNotDuplicate { get; init; }

    /// <summary>The version the worker was editing; a save over someone else's change is refused (409).</summary>
    public Guid? Version { get; init; }
}

/// <summary><paramref name="ConfirmOtherChildren"/>: the worker has seen the other children the record names and says it belongs on this file (policy 4.4).</summary>
public sealed record FinaliseCommand(Guid? Version, bool ConfirmOtherChildren = false);

/// <summary>Discard a draft (its author) or give it to the allocated worker (a manager of the case), with the reason.</summary>
public sealed record DraftDecisionCommand(string? Reason, Guid? Version = null);

public sealed record AddendumCommand(string? Text);

public sealed record MoveRecordCommand(string? ToCaseReference, string? Reason);

public sealed record DecideMoveCommand(bool? Approve, string? Note);

public sealed record SavedRecord(Guid Id, Guid CaseId, CaseRecordStatus Status, DateOnly RecordBy, Guid Version);

public sealed record FinalisedRecord(Guid Id, Guid CaseId, DateTimeOffset FinalisedAt, DateOnly RecordBy, bool Late, int WorkingDaysLate);

/// <summary>The record already on file that looks like the same event, shown to the worker before a second is kept.</summary>
public sealed record ExistingRecordSummary(Guid Id, CaseRecordType Type, DateTimeOffset OccurredAt, string RecordedBy, CaseRecordStatus Status, string? Purpose);

/// <summary>Another record of the same kind about the same child at about the same time is already on file (policy 3.8).</summary>
public sealed class PossibleDuplicateRecordException(ExistingRecordSummary existing)
    : Exception($"{existing.RecordedBy} has already recorded a {CaseRecordTypeNames.Of(existing.Type).ToLowerInvariant()} at about the same time. A visit with more than one professional is recorded once (policy 3.8). Check the record on file; if this is a different event, confirm and save again.")
{
    public ExistingRecordSummary Existing { get; } = existing;
}
