using System.Globalization;
using Casefile.Data;
using Casefile.Data.Documents;
using Casefile.Domain.Access;
using Casefile.Domain.Documents;
using Casefile.Domain.Emails;
using Casefile.Domain.People;
using Casefile.Domain.Records;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Documents;

/// <summary>The document's text names other children on the register (policy 4.4); answered 409 until the worker confirms.</summary>
public sealed class OtherChildNamedInDocumentException(IReadOnlyList<string> found)
    : Domain.Common.RuleViolationException(RuleName,
        "This document names " + (found.Count == 1 ? "another child" : "other children") + " on the register who " + (found.Count == 1 ? "is" : "are")
        + " not part of this case (policy 4.4: only information about this child belongs on the file). Redact the document and add it again, or confirm it belongs on this file.",
        "confirmOtherChildren")
{
    public const string RuleName = "other-child-named";

    /// <summary>The names as they appear in the document; never the register's ids.</summary>
    public IReadOnlyList<string> Found { get; } = found;
}

public sealed record UploadedDocument(Guid Id, string Sha256, long Size, string ContentType, bool Restricted);

/// <summary>
/// Files an uploaded document on a child's record (policy 5.1): streamed into the content store,
/// typed from its content, checked against the council's allowed list and scanned where a scanner
/// is configured. Legal advice goes in the Restricted Access section (<c>section=restricted</c>,
/// policy 4.3 guidance), filed only by someone who may open it. A refused file leaves nothing behind; an accepted one is audited and put in the
/// chronology in the same transaction.
/// </summary>
public sealed class UploadDocument(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock,
    IDocumentContentStore store, DocumentStorageOptions options, AllowedFileTypes allowed, IVirusScanner scanner)
{
    public async Task<UploadedDocument> HandleAsync(Guid caseId, HttpRequest request, CancellationToken ct)
    {
        var (_, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Write, AuditAction.Create, ct);
        StoredContent? stored = null;
        try
        {
            var fields = await MultipartUpload.ReadAsync(request, options.MaxUploadBytes,
                async (body, _) => stored = await StoreAsync(store, body, options.MaxUploadBytes, ct), ct);
            var content = stored!;
            FileAcceptance.Check(fields.FileName!, content.DetectedType, allowed).ThrowIfRefused();
            await ScanAsync(store, scanner, content, ct);
            await CheckForOtherChildrenAsync(content, heading.ChildId, IsTrue(fields["confirmOtherChildren"]) || IsTrue(request.Query["confirmOtherChildren"]), ct);

            var today = clock.Today();
            var errors = new ValidationErrors();
            DocumentType? type = null;
            if (string.IsNullOrWhiteSpace(fields["type"])) errors.Add("type", "Select the kind of document");
            else if (!Enum.TryParse<DocumentType>(fields["type"], ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(fields["type"], out _))
                errors.Add("type", $"Choose one of: {string.Join(", ", Enum.GetNames<DocumentType>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}");
            else if (parsed == DocumentType.EmailAttachment) errors.Add("type", "An email's attachments are filed by importing the email");
            else type = parsed;
            var section = EmailSection.General;
            switch (fields["section"]?.Trim().ToLowerInvariant())
            {
                case null or "" or "general": break;
                case "restricted":
                    // Only someone who may open the Restricted Access section files in it: nobody files what they cannot then read.
                    if ((await access.PermissionsAsync(caseId, ct))?.May(CaseCapability.OpenRestrictedSection) == true) section = EmailSection.Restricted;
                    else errors.Add("section", CasePermissions.WhyNot(CaseCapability.OpenRestrictedSection));
                    break;
                default: errors.Add("section", "Choose general or restricted"); break;
            }
            var title = errors.Required(fields["title"], "title", "Enter a title for the document", CaseDocument.TitleLength);
            var author = errors.Optional(fields["author"], "author", CaseDocument.AuthorLength);
            var date = today;
            if (!string.IsNullOrWhiteSpace(fields["date"]))
            {
                if (!DateOnly.TryParseExact(fields["date"]!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                    errors.Add("date", "Enter the document's date as yyyy-mm-dd");
                else if (date > today) errors.Add("date", "The document's date cannot be in the future");
            }
            errors.ThrowIfAny();

            var now = clock.GetUtcNow();
            var document = new CaseDocument(Guid.NewGuid(), caseId, type!.Value, title, date, author, fields.FileName!, content.DetectedType.ContentType,
                content.Hash, content.Size, section, null, user.Id, now, today);
            db.CaseDocuments.Add(document);
            // A restricted document's line in the chronology says only that it exists (policy 4.3 guidance), as a restricted email's does.
            db.Chronology.Add(document.IsRestricted
                ? new ChronologyEntry(caseId, now, ChronologyKind.Document, "Restricted document", null, document.Id, user.Id, significant: false)
                : new ChronologyEntry(caseId, now, ChronologyKind.Document, $"{type.Value.DisplayName()}: {document.Title}",
                    document.Author is null ? null : $"By {document.Author}", document.Id, user.Id, significant: false));
            audit.Record(AuditAction.Create, "case-document", document.Id, caseId, heading.ChildId,
                reason: document.IsRestricted ? "Filed in the Restricted Access section" : null);
            await db.SaveChangesAsync(ct);
            stored = null; // kept
            return new UploadedDocument(document.Id, document.Sha256, document.Size, document.ContentType, document.IsRestricted);
        }
        finally
        {
            // Nothing half-stored: content this upload brought and nothing now points at is removed.
            if (stored is { AlreadyStored: false } orphan) await ForgetAsync(db, store, orphan.Hash);
        }
    }

    /// <summary>
    /// A document whose text (plain text, or a PDF's text layer) names another child on the register
    /// is refused until the worker confirms it belongs on this file (policy 4.4, Appendix 1), as an
    /// email or a case record is. A scan or an image has no text to read and is not checked.
    /// </summary>
    private async Task CheckForOtherChildrenAsync(StoredContent content, Guid childId, bool confirmed, CancellationToken ct)
    {
        if (confirmed) return;
        var text = await DocumentText.ExtractAsync(store, content.DetectedType.ContentType, content.Hash, ct);
        if (text is null) return;
        var children = await db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child && p.Id != childId)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.KnownAs }).ToListAsync(ct);
        var mentions = new OtherChildMentions(children.Select(c => new RegisterChild(c.Id, c.GivenName, c.FamilyName, c.KnownAs is null ? null : [c.KnownAs])));
        var named = mentions.Find(null, text).SelectMany(m => m.Found).Select(f => f.Text).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (named.Count > 0) throw new OtherChildNamedInDocumentException(named);
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("on", StringComparison.OrdinalIgnoreCase));

    /// <summary>Streams content into the store, turning its refusals into problems naming <c>file</c>.</summary>
    internal static async Task<StoredContent> StoreAsync(IDocumentContentStore store, Stream body, long maxBytes, CancellationToken ct)
    {
        try
        {
            return await store.PutAsync(body, maxBytes, ct);
        }
        catch (DocumentTooLargeException e)
        {
            throw new UploadRefusedException(StatusCodes.Status413PayloadTooLarge, DocumentTooLargeException.Rule, e.Message);
        }
        catch (EmptyDocumentException e)
        {
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, EmptyDocumentException.Rule, e.Message);
        }
    }

    /// <summary>Scans stored content where a scanner is configured; an infected or unscannable file is refused.</summary>
    internal static async Task ScanAsync(IDocumentContentStore store, IVirusScanner scanner, StoredContent content, CancellationToken ct)
    {
        if (!scanner.IsConfigured) return;
        VirusScanResult result;
        await using (var stream = await store.OpenReadAsync(content.Hash, ct))
            result = await scanner.ScanAsync(stream, ct);
        switch (result)
        {
            case VirusScanResult.Infected infected:
                throw new UploadRefusedException(StatusCodes.Status422UnprocessableEntity, "file-infected",
                    $"The virus scanner found {infected.SignatureName} in this file, so it has not been stored. Tell the service desk where it came from.");
            case VirusScanResult.Failed:
                throw new UploadRefusedException(StatusCodes.Status503ServiceUnavailable, "file-not-scanned",
                    "The virus scanner could not check this file, so it has not been stored. Try again in a few minutes.");
        }
    }

    /// <summary>Deletes content unless a document or email already on file points at it (the same bytes may arrive twice at once).</summary>
    internal static async Task ForgetAsync(AppDbContext db, IDocumentContentStore store, string hash)
    {
        var used = await db.CaseDocuments.AnyAsync(d => d.Sha256 == hash, CancellationToken.None)
            || await db.EmailRecords.AnyAsync(e => e.RawSha256 == hash, CancellationToken.None);
        if (!used) await store.DeleteAsync(hash, CancellationToken.None);
    }
}

