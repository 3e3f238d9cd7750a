using Casefile.Data;
using Casefile.Data.Documents;
using Casefile.Domain.Access;
using Casefile.Domain.Documents;
using Casefile.Domain.Emails;
using Casefile.Domain.People;
using Casefile.Domain.Records;
using Casefile.Web.Features.Documents;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Emails;

public sealed record FiledAttachment(Guid DocumentId, string FileName, string Sha256, long Size);

public sealed record EmailOffer(Guid Id, string? Subject);

public sealed record FiledEmail(Guid Id, EmailAddress From, IReadOnlyList<EmailAddress> To, IReadOnlyList<EmailAddress> Cc, DateTimeOffset? SentAt,
    DateTimeOffset? ReceivedAt, string? Subject, string? MessageId, EmailSection Section, IReadOnlyList<FiledAttachment> Attachments,
    IReadOnlyList<string> Incomplete, IReadOnlyList<EmailOffer> MayReplace);

/// <summary>The email names children on the register who are not part of this case (policy 4.4); the worker must confirm or redact first.</summary>
public sealed class OtherChildNamedException(IReadOnlyList<string> found)
    : Exception("This email names " + (found.Count == 1 ? "another child" : "other children") + " on the register who " + (found.Count == 1 ? "is" : "are")
        + " not part of this case (policy 4.4: only records about this child belong on the file). Redact the email and import it again, or confirm it belongs on this file.")
{
    public const string Rule = "other-child-named";

    /// <summary>The names as they appear in the email; never the register's ids.</summary>
    public IReadOnlyList<string> Found { get; } = found;
}

