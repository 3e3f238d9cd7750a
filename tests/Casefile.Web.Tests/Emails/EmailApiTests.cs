using System.Net;
using System.Text;
using System.Text.Json;
using Casefile.Web.Tests.Documents;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Emails;

public sealed class EmailApiTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Emails", "Messages", name));

    private static Dictionary<string, string> Confirm => new() { ["confirmOtherChildren"] = "true" };

    /// <summary>An email with one PDF attachment, its bytes unique to the call.</summary>
    internal static (byte[] Eml, byte[] Pdf) Email(string from, string to, string subject, string body)
    {
        var pdf = DocumentApiTests.Pdf(subject);
        var eml = $"""
            From: Sender <{from}>
            To: Recipient <{to}>
            Subject: {subject}
            Date: Mon, 3 Nov 2025 10:15:00 +0000
            Message-ID: <{Guid.NewGuid():N}@council.gov.uk>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            {body}

            --b1
            Content-Type: application/pdf; name="advice.pdf"
            Content-Transfer-Encoding: base64
            Content-Disposition: attachment; filename="advice.pdf"

            {Convert.ToBase64String(pdf, Base64FormattingOptions.InsertLineBreaks)}
            --b1--

            """.ReplaceLineEndings("\r\n");
        return (Encoding.UTF8.GetBytes(eml), pdf);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Import_WhenAFixtureWithAttachments_KeepsTheOriginalAndEveryAttachmentExactly(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var raw = Fixture("mixed-related.eml");

        var (status, body) = await worker.PostFileAsync($"/api/v1/cases/{caseId}/emails", raw, "minutes.eml", contentType: "message/rfc822");

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.Str("section").ShouldBe("general");
        body.Str("subject").ShouldBe("Conference minutes and the signed plan");
        body.Str("messageId").ShouldBe("20251106162024.GA4411@council.gov.uk");
        body.GetProperty("from").Str("address").ShouldBe("priya.patel@council.gov.uk");
        body.GetProperty("to").EnumerateArray().Select(a => a.Str("address")).ShouldBe(["jane.smith@council.gov.uk"]);
        body.GetProperty("cc").GetArrayLength().ShouldBe(2);
        body.GetProperty("sentAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2025, 11, 6, 16, 20, 24, TimeSpan.Zero));
        var attachments = body.GetProperty("attachments").EnumerateArray().ToList();
        attachments.Count.ShouldBe(2);
        var id = body.Id();

        using (var original = await worker.GetAsync($"/api/v1/emails/{id}/original"))
        {
            original.StatusCode.ShouldBe(HttpStatusCode.OK);
            original.Content.Headers.ContentType!.MediaType.ShouldBe("message/rfc822");
            (await original.Content.ReadAsByteArrayAsync()).ShouldBe(raw);
        }
        foreach (var attachment in attachments)
        {
            using var content = await worker.GetAsync($"/api/v1/documents/{attachment.Id("documentId")}/content");
            content.StatusCode.ShouldBe(HttpStatusCode.OK);
            var bytes = await content.Content.ReadAsByteArrayAsync();
            DocumentApiTests.Sha256(bytes).ShouldBe(attachment.Str("sha256"));
            bytes.Length.ShouldBe(attachment.GetProperty("size").GetInt32());
        }
        var pdf = attachments.Single(a => a.Str("fileName") == "conference-minutes.pdf");
        var (metaStatus, meta) = await worker.GetJsonAsync($"/api/v1/documents/{pdf.Id("documentId")}");
        metaStatus.ShouldBe(HttpStatusCode.OK);
        meta.Str("type").ShouldBe("emailAttachment");
        meta.Id("emailId").ShouldBe(id);

        var (viewStatus, view) = await worker.GetJsonAsync($"/api/v1/emails/{id}");
        viewStatus.ShouldBe(HttpStatusCode.OK, view.ToString());
        view.Str("bodyText").ShouldStartWith("Hi Jane,");
        (await app.WithDbAsync(d => d.Chronology.AnyAsync(c => c.SourceId == id && c.Kind == Domain.Records.ChronologyKind.Email))).ShouldBeTrue();
        var actions = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.RecordId == id.ToString()).Select(e => e.Action).ToListAsync());
        actions.ShouldContain("create");
        actions.ShouldContain("download");
        actions.ShouldContain("view");

        var again = await worker.PostFileAsync($"/api/v1/cases/{caseId}/emails", raw, "minutes.eml");
        again.Status.ShouldBe(HttpStatusCode.Conflict, "the same email twice");
    }

    [Theory]
    [InlineData(Db.Sqlite, "truncated.eml")]
    [InlineData(Db.Sqlite, "not-an-email.eml")]
    [InlineData(Db.Sqlite, "empty.eml")]
    [InlineData(Db.Sqlite, "binary.eml")]
    [InlineData(Db.Postgres, "truncated.eml")]
    [InlineData(Db.Postgres, "no-sender.eml")]
    public async Task Import_WhenTheMessageCannotBeRead_AnswersAProblemNamingFileAndKeepsNothing(Db db, string fixture)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var raw = Fixture(fixture);

        var answer = await worker.PostFileAsync($"/api/v1/cases/{caseId}/emails", raw, fixture);

        answer.ShouldBeProblem(HttpStatusCode.BadRequest, "file");
        (await app.WithDbAsync(d => d.EmailRecords.CountAsync(e => e.CaseFileId == caseId))).ShouldBe(0);
        (await app.WithDbAsync(d => d.CaseDocuments.CountAsync(e => e.CaseFileId == caseId))).ShouldBe(0);
        if (raw.Length > 0) DocumentApiTests.IsStored(app, DocumentApiTests.Sha256(raw)).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Import_WhenToOrFromLegalServices_OpensOnlyForLegalTheWorkerAndManagersWithAReason(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (eml, pdf) = Email("solicitor@legal.council.gov.uk", "amara.osei@council.gov.uk", "Advice on threshold", "Privileged advice follows.");

        var (status, body) = await worker.PostFileAsync($"/api/v1/cases/{caseId}/emails", eml, "advice.eml");

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.Str("section").ShouldBe("restricted");
        var id = body.Id();
        var documentId = body.GetProperty("attachments")[0].Id("documentId");
        body.GetProperty("attachments")[0].Str("sha256").ShouldBe(DocumentApiTests.Sha256(pdf));

        // The team's admin officer reads the case: knows something restricted exists, never what.
        var admin = await app.ClientAsync("olu.bello");
        (await admin.GetJsonAsync($"/api/v1/emails/{id}?reason=curious")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetJsonAsync($"/api/v1/emails/{id}/original?reason=curious")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetJsonAsync($"/api/v1/documents/{documentId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetJsonAsync($"/api/v1/documents/{documentId}/content?reason=curious")).Status.ShouldBe(HttpStatusCode.NotFound);
        var (_, list) = await admin.GetJsonAsync($"/api/v1/cases/{caseId}/documents");
        var hidden = list.GetProperty("documents").EnumerateArray().Single(d => d.Id() == documentId);
        hidden.GetProperty("restricted").GetBoolean().ShouldBeTrue();
        hidden.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "restricted"], ignoreOrder: true);
        var (_, emails) = await admin.GetJsonAsync($"/api/v1/cases/{caseId}/emails");
        emails.GetProperty("emails").EnumerateArray().Single(e => e.Id() == id).TryGetProperty("subject", out _).ShouldBeFalse();
        var (_, chronology) = await admin.GetJsonAsync($"/api/v1/cases/{caseId}/chronology");
        chronology.ToString().ShouldNotContain("Advice on threshold");
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.RecordId == id.ToString() && e.Outcome == "refused"))).ShouldBeTrue();

        // The allocated worker, who asked for the advice and acts on it: opens it with a reason, as Legal does (issue 15, item 9).
        (await worker.GetJsonAsync($"/api/v1/emails/{id}")).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        var (own, ownView) = await worker.GetJsonAsync($"/api/v1/emails/{id}?reason=Acting%20on%20the%20advice");
        own.ShouldBe(HttpStatusCode.OK, ownView.ToString());
        ownView.Str("subject").ShouldBe("Advice on threshold");
        // The case's manager too; the other team's manager not at all.
        (await (await app.ClientAsync("daniel.hughes")).GetJsonAsync($"/api/v1/emails/{id}?reason=Supervision")).Status.ShouldBe(HttpStatusCode.OK);
        (await (await app.ClientAsync("hannah.price")).GetJsonAsync($"/api/v1/emails/{id}?reason=Supervision")).Status.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

        // Legal Services, once the case is shared with them: may open it, with a reason.
        (await worker.PostAsync($"/api/v1/cases/{caseId}/legal-shares", new { user = "sam.fraser", reason = "Advice on threshold for proceedings" })).Status.ShouldBe(HttpStatusCode.NoContent);
        var legal = await app.ClientAsync("sam.fraser");
        (await legal.GetJsonAsync($"/api/v1/emails/{id}")).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        var (viewStatus, view) = await legal.GetJsonAsync($"/api/v1/emails/{id}?reason=Preparing%20for%20court");
        viewStatus.ShouldBe(HttpStatusCode.OK, view.ToString());
        view.Str("subject").ShouldBe("Advice on threshold");
        using var content = await legal.GetAsync($"/api/v1/documents/{documentId}/content?reason=Preparing%20for%20court");
        content.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await content.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        var (_, legalList) = await legal.GetJsonAsync($"/api/v1/cases/{caseId}/documents");
        legalList.GetProperty("documents").EnumerateArray().Single(d => d.Id() == documentId).Str("title").ShouldBe("advice.pdf");
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.RecordId == documentId.ToString() && e.Action == "download" && e.Reason == "Preparing for court"))).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Import_WhenItNamesAnotherChildOnTheRegister_WarnsFirstAndFilesOnlyWhenConfirmed(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var family = "Quill" + Guid.NewGuid().ToString("N")[..6];
        await Given.ChildAsync(await app.ClientAsync("daniel.hughes"), "Zephyrine", family);
        var (eml, pdf) = Email("mark.evans@oakfield-school.org.uk", "amara.osei@council.gov.uk", "Attendance", $"Zephyrine {family} was also absent.");

        var warned = await worker.PostFileAsync($"/api/v1/cases/{caseId}/emails", eml, "a.eml");

        warned.Status.ShouldBe(HttpStatusCode.Conflict, warned.Body.ToString());
        warned.Body.Str("rule").ShouldBe("other-child-named");
        warned.Body.GetProperty("children").EnumerateArray().Select(c => c.Str("text")).ShouldBe([$"Zephyrine {family}"]);
        warned.Body.ToString().ShouldNotContain("\"id\"");
        (await app.WithDbAsync(d => d.EmailRecords.CountAsync(e => e.CaseFileId == caseId))).ShouldBe(0);
        DocumentApiTests.IsStored(app, DocumentApiTests.Sha256(eml)).ShouldBeFalse();
        DocumentApiTests.IsStored(app, DocumentApiTests.Sha256(pdf)).ShouldBeFalse();

        var (status, body) = await worker.PostFileAsync($"/api/v1/cases/{caseId}/emails", eml, "a.eml", Confirm);

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        DocumentApiTests.IsStored(app, DocumentApiTests.Sha256(eml)).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Supersede_WhenTheLaterEmailQuotesEarlierOnesWhole_MarksOnlyThoseOfferedAndHidesThemFromTheList(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var ids = new List<Guid>();
        JsonElement last = default;
        foreach (var n in new[] { 1, 2, 3, 4 })
        {
            var (status, body) = await worker.PostFileAsync($"/api/v1/cases/{caseId}/emails", Fixture($"thread-{n}.eml"), $"{n}.eml", Confirm);
            status.ShouldBe(HttpStatusCode.Created, body.ToString());
            ids.Add(body.Id());
            last = body;
        }

        // thread-4 quotes 1 to 3 but lacks thread-1's attachment (policy 4.7: only a complete record stands for the others).
        last.GetProperty("mayReplace").EnumerateArray().Select(o => o.Id()).ShouldBe([ids[1], ids[2]]);
        var refused = await worker.PostAsync($"/api/v1/emails/{ids[3]}/supersede", new { replaces = new[] { ids[0] } });
        refused.ShouldBeProblem(HttpStatusCode.BadRequest, "replaces[0]");
        refused.Body.GetProperty("errors").GetProperty("replaces[0]")[0].GetString()!.ShouldContain("attendance-report.pdf");

        var (done, answer) = await worker.PostAsync($"/api/v1/emails/{ids[3]}/supersede", new { replaces = new[] { ids[1], ids[2] } });

        done.ShouldBe(HttpStatusCode.OK, answer.ToString());
        var (_, list) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/emails");
        list.GetProperty("emails").EnumerateArray().Select(e => e.Id()).ShouldBe([ids[3], ids[0]], ignoreOrder: true);
        var (_, all) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/emails?includeSuperseded=true");
        all.GetProperty("emails").GetArrayLength().ShouldBe(4);
        var (kept, earlier) = await worker.GetJsonAsync($"/api/v1/emails/{ids[1]}");
        kept.ShouldBe(HttpStatusCode.OK, "superseded emails are kept and readable");
        earlier.Id("supersededBy").ShouldBe(ids[3]);
        (await worker.PostAsync($"/api/v1/emails/{ids[3]}/supersede", new { replaces = new[] { ids[1] } })).ShouldBeProblem(HttpStatusCode.BadRequest, "replaces[0]");
    }
}
