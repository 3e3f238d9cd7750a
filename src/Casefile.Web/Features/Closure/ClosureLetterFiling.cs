using Casefile.Data;
using Casefile.Data.Documents;
using Casefile.Domain.Cases;
using Casefile.Domain.Closure;
using Casefile.Domain.Documents;
using Casefile.Domain.Emails;
using Casefile.Domain.Records;
using Casefile.Web.Infrastructure;

namespace Casefile.Web.Features.Closure;

public sealed record FiledLetter(LetterRecipient Recipient, Guid DocumentId);

/// <summary>
/// Writes a closure letter for each person the worker chose, from the council's templates, and files
/// each as a PDF letter in the child's record (policy 6.4), for the admin officer to print and send.
/// The rows join the caller's unit of work; the PDFs are content-addressed, so a failed save leaves at
/// most an unreferenced file that a later identical letter would reuse.
/// </summary>
public sealed class ClosureLetterFiling(AppDbContext db, WriteClosureLetter writer, IDocumentContentStore store, CurrentUser user,
    AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<FiledLetter>> FileAsync(CaseFile file, ClosureRequest request, DateOnly closedOn, CancellationToken ct)
    {
        var filed = new List<FiledLetter>();
        var now = clock.GetUtcNow();
        var today = clock.Today();
        foreach (var recipient in request.LetterRecipients)
        {
            var kind = recipient.Kind == LetterRecipientKind.ParentOrCarer ? ClosureLetterKind.ParentsOrCarers : ClosureLetterKind.Professionals;
            var letter = await writer.HandleAsync(new WriteClosureLetterCommand(file.Id, kind,
                new ClosureLetterRecipient(recipient.Name, LetterRecipient.AddressLines(recipient.Address)),
                request.Summary.ContinuingSupport, today, closedOn), ct);
            await using var pdf = new MemoryStream(letter.Pdf, writable: false);
            var content = await store.PutAsync(pdf, letter.Pdf.LongLength, ct);
            var document = new CaseDocument(Guid.NewGuid(), file.Id, DocumentType.Letter, letter.Title.Length > CaseDocument.TitleLength
                    ? letter.Title[..CaseDocument.TitleLength] : letter.Title, today, "Casefile (closure letter)", letter.FileName,
                "application/pdf", content.Hash, content.Size, EmailSection.General, null, user.Id, now, today);
            db.CaseDocuments.Add(document);
            db.Chronology.Add(new ChronologyEntry(file.Id, now, ChronologyKind.Document, $"Letter: {document.Title}", "Closure letter for the admin officer to send",
                document.Id, user.Id, significant: false));
            audit.Record(AuditAction.Create, "case-document", document.Id, file.Id, file.ChildId, reason: "closure letter");
            filed.Add(new FiledLetter(recipient, document.Id));
        }
        return filed;
    }
}
