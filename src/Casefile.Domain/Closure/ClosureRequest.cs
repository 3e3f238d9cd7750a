using Casefile.Domain.Cases;
using Casefile.Domain.Common;
using Casefile.Domain.Staff;

namespace Casefile.Domain.Closure;

public enum ClosureRequestStatus { Submitted, Returned, Authorised, Withdrawn, EndedByTransfer }

public enum LetterRecipientKind { ParentOrCarer, Professional }

/// <summary>Someone the worker asks the admin officer to send a closure letter to (policy 6.4).</summary>
public sealed record LetterRecipient(LetterRecipientKind Kind, string Name, string? Address, Guid? PersonId = null)
{
    public const int MaxAddressLines = 7;
    public const int MaxLineLength = 200;

    /// <summary>The address as the lines of an envelope window: one per line typed, blanks dropped.</summary>
    public static IReadOnlyList<string> AddressLines(string? address) =>
        (address ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}

/// <summary>
/// Who is deciding a request: their roles, and whether they are the requester's line manager or a
/// manager above them in the line (policy 6.5: closure is agreed with your line manager).
/// </summary>
public sealed record Decider(Guid UserId, IReadOnlySet<string> Roles, bool ManagesRequester)
{
    public bool HasRole(string role) => Roles.Contains(role);
}

/// <summary>
/// A request to close a case: the worker's closing summary, their checklist and who should get a
/// closure letter, presented to the principal or practice manager (policy 6.3). The case closes only
/// when a manager in the worker's line authorises it and the record is complete (6.5, 6.6).
/// </summary>
public sealed class ClosureRequest
{
    public const int MaxRecipients = 20;
    public const int ReasonLength = 4000;

    private ClosureRequest() { }

    private ClosureRequest(Guid id, Guid caseFileId, int volume, Guid requestedBy, DateTimeOffset now)
    {
        Id = id;
        CaseFileId = caseFileId;
        Volume = volume;
        RequestedBy = requestedBy;
        RequestedAt = now;
    }

    /// <summary>The DfE reason for closure (RC1 to RC9) the worker gives, recorded on the case when it closes.</summary>
    public string? ReasonForClosure { get; private set; }

    /// <summary>Records the DfE reason for closure; null leaves it as it is.</summary>
    public void SetReasonForClosure(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return;
        ReasonForClosure = Journey.DfeCodes.ReasonForClosure.Require(code, "reasonForClosure", badRequest: true);
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public int Volume { get; private set; }
    public Guid RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public ClosingSummary Summary { get; private set; } = null!;
    public IReadOnlyList<ChecklistEntry> Checklist { get; private set; } = [];
    public IReadOnlyList<LetterRecipient> LetterRecipients { get; private set; } = [];
    public ClosureRequestStatus Status { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? ReturnReason { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsOpen => Status is ClosureRequestStatus.Submitted or ClosureRequestStatus.Returned;

    /// <summary>
    /// Starts a request. It may go to the manager with items still outstanding (the manager may be
    /// the one to say what is needed); it cannot be authorised until they are done.
    /// </summary>
    public static ClosureRequest Submit(Guid id, CaseFile file, ClosingSummary summary, IEnumerable<ChecklistEntry>? checklist,
        IEnumerable<LetterRecipient>? recipients, Guid requestedBy, bool careLeaverWithAdultServices, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Status == CaseStatus.Closed)
            throw new StateConflictException("case-closed", "This case is already closed");
        EnsureNotCareLeaverWithAdultServices(careLeaverWithAdultServices);
        var request = new ClosureRequest(id, file.Id, file.CurrentVolume, requestedBy, now);
        request.Fill(summary, checklist, recipients);
        return request;
    }

    /// <summary>The worker changes the request (after it came back, or before the manager looks): it goes to the manager again.</summary>
    public void Revise(ClosingSummary summary, IEnumerable<ChecklistEntry>? checklist, IEnumerable<LetterRecipient>? recipients, Guid by, bool careLeaverWithAdultServices)
    {
        EnsureOpen();
        if (by != RequestedBy)
            throw new RuleViolationException("not-requester", "Only the worker who asked for closure can change the request");
        EnsureNotCareLeaverWithAdultServices(careLeaverWithAdultServices);
        Fill(summary, checklist, recipients);
        Status = ClosureRequestStatus.Submitted;
        ReturnReason = null;
        Touch();
    }

    /// <summary>The manager sends it back with what needs doing.</summary>
    public void Return(string? reason, Decider by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status != ClosureRequestStatus.Submitted)
            throw new StateConflictException("not-awaiting-decision", DescribeNotAwaiting());
        EnsureMayDecide(by);
        ReturnReason = Guard.Required(reason, "reason", "what needs to change before the case can close", ReasonLength);
        Status = ClosureRequestStatus.Returned;
        DecidedBy = by.UserId;
        DecidedAt = now;
        Touch();
    }

    /// <summary>
    /// The manager authorises closure (policy 6.3, 6.6). Refused with everything still missing when
    /// the record is not complete; the caller then closes the case file.
    /// </summary>
    public IReadOnlyList<ChecklistResult> Authorise(Decider by, CaseCompleteness record, bool careLeaverWithAdultServices, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status != ClosureRequestStatus.Submitted)
            throw new StateConflictException("not-awaiting-decision", DescribeNotAwaiting());
        EnsureMayDecide(by);
        EnsureNotCareLeaverWithAdultServices(careLeaverWithAdultServices);
        var results = ClosureChecklist.Evaluate(Checklist, record);
        var missing = results.Where(r => r.IsOutstanding).ToList();
        if (missing.Count > 0) throw new RecordIncompleteException(missing);
        Status = ClosureRequestStatus.Authorised;
        DecidedBy = by.UserId;
        DecidedAt = now;
        ReturnReason = null;
        Touch();
        return results;
    }

