using System.Net;
using Casefile.Web.Tests.Emails;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.Documents;

/// <summary>Case records refer to documents on the same child's file (issue 6).</summary>
public sealed class RecordDocumentLinkTests
{
    private static object PhoneCall(params Guid[] linkedDocuments) => new
    {
        type = "phoneCall",
        occurredAt = DateTimeOffset.UtcNow.AddHours(-1),
        narrative = "Called the school about the letter they sent.",
        linkedDocuments,
    };

    private static async Task<Guid> UploadAsync(HttpClient client, Guid caseId, string title)
    {
        var (status, body) = await client.PostFileAsync($"/api/v1/cases/{caseId}/documents", DocumentApiTests.Pdf(title), "letter.pdf",
            new Dictionary<string, string> { ["type"] = "letter", ["title"] = title });
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.Id();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Record_WhenLinkedToADocumentOnItsCase_ReturnsItAndShowsALinkOnTheRecordPage(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var documentId = await UploadAsync(worker, caseId, "Letter from the school, 3 March");

        var (status, created) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", PhoneCall(documentId));

        status.ShouldBe(HttpStatusCode.Created, created.ToString());
        var (_, record) = await worker.GetJsonAsync($"/api/v1/records/{created.Id()}");
        record.GetProperty("content").GetProperty("linkedDocuments").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([documentId]);
        var linked = record.GetProperty("linkedDocuments").EnumerateArray().Single();
        linked.Id().ShouldBe(documentId);
        linked.Str("title").ShouldBe("Letter from the school, 3 March");

        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var page = await session.GetHtmlAsync($"/records/{created.Id()}");
        page.ShouldContain($"href=\"/documents/{documentId}\"");
        page.ShouldContain("Letter from the school, 3 March");

        // Unlinking by saving the draft without it.
        var (revised, saved) = await worker.PutAsync($"/api/v1/records/{created.Id()}", PhoneCall());
        revised.ShouldBe(HttpStatusCode.OK, saved.ToString());
        var (_, after) = await worker.GetJsonAsync($"/api/v1/records/{created.Id()}");
        after.GetProperty("linkedDocuments").GetArrayLength().ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Record_WhenLinkedToAnotherCasesDocument_IsRefusedNamingTheField(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var (_, otherCaseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var otherChildsDocument = await UploadAsync(worker, otherCaseId, "Another child's letter");

        var answer = await worker.PostAsync($"/api/v1/cases/{caseId}/records", PhoneCall(otherChildsDocument));

        answer.ShouldBeProblem(HttpStatusCode.BadRequest, "linkedDocuments");
        answer.Body.Str("rule").ShouldBe("document-not-on-case");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/records", PhoneCall(Guid.NewGuid()))).ShouldBeProblem(HttpStatusCode.BadRequest, "linkedDocuments");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Record_WhenLinkedToARestrictedDocument_ShowsOnlyThatItExistsToThoseWhoMayNotOpenIt(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (eml, _) = EmailApiTests.Email("solicitor@legal.council.gov.uk", "amara.osei@council.gov.uk", "Advice on threshold", "Privileged advice follows.");
        var (filed, email) = await worker.PostFileAsync($"/api/v1/cases/{caseId}/emails", eml, "advice.eml");
        filed.ShouldBe(HttpStatusCode.Created, email.ToString());
        var restrictedDocument = email.GetProperty("attachments")[0].Id("documentId");

        var (status, created) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", PhoneCall(restrictedDocument));
        status.ShouldBe(HttpStatusCode.Created, created.ToString());

        // The team's admin officer reads the case but may not open its Restricted Access section: "A restricted document", nothing more.
        var (_, record) = await (await app.ClientAsync("olu.bello")).GetJsonAsync($"/api/v1/records/{created.Id()}");
        var hidden = record.GetProperty("linkedDocuments").EnumerateArray().Single();
        hidden.GetProperty("restricted").GetBoolean().ShouldBeTrue();
        hidden.GetProperty("title").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var session = await Browserless.SignedInAsync(app, "olu.bello");
        var page = await session.GetHtmlAsync($"/records/{created.Id()}");
        page.ShouldContain("A restricted document");
        page.ShouldNotContain($"/documents/{restrictedDocument}");
        page.ShouldNotContain("advice.pdf");

        // The allocated worker acts on the advice: she sees what it is, on the record and in her form.
        var form = await (await Browserless.SignedInAsync(app, "amara.osei")).GetHtmlAsync($"/records/{created.Id()}/edit");
        form.ShouldContain("Documents this record refers to");
        form.ShouldContain("advice.pdf");

        // Legal Services, once the case is shared with them, see what it is.
        (await worker.PostAsync($"/api/v1/cases/{caseId}/legal-shares", new { user = "sam.fraser", reason = "Advice on threshold for proceedings" })).Status.ShouldBe(HttpStatusCode.NoContent);
        var (_, legalView) = await (await app.ClientAsync("sam.fraser")).GetJsonAsync($"/api/v1/records/{created.Id()}");
        legalView.GetProperty("linkedDocuments").EnumerateArray().Single().Str("title").ShouldBe("advice.pdf");
    }

    private static Dictionary<string, string> RecordForm(Guid linkedDocument)
    {
        var yesterday = DateTime.UtcNow.AddDays(-1);
        return new()
        {
            ["Input.Type"] = "PhoneCall",
            ["Input.OccurredOn.Day"] = yesterday.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OccurredOn.Month"] = yesterday.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OccurredOn.Year"] = yesterday.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OccurredTime"] = "10:30",
            ["Input.Narrative"] = "Called the school about their letter.",
            ["Input.LinkedDocuments"] = linkedDocument.ToString(),
        };
    }

    [Fact]
    public async Task RecordForm_WhenADocumentIsTicked_KeepsTheLinkAndRefusesAnotherCasesDocumentWithTheErrorSummary()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var (_, otherCaseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var documentId = await UploadAsync(worker, caseId, "School letter about attendance");
        var otherChildsDocument = await UploadAsync(worker, otherCaseId, "Another child's school letter");
        var session = await Browserless.SignedInAsync(app, "amara.osei");

        var form = await session.GetHtmlAsync($"/cases/{caseId}/records/new");
        form.ShouldContain("Documents this record refers to");
        form.ShouldContain("School letter about attendance");
        form.ShouldNotContain("Another child's school letter");

        var refused = await session.PostFormAsync($"/cases/{caseId}/records/new", RecordForm(otherChildsDocument));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("href=\"#Input_LinkedDocuments\"");
        html.ShouldContain("only refer to documents on this child");

        var saved = await session.PostFormAsync($"/cases/{caseId}/records/new", RecordForm(documentId));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var edit = await session.GetHtmlAsync(saved.Headers.Location!.ToString());
        edit.ShouldContain($"value=\"{documentId}\" checked");
    }
}
