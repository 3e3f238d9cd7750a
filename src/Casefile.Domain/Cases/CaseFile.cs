using Casefile.Domain.Common;

namespace Casefile.Domain.Cases;

public enum CaseStatus { Open, Closed }

/// <summary>
/// A child's electronic case file (policy 5.1, 5.2). One per child; each period of involvement
/// is a volume (policy 2.1, 2.2). Every change of team or allocated worker is kept.
/// </summary>
public sealed class CaseFile
{
    private readonly List<CaseAllocation> _allocations = [];
    private readonly List<CaseVolume> _volumes = [];

    private CaseFile() { }

    internal CaseFile(Guid id, string reference, Guid childId, Guid teamId, Guid workerId, DateOnly openedOn, Guid by, DateTimeOffset at)
    {
        Id = id;
        Reference = reference;
        ChildId = childId;
        Status = CaseStatus.Open;
        OpenedOn = openedOn;
        _volumes.Add(new CaseVolume(Id, 1, openedOn));
        Allocate(teamId, workerId, by, at, "Referral accepted");
    }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public Guid ChildId { get; private set; }
    public CaseStatus Status { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public Guid TeamId { get; private set; }
    public Guid AllocatedWorkerId { get; private set; }
    public int CurrentVolume { get; private set; } = 1;

    /// <summary>Restricted: only the people named on it may find or open it (see <c>CaseRestriction</c>).</summary>
    public bool IsRestricted { get; private set; }

    /// <summary>Concurrency token: changed on every update so a stale edit is refused (409).</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<CaseAllocation> Allocations => _allocations;
    public IReadOnlyList<CaseVolume> Volumes => _volumes;

    public void Reallocate(Guid teamId, Guid workerId, Guid by, DateTimeOffset at, string? reason)
    {
        if (Status == CaseStatus.Closed)
            throw new RuleViolationException("case-closed", "A closed case cannot be reallocated. Accept a new referral to reopen it.");
        if (teamId == TeamId && workerId == AllocatedWorkerId)
            throw new StateConflictException("already-allocated", "The case is already allocated to this worker in this team");
        Allocate(teamId, workerId, by, at, Guard.Required(reason, "reason", "the reason for the change", 1000));
    }

    /// <summary>
    /// A manager's reallocation (policy 3.12): only to another worker in the same team. A move to
    /// another team goes through a transfer, because the receiving team needs the transfer summary.
    /// </summary>
    public void ReallocateWithinTeam(Guid teamId, Guid workerId, Guid by, DateTimeOffset at, string? reason)
    {
        if (teamId != TeamId)
            throw new ProcessRequiredException("transfer-required",
                "A case moves to another team by a transfer, with its transfer summary (policy 3.12). Propose a transfer instead.", "team", "transfer");
        Reallocate(teamId, workerId, by, at, reason);
    }

    /// <summary>
    /// Records that the case was closed. Policy 6.6: only after a manager authorised closure —
    /// the closure workflow is the only caller outside demo data.
    /// </summary>
    /// <summary>The DfE reason for closure (RC1 to RC9) of the latest closure, where recorded.</summary>
    public string? ReasonForClosure { get; private set; }

    public void RecordClosure(DateOnly closedOn, string? reasonForClosure = null)
    {
        if (Status == CaseStatus.Closed)
            throw new StateConflictException("case-already-closed", "This case is already closed");
        if (closedOn < OpenedOn)
            throw new RuleViolationException("closed-before-opened", "A case cannot close before it opened", "closedOn");
        Status = CaseStatus.Closed;
        ClosedOn = closedOn;
        ReasonForClosure = reasonForClosure;
        _volumes.Single(v => v.Number == CurrentVolume).Close(closedOn);
        Touch();
    }

    internal void Reopen(Guid teamId, Guid workerId, DateOnly today, Guid by, DateTimeOffset at)
    {
        CurrentVolume++;
        _volumes.Add(new CaseVolume(Id, CurrentVolume, today));
        Status = CaseStatus.Open;
        OpenedOn = today;
        ClosedOn = null;
        Allocate(teamId, workerId, by, at, $"Reopened as volume {CurrentVolume} after a new referral");
    }

    private void Allocate(Guid teamId, Guid workerId, Guid by, DateTimeOffset at, string reason)
    {
        TeamId = teamId;
        AllocatedWorkerId = workerId;
        _allocations.Add(new CaseAllocation(Guid.NewGuid(), Id, teamId, workerId, at, by, reason));
        Touch();
    }

    /// <summary>
    /// A care leaver who also gets adult services keeps an open file (policy 3.12 guidance): closure
    /// is refused while this is set.
    /// </summary>
    public bool CareLeaverWithAdultServices { get; private set; }

    public void RecordCareLeaverWithAdultServices(bool value)
    {
        CareLeaverWithAdultServices = value;
        Touch();
    }

    public void MarkRestricted(bool restricted)
    {
        IsRestricted = restricted;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>One allocation of the case to a team and worker, kept forever.</summary>
public sealed class CaseAllocation
{
    private CaseAllocation() { }

    internal CaseAllocation(Guid id, Guid caseFileId, Guid teamId, Guid workerId, DateTimeOffset from, Guid changedBy, string reason)
    {
        Id = id;
        CaseFileId = caseFileId;
        TeamId = teamId;
        WorkerId = workerId;
        From = from;
        ChangedBy = changedBy;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public Guid TeamId { get; private set; }
    public Guid WorkerId { get; private set; }
    public DateTimeOffset From { get; private set; }
    public Guid ChangedBy { get; private set; }
    public string Reason { get; private set; } = "";
}

/// <summary>A period of involvement: policy 2.1's volumes, one per opening of the file.</summary>
public sealed class CaseVolume
{
    private CaseVolume() { }

    internal CaseVolume(Guid caseFileId, int number, DateOnly openedOn)
    {
        CaseFileId = caseFileId;
        Number = number;
        OpenedOn = openedOn;
    }

    public Guid CaseFileId { get; private set; }
    public int Number { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    internal void Close(DateOnly on) => ClosedOn = on;
}
