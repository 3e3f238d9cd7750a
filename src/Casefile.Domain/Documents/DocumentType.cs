namespace Casefile.Domain.Documents;

/// <summary>
/// What a stored document is, in the words a worker would use when filing it on the child's
/// electronic record (Policy 5.1, 5.3: birth certificates and court orders are kept safe from
/// being defaced; Policy 4.6: an email's attachments are filed with it).
/// </summary>
public enum DocumentType
{
    BirthCertificate,
    CourtOrder,
    ConsentForm,
    Assessment,
    Plan,
    Report,
    Letter,
    ScannedPaperRecord,
    EmailAttachment,
    Other,
}

public static class DocumentTypeNames
{
    /// <summary>The plain-English name shown on pages and in the API.</summary>
    public static string DisplayName(this DocumentType type) => type switch
    {
        DocumentType.BirthCertificate => "Birth certificate",
        DocumentType.CourtOrder => "Court order",
        DocumentType.ConsentForm => "Consent form",
        DocumentType.Assessment => "Assessment",
        DocumentType.Plan => "Plan",
        DocumentType.Report => "Report",
        DocumentType.Letter => "Letter",
        DocumentType.ScannedPaperRecord => "Scanned paper record",
        DocumentType.EmailAttachment => "Email attachment",
        DocumentType.Other => "Other document",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
