using System.Text;
using Casefile.Data.Documents;
using Casefile.Domain.Documents;

namespace Casefile.Web.Features.Documents;

/// <summary>
/// Reads a stored document's text, to redact it for disclosure or to look in it for other children's
/// names: plain text as it is, a PDF's text layer through PdfPig; anything else has no text.
/// </summary>
public static class DocumentText
{
    public static Task<string?> ExtractAsync(IDocumentContentStore store, CaseDocument document, CancellationToken ct) =>
        ExtractAsync(store, document.ContentType, document.Sha256, ct);

    public static async Task<string?> ExtractAsync(IDocumentContentStore store, string contentType, string sha256, CancellationToken ct)
    {
        var type = contentType.ToLowerInvariant();
        if (type is not ("application/pdf" or "text/plain")) return null;
        using var buffer = new MemoryStream();
        await using (var stream = await store.OpenReadAsync(sha256, ct)) await stream.CopyToAsync(buffer, ct);
        if (type == "text/plain") return Encoding.UTF8.GetString(buffer.ToArray()).Trim() is { Length: > 0 } plain ? plain : null;
        try
        {
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(buffer.ToArray());
            var pages = pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).Where(p => p.Length > 0).ToList();
            // A scan has no text layer: it is an image, and a person decides on it.
            return pages.Count == 0 ? null : string.Join("\n\n", pages);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }
}
