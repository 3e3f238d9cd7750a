using System.Net;
using System.Security.Cryptography;
using System.Text;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Documents;

public sealed class DocumentApiTests
{
    /// <summary>A small PDF with bytes no other test uses, so its hash is its own.</summary>
    internal static byte[] Pdf(string text) => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text} {Guid.NewGuid()}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    internal static bool IsStored(CasefileApp app, string hash) =>
        File.Exists(Path.Combine(app.DataDirectory, "documents", hash[..2], hash[2..4], hash));

    private static Dictionary<string, string> Fields(string type = "courtOrder", string title = "Interim care order", string? date = null) =>
        date is null ? new() { ["type"] = type, ["title"] = title, ["author"] = "Harrowden Family Court" }
            : new() { ["type"] = type, ["title"] = title, ["author"] = "Harrowden Family Court", ["date"] = date };

    private static Task<int> DocumentCountAsync(CasefileApp app, Guid caseId) =>
        app.WithDbAsync(d => d.CaseDocuments.CountAsync(x => x.CaseFileId == caseId));

    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_ThenDownload_GivesBackTheSameBytesAndIsAudited(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var pdf = Pdf("court order");

        var (status, body) = await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", pdf, "order.pdf", Fields(date: "2026-01-05"));

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.Str("sha256").ShouldBe(Sha256(pdf));
        body.GetProperty("size").GetInt64().ShouldBe(pdf.Length);
        body.Str("contentType").ShouldBe("application/pdf");
        var id = body.Id();
        IsStored(app, Sha256(pdf)).ShouldBeTrue();

        using var download = await worker.GetAsync($"/api/v1/documents/{id}/content");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("order.pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);

        var (metaStatus, meta) = await worker.GetJsonAsync($"/api/v1/documents/{id}");
        metaStatus.ShouldBe(HttpStatusCode.OK, meta.ToString());
        meta.Str("title").ShouldBe("Interim care order");
        meta.Str("type").ShouldBe("courtOrder");
        meta.Str("date").ShouldBe("2026-01-05");

        var (listStatus, list) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/documents");
        listStatus.ShouldBe(HttpStatusCode.OK);
        list.GetProperty("documents").EnumerateArray().Select(d => d.Id()).ShouldContain(id);

        var actions = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.RecordId == id.ToString()).Select(e => e.Action).ToListAsync());
        actions.ShouldContain("create");
        actions.ShouldContain("download");
        actions.ShouldContain("view");
        (await app.WithDbAsync(d => d.Chronology.AnyAsync(c => c.SourceId == id && c.Kind == Domain.Records.ChronologyKind.Document))).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_WhenTheSameBytesTwice_StoresThemOnceForTwoDocuments(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var pdf = Pdf("twice");

        var first = await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", pdf, "a.pdf", Fields());
        var second = await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", pdf, "b.pdf", Fields(title: "Copy"));

        first.Status.ShouldBe(HttpStatusCode.Created, first.Body.ToString());
        second.Status.ShouldBe(HttpStatusCode.Created, second.Body.ToString());
        second.Body.Id().ShouldNotBe(first.Body.Id());
        second.Body.Str("sha256").ShouldBe(first.Body.Str("sha256"));
        (await DocumentCountAsync(app, caseId)).ShouldBe(2);
        Directory.GetFiles(Path.Combine(app.DataDirectory, "documents"), Sha256(pdf), SearchOption.AllDirectories).Length.ShouldBe(1);
    }

    public static TheoryData<Db, string, string, HttpStatusCode, string> Refusals()
    {
        var data = new TheoryData<Db, string, string, HttpStatusCode, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
        {
            data.Add(db, "empty", "empty.pdf", HttpStatusCode.BadRequest, "file-empty");
            data.Add(db, "too-large", "big.pdf", HttpStatusCode.RequestEntityTooLarge, "file-too-large");
            data.Add(db, "program", "setup.exe", HttpStatusCode.BadRequest, "file-type-not-allowed");
            data.Add(db, "lying-name", "photo.pdf", HttpStatusCode.BadRequest, "file-name-mismatch");
            data.Add(db, "unknown", "data.pdf", HttpStatusCode.BadRequest, "file-type-unknown");
        }
        return data;
    }

    [Theory, MemberData(nameof(Refusals))]
    public async Task Upload_WhenTheFileIsRefused_AnswersAProblemNamingFileAndKeepsNothing(Db db, string kind, string fileName, HttpStatusCode expected, string rule)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var unique = Encoding.ASCII.GetBytes(Guid.NewGuid().ToString());
        byte[] bytes = kind switch
        {
            "empty" => Array.Empty<byte>(),
            "too-large" => [.. Pdf("big"), .. new byte[CasefileApp.MaxUploadBytes]],
            "program" => [(byte)'M', (byte)'Z', 0x90, 0, .. unique],
            "lying-name" => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. unique],
            _ => [0, 1, 2, 3, 0xFF, 0xFE, .. unique],
        };

        var answer = await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", bytes, fileName, Fields());

        answer.ShouldBeProblem(expected, "file");
        answer.Body.Str("rule").ShouldBe(rule);
        (await DocumentCountAsync(app, caseId)).ShouldBe(0);
        IsStored(app, Sha256(bytes)).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_WhenTypeOrTitleMissing_NamesTheFieldsAndKeepsNothing(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var pdf = Pdf("no title");

        var answer = await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", pdf, "x.pdf", new Dictionary<string, string> { ["date"] = "2999-01-01" });

        answer.ShouldBeProblem(HttpStatusCode.BadRequest, "type", "title", "date");
        (await DocumentCountAsync(app, caseId)).ShouldBe(0);
        IsStored(app, Sha256(pdf)).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_WhenTheUserMayNotWriteToTheCase_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var legal = await app.ClientAsync("sam.fraser");
        var pdf = Pdf("not yours");

        var (status, _) = await legal.PostFileAsync($"/api/v1/cases/{caseId}/documents", pdf, "x.pdf", Fields());

        status.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        IsStored(app, Sha256(pdf)).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Download_WhenTheStoredCopyWasAltered_RefusesWithA500ProblemAndAuditsIt(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var pdf = Pdf("to be altered");
        var (status, body) = await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", pdf, "a.pdf", Fields());
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        var hash = Sha256(pdf);
        var path = Path.Combine(app.DataDirectory, "documents", hash[..2], hash[2..4], hash);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        else File.SetAttributes(path, FileAttributes.Normal);
        await File.WriteAllBytesAsync(path, [.. pdf, (byte)'!']);

        var answer = await worker.GetJsonAsync($"/api/v1/documents/{body.Id()}/content");

        answer.ShouldBeProblem(HttpStatusCode.InternalServerError);
        answer.Body.Str("detail").ShouldContain("tell the records manager");
        var id = body.Id().ToString();
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.RecordId == id && e.Action == "download" && e.Outcome == "refused"))).ShouldBeTrue();
        app.ServerErrors.Clear();
    }
}