public sealed record DocumentView(
    Guid Id, Guid CaseId, bool Restricted, DocumentType? Type, string? TypeName, string? Title, DateOnly? Date, string? Author, string? FileName,
    string? ContentType, string? Sha256, long? Size, Guid? EmailId, string? UploadedBy, DateTimeOffset? UploadedAt);

/// <summary>The documents on a case and opening one; restricted ones are shown only to those who may open them.</summary>
public sealed class DocumentQueries(AppDbContext db, RestrictedSection restricted, AuditTrail audit, IDocumentContentStore store)
{
    public async Task<IReadOnlyList<DocumentView>> ListAsync(Guid caseId, bool includeSuperseded, CancellationToken ct)
    {
        var (decision, heading, mayOpen) = await restricted.DemandCaseAsync(caseId, AccessAction.Read, AuditAction.View, ct);
        var rows = await (from d in db.CaseDocuments.AsNoTracking()
                          where d.CaseFileId == caseId
                          join u in db.Users on d.UploadedById equals u.Id
                          join e in db.EmailRecords on d.EmailRecordId equals e.Id into emails
                          from e in emails.DefaultIfEmpty()
                          where includeSuperseded || e == null || e.SupersededById == null
                          select new { d, By = u.DisplayName }).ToListAsync(ct);
        audit.Record(AuditAction.View, "case-documents", caseId, caseId, heading.ChildId, reason: decision.IsEmergency ? "Emergency access" : null);
        await db.SaveChangesAsync(ct);
        return rows.OrderByDescending(r => r.d.DocumentDate).ThenByDescending(r => r.d.UploadedAt)
            .Select(r => r.d.IsRestricted && !mayOpen ? Hidden(r.d) : View(r.d, r.By)).ToList();
    }

