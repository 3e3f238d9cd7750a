using Casefile.Domain.Access;
using Casefile.Domain.Common;

namespace Casefile.Domain.Retention;

public enum LegalHoldKind { Litigation, Inquiry, AccessRequest }

/// <summary>
/// A legal hold: litigation, an inquiry or an access request in progress. While any hold on a file is
/// not lifted, the file is not destroyed, whatever its retention date.
/// </summary>
public sealed class LegalHold
{
    public const int ReasonLength = 1000;

    private LegalHold() { }

    public LegalHold(Guid id, Guid caseFileId, LegalHoldKind kind, string? reason, Guid placedBy, DateTimeOffset placedAt)
    {
        Id = id;
        CaseFileId = caseFileId;
        Kind = kind;
        Reason = Guard.Required(reason, "reason", "why the file is held, for example the claim or inquiry", ReasonLength);
        PlacedBy = placedBy;
        PlacedAt = placedAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public LegalHoldKind Kind { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid PlacedBy { get; private set; }
    public DateTimeOffset PlacedAt { get; private set; }
    public Guid? LiftedBy { get; private set; }
    public DateTimeOffset? LiftedAt { get; private set; }
    public string? LiftReason { get; private set; }

    public bool IsActive => LiftedAt is null;

    public void Lift(Guid by, string? reason, DateTimeOffset at)
    {
        if (!IsActive) throw new StateConflictException("hold-already-lifted", "This hold was already lifted");
        LiftReason = Guard.Required(reason, "reason", "why the hold can be lifted", ReasonLength);
        LiftedBy = by;
        LiftedAt = at;
    }

    public static string Describe(LegalHoldKind kind) => kind switch
    {
        LegalHoldKind.Litigation => "Litigation",
        LegalHoldKind.Inquiry => "Inquiry",
        LegalHoldKind.AccessRequest => "Access request in progress",
        _ => kind.ToString(),
    };
}

public enum DisposalReviewKind { Disposal, Review }

public enum DisposalReviewStatus { Due, Kept, DestructionProposed, Destroyed, NoLongerDue }

/// <summary>
/// One file on the records managers' list: due for disposal (its retention date has come) or for
/// review (a review date, such as the youngest child in the family turning 18). A records manager
/// keeps it (with a reason and the next review date) or proposes destruction; a second, different
/// records manager confirms. A legal hold stops both.
/// </summary>
public sealed class DisposalReview
{
    public const int TextLength = 2000;

    private DisposalReview() { }

    public DisposalReview(Guid id, Guid caseFileId, DisposalReviewKind kind, DateOnly dueOn, string ruleId, string reason, DateTimeOffset foundAt)
    {
        Id = id;
        CaseFileId = caseFileId;
        Kind = kind;
        DueOn = dueOn;
        RuleId = ruleId;
        Reason = reason.Length > TextLength ? reason[..TextLength] : reason;
        FoundAt = foundAt;
        Status = DisposalReviewStatus.Due;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public DisposalReviewKind Kind { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string RuleId { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateTimeOffset FoundAt { get; private set; }
    public DisposalReviewStatus Status { get; private set; }
    public string? KeepReason { get; private set; }
    public DateOnly? NextReviewOn { get; private set; }
    public Guid? KeptBy { get; private set; }
    public DateTimeOffset? KeptAt { get; private set; }
    public string? ProposalReason { get; private set; }
    public Guid? ProposedBy { get; private set; }
    public DateTimeOffset? ProposedAt { get; private set; }
    public Guid? ConfirmedBy { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsOpen => Status is DisposalReviewStatus.Due or DisposalReviewStatus.DestructionProposed;

    /// <summary>Keep the file for now, with the reason and the date to look at it again.</summary>
    public void Keep(Guid by, string? reason, DateOnly? nextReviewOn, DateTimeOffset at, DateOnly today)
    {
        EnsureOpen();
        var errors = new List<RuleViolationException>();
        string? text = null;
        try { text = Guard.Required(reason, "reason", "why the file is kept", TextLength); }
        catch (RuleViolationException e) { errors.Add(e); }
        if (nextReviewOn is null) errors.Add(new("required", "Enter the date to review the file again", "nextReviewOn"));
        else if (nextReviewOn <= today) errors.Add(new("review-date-not-future", "The next review must be after today", "nextReviewOn"));
        if (errors.Count == 1) throw errors[0];
        if (errors.Count > 1) throw new RuleViolationsException(errors);
        Status = DisposalReviewStatus.Kept;
        KeepReason = text;
        NextReviewOn = nextReviewOn;
        KeptBy = by;
        KeptAt = at;
        Touch();
    }

    /// <summary>Propose that the file is destroyed: a second records manager must confirm.</summary>
    public void ProposeDestruction(Guid by, string? reason, bool held, DateTimeOffset at)
    {
        EnsureOpen();
        if (Status == DisposalReviewStatus.DestructionProposed)
            throw new StateConflictException("destruction-already-proposed", "Destruction of this file was already proposed: a second records manager confirms it");
        if (held) throw new RuleViolationException("legal-hold", "The file is under a legal hold: it cannot be destroyed until the hold is lifted");
        ProposalReason = Guard.Required(reason, "reason", "why the file can be destroyed", TextLength);
        ProposedBy = by;
        ProposedAt = at;
        Status = DisposalReviewStatus.DestructionProposed;
        Touch();
    }

    /// <summary>
    /// A second, different records manager confirms; only then is the file destroyed. <paramref name="file"/>
    /// is the case as it stands for them: a restricted file needs them to be named on it
    /// (<see cref="RestrictedFileDisposal.EnsureNamedPersonConfirms"/>).
    /// </summary>
    public void ConfirmDestruction(Guid by, bool held, CaseFacts file, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.CaseId != CaseFileId) throw new ArgumentException("The facts are of another case", nameof(file));
        if (Status != DisposalReviewStatus.DestructionProposed)
            throw new RuleViolationException("destruction-not-proposed", "Destruction has to be proposed by one records manager before another confirms it");
        if (ProposedBy == by)
            throw new RuleViolationException("second-records-manager-needed", "You proposed this destruction: a different records manager must confirm it");
        RestrictedFileDisposal.EnsureNamedPersonConfirms(file);
        if (held) throw new RuleViolationException("legal-hold", "The file is under a legal hold: it cannot be destroyed until the hold is lifted");
        ConfirmedBy = by;
        ConfirmedAt = at;
        Status = DisposalReviewStatus.Destroyed;
        Touch();
    }

    /// <summary>
    /// The sweep found the file due but restricted: it is listed as needing review by someone named on
    /// the case, not under the rule it was listed under before (it was restricted since, or listed before
    /// the sweep knew better). A proposal waiting for confirmation stays: only a named records manager confirms it.
    /// </summary>
    public void ListForNamedReview(string reason)
    {
        if (!IsOpen || RuleId == RestrictedFileDisposal.NeedsNamedReview) return;
        RuleId = RestrictedFileDisposal.NeedsNamedReview;
        Reason = reason.Length > TextLength ? reason[..TextLength] : reason;
        Touch();
    }

    /// <summary>The sweep found the file is no longer due (it was reopened, or the schedule or its categories changed).</summary>
    public void NoLongerDue()
    {
        if (!IsOpen) return;
        Status = DisposalReviewStatus.NoLongerDue;
        Touch();
    }

    private void EnsureOpen()
    {
        if (!IsOpen) throw new StateConflictException("review-not-open", "This file is no longer waiting for a decision");
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>
/// What is left of a destroyed file: its reference, categories, dates, the rule applied, who proposed
/// and who confirmed destruction and when. No name, no date of birth, no content.
/// </summary>
public sealed class DestructionTombstone
{
    private DestructionTombstone() { }

    public DestructionTombstone(Guid id, Guid caseFileId, string caseReference, string categories, DateOnly openedOn, DateOnly? closedOn,
        DateOnly? retentionDate, string ruleId, string ruleApplied, int scheduleVersion, Guid proposedBy, string proposedByName, DateTimeOffset proposedAt,
        Guid confirmedBy, string confirmedByName, DateTimeOffset confirmedAt, int recordsRemoved, int documentsRemoved, int emailsRemoved)
    {
        Id = id;
        CaseFileId = caseFileId;
        CaseReference = caseReference;
        Categories = categories;
        OpenedOn = openedOn;
        ClosedOn = closedOn;
        RetentionDate = retentionDate;
        RuleId = ruleId;
        RuleApplied = ruleApplied;
        ScheduleVersion = scheduleVersion;
        ProposedBy = proposedBy;
        ProposedByName = proposedByName;
        ProposedAt = proposedAt;
        ConfirmedBy = confirmedBy;
        ConfirmedByName = confirmedByName;
        ConfirmedAt = confirmedAt;
        RecordsRemoved = recordsRemoved;
        DocumentsRemoved = documentsRemoved;
        EmailsRemoved = emailsRemoved;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public string CaseReference { get; private set; } = "";
    public string Categories { get; private set; } = "";
    public DateOnly OpenedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public DateOnly? RetentionDate { get; private set; }
    public string RuleId { get; private set; } = "";
    public string RuleApplied { get; private set; } = "";
    public int ScheduleVersion { get; private set; }
    public Guid ProposedBy { get; private set; }
    public string ProposedByName { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    public Guid ConfirmedBy { get; private set; }
    public string ConfirmedByName { get; private set; } = "";
    public DateTimeOffset ConfirmedAt { get; private set; }
    public int RecordsRemoved { get; private set; }
    public int DocumentsRemoved { get; private set; }
    public int EmailsRemoved { get; private set; }
    public int ContentItemsRemoved { get; private set; }

    /// <summary>Set after the commit, once the stored content no other document uses is gone.</summary>
    public void RecordContentRemoved(int count) => ContentItemsRemoved = count;
}

/// <summary>One version of the retention schedule as the council set it: the file, who, when and why. Versions are never changed.</summary>
public sealed class RetentionScheduleVersion
{
    private RetentionScheduleVersion() { }

    public RetentionScheduleVersion(int version, string json, Guid? changedById, string changedBy, DateTimeOffset changedAt, string reason)
    {
        Version = version;
        Json = json;
        ChangedById = changedById;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
        Reason = reason;
    }

    public int Version { get; private set; }
    public string Json { get; private set; } = "";
    public Guid? ChangedById { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
    public string Reason { get; private set; } = "";
}
