using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Casefile.Web.Tests.Documents;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.Documents;

/// <summary>The add-a-document and file-an-email pages, as a browser without JavaScript uses them.</summary>
public sealed partial class DocumentPageTests
{
    [Fact]
    public async Task UploadPage_WhenTheFileIsAccepted_RedirectsToTheDocument()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var session = await Browserless.SignedInAsync(app, "amara.osei");

        var response = await PostUploadAsync(session, $"/cases/{caseId}/documents/new", DocumentApiTests.Pdf("order"), "interim-order.pdf",
            new() { ["Input.Type"] = "courtOrder", ["Input.Title"] = "Interim care order", ["Input.Date.Day"] = "3", ["Input.Date.Month"] = "3", ["Input.Date.Year"] = "2025" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/documents/");
        var page = await session.GetHtmlAsync(location);
        page.ShouldContain("Interim care order");
        page.ShouldContain("3 March 2025");
        var casePage = await session.GetHtmlAsync($"/cases/{caseId}");
        casePage.ShouldContain("Interim care order");
        var download = await session.Client.GetAsync(location + "?handler=Content");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsStringAsync()).ShouldStartWith("%PDF-1.4");
    }

    [Fact]
    public async Task UploadPage_WhenTheFileIsRefused_ShowsTheErrorSummaryNamingTheFileAndKeepsTheTitle()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var session = await Browserless.SignedInAsync(app, "amara.osei");

        var response = await PostUploadAsync(session, $"/cases/{caseId}/documents/new", [(byte)'M', (byte)'Z', 0x90, 0, 1, 2, 3], "setup.exe",
            new() { ["Input.Type"] = "report", ["Input.Title"] = "School report, spring term" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("href=\"#Input_File\"");
        html.ShouldContain("value=\"School report, spring term\"");
    }

    [Fact]
    public async Task UploadPage_InTheRestrictedSection_FilesItThereAndTheCaseShowsOnlyThatItIsRestricted()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        (await session.GetHtmlAsync($"/cases/{caseId}/documents/new")).ShouldContain("Where to file it");

        var response = await PostUploadAsync(session, $"/cases/{caseId}/documents/new", DocumentApiTests.Pdf("advice"), "advice.pdf",
            new() { ["Input.Type"] = "letter", ["Input.Title"] = "Advice on threshold", ["Input.Section"] = "restricted" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var admin = await Browserless.SignedInAsync(app, "olu.bello");
        var casePage = await admin.GetHtmlAsync($"/cases/{caseId}");
        casePage.ShouldNotContain("Advice on threshold");
        casePage.ShouldContain("restricted", Case.Insensitive);
    }

    [Fact]
    public async Task UploadPage_WhenTheTextNamesAnotherChild_AsksForConfirmationAndFilesOnceGiven()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var family = "Quill" + Guid.NewGuid().ToString("N")[..6];
        await Given.ChildAsync(await app.ClientAsync("daniel.hughes"), "Zephyrine", family);
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var text = Encoding.UTF8.GetBytes($"Zephyrine {family} was also absent. {Guid.NewGuid()}");
        var fields = new Dictionary<string, string> { ["Input.Type"] = "report", ["Input.Title"] = "Attendance note" };

        var warned = await PostUploadAsync(session, $"/cases/{caseId}/documents/new", text, "note.txt", fields);

        warned.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await warned.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("href=\"#Input_ConfirmOtherChildren\"");
        html.ShouldContain("value=\"Attendance note\"");

        var filed = await PostUploadAsync(session, $"/cases/{caseId}/documents/new", text, "note.txt", new(fields) { ["Input.ConfirmOtherChildren"] = "true" });
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await filed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FileEmailPage_WhenTheEmailIsFiled_RedirectsToTheEmailWithItsTransmissionData()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var eml = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Emails", "Messages", "mixed-related.eml"));

        var response = await PostUploadAsync(session, $"/cases/{caseId}/emails/new", eml, "minutes.eml", []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var page = await session.GetHtmlAsync(response.Headers.Location!.ToString());
        page.ShouldContain("Sent and received");
        page.ShouldContain("Message ID");
        page.ShouldContain("/documents/");
    }

    private static async Task<HttpResponseMessage> PostUploadAsync(Browserless session, string url, byte[] file, string fileName, Dictionary<string, string> fields)
    {
        var form = await session.GetHtmlAsync(url);
        var token = TokenPattern().Match(form);
        token.Success.ShouldBeTrue($"no antiforgery token on {url}");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value), Encoding.UTF8), "__RequestVerificationToken");
        foreach (var (name, value) in fields) content.Add(new StringContent(value, Encoding.UTF8), name);
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "Input.File", fileName);
        return await session.Client.PostAsync(url, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
