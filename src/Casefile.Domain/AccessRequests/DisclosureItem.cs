using Casefile.Domain.Common;

namespace Casefile.Domain.AccessRequests;

public enum DisclosureSource { Record, Document, Email }

/// <summary>What a reviewer decided about an image document, which cannot be redacted as text.</summary>
public enum ImageDecision { Undecided, IncludeWhole, Withhold }

/// <summary>
/// One record, document or email in a disclosure bundle, with the text that will be printed,
/// taken when the bundle was built so that every redaction's span points into fixed text.
/// An image (or a file whose text cannot be read) has no text: the reviewer includes it whole or
/// withholds it, with a reason.
/// </summary>
public sealed class DisclosureItem
{
    private DisclosureItem() { }

    public DisclosureItem(Guid id, Guid accessRequestId, DisclosureSource source, Guid sourceId, DateTimeOffset occurredAt, string title,
        string text, bool isImage, bool isPrivileged, int position)
    {
        Id = id;
        AccessRequestId = accessRequestId;
        Source = source;
        SourceId = sourceId;
        OccurredAt = occurredAt;
        Title = title;
        Text = text;
        IsImage = isImage;
        IsPrivileged = isPrivileged;
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid AccessRequestId { get; private set; }
    public DisclosureSource Source { get; private set; }
    public Guid SourceId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public bool IsImage { get; private set; }
    public bool IsPrivileged { get; private set; }
    public int Position { get; private set; }
    public ImageDecision ImageDecision { get; private set; }
    public string? WithholdReason { get; private set; }

    /// <summary>Whether the item goes into the released bundle: a withheld image does not.</summary>
    public bool IsReleased => !IsImage || ImageDecision == ImageDecision.IncludeWhole;

    public void DecideImage(ImageDecision decision, string? withholdReason)
    {
        if (!IsImage)
            throw new RuleViolationException("not-an-image", "This item's text can be redacted: review its proposed redactions instead", "decision");
        if (decision == ImageDecision.Undecided)
            throw new RuleViolationException("required", "Choose whether to include the image whole or withhold it", "decision");
        WithholdReason = decision == ImageDecision.Withhold
            ? Guard.Required(withholdReason, "reason", "why the image is withheld, for example it shows another child", 500)
            : null;
        ImageDecision = decision;
    }
}

/// <summary>The reason printed on a redaction: "[redacted: third party]".</summary>
public enum RedactionReason { ThirdParty, SeriousHarm, LegalPrivilege }

/// <summary>What a proposed redaction covers.</summary>
public enum RedactionKind { Name, Address, PhoneNumber, EmailAddress, DateOfBirth, OtherChild }

public enum RedactionStatus { Proposed, Accepted, Removed }

public static class RedactionNames
{
    public static string Label(this RedactionReason reason) => reason switch
    {
        RedactionReason.ThirdParty => "third party",
        RedactionReason.SeriousHarm => "serious harm",
        RedactionReason.LegalPrivilege => "legal privilege",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static string Describe(this RedactionKind kind) => kind switch
    {
        RedactionKind.Name => "Name",
        RedactionKind.Address => "Address",
        RedactionKind.PhoneNumber => "Phone number",
        RedactionKind.EmailAddress => "Email address",
        RedactionKind.DateOfBirth => "Date of birth",
        RedactionKind.OtherChild => "Another child",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// One proposed redaction in one item's text: its span, the text it covers, what kind of detail it
/// is and the reason suggested. A reviewer accepts it (with the reason printed on the redaction) or
/// removes it (with why the detail may be disclosed). Nothing is released while any is still proposed.
/// </summary>
public sealed class RedactionProposal
{
    private RedactionProposal() { }

    public RedactionProposal(Guid id, Guid accessRequestId, Guid disclosureItemId, int start, int length, string text, RedactionKind kind,
        RedactionReason suggestedReason, Guid? personId)
    {
        Id = id;
        AccessRequestId = accessRequestId;
        DisclosureItemId = disclosureItemId;
        Start = start;
        Length = length;
        Text = text;
        Kind = kind;
        SuggestedReason = suggestedReason;
        PersonId = personId;
        Status = RedactionStatus.Proposed;
    }

    public Guid Id { get; private set; }
    public Guid AccessRequestId { get; private set; }
    public Guid DisclosureItemId { get; private set; }
    public int Start { get; private set; }
    public int Length { get; private set; }
    public string Text { get; private set; } = "";
    public RedactionKind Kind { get; private set; }
    public RedactionReason SuggestedReason { get; private set; }
    public Guid? PersonId { get; private set; }
    public RedactionStatus Status { get; private set; }
    public RedactionReason? Reason { get; private set; }
    public string? RemovalNote { get; private set; }
    public Guid? DecidedById { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public void Accept(RedactionReason reason, Guid by, DateTimeOffset now)
    {
        Status = RedactionStatus.Accepted;
        Reason = reason;
        RemovalNote = null;
        DecidedById = by;
        DecidedAt = now;
    }

    public void Remove(string? note, Guid by, DateTimeOffset now)
    {
        RemovalNote = Guard.Required(note, "note", "why this detail may be disclosed, for example it is the subject's own information", 500);
        Status = RedactionStatus.Removed;
        Reason = null;
        DecidedById = by;
        DecidedAt = now;
    }
}

/// <summary>A document the guardian looked at or copied, kept for the court (policy 10.3).</summary>
public enum GuardianAccessKind { Viewed, Copied }

/// <summary>One line of the disclosure log: what was disclosed or shown, to whom and when (Appendix 1).</summary>
public sealed class DisclosureLogEntry
{
    private DisclosureLogEntry() { }

    public DisclosureLogEntry(Guid id, Guid accessRequestId, Guid caseFileId, string action, string what, string recipient, Guid? documentId,
        Guid byId, DateTimeOffset at)
    {
        Id = id;
        AccessRequestId = accessRequestId;
        CaseFileId = caseFileId;
        Action = action;
        What = what;
        Recipient = recipient;
        DocumentId = documentId;
        ById = byId;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid AccessRequestId { get; private set; }
    public Guid CaseFileId { get; private set; }

    /// <summary>released, guardian-viewed, guardian-copied.</summary>
    public string Action { get; private set; } = "";
    public string What { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public Guid? DocumentId { get; private set; }
    public Guid ById { get; private set; }
    public DateTimeOffset At { get; private set; }
}
