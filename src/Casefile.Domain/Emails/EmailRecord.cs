using Casefile.Domain.Common;

namespace Casefile.Domain.Emails;

/// <summary>
/// An email kept as a case record (policy 4.1): its transmission data (4.5), its text, and the
/// original message byte for byte in the content store under <see cref="RawSha256"/>. Its
/// attachments are <c>CaseDocument</c>s pointing back at it (4.6). Filed in the Restricted Access
/// section when Legal Services sent or received it (4.3 guidance).
/// </summary>
public sealed class EmailRecord
{
    public const int SubjectLength = 1000;
    public const int AddressLength = 320;
    public const int MessageIdLength = 1000;

    private EmailRecord() { }

    public EmailRecord(Guid id, Guid caseFileId, TransmissionData transmission, string? inReplyTo, IReadOnlyList<string> references,
        string bodyText, string rawSha256, long rawSize, EmailSection section, Guid importedById, DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(transmission);
        if (transmission.From is null || string.IsNullOrWhiteSpace(transmission.From.Address))
            throw new RuleViolationException("email-no-sender", "This is not an email message: it has no sender (no From line).", "file");
        if (rawSize <= 0)
            throw new RuleViolationException("file-empty", "The selected file is empty.", "file");
        Id = id;
        CaseFileId = caseFileId;
        FromName = Cut(transmission.From.Name, AddressLength);
        FromAddress = Cut(transmission.From.Address, AddressLength);
        To = transmission.To.ToList();
        Cc = transmission.Cc.ToList();
        SentAt = transmission.SentAt;
        ReceivedAt = transmission.ReceivedAt;
        Subject = transmission.Subject is null ? null : Cut(transmission.Subject, SubjectLength);
        MessageId = transmission.MessageId is null ? null : Cut(transmission.MessageId, MessageIdLength);
        InReplyTo = inReplyTo is null ? null : Cut(inReplyTo, MessageIdLength);
        References = references.ToList();
        BodyText = bodyText;
        RawSha256 = rawSha256;
        RawSize = rawSize;
        Section = section;
        Incomplete = transmission.Incomplete.ToList();
        ImportedById = importedById;
        ImportedAt = importedAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public string FromName { get; private set; } = "";
    public string FromAddress { get; private set; } = "";
    public IReadOnlyList<EmailAddress> To { get; private set; } = [];
    public IReadOnlyList<EmailAddress> Cc { get; private set; } = [];
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public string? Subject { get; private set; }
    public string? MessageId { get; private set; }
    public string? InReplyTo { get; private set; }
    public IReadOnlyList<string> References { get; private set; } = [];
    public string BodyText { get; private set; } = "";
    public string RawSha256 { get; private set; } = "";
    public long RawSize { get; private set; }
    public EmailSection Section { get; private set; }

    /// <summary>What policy 4.5's transmission data lacks, in words ("who it was sent to"); empty when complete.</summary>
    public IReadOnlyList<string> Incomplete { get; private set; } = [];

    public Guid? SupersededById { get; private set; }
    public Guid ImportedById { get; private set; }
    public DateTimeOffset ImportedAt { get; private set; }

    public bool IsRestricted => Section == EmailSection.Restricted;

    public EmailAddress From => new(FromName, FromAddress);

    /// <summary>The transmission data as filed, for the thread rule (policy 4.7).</summary>
    public TransmissionData Transmission => new(From, To, Cc, SentAt, ReceivedAt, Subject, MessageId);

    /// <summary>
    /// Policy 4.7: a later message of the thread that quotes this one whole, with its attachments
    /// and complete transmission data, stands for it. This one is kept (readable, marked
    /// superseded) rather than deleted; lists leave it out by default.
    /// </summary>
    public void SupersedeBy(EmailRecord later)
    {
        ArgumentNullException.ThrowIfNull(later);
        if (later.Id == Id)
            throw new RuleViolationException("supersede-self", "An email cannot replace itself", "replaces");
        if (later.CaseFileId != CaseFileId)
            throw new RuleViolationException("supersede-other-case", "Only an email on the same case can replace this one", "replaces");
        if (SupersededById is not null)
            throw new StateConflictException("already-superseded", "This email has already been replaced by a later one");
        SupersededById = later.Id;
    }

    private static string Cut(string s, int length) => s.Length <= length ? s : s[..length];
}
