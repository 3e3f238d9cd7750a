using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Documents;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Documents;

/// <summary>A document or email filed on the case, as the case page lists it.</summary>
public sealed record FiledItem(Guid Id, bool IsEmail, string Title, string Detail, DateTimeOffset When, bool Restricted)
{
    public string Href => IsEmail ? $"/emails/{Id}" : $"/documents/{Id}";
}

/// <summary>
/// The case page's "Documents and emails" section (policy 3.11, 4): what is filed, newest first.
/// Items of the Restricted Access section the viewer may not open are counted, never named.
/// </summary>
public sealed record CaseDocumentsSection(Guid CaseId, IReadOnlyList<FiledItem> Items, int Documents, int Emails, int RestrictedShown, int RestrictedHidden, bool MayFile)
{
    /// <summary>What the section showed, for the page's one audit event.</summary>
    public string Shown
    {
        get
        {
            var parts = new List<string> { Count(Documents, "document"), Count(Emails, "email") };
            var restricted = new List<string>();
            if (RestrictedShown > 0) restricted.Add($"{RestrictedShown} restricted, shown");
            if (RestrictedHidden > 0) restricted.Add($"{RestrictedHidden} restricted, shown as existing");
            return string.Join(", ", parts) + (restricted.Count > 0 ? $" ({string.Join("; ", restricted)})" : "");
        }
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}

/// <summary>Loads <see cref="CaseDocumentsSection"/> for a case already opened; audits nothing itself.</summary>
public sealed class CaseDocumentsLoader(AppDbContext db)
{
    public async Task<CaseDocumentsSection> LoadAsync(OpenedCase opened, CancellationToken ct)
    {
        var id = opened.Id;
        var mayOpen = opened.May(CaseCapability.OpenRestrictedSection);
        // Documents uploaded to the case; an email's attachments are listed with their email.
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseFileId == id && d.EmailRecordId == null)
            .Select(d => new { d.Id, d.Title, d.Type, d.DocumentDate, d.Author, d.UploadedAt, d.IsRestricted }).ToListAsync(ct);
        // Only what the list shows: never the bodies.
        var emails = await db.EmailRecords.AsNoTracking().Where(e => e.CaseFileId == id && e.SupersededById == null)
            .Select(e => new { e.Id, e.Subject, e.From, e.SentAt, e.ReceivedAt, e.ImportedAt, e.IsRestricted }).ToListAsync(ct);

        var items = new List<FiledItem>();
        var hidden = 0;
        foreach (var d in documents)
        {
            if (d.IsRestricted && !mayOpen) { hidden++; continue; }
            var detail = $"{d.Type.DisplayName()}, {d.DocumentDate.Display()}{(d.Author is null ? "" : ", by " + d.Author)}";
            var when = d.DocumentDate is { } date ? LondonTime.FromLondon(date, TimeOnly.MinValue) : d.UploadedAt;
            items.Add(new FiledItem(d.Id, false, d.Title, detail, when, d.IsRestricted));
        }
        foreach (var e in emails)
        {
            if (e.IsRestricted && !mayOpen) { hidden++; continue; }
            var when = e.SentAt ?? e.ReceivedAt ?? e.ImportedAt;
            items.Add(new FiledItem(e.Id, true, $"Email: {e.Subject ?? "(no subject)"}", $"From {e.From}, {when.Display()}", when, e.IsRestricted));
        }
        return new CaseDocumentsSection(id, [.. items.OrderByDescending(i => i.When)], documents.Count(d => !d.IsRestricted || mayOpen),
            emails.Count(e => !e.IsRestricted || mayOpen), items.Count(i => i.Restricted), hidden, opened.May(CaseCapability.Record));
    }
}
