using Casefile.Domain.Common;

namespace Casefile.Domain.Access;

public enum RestrictionReason { Adoption, StaffMemberOrRelative, HighProfile, Other }

/// <summary>
/// A restricted case (adoption, a staff member or their relative, a high-profile case): only the
/// people named may find or open it. Each restriction has a reason and a date to review it.
/// </summary>
public sealed class CaseRestriction
{
    private CaseRestriction() { }

    public CaseRestriction(Guid id, Guid caseFileId, RestrictionReason reason, string? details, DateOnly reviewOn, Guid restrictedBy,
        DateTimeOffset at, DateOnly today)
    {
        if (reviewOn <= today)
            throw new RuleViolationException("review-date-not-future", "The review date must be in the future", "reviewOn");
        if (reviewOn > today.AddYears(2))
            throw new RuleViolationException("review-date-too-far", "Review a restriction at least every 2 years", "reviewOn");
        if (reason == RestrictionReason.Other && string.IsNullOrWhiteSpace(details))
            throw new RuleViolationException("required", "Explain why the case is restricted", "details");
        Id = id;
        CaseFileId = caseFileId;
        Reason = reason;
        Details = Guard.Optional(details, "details", "the details", 1000);
        ReviewOn = reviewOn;
        RestrictedBy = restrictedBy;
        RestrictedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public RestrictionReason Reason { get; private set; }
    public string? Details { get; private set; }
    public DateOnly ReviewOn { get; private set; }
    public Guid RestrictedBy { get; private set; }
    public DateTimeOffset RestrictedAt { get; private set; }
    public DateTimeOffset? LiftedAt { get; private set; }
    public Guid? LiftedBy { get; private set; }

    public bool IsActive => LiftedAt is null;

    public void Lift(Guid by, DateTimeOffset at)
    {
        if (!IsActive) throw new StateConflictException("restriction-already-lifted", "This restriction has already been lifted");
        LiftedAt = at;
        LiftedBy = by;
    }
}

public enum GrantKind { Named, SharedWithLegal }

/// <summary>
/// One person's standing permission on a case: named on a restricted case's list, or the case
/// shared with them as Legal Services. Revoked grants are kept, not deleted.
/// </summary>
public sealed class CaseAccessGrant
{
    private CaseAccessGrant() { }

    public CaseAccessGrant(Guid id, Guid caseFileId, Guid userId, GrantKind kind, Guid grantedBy, DateTimeOffset at, string? reason)
    {
        Id = id;
        CaseFileId = caseFileId;
        UserId = userId;
        Kind = kind;
        GrantedBy = grantedBy;
        GrantedAt = at;
        Reason = Guard.Optional(reason, "reason", "the reason", 1000);
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public Guid UserId { get; private set; }
    public GrantKind Kind { get; private set; }
    public Guid GrantedBy { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}

/// <summary>
/// Emergency access: someone with no relationship to a case opens it, giving a written reason.
/// It lasts at most 24 hours; the case's managers see it on their page and review every use.
/// </summary>
public sealed class EmergencyAccess
{
    private EmergencyAccess() { }

    public EmergencyAccess(Guid id, Guid caseFileId, Guid userId, string? reason, DateTimeOffset grantedAt, TimeSpan? lasting)
    {
        var text = Guard.Required(reason, "reason", "why you need emergency access", 2000);
        if (text.Length < 10)
            throw new RuleViolationException("reason-too-short", "Say why you need emergency access in a full sentence", "reason");
        var length = lasting ?? CaseAccessPolicy.LongestEmergencyAccess;
        if (length <= TimeSpan.Zero || length > CaseAccessPolicy.LongestEmergencyAccess)
            throw new RuleViolationException("emergency-too-long", "Emergency access lasts at most 24 hours", "hours");
        Id = id;
        CaseFileId = caseFileId;
        UserId = userId;
        Reason = text;
        GrantedAt = grantedAt;
        ExpiresAt = grantedAt + length;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public Guid UserId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public Guid? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewNote { get; private set; }

    public bool IsLiveAt(DateTimeOffset now) => now < ExpiresAt;

    public void Review(Guid by, DateTimeOffset at, string? note)
    {
        if (ReviewedAt is not null) throw new StateConflictException("already-reviewed", "This emergency access has already been reviewed");
        if (by == UserId) throw new RuleViolationException("review-own-access", "You cannot review your own emergency access");
        ReviewedBy = by;
        ReviewedAt = at;
        ReviewNote = Guard.Optional(note, "note", "the review note", 2000);
    }
}
