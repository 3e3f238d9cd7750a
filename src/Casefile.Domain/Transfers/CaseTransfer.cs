using Casefile.Domain.Cases;
using Casefile.Domain.Common;
using Casefile.Domain.Staff;

namespace Casefile.Domain.Transfers;

public enum TransferStatus { Proposed, Accepted, Returned, Withdrawn }

/// <summary>
/// The transfer summary a worker writes when a case moves to another worker or team (policy 3.12):
/// why Children's Social Care is involved, the assessment, the plan and the actions taken.
/// </summary>
public sealed record TransferSummary
{
    public const int FieldLength = 10_000;

    private TransferSummary(string reasonForInvolvement, string assessment, string plan, string actionsUndertaken)
    {
        ReasonForInvolvement = reasonForInvolvement;
        Assessment = assessment;
        Plan = plan;
        ActionsUndertaken = actionsUndertaken;
    }

    public string ReasonForInvolvement { get; }
    public string Assessment { get; }
    public string Plan { get; }
    public string ActionsUndertaken { get; }

    public static TransferSummary Create(string? reasonForInvolvement, string? assessment, string? plan, string? actionsUndertaken)
    {
        var errors = new List<RuleViolationException>();
        var reason = Collect(errors, () => Guard.Required(reasonForInvolvement, "reasonForInvolvement", "the reason for involvement", FieldLength));
        var a = Collect(errors, () => Guard.Required(assessment, "assessment", "the assessment", FieldLength));
        var p = Collect(errors, () => Guard.Required(plan, "plan", "the plan", FieldLength));
        var actions = Collect(errors, () => Guard.Required(actionsUndertaken, "actionsUndertaken", "the actions taken", FieldLength));
        if (errors.Count > 0) throw new RuleViolationsException(errors);
        return new TransferSummary(reason!, a!, p!, actions!);
    }

    private static string? Collect(List<RuleViolationException> errors, Func<string> read)
    {
        try { return read(); }
        catch (RuleViolationException e) { errors.Add(e); return null; }
    }
}

/// <summary>Who is deciding a transfer, and whether they manage the team it goes to.</summary>
public sealed record ReceivingManager(Guid UserId, IReadOnlySet<string> Roles, bool ManagesReceivingTeam);

/// <summary>
/// Moving a case to another worker or team (policy 3.12). The worker proposes it with a transfer
/// summary; a manager of the receiving team accepts it (choosing the worker if the proposal did
/// not) or returns it with a reason. Acceptance reallocates the case; the caller writes it on the
/// case record.
/// </summary>
public sealed class CaseTransfer
{
    public const int ReasonLength = 4000;

    private CaseTransfer() { }

    public CaseTransfer(Guid id, CaseFile file, Guid toTeamId, Guid? toWorkerId, TransferSummary summary, Guid requestedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Status == CaseStatus.Closed)
            throw new RuleViolationException("case-closed", "A closed case cannot be transferred. Accept a new referral to reopen it.");
        if (toTeamId == file.TeamId && (toWorkerId is null || toWorkerId == file.AllocatedWorkerId))
            throw new RuleViolationException("transfer-to-same", "Choose a different worker or team to transfer the case to", "toWorkerId");
        Id = id;
        CaseFileId = file.Id;
        FromTeamId = file.TeamId;
        FromWorkerId = file.AllocatedWorkerId;
        ToTeamId = toTeamId;
        ToWorkerId = toWorkerId;
        Summary = summary ?? throw new ArgumentNullException(nameof(summary));
        RequestedBy = requestedBy;
        RequestedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public Guid FromTeamId { get; private set; }
    public Guid FromWorkerId { get; private set; }
    public Guid ToTeamId { get; private set; }
    public Guid? ToWorkerId { get; private set; }
    public TransferSummary Summary { get; private set; } = null!;
    public Guid RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public TransferStatus Status { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? ReturnReason { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsOpen => Status == TransferStatus.Proposed;

    /// <summary>
    /// The receiving manager accepts: the case is reallocated to the worker they choose (or the one
    /// proposed). The file must not have moved since the proposal.
    /// </summary>
    public void Accept(CaseFile file, ReceivingManager by, Guid? workerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(by);
        EnsureProposed();
        EnsureMayDecide(by);
        if (file.Id != CaseFileId) throw new InvalidOperationException("The transfer is for another case file.");
        if (file.TeamId != FromTeamId || file.AllocatedWorkerId != FromWorkerId)
            throw new StateConflictException("case-moved", "The case was reallocated after this transfer was proposed. Ask the worker to propose it again.");
        var worker = workerId ?? ToWorkerId
            ?? throw new RuleViolationException("required", "Choose the worker who will take the case", "workerId");
        file.Reallocate(ToTeamId, worker, by.UserId, now, $"Transfer accepted: {Summary.ReasonForInvolvement}".Truncate(1000));
        ToWorkerId = worker;
        Status = TransferStatus.Accepted;
        DecidedBy = by.UserId;
        DecidedAt = now;
        Touch();
    }

    public void Return(string? reason, ReceivingManager by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureProposed();
        EnsureMayDecide(by);
        ReturnReason = Guard.Required(reason, "reason", "why the transfer is not accepted", ReasonLength);
        Status = TransferStatus.Returned;
        DecidedBy = by.UserId;
        DecidedAt = now;
        Touch();
    }

    public void Withdraw(Guid by, DateTimeOffset now)
    {
        EnsureProposed();
        if (by != RequestedBy)
            throw new RuleViolationException("not-requester", "Only the worker who proposed the transfer can withdraw it");
        Status = TransferStatus.Withdrawn;
        DecidedAt = now;
        Touch();
    }

    private void EnsureMayDecide(ReceivingManager by)
    {
        if (by.UserId == RequestedBy)
            throw new RuleViolationException("own-request", "You cannot accept a transfer you proposed. A manager of the receiving team must.");
        if (!by.Roles.Any(StaffRole.IsManager) || !by.ManagesReceivingTeam)
            throw new RuleViolationException("not-receiving-manager", "Only a manager of the team receiving the case can accept or return the transfer");
    }

    private void EnsureProposed()
    {
        if (Status != TransferStatus.Proposed)
            throw new StateConflictException("transfer-decided", Status switch
            {
                TransferStatus.Accepted => "This transfer has already been accepted",
                TransferStatus.Returned => "This transfer was returned",
                _ => "This transfer was withdrawn",
            });
    }

    private void Touch() => Version = Guid.NewGuid();
}

internal static class StringExtensions
{
    public static string Truncate(this string s, int length) => s.Length <= length ? s : s[..length];
}
