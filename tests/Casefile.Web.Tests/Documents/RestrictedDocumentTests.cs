using System.Net;
using System.Text;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Documents;

/// <summary>
/// Issue 15, item 9 (policy 4.3 guidance): legal advice filed as a document goes in the Restricted
/// Access section. Legal Services, the allocated worker and the case's managers open it, each time
/// with a reason; others on the case know only that it exists; it stays out of any disclosure.
/// Item 7: a document whose text names another child on the register is refused until confirmed.
/// </summary>
public sealed class RestrictedDocumentTests
{
    private static Dictionary<string, string> Fields(string section, string title = "Counsel's advice on threshold") => new()
    {
        ["type"] = "letter",
        ["title"] = title,
        ["author"] = "Harrowden Legal Services",
        ["section"] = section,
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_InTheRestrictedSection_OpensOnlyForThoseWhoActOnTheAdviceAndStaysOutOfDisclosure(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var pdf = DocumentApiTests.Pdf("advice");

        var (status, body) = await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", pdf, "advice.pdf", Fields("restricted"));

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("restricted").GetBoolean().ShouldBeTrue();
        var id = body.Id();

        // The allocated worker and the manager: with a reason, every time.
        (await worker.GetJsonAsync($"/api/v1/documents/{id}/content")).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        using (var content = await worker.GetAsync($"/api/v1/documents/{id}/content?reason=Acting%20on%20the%20advice"))
        {
            content.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await content.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        }
        using (var content = await (await app.ClientAsync("daniel.hughes")).GetAsync($"/api/v1/documents/{id}/content?reason=Supervision"))
            content.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.RecordId == id.ToString() && e.Action == "download" && e.Reason == "Acting on the advice")))
            .ShouldBeTrue();

        // The team's admin officer reads the case but not the advice: only that something restricted is there.
        var admin = await app.ClientAsync("olu.bello");
        (await admin.GetJsonAsync($"/api/v1/documents/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var (_, list) = await admin.GetJsonAsync($"/api/v1/cases/{caseId}/documents");
        list.GetProperty("documents").EnumerateArray().Single(d => d.Id() == id).EnumerateObject().Select(p => p.Name).ShouldBe(["id", "restricted"], ignoreOrder: true);
        var (_, chronology) = await admin.GetJsonAsync($"/api/v1/cases/{caseId}/chronology");
        chronology.ToString().ShouldNotContain("Counsel's advice");
        chronology.ToString().ShouldContain("Restricted document");

        // Another team's manager: nothing.
        (await (await app.ClientAsync("hannah.price")).GetJsonAsync($"/api/v1/documents/{id}/content?reason=x")).Status
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

        // A disclosure leaves it out, as privileged, until Legal Services release it.
        var (asked, request) = await worker.PostAsync("/api/v1/access-requests", new
        {
            kind = "subject-access",
            subjectId = childId,
            requesterName = "Ms J Testchild",
            whatIsAsked = "Everything on my daughter's file",
            receivedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd"),
            identityChecks = "Passport seen",
            legalBasis = "UK GDPR Article 15",
        });
        asked.ShouldBe(HttpStatusCode.Created, request.ToString());
        var bundle = await AccessRequests.AccessScenario.BuildAsync(worker, request.Id(), new { documents = new[] { id } });
        bundle.GetProperty("items").GetArrayLength().ShouldBe(0);
        bundle.GetProperty("withheld").EnumerateArray().Single().Str("reason").ShouldContain("Legal privilege");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_InTheRestrictedSection_ByWhoeverCannotOpenIt_IsRefusedNamingSection(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var ben = await app.ClientAsync("ben.carter");
        (await ben.PostAsync($"/api/v1/cases/{caseId}/emergency-access", new { reason = "Police called out of hours about the child's safety" }))
            .Status.ShouldBe(HttpStatusCode.Created);

        // Emergency access lets him record, never open (or file in) the privileged section.
        (await ben.PostFileAsync($"/api/v1/cases/{caseId}/documents", DocumentApiTests.Pdf("x"), "advice.pdf", Fields("restricted")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "section");
        (await ben.PostFileAsync($"/api/v1/cases/{caseId}/documents", DocumentApiTests.Pdf("x"), "advice.pdf", Fields("secret")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "section");
        (await app.WithDbAsync(d => d.CaseDocuments.CountAsync(x => x.CaseFileId == caseId))).ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_WhenTheTextNamesAnotherChildOnTheRegister_WarnsFirstAndFilesOnlyWhenConfirmed(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var family = "Quill" + Guid.NewGuid().ToString("N")[..6];
        await Given.ChildAsync(await app.ClientAsync("daniel.hughes"), "Zephyrine", family);
        var text = Encoding.UTF8.GetBytes($"School report. Zephyrine {family} was also absent that week. {Guid.NewGuid()}");

        var warned = await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", text, "report.txt", Fields("general", "School report"), "text/plain");

        warned.Status.ShouldBe(HttpStatusCode.Conflict, warned.Body.ToString());
        warned.Body.Str("rule").ShouldBe("other-child-named");
        warned.Body.GetProperty("children").EnumerateArray().Select(c => c.Str("text")).ShouldBe([$"Zephyrine {family}"]);
        DocumentApiTests.IsStored(app, DocumentApiTests.Sha256(text)).ShouldBeFalse();

        var confirmed = new Dictionary<string, string>(Fields("general", "School report")) { ["confirmOtherChildren"] = "true" };
        var (status, body) = await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", text, "report.txt", confirmed, "text/plain");

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        DocumentApiTests.IsStored(app, DocumentApiTests.Sha256(text)).ShouldBeTrue();
    }
}
