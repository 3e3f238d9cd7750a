using Casefile.Domain.Cases;
using Casefile.Domain.Common;

namespace Casefile.Domain.Referrals;

public enum ReferralDecision { Awaiting, Accepted, NoFurtherAction }

/// <summary>
/// A referral received about a child. It is decided once: accepted, which opens (or reopens)
/// the child's electronic case file (policy 5.2), or no further action with a reason.
/// </summary>
public sealed class Referral
{
    private Referral() { }

    public Referral(Guid id, Guid childId, DateTimeOffset receivedAt, string? referrerName, string? referrerAgency,
        string? reason, Guid recordedBy, DateTimeOffset now)
    {
        if (receivedAt > now.AddMinutes(5))
            throw new RuleViolationException("received-in-future", "The date and time received must be in the past", "receivedAt");
        Id = id;
        ChildId = childId;
        ReceivedAt = receivedAt;
        ReferrerName = Guard.Required(referrerName, "referrerName", "who made the referral", 200);
        ReferrerAgency = Guard.Optional(referrerAgency, "referrerAgency", "the referrer's agency", 200);
        Reason = Guard.Required(reason, "reason", "the reason for the referral", 10_000);
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string ReferrerName { get; private set; } = "";
    public string? ReferrerAgency { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public ReferralDecision Decision { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public string? NoFurtherActionReason { get; private set; }
    public Guid? CaseFileId { get; private set; }

    /// <summary>The DfE referral source (1A to 10, CIN census), where recorded.</summary>
    public string? Source { get; private set; }

    /// <summary>The DfE primary need (N0 to N9), which may be set once the child's needs are known.</summary>
    public string? PrimaryNeed { get; private set; }

    /// <summary>Records the DfE source and primary need; what is not given stays as it was.</summary>
    public void Classify(string? source, string? primaryNeed)
    {
        var s = string.IsNullOrWhiteSpace(source) ? Source : Journey.DfeCodes.ReferralSource.Require(source, "source", badRequest: true);
        var n = string.IsNullOrWhiteSpace(primaryNeed) ? PrimaryNeed : Journey.DfeCodes.PrimaryNeed.Require(primaryNeed, "primaryNeed", badRequest: true);
        Source = s;
        PrimaryNeed = n;
    }

    /// <summary>
    /// Accepts the referral into the child's case file. <paramref name="existing"/> is the child's
    /// file if they already have one: an open file takes the referral as it is; a closed file is
    /// reopened as a new volume (policy 2.1) with the allocation given. Without one, a new file is
    /// opened. Policy 5.1: one electronic record per child.
    /// </summary>
    public CaseFile Accept(CaseFile? existing, NewCaseFile opening, Guid decidedBy, DateTimeOffset now, DateOnly today)
    {
        EnsureAwaiting();
        if (existing is not null && existing.ChildId != ChildId)
            throw new InvalidOperationException("The case file belongs to another child.");

        CaseFile file;
        if (existing is null)
        {
            file = new CaseFile(opening.CaseFileId, opening.Reference, ChildId, opening.TeamId, opening.WorkerId, today, decidedBy, now);
        }
        else
        {
            file = existing;
            if (file.Status == CaseStatus.Closed)
                file.Reopen(opening.TeamId, opening.WorkerId, today, decidedBy, now);
        }

        Decision = ReferralDecision.Accepted;
        DecidedAt = now;
        DecidedBy = decidedBy;
        CaseFileId = file.Id;
        return file;
    }

    public void DecideNoFurtherAction(string? reason, Guid decidedBy, DateTimeOffset now)
    {
        EnsureAwaiting();
        NoFurtherActionReason = Guard.Required(reason, "reason", "why no further action is needed", 10_000);
        Decision = ReferralDecision.NoFurtherAction;
        DecidedAt = now;
        DecidedBy = decidedBy;
    }

    public void EnsureAwaiting()
    {
        if (Decision != ReferralDecision.Awaiting)
            throw new StateConflictException("referral-already-decided",
                Decision == ReferralDecision.Accepted
                    ? "This referral has already been accepted"
                    : "This referral has already been decided as no further action");
    }
}

/// <summary>What a new case file is opened with, when acceptance needs one.</summary>
public sealed record NewCaseFile(Guid CaseFileId, string Reference, Guid TeamId, Guid WorkerId);
