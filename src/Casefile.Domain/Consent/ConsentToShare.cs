using Casefile.Domain.Common;

namespace Casefile.Domain.Consent;

public enum ConsentGivenBy { Parent, YoungPerson }

/// <summary>
/// Consent to share information from the record (policy 3.4): given by a parent, or by the
/// young person themselves from 16; with its scope, date, expiry and the signed form.
/// </summary>
public sealed class ConsentToShare
{
    public const int YoungPersonMinimumAge = 16;

    private ConsentToShare() { }

    public ConsentToShare(Guid id, Guid caseFileId, ConsentGivenBy givenBy, string? giverName, string? scope, DateOnly givenOn,
        DateOnly? expiresOn, string? signedFormReference, int? childAgeOnGivenOn, Guid recordedBy, DateTimeOffset recordedAt, DateOnly today)
    {
        if (givenOn > today) throw new RuleViolationException("given-in-future", "The date consent was given must be today or in the past", "givenOn");
        if (expiresOn is { } e && e <= givenOn)
            throw new RuleViolationException("expires-before-given", "Consent must expire after the date it was given", "expiresOn");
        if (givenBy == ConsentGivenBy.YoungPerson && (childAgeOnGivenOn ?? 0) < YoungPersonMinimumAge)
            throw new RuleViolationException("young-person-under-16",
                "A young person can give their own consent from 16. Record the consent of a parent instead", "givenBy");
        Id = id;
        CaseFileId = caseFileId;
        GivenBy = givenBy;
        GiverName = Guard.Required(giverName, "giverName", "the name of the person giving consent", 200);
        Scope = Guard.Required(scope, "scope", "what may be shared and with whom", 2000);
        GivenOn = givenOn;
        ExpiresOn = expiresOn;
        SignedFormReference = Guard.Optional(signedFormReference, "signedFormReference", "where the signed form is kept", 500);
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public ConsentGivenBy GivenBy { get; private set; }
    public string GiverName { get; private set; } = "";
    public string Scope { get; private set; } = "";
    public DateOnly GivenOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public string? SignedFormReference { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateOnly? WithdrawnOn { get; private set; }

    public bool IsInForceOn(DateOnly day) => day >= GivenOn && (ExpiresOn is null || day < ExpiresOn) && (WithdrawnOn is null || day < WithdrawnOn);
}

/// <summary>
/// Information shared without consent to protect a child (policy 3.5): who it was shared with,
/// why, and the manager who agreed. Only child protection justifies it.
/// </summary>
public sealed class SharingWithoutConsent
{
    private SharingWithoutConsent() { }

    public SharingWithoutConsent(Guid id, Guid caseFileId, string? sharedWith, DateOnly sharedOn, string? justification,
        Guid agreedByManager, bool agreedByIsManager, Guid recordedBy, DateTimeOffset recordedAt, DateOnly today)
    {
        if (sharedOn > today) throw new RuleViolationException("shared-in-future", "The date shared must be today or in the past", "sharedOn");
        if (!agreedByIsManager)
            throw new RuleViolationException("agreed-by-not-manager", "Sharing without consent must be agreed by a manager", "agreedBy");
        Id = id;
        CaseFileId = caseFileId;
        SharedWith = Guard.Required(sharedWith, "sharedWith", "who the information was shared with", 300);
        SharedOn = sharedOn;
        Justification = Guard.Required(justification, "justification", "why sharing without consent was needed to protect the child", 4000);
        AgreedBy = agreedByManager;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public string SharedWith { get; private set; } = "";
    public DateOnly SharedOn { get; private set; }
    public string Justification { get; private set; } = "";
    public Guid AgreedBy { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
