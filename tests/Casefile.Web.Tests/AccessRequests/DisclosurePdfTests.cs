using System.IO.Compression;
using System.Net;
using System.Text;
using Casefile.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Casefile.Web.Tests.AccessRequests;

/// <summary>
/// The released bundle read back (issue 9): no redacted string survives anywhere in the file (text
/// layer, document information, bookmarks, attachments, the raw and the decompressed bytes); the
/// subject's own words are there; every page is numbered and every item is in the index.
/// </summary>
public sealed class DisclosurePdfTests
{
    private static async Task<(AccessScenario Scenario, Guid RequestId, HttpClient Worker)> ReleasedAsync(CasefileApp app)
    {
        var s = await AccessScenario.CreateAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var id = await s.RequestAsync(worker, "subject-access");
        var bundle = await AccessScenario.BuildAsync(worker, id, new { everything = true });
        await AccessScenario.AcceptAllAsync(worker, id, bundle);
        var legal = await app.ClientAsync("sam.fraser");
        (await legal.PostAsync($"/api/v1/access-requests/{id}/legal-advice", new { advice = "Redact the mother's details." })).Status.ShouldBe(HttpStatusCode.NoContent);
        var (released, body) = await worker.PostAsync($"/api/v1/access-requests/{id}/release", new { });
        released.ShouldBe(HttpStatusCode.OK, body.ToString());
        return (s, id, worker);
    }

    private static string[] Secrets(AccessScenario s) =>
        [s.MotherName, s.MotherStreet, s.MotherPhone, s.MotherName.Split(' ')[1], s.MotherStreet.Split(' ')[1]];

    [Theory, ClassData(typeof(Databases))]
    public async Task ReleasedPdf_HasNoRedactedStringAnywhere_AndTheSubjectsOwnWords(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (s, id, worker) = await ReleasedAsync(app);

        using var response = await worker.GetAsync($"/api/v1/access-requests/{id}/disclosure.pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).ToList();
        var text = string.Join('\n', pages);
        foreach (var secret in Secrets(s))
        {
            text.ShouldNotContain(secret, Case.Insensitive);
            foreach (var (key, value) in pdf.Information.DocumentInformationDictionary!.Data)
                value.ToString()!.ShouldNotContain(secret, Case.Insensitive, $"document information {key}");
            if (pdf.TryGetBookmarks(out var bookmarks))
                foreach (var node in bookmarks.GetNodes()) node.Title.ShouldNotContain(secret, Case.Insensitive);
            foreach (var stream in RawAndDecompressed(bytes))
            {
                Contains(stream, Encoding.Latin1.GetBytes(secret)).ShouldBeFalse($"\"{secret}\" in the file's bytes");
                Contains(stream, Encoding.BigEndianUnicode.GetBytes(secret)).ShouldBeFalse($"\"{secret}\" as UTF-16 in the file's bytes");
            }
        }
        if (pdf.Advanced.TryGetEmbeddedFiles(out var files)) files!.Count.ShouldBe(0);

        text.ShouldContain("[redacted: third party]");
        text.ShouldContain(s.ChildName);
        text.ShouldContain("likes her new school");
        text.ShouldContain($"Dear DC Lewis,");
        pdf.Information.Title.ShouldStartWith("Disclosure bundle CF-");

        // Every page numbered; every item in the index with the page it starts on.
        for (var n = 1; n <= pages.Count; n++) pages[n - 1].ShouldContain($"Page {n} of {pages.Count}");
        var index = pages[1];
        index.ShouldStartWith("OFFICIAL-SENSITIVE");
        index.ShouldContain("Index");
        var items = 0;
        for (var n = 1; ; n++)
        {
            var start = pages.FindIndex(p => p.Contains($"Item {n}:", StringComparison.Ordinal));
            if (start < 0) break;
            items++;
            index.ShouldContain($"{n}. ");
            System.Text.RegularExpressions.Regex.IsMatch(index, $@"(^| ){n}\. .*? \d{{1,2}} \w+ \d{{4}} {start + 1}( |$)").ShouldBeTrue($"item {n} on page {start + 1} in: {index}");
        }
        items.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task LargePrintAndHtml_AreTheSameBundleInAccessibleForms(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (s, id, worker) = await ReleasedAsync(app);

        var normal = await worker.GetByteArrayAsync($"/api/v1/access-requests/{id}/disclosure.pdf");
        var large = await worker.GetByteArrayAsync($"/api/v1/access-requests/{id}/disclosure-large-print.pdf");
        using (var big = PdfDocument.Open(large))
        using (var small = PdfDocument.Open(normal))
        {
            big.NumberOfPages.ShouldBeGreaterThan(small.NumberOfPages);
            var letters = big.GetPage(1).Letters.Where(l => char.IsLetter(l.Value[0])).ToList();
            letters.Max(l => l.PointSize).ShouldBeGreaterThanOrEqualTo(16);
            var text = string.Join(' ', big.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            foreach (var secret in Secrets(s)) text.ShouldNotContain(secret, Case.Insensitive);
        }

        using var response = await worker.GetAsync($"/api/v1/access-requests/{id}/disclosure.html");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"en-GB\">");
        html.ShouldContain("[redacted: third party]");
        html.ShouldContain("likes her new school");
        foreach (var secret in Secrets(s)) html.ShouldNotContain(secret, Case.Insensitive);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>The file's bytes, then every stream in it inflated where it is Flate-compressed.</summary>
    private static IEnumerable<byte[]> RawAndDecompressed(byte[] file)
    {
        yield return file;
        var text = Encoding.Latin1.GetString(file);
        var at = 0;
        while ((at = text.IndexOf("stream", at, StringComparison.Ordinal)) >= 0)
        {
            if (at >= 3 && text.AsSpan(at - 3, 3).SequenceEqual("end")) { at += 6; continue; }
            var start = at + 6;
            if (start < text.Length && text[start] == '\r') start++;
            if (start < text.Length && text[start] == '\n') start++;
            var end = text.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0) break;
            byte[]? inflated = null;
            try
            {
                using var input = new ZLibStream(new MemoryStream(file, start, end - start), CompressionMode.Decompress);
                using var output = new MemoryStream();
                input.CopyTo(output);
                inflated = output.ToArray();
            }
            catch (InvalidDataException)
            {
            }
            if (inflated is not null) yield return inflated;
            at = end + 9;
        }
    }
}