/// <summary>
/// Files an email as a case record (policy 4.1): the original kept byte for byte, its
/// transmission data (4.5), every attachment as a document of the case (4.6), Legal Services mail
/// in the Restricted Access section (4.3 guidance), a warning first when it names another child
/// (4.4), and an offer to replace earlier messages of its thread it quotes whole (4.7).
/// </summary>
public sealed class ImportEmail(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock,
    IDocumentContentStore store, DocumentStorageOptions options, AllowedFileTypes allowed, IVirusScanner scanner,
    EmailMessageReader reader, LegalServicesAddresses legal)
{
    public async Task<FiledEmail> HandleAsync(Guid caseId, HttpRequest request, CancellationToken ct)
    {
        var (_, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Write, AuditAction.Create, ct);
        byte[]? raw = null;
        var fields = await MultipartUpload.ReadAsync(request, options.MaxUploadBytes, async (body, _) => raw = await ReadLimitedAsync(body, options.MaxUploadBytes, ct), ct);
        if (raw!.Length == 0)
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, EmptyDocumentException.Rule, new EmptyDocumentException().Message);
        ParsedEmail parsed;
        try
        {
            parsed = reader.Read(raw);
        }
        catch (EmailNotReadableException e)
        {
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, "email-not-readable", e.Message);
        }
        var confirmed = IsTrue(fields["confirmOtherChildren"]) || IsTrue(request.Query["confirmOtherChildren"]);

        if (await db.EmailRecords.AnyAsync(e => e.CaseFileId == caseId && e.RawSha256 == parsed.RawSha256, ct))
            throw new Domain.Common.StateConflictException("email-already-filed", "This email is already on the case file.");

        var id = Guid.NewGuid();
        var assessment = EmailAssessment.Of(parsed, id, legal, await ThreadAsync(db, caseId, null, ct), await OtherChildrenAsync(heading.ChildId, ct));
        if (assessment.OtherChildren.Count > 0 && !confirmed)
            throw new OtherChildNamedException(assessment.OtherChildren.SelectMany(m => m.Found).Select(f => f.Text).Distinct(StringComparer.OrdinalIgnoreCase).ToList());

        foreach (var attachment in parsed.Attachments)
        {
            var detected = FileTypeDetector.Detect(attachment.Content.AsSpan(0, Math.Min(attachment.Content.Length, FileTypeDetector.SniffLength)), attachment.Content.Length <= FileTypeDetector.SniffLength);
            // Policy 4.6 wants every attachment kept; a program or archive is still never stored.
            // The name is not checked: mail programs name inline images as they please.
            if (!allowed.Allows(detected.Kind))
                throw new UploadRefusedException(StatusCodes.Status400BadRequest, FileAcceptance.TypeNotAllowed,
                    $"The attachment '{attachment.FileName}' is {(detected.IsKnown ? "a " + detected.Name : "a file of a kind Casefile does not recognise")}; Casefile accepts {allowed.Describe()}. Ask the sender for the document itself, or file the email without it.");
        }

        var brought = new List<string>();
        try
        {
            var original = await UploadDocument.StoreAsync(store, new MemoryStream(raw, writable: false), options.MaxUploadBytes, ct);
            if (!original.AlreadyStored) brought.Add(original.Hash);
            // clamd reads mail and scans each attachment inside it, so the original is the one scan.
            await UploadDocument.ScanAsync(store, scanner, original, ct);
            var stored = new List<(EmailAttachment Attachment, StoredContent Content)>();
            foreach (var attachment in parsed.Attachments)
            {
                var content = await UploadDocument.StoreAsync(store, attachment.OpenRead(), options.MaxUploadBytes, ct);
                if (!content.AlreadyStored) brought.Add(content.Hash);
                stored.Add((attachment, content));
            }

            var now = clock.GetUtcNow();
            var today = clock.Today();
            var transmission = parsed.Transmission;
            var email = new EmailRecord(id, caseId, transmission, parsed.InReplyTo, parsed.References, parsed.BodyText, parsed.RawSha256, parsed.RawLength,
                assessment.Section, user.Id, now);
            db.EmailRecords.Add(email);
            var when = parsed.SentAt ?? parsed.ReceivedAt ?? now;
            var dated = DateOnly.FromDateTime(when.ToLondon().DateTime);
            if (dated > today) dated = today;
            var attachments = new List<FiledAttachment>();
            foreach (var (attachment, content) in stored)
            {
                var document = new CaseDocument(Guid.NewGuid(), caseId, DocumentType.EmailAttachment, attachment.FileName, dated, email.From.ToString(),
                    attachment.FileName, content.DetectedType.IsKnown ? content.DetectedType.ContentType : attachment.ContentType, content.Hash, content.Size,
                    email.Section, email.Id, user.Id, now, today);
                db.CaseDocuments.Add(document);
                audit.Record(AuditAction.Create, "case-document", document.Id, caseId, heading.ChildId, reason: "Attachment of an imported email");
                attachments.Add(new FiledAttachment(document.Id, document.FileName, document.Sha256, document.Size));
            }
            // A restricted email's line in the chronology says only that it exists (policy 4.3 guidance).
            db.Chronology.Add(email.IsRestricted
                ? new ChronologyEntry(caseId, when, ChronologyKind.Email, "Restricted email", null, email.Id, user.Id, significant: false)
                : new ChronologyEntry(caseId, when, ChronologyKind.Email, $"Email from {email.From}: {email.Subject ?? "(no subject)"}",
                    Summary(email.BodyText), email.Id, user.Id, significant: false));
            audit.Record(AuditAction.Create, "email-record", email.Id, caseId, heading.ChildId,
                reason: confirmed && assessment.OtherChildren.Count > 0 ? "Confirmed it belongs on this file although it names other children" : null);
            await db.SaveChangesAsync(ct);
            brought.Clear();

            var subjects = await db.EmailRecords.Where(e => assessment.Supersession.MaySupersede.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Subject, ct);
            return new FiledEmail(email.Id, email.From, email.To, email.Cc, email.SentAt, email.ReceivedAt, email.Subject, email.MessageId, email.Section,
                attachments, email.Incomplete, assessment.Supersession.MaySupersede.Select(m => new EmailOffer(m, subjects.GetValueOrDefault(m))).ToList());
        }
        finally
        {
            foreach (var hash in brought.Distinct()) await UploadDocument.ForgetAsync(db, store, hash);
        }
    }

    private static string? Summary(string body)
    {
        var text = body.Trim();
        return text.Length == 0 ? null : text;
    }

    private static bool IsTrue(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("on", StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new UploadRefusedException(StatusCodes.Status413PayloadTooLarge, DocumentTooLargeException.Rule, new DocumentTooLargeException(maxBytes).Message);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Children on the register other than this case's child (policy 4.4).</summary>
    private async Task<OtherChildMentions> OtherChildrenAsync(Guid childId, CancellationToken ct)
    {
        var children = await db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child && p.Id != childId)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.KnownAs }).ToListAsync(ct);
        return new OtherChildMentions(children.Select(c => new RegisterChild(c.Id, c.GivenName, c.FamilyName, c.KnownAs is null ? null : [c.KnownAs])));
    }

    /// <summary>The emails on the case as the thread rule sees them, with their attachments' hashes.</summary>
    internal static async Task<List<ThreadMessage>> ThreadAsync(AppDbContext db, Guid caseId, Guid? except, CancellationToken ct)
    {
        var emails = await db.EmailRecords.AsNoTracking().Where(e => e.CaseFileId == caseId && e.SupersededById == null && e.Id != except).ToListAsync(ct);
        var ids = emails.Select(e => e.Id).ToList();
        var attachments = (await db.CaseDocuments.AsNoTracking().Where(d => d.EmailRecordId != null && ids.Contains(d.EmailRecordId.Value))
            .Select(d => new { d.EmailRecordId, d.FileName, d.Sha256 }).ToListAsync(ct)).ToLookup(d => d.EmailRecordId!.Value);
        return emails.Select(e => ToThread(e, attachments[e.Id].Select(a => new ThreadAttachment(a.FileName, a.Sha256)).ToList())).ToList();
    }

    internal static ThreadMessage ToThread(EmailRecord e, IReadOnlyList<ThreadAttachment> attachments) =>
        new(e.Id, e.Transmission, e.InReplyTo, e.References, e.BodyText, attachments);
}