    public async Task<DocumentView> GetAsync(Guid id, CancellationToken ct)
    {
        var (document, childId, by) = await LoadAsync(id, AuditAction.View, ct);
        audit.Record(AuditAction.View, "case-document", id, document.CaseFileId, childId, reason: document.IsRestricted ? "Restricted section: details" : null);
        await db.SaveChangesAsync(ct);
        return View(document, by);
    }

    /// <summary>
    /// Opens the content after checking it is byte for byte what was uploaded. An altered copy is
    /// never served: the attempt is audited (outcome refused, with both hashes) and the API answers
    /// 500, because the fault is the server's storage, not the worker's request; the records
    /// manager has to investigate it as a possible loss or breach.
    /// </summary>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenAsync(Guid id, string? reason, CancellationToken ct)
    {
        var (document, childId, _) = await LoadAsync(id, "download", ct);
        var why = document.IsRestricted ? RestrictedSection.RequireReason(reason) : reason?.Trim();
        var content = await OpenAuditedAsync(document.Sha256, "case-document", id, document.CaseFileId, childId, why, ct);
        return (content, document.ContentType, document.FileName);
    }

    /// <summary>
    /// Stored content after its hash check, with the download audited: a missing or altered copy is
    /// audited as refused (with the store's reason) and rethrown; a served one with the reader's reason.
    /// Shared by a document's content and an email's original.
    /// </summary>
    internal async Task<Stream> OpenAuditedAsync(string sha256, string recordType, Guid id, Guid caseId, Guid childId, string? reason, CancellationToken ct)
    {
        Stream content;
        try
        {
            content = await store.OpenReadAsync(sha256, ct);
        }
        catch (DocumentStorageException e) when (e is StoredContentAlteredException or StoredContentNotFoundException)
        {
            audit.Record("download", recordType, id, caseId, childId, AuditOutcome.Refused, e.Message);
            await db.SaveChangesAsync(ct);
            throw;
        }
        audit.Record("download", recordType, id, caseId, childId, reason: reason);
        await db.SaveChangesAsync(ct);
        return content;
    }

    private async Task<(CaseDocument Document, Guid ChildId, string By)> LoadAsync(Guid id, string auditAction, CancellationToken ct)
    {
        var caseId = await db.CaseDocuments.Where(d => d.Id == id).Select(d => (Guid?)d.CaseFileId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The document");
        var (_, heading, mayOpen) = await restricted.DemandCaseAsync(caseId, AccessAction.Read, auditAction, ct);
        var row = await (from d in db.CaseDocuments.AsNoTracking()
                         where d.Id == id
                         join u in db.Users on d.UploadedById equals u.Id
                         select new { d, u.DisplayName }).SingleAsync(ct);
        if (row.d.IsRestricted && !mayOpen)
        {
            // As for a restricted case: those who may not open it are not told what it is.
            await audit.RecordRefusalAsync(auditAction, "case-document", id, caseId, "Restricted section: not Legal Services or named on the case", ct);
            throw new NotFoundException("The document");
        }
        return (row.d, heading.ChildId, row.DisplayName);
    }

    internal static DocumentView Hidden(CaseDocument d) =>
        new(d.Id, d.CaseFileId, true, null, null, null, null, null, null, null, null, null, null, null, null);

    internal static DocumentView View(CaseDocument d, string by) =>
        new(d.Id, d.CaseFileId, d.IsRestricted, d.Type, d.Type.DisplayName(), d.Title, d.DocumentDate, d.Author, d.FileName, d.ContentType,
            d.Sha256, d.Size, d.EmailRecordId, by, d.UploadedAt);
}
