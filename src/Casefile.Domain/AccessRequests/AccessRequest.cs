using Casefile.Domain.Calendar;
using Casefile.Domain.Common;
using Casefile.Domain.Documents;

namespace Casefile.Domain.AccessRequests;

/// <summary>Who asked, for whom and what: the facts a request is registered with.</summary>
public sealed record AccessRequestDetails(
    AccessRequestKind Kind,
    string? RequesterName,
    string? RequesterOrganisation,
    string? WhatIsAsked,
    DateOnly ReceivedOn,
    string? IdentityChecks,
    string? LegalBasis);

/// <summary>
/// One request on the access to records register (policy 10, the council's Access to Records
/// Policy): who asked, for whom (the subject is a person on the register with a case file), what,
/// when it was received, how identity was checked, the legal basis, who owns it, and when it is due.
/// Holds the decisions the release rules need: consent or the court's authority on file, a
/// manager's approval, Legal Services' advice. A released request is final.
/// </summary>
public sealed class AccessRequest
{
    public const int NameLength = 200;
    public const int TextLength = 4000;

    private AccessRequest() { }

    public AccessRequest(Guid id, Guid caseFileId, Guid subjectPersonId, AccessRequestDetails details, Guid ownerId, Guid createdById,
        DateTimeOffset now, DateOnly today, AccessRequestTargets targets, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new List<RuleViolationException>();
        string? Check(Func<string?> read)
        {
            try { return read(); }
            catch (RuleViolationException e) { errors.Add(e); return null; }
        }

        var requester = Check(() => Guard.Required(details.RequesterName, "requesterName", "the name of the person or agency asking", NameLength));
        var organisation = Check(() => Guard.Optional(details.RequesterOrganisation, "requesterOrganisation", "the organisation", NameLength));
        var what = Check(() => Guard.Required(details.WhatIsAsked, "whatIsAsked", "what they are asking for", TextLength));
        var identity = details.Kind == AccessRequestKind.SubjectAccess
            ? Check(() => Guard.Required(details.IdentityChecks, "identityChecks", "how you checked the identity of the person asking (and their authority, if they ask on someone's behalf)", TextLength))
            : Check(() => Guard.Optional(details.IdentityChecks, "identityChecks", "identity checks", TextLength));
        var basis = Check(() => Guard.Required(details.LegalBasis, "legalBasis", "the legal basis for the request, for example UK GDPR Article 15 or section 47 Children Act 1989", TextLength));
        if (details.ReceivedOn > today)
            errors.Add(new RuleViolationException("received-in-future", "The date the request was received must be today or in the past", "receivedOn"));
        if (errors.Count == 1) throw errors[0];
        if (errors.Count > 1) throw new RuleViolationsException(errors);

        Id = id;
        CaseFileId = caseFileId;
        SubjectPersonId = subjectPersonId;
        Kind = details.Kind;
        RequesterName = requester!;
        RequesterOrganisation = organisation;
        WhatIsAsked = what!;
        ReceivedOn = details.ReceivedOn;
        IdentityChecks = identity;
        LegalBasis = basis!;
        OwnerId = ownerId;
        CreatedById = createdById;
        CreatedAt = now;
        DueOn = AccessRequestDueDates.DueOn(Kind, ReceivedOn, targets, calendar);
        Status = AccessRequestStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public Guid SubjectPersonId { get; private set; }
    public AccessRequestKind Kind { get; private set; }
    public string RequesterName { get; private set; } = "";
    public string? RequesterOrganisation { get; private set; }
    public string WhatIsAsked { get; private set; } = "";
    public DateOnly ReceivedOn { get; private set; }
    public string? IdentityChecks { get; private set; }
    public string LegalBasis { get; private set; } = "";
    public Guid OwnerId { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public AccessRequestStatus Status { get; private set; }

    /// <summary>The due date: extended, when it was, otherwise the first one.</summary>
    public DateOnly DueOn { get; private set; }
    public DateOnly? OriginalDueOn { get; private set; }
    public string? ExtensionReason { get; private set; }
    public DateOnly? RequesterToldOfExtensionOn { get; private set; }

    /// <summary>The subject's written consent to this agency (policy 10.1): a consent form in the ESCR.</summary>
    public Guid? ConsentDocumentId { get; private set; }

    /// <summary>The court's authority (policy 10.3), or the order itself: a court order in the ESCR.</summary>
    public Guid? CourtAuthorityDocumentId { get; private set; }

    public Guid? ApprovedById { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    public Guid? LegalAdviceById { get; private set; }
    public DateTimeOffset? LegalAdviceAt { get; private set; }
    public string? LegalAdvice { get; private set; }

    /// <summary>Legal Services have released the case's privileged (Restricted Access) material for this request.</summary>
    public bool PrivilegedReleasedByLegal { get; private set; }

    public DateTimeOffset? BundleBuiltAt { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }
    public Guid? ReleasedById { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsReleased => Status == AccessRequestStatus.Released;

    public bool IsExtended => OriginalDueOn is not null;

    /// <summary>
    /// A subject access request may be extended once, to three months from receipt, with the reason
    /// and the date the requester was told, which must be within the first month.
    /// </summary>
    public void Extend(string? reason, DateOnly? requesterToldOn, DateOnly today, WorkingDayCalendar calendar)
    {
        EnsureOpen();
        if (Kind != AccessRequestKind.SubjectAccess)
            throw new RuleViolationException("extension-subject-access-only", "Only a subject access request can be extended. The council's target applies to the other kinds.");
        if (IsExtended)
            throw new StateConflictException("already-extended", $"This request was already extended, to {DueOn:d MMMM yyyy}. It can be extended only once.");
        var errors = new List<RuleViolationException>();
        string? text = null;
        try { text = Guard.Required(reason, "reason", "why the request needs more time, for example the records are complex or many", TextLength); }
        catch (RuleViolationException e) { errors.Add(e); }
        if (requesterToldOn is not { } told)
            errors.Add(new RuleViolationException("required", "Enter the date you told the requester about the extension", "requesterToldOn"));
        else if (told > today)
            errors.Add(new RuleViolationException("told-in-future", "The date you told the requester must be today or in the past", "requesterToldOn"));
        else if (told < ReceivedOn)
            errors.Add(new RuleViolationException("told-before-received", "The date you told the requester cannot be before the request was received", "requesterToldOn"));
        else if (told > DueOn)
            errors.Add(new RuleViolationException("told-too-late", $"The requester must be told within the first month, by {DueOn:d MMMM yyyy}. It is too late to extend this request.", "requesterToldOn"));
        if (errors.Count == 1) throw errors[0];
        if (errors.Count > 1) throw new RuleViolationsException(errors);

        OriginalDueOn = DueOn;
        DueOn = AccessRequestDueDates.ExtendedDueOn(ReceivedOn, calendar);
        ExtensionReason = text;
        RequesterToldOfExtensionOn = requesterToldOn;
        Touch();
    }

    /// <summary>Records the subject's written consent to the enquiring agency (policy 10.1): a consent form on the subject's case.</summary>
    public void RecordConsent(Guid documentId, Guid documentCaseFileId, DocumentType type)
    {
        EnsureOpen();
        if (documentCaseFileId != CaseFileId)
            throw new RuleViolationException("document-not-on-case", "Choose a document on the subject's own case file", "documentId");
        if (type != DocumentType.ConsentForm)
            throw new RuleViolationException("not-a-consent-form", "Choose the subject's signed consent form. The document you chose is not filed as a consent form.", "documentId");
        ConsentDocumentId = documentId;
        Touch();
    }

    /// <summary>Records the court's authority for a guardian, or the order itself (policy 10.3): a court order on the subject's case.</summary>
    public void RecordCourtAuthority(Guid documentId, Guid documentCaseFileId, DocumentType type)
    {
        EnsureOpen();
        if (documentCaseFileId != CaseFileId)
            throw new RuleViolationException("document-not-on-case", "Choose a document on the subject's own case file", "documentId");
        if (type != DocumentType.CourtOrder)
            throw new RuleViolationException("not-a-court-order", "Choose the court's order. The document you chose is not filed as a court order.", "documentId");
        CourtAuthorityDocumentId = documentId;
        Touch();
    }

    /// <summary>A manager approves what is to be released (policy 10.2). Not the request's owner.</summary>
    public void Approve(Guid approverId, bool approverIsManager, DateTimeOffset now)
    {
        EnsureOpen();
        if (!approverIsManager)
            throw new RuleViolationException("approver-not-manager", "Only a manager can approve information for release (policy 10.2)");
        if (approverId == OwnerId)
            throw new RuleViolationException("approver-is-owner", "You own this request. Another manager must approve it, so two people have checked what is released.");
        if (BundleBuiltAt is null)
            throw new RuleViolationException("bundle-not-built", "Build the disclosure bundle before it is approved: the approval is of what will be released");
        ApprovedById = approverId;
        ApprovedAt = now;
        Touch();
    }

    /// <summary>Legal Services record their advice (policy 10.2), and whether privileged material may be included.</summary>
    public void RecordLegalAdvice(Guid legalId, bool isLegal, string? advice, bool releasePrivileged, DateTimeOffset now)
    {
        EnsureOpen();
        if (!isLegal)
            throw new RuleViolationException("not-legal-services", "Only Legal Services can record legal advice on a disclosure (policy 10.2)");
        LegalAdvice = Guard.Required(advice, "advice", "your advice on the people named in the disclosure", TextLength);
        LegalAdviceById = legalId;
        LegalAdviceAt = now;
        PrivilegedReleasedByLegal = releasePrivileged;
        Touch();
    }

    /// <summary>
    /// What is to be released changed (the bundle was built again, a redaction decided): a manager's
    /// approval and Legal Services' advice were about what was there before, so both are asked for again.
    /// </summary>
    public void BundleChanged(DateTimeOffset now, bool rebuilt)
    {
        EnsureOpen();
        if (rebuilt) BundleBuiltAt = now;
        ApprovedById = null;
        ApprovedAt = null;
        LegalAdviceById = null;
        LegalAdviceAt = null;
        LegalAdvice = null;
        Touch();
    }

    /// <summary>Checks every release rule and, when all pass, marks the request released. Refuses naming the first rule that fails and listing all.</summary>
    public void Release(Guid by, BundleFacts bundle, DateTimeOffset now)
    {
        EnsureOpen();
        var failed = ReleaseRules.Check(this, bundle).Where(r => !r.Passed).ToList();
        if (failed.Count > 0)
            throw new RuleViolationException(failed[0].Rule, "This request cannot be released yet. " + string.Join(" ", failed.Select(f => f.Message)));
        Status = AccessRequestStatus.Released;
        ReleasedAt = now;
        ReleasedById = by;
        Touch();
    }

    /// <summary>The guardian's looking at or copying a document is logged only under the court's authority (policy 10.3).</summary>
    public void EnsureGuardianMayAccess()
    {
        if (Kind != AccessRequestKind.CourtGuardian)
            throw new RuleViolationException("not-a-guardian-request", "Only a children's guardian's request keeps a log of documents viewed and copied");
        if (CourtAuthorityDocumentId is null)
            throw new RuleViolationException("court-authority-missing", "File the court's authority and choose it on this request before the guardian sees any document (policy 10.3)");
    }

    public void EnsureOpen()
    {
        if (IsReleased)
            throw new StateConflictException("request-released", "This request has been released and cannot be changed. Register a new request if more is asked for.");
    }

    private void Touch() => Version = Guid.NewGuid();
}