public sealed record EmailView(Guid Id, Guid CaseId, bool Restricted, EmailAddress From, IReadOnlyList<EmailAddress> To, IReadOnlyList<EmailAddress> Cc,
    DateTimeOffset? SentAt, DateTimeOffset? ReceivedAt, string? Subject, string? MessageId, string? InReplyTo, EmailSection Section,
    IReadOnlyList<string> Incomplete, Guid? SupersededById, string RawSha256, long RawSize, string ImportedBy, DateTimeOffset ImportedAt,
    IReadOnlyList<FiledAttachment> Attachments, string? BodyText);

public sealed record SupersedeCommand(IReadOnlyList<Guid>? Replaces);

/// <summary>Reading filed emails: restricted ones only by Legal Services and those named on the case, with a reason.</summary>
public sealed class EmailQueries(AppDbContext db, RestrictedSection restricted, AuditTrail audit, DocumentQueries documents)
{
    public async Task<(IReadOnlyList<EmailView> Visible, IReadOnlyList<Guid> Hidden)> ListAsync(Guid caseId, bool includeSuperseded, CancellationToken ct)
    {
        var (decision, heading, mayOpen) = await restricted.DemandCaseAsync(caseId, AccessAction.Read, AuditAction.View, ct);
        var emails = await db.EmailRecords.AsNoTracking().Where(e => e.CaseFileId == caseId && (includeSuperseded || e.SupersededById == null)).ToListAsync(ct);
        var names = await NamesAsync(emails.Select(e => e.ImportedById), ct);
        audit.Record(AuditAction.View, "email-records", caseId, caseId, heading.ChildId, reason: decision.IsEmergency ? "Emergency access" : null);
        await db.SaveChangesAsync(ct);
        var ordered = emails.OrderByDescending(e => e.SentAt ?? e.ReceivedAt ?? e.ImportedAt).ToList();
        return (ordered.Where(e => !e.IsRestricted || mayOpen).Select(e => View(e, names, [], body: false)).ToList(),
            ordered.Where(e => e.IsRestricted && !mayOpen).Select(e => e.Id).ToList());
    }

    public async Task<EmailView> GetAsync(Guid id, string? reason, CancellationToken ct)
    {
        var (email, childId, why) = await LoadAsync(id, AuditAction.View, reason, ct);
        var attachments = await db.CaseDocuments.AsNoTracking().Where(d => d.EmailRecordId == id)
            .Select(d => new FiledAttachment(d.Id, d.FileName, d.Sha256, d.Size)).ToListAsync(ct);
        var names = await NamesAsync([email.ImportedById], ct);
        audit.Record(AuditAction.View, "email-record", id, email.CaseFileId, childId, reason: why);
        await db.SaveChangesAsync(ct);
        return View(email, names, attachments, body: true);
    }

    /// <summary>The original message byte for byte, after the same hash check as any document (see <see cref="DocumentQueries.OpenAsync"/>).</summary>
    public async Task<(Stream Content, string FileName)> OriginalAsync(Guid id, string? reason, CancellationToken ct)
    {
        var (email, childId, why) = await LoadAsync(id, "download", reason, ct);
        var content = await documents.OpenAuditedAsync(email.RawSha256, "email-record", id, email.CaseFileId, childId, why, ct);
        return (content, $"email-{id:N}.eml");
    }

