using Casefile.Domain.Common;
using Casefile.Domain.Emails;

namespace Casefile.Domain.Documents;

/// <summary>
/// A document on a child's electronic social care record (policy 5.1). The bytes live in the
/// content store under <see cref="Sha256"/>; this row says what they are, whose case they are on,
/// and which section (general or Restricted Access, policy 4.3 guidance) they are filed in.
/// </summary>
public sealed class CaseDocument
{
    public const int TitleLength = 200;
    public const int AuthorLength = 200;
    public const int FileNameLength = 255;

    private CaseDocument() { }

    public CaseDocument(Guid id, Guid caseFileId, DocumentType type, string? title, DateOnly documentDate, string? author,
        string fileName, string contentType, string sha256, long size, EmailSection section, Guid? emailRecordId,
        Guid uploadedById, DateTimeOffset uploadedAt, DateOnly today)
    {
        if (documentDate > today)
            throw new RuleViolationException("date-in-future", "The document's date cannot be in the future", "date");
        if (size <= 0)
            throw new RuleViolationException("file-empty", "The selected file is empty.", "file");
        if (type == DocumentType.EmailAttachment && emailRecordId is null)
            throw new RuleViolationException("email-attachment-without-email", "An email attachment is filed by importing its email", "type");
        Id = id;
        CaseFileId = caseFileId;
        Type = type;
        Title = Guard.Required(title, "title", "a title for the document", TitleLength);
        DocumentDate = documentDate;
        Author = Guard.Optional(author, "author", "the author", AuthorLength);
        FileName = Shorten(BaseName(fileName) is { Length: > 0 } name ? name : "document", FileNameLength);
        ContentType = contentType;
        Sha256 = sha256;
        Size = size;
        Section = section;
        EmailRecordId = emailRecordId;
        UploadedById = uploadedById;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public DocumentType Type { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly DocumentDate { get; private set; }
    public string? Author { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public long Size { get; private set; }
    public EmailSection Section { get; private set; }
    public Guid? EmailRecordId { get; private set; }
    public Guid UploadedById { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    public bool IsRestricted => Section == EmailSection.Restricted;

    // Some browsers send the whole path; a file name is a name, never a path.
    private static string BaseName(string? fileName) =>
        new string((fileName ?? "").Replace('\\', '/').Split('/')[^1].Where(c => !char.IsControl(c)).ToArray()).Trim();

    private static string Shorten(string s, int length) => s.Length <= length ? s : s[..length];
}