    /// <summary>The worker takes the request back (the family's situation changed).</summary>
    public void Withdraw(Guid by, DateTimeOffset now)
    {
        EnsureOpen();
        if (by != RequestedBy)
            throw new RuleViolationException("not-requester", "Only the worker who asked for closure can withdraw the request");
        Status = ClosureRequestStatus.Withdrawn;
        DecidedAt = now;
        Touch();
    }

    /// <summary>
    /// Policy 3.12, 6.3 and 6.5: a transfer that is accepted ends any open request to close the case.
    /// The request was the previous worker's, agreed with their line manager; the new worker asks
    /// afresh, with their own summary, to their own line.
    /// </summary>
    public void EndByTransfer(Guid transferId, DateTimeOffset now)
    {
        EnsureOpen();
        if (transferId == Guid.Empty) throw new ArgumentException("The transfer that ends the request", nameof(transferId));
        Status = ClosureRequestStatus.EndedByTransfer;
        DecidedAt = now;
        Touch();
    }

    /// <summary>
    /// Policy 6.3 and 6.5: a principal or practice manager (or a divisional manager above them) in the
    /// worker's own line; never the person who asked, even when that person is a manager.
    /// </summary>
    private void EnsureMayDecide(Decider by)
    {
        if (by.UserId == RequestedBy)
            throw new RuleViolationException("own-request", "You cannot decide your own request to close a case. Another manager in your line must.");
        if (!by.Roles.Any(StaffRole.IsManager))
            throw new RuleViolationException("not-a-manager", "Only a practice, principal or divisional manager can decide a request to close a case");
        if (!by.ManagesRequester)
            throw new RuleViolationException("not-line-manager",
                "Only the worker's line manager, or a manager above them, can decide this request (policy 6.5)");
    }

    private static void EnsureNotCareLeaverWithAdultServices(bool careLeaverWithAdultServices)
    {
        if (careLeaverWithAdultServices)
            throw new RuleViolationException("care-leaver-stays-open",
                "This young person is a care leaver who also gets adult services, so their file stays open (policy 3.12 guidance)");
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
            throw new StateConflictException("request-decided", DescribeNotAwaiting());
    }

    private string DescribeNotAwaiting() => Status switch
    {
        ClosureRequestStatus.Authorised => "This request has already been authorised",
        ClosureRequestStatus.Returned => "This request was returned to the worker; it comes back once they change it",
        ClosureRequestStatus.Withdrawn => "This request was withdrawn",
        ClosureRequestStatus.EndedByTransfer => "This request ended when the case was transferred",
        _ => "This request is waiting for a manager",
    };

    private void Fill(ClosingSummary summary, IEnumerable<ChecklistEntry>? checklist, IEnumerable<LetterRecipient>? recipients)
    {
        Summary = summary ?? throw new ArgumentNullException(nameof(summary));
        Checklist = ClosureChecklist.Normalise(checklist);
        var list = (recipients ?? []).Select((r, i) => new LetterRecipient(r.Kind,
            Guard.Required(r.Name, $"letterRecipients[{i}].name", "the name of the person to write to", 200),
            Guard.Optional(r.Address, $"letterRecipients[{i}].address", "the address", 1000), r.PersonId)).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var lines = LetterRecipient.AddressLines(list[i].Address);
            if (lines.Count > LetterRecipient.MaxAddressLines || lines.Any(l => l.Length > LetterRecipient.MaxLineLength))
                throw new RuleViolationException("address-too-long",
                    $"An address can have up to {LetterRecipient.MaxAddressLines} lines of up to {LetterRecipient.MaxLineLength} characters", $"letterRecipients[{i}].address");
        }
        if (list.Count > MaxRecipients)
            throw new RuleViolationException("too-many-recipients", $"Choose up to {MaxRecipients} people to write to", "letterRecipients");
        LetterRecipients = list;
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>Closure was refused because the record is not complete; <see cref="Missing"/> says what is needed.</summary>
public sealed class RecordIncompleteException(IReadOnlyList<ChecklistResult> missing)
    : RuleViolationException("record-incomplete",
        "The case cannot close until the record is complete: " + string.Join("; ", missing.Select(m => m.Detail is null ? m.Item.Text : $"{m.Item.Text} ({m.Detail})")))
{
    public IReadOnlyList<ChecklistResult> Missing { get; } = missing;
}