    internal async Task<(EmailRecord Email, Guid ChildId, string? Reason)> LoadAsync(Guid id, string auditAction, string? reason, CancellationToken ct)
    {
        var caseId = await db.EmailRecords.Where(e => e.Id == id).Select(e => (Guid?)e.CaseFileId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The email");
        var (_, heading, mayOpen) = await restricted.DemandCaseAsync(caseId, AccessAction.Read, auditAction, ct);
        var email = await db.EmailRecords.AsNoTracking().SingleAsync(e => e.Id == id, ct);
        if (email.IsRestricted && !mayOpen)
        {
            await audit.RecordRefusalAsync(auditAction, "email-record", id, caseId, "Restricted section: not Legal Services or named on the case", ct);
            throw new NotFoundException("The email");
        }
        var why = email.IsRestricted ? RestrictedSection.RequireReason(reason) : reason?.Trim();
        return (email, heading.ChildId, why);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static EmailView View(EmailRecord e, Dictionary<Guid, string> names, IReadOnlyList<FiledAttachment> attachments, bool body) =>
        new(e.Id, e.CaseFileId, e.IsRestricted, e.From, e.To, e.Cc, e.SentAt, e.ReceivedAt, e.Subject, e.MessageId, e.InReplyTo, e.Section, e.Incomplete,
            e.SupersededById, e.RawSha256, e.RawSize, names.GetValueOrDefault(e.ImportedById, "Unknown"), e.ImportedAt, attachments, body ? e.BodyText : null);
}

/// <summary>
/// Policy 4.7: once a later message quoting the whole exchange (with its attachments and complete
/// transmission data) is filed, the earlier ones it stands for are marked superseded. They are
/// kept and stay readable (a record is not destroyed by a worker's click); lists leave them out
/// unless asked. Only the emails the thread rule offers can be superseded.
/// </summary>
public sealed class SupersedeEmails(AppDbContext db, CaseScope access, RestrictedSection restricted, AuditTrail audit)
{
    public async Task<IReadOnlyList<Guid>> HandleAsync(Guid id, SupersedeCommand command, CancellationToken ct)
    {
        var caseId = await db.EmailRecords.Where(e => e.Id == id).Select(e => (Guid?)e.CaseFileId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The email");
        var (_, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Write, AuditAction.Update, ct);
        var mayOpen = await restricted.MayOpenAsync(caseId, ct);
        var later = await db.EmailRecords.SingleAsync(e => e.Id == id, ct);
        if (later.IsRestricted && !mayOpen) throw new NotFoundException("The email");
        var replaces = command.Replaces?.Distinct().ToList() ?? [];
        if (replaces.Count == 0) throw ValidationFailedException.For("replaces", "Choose the earlier emails this one replaces");

        var thread = await ImportEmail.ThreadAsync(db, caseId, id, ct);
        var mine = thread.Where(t => t.Id != id).ToList();
        var laterAttachments = await db.CaseDocuments.AsNoTracking().Where(d => d.EmailRecordId == id)
            .Select(d => new ThreadAttachment(d.FileName, d.Sha256)).ToListAsync(ct);
        var offer = ThreadSupersession.Assess(ImportEmail.ToThread(later, laterAttachments), mine);
        var earlier = await db.EmailRecords.Where(e => replaces.Contains(e.Id) && e.CaseFileId == caseId).ToDictionaryAsync(e => e.Id, ct);
        var errors = new ValidationErrors();
        for (var i = 0; i < replaces.Count; i++)
        {
            var target = replaces[i];
            if (!earlier.TryGetValue(target, out var e) || (e.IsRestricted && !mayOpen))
                errors.Add($"replaces[{i}]", "There is no such email on this case");
            else if (e.SupersededById is not null)
                errors.Add($"replaces[{i}]", "This email has already been replaced by a later one");
            else if (!offer.MaySupersede.Contains(target))
                foreach (var reason in offer.Refused.FirstOrDefault(r => r.EmailId == target)?.Reasons ?? ["It is not part of this email's thread."])
                    errors.Add($"replaces[{i}]", reason);
        }
        errors.ThrowIfAny();
        foreach (var target in replaces)
        {
            earlier[target].SupersedeBy(later);
            audit.Record(AuditAction.Update, "email-record", target, caseId, heading.ChildId, reason: $"Superseded by the later email {id} (policy 4.7)");
        }
        await db.SaveChangesAsync(ct);
        return replaces;
    }
}
