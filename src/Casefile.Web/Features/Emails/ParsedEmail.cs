using System.Security.Cryptography;
using Casefile.Domain.Emails;

namespace Casefile.Web.Features.Emails;

/// <summary>Where <see cref="ParsedEmail.BodyText"/> came from.</summary>
public enum EmailBodySource
{
    /// <summary>The message has no readable text part.</summary>
    None,

    /// <summary>The text/plain part.</summary>
    PlainText,

    /// <summary>Derived from the text/html part, because the message has no text/plain part.</summary>
    Html,
}

/// <summary>What kind of part of the message an <see cref="EmailAttachment"/> is.</summary>
public enum EmailAttachmentKind
{
    /// <summary>A file attached to the message (a PDF, a Word document, a photo).</summary>
    File,

    /// <summary>An image shown inside the HTML body (inline, with a Content-Id, in multipart/related).</summary>
    InlineImage,

    /// <summary>A whole email attached to this one (message/rfc822, e.g. a forwarded email), kept as .eml.</summary>
    AttachedMessage,
}

/// <summary>
/// One attachment of an email (policy 4.6: "the attachments must also be included"), decoded:
/// <see cref="Content"/> is the file as the sender attached it, and <see cref="Sha256"/>
/// (lower-case hex) and <see cref="Size"/> are of those decoded bytes.
/// </summary>
public sealed record EmailAttachment(
    string FileName,
    string ContentType,
    EmailAttachmentKind Kind,
    bool IsInline,
    string? ContentId,
    byte[] Content,
    string Sha256,
    long Size)
{
    /// <summary>A read-only stream over <see cref="Content"/>, e.g. to hand to document storage.</summary>
    public Stream OpenRead() => new MemoryStream(Content, writable: false);

    internal static EmailAttachment Of(string fileName, string contentType, EmailAttachmentKind kind, bool isInline, string? contentId, byte[] content) =>
        new(fileName, contentType, kind, isInline, contentId, content, Convert.ToHexStringLower(SHA256.HashData(content)), content.LongLength);
}

/// <summary>
/// An <c>.eml</c> file read by <see cref="EmailMessageReader"/>. <see cref="Raw"/> is the file
/// exactly as uploaded, byte for byte, with its <see cref="RawSha256"/> and
/// <see cref="RawLength"/>: the caller stores those bytes as the original of the record (policy
/// 4.1, 4.8: once filed, the original email may be deleted from the mailbox).
/// </summary>
public sealed record ParsedEmail(
    EmailAddress? From,
    IReadOnlyList<EmailAddress> To,
    IReadOnlyList<EmailAddress> Cc,
    DateTimeOffset? SentAt,
    DateTimeOffset? ReceivedAt,
    string? Subject,
    string? MessageId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string BodyText,
    EmailBodySource BodySource,
    IReadOnlyList<EmailAttachment> Attachments,
    ReadOnlyMemory<byte> Raw,
    string RawSha256,
    long RawLength)
{
    /// <summary>Policy 4.5's transmission data of this email.</summary>
    public TransmissionData Transmission => new(From, To, Cc, SentAt, ReceivedAt, Subject, MessageId);

    /// <summary>True when some transmission data is missing (e.g. no recipients): filed, but flagged.</summary>
    public bool IsIncomplete => !Transmission.IsComplete;

    /// <summary>This email as the thread rule (policy 4.7) sees it, under the id it is or will be filed with.</summary>
    public ThreadMessage ToThreadMessage(Guid id) =>
        new(id, Transmission, InReplyTo, References, BodyText,
            Attachments.Select(a => new ThreadAttachment(a.FileName, a.Sha256)).ToList());
}

/// <summary>
/// The uploaded file cannot be read as an email. <see cref="Exception.Message"/> is a plain
/// English reason to show the worker ("The file is empty.").
/// </summary>
public sealed class EmailNotReadableException : Exception
{
    public EmailNotReadableException(string message)
        : base(message)
    {
    }

    public EmailNotReadableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
