using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.Fuzzing;

/// <summary>
/// The ten inputs the fuzzer first found answering 500 (issue 15 item 17): each is the user's
/// mistake, so each is now a 400 problem naming the field.
/// </summary>
public sealed class BadInputTests
{
    private static readonly string ReviewOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A multipart body whose file part never reaches its closing boundary.</summary>
    internal static HttpContent CutOffMultipart(string fileName = "order.pdf")
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(
            "--cut\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\ncourtOrder\r\n" +
            $"--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n%PDF-1.4\n1 0 obj << /Type"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");
        return content;
    }

    internal static HttpContent EmptyMultipart()
    {
        var content = new ByteArrayContent([]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=empty");
        return content;
    }

    private static async Task<(HttpStatusCode, System.Text.Json.JsonElement)> SendAsync(HttpClient client, string url, HttpContent content)
    {
        using var response = await client.PostAsync(url, content);
        return (response.StatusCode, await Api.ReadAsync(response));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UploadDocument_WhenMultipartIsCutOff_IsRefusedNamingFile(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        (await SendAsync(worker, $"/api/v1/cases/{caseId}/documents", CutOffMultipart())).ShouldBeProblem(HttpStatusCode.BadRequest, "file");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UploadDocument_WhenMultipartIsEmpty_IsRefusedNamingFile(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        (await SendAsync(worker, $"/api/v1/cases/{caseId}/documents", EmptyMultipart())).ShouldBeProblem(HttpStatusCode.BadRequest, "file");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ImportEmail_WhenMultipartIsCutOffOrEmpty_IsRefusedNamingFile(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        (await SendAsync(worker, $"/api/v1/cases/{caseId}/emails", CutOffMultipart("message.eml"))).ShouldBeProblem(HttpStatusCode.BadRequest, "file");
        (await SendAsync(worker, $"/api/v1/cases/{caseId}/emails", EmptyMultipart())).ShouldBeProblem(HttpStatusCode.BadRequest, "file");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Restrict_WhenNamedUsersHoldsNull_IsRefusedNamingTheEntry(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var manager = await app.ClientAsync("daniel.hughes");

        (await manager.PostRawAsync($"/api/v1/cases/{caseId}/restriction",
                $$"""{"reason":"adoption","reviewOn":"{{ReviewOn}}","namedUsers":["olu.bello",null]}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "namedUsers[1]");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RequestClosure_WhenChecklistOrRecipientsHoldNull_IsRefusedNamingTheEntries(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        (await worker.PostRawAsync($"/api/v1/cases/{caseId}/closure-requests", """{"checklist":[null],"letterRecipients":[{"kind":"parent","name":"A"},null]}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "checklist[0]", "letterRecipients[1]");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task StartRecord_WhenPresentHoldsNull_IsRefusedNamingTheEntry(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        (await worker.PostRawAsync($"/api/v1/cases/{caseId}/records", """{"type":"homeVisit","present":[null]}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "present[0]");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Chronology_WhenToIsInYear9999_IsRefusedNamingTo(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        (await worker.GetJsonAsync($"/api/v1/cases/{caseId}/chronology?to=9999-12-31")).ShouldBeProblem(HttpStatusCode.BadRequest, "to");
        (await worker.GetJsonAsync($"/api/v1/cases/{caseId}/chronology?from=0001-01-01")).ShouldBeProblem(HttpStatusCode.BadRequest, "from");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task WorkingDays_WhenFromIsInYear9999_IsRefusedNamingFrom(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var worker = await app.ClientAsync("amara.osei");

        (await worker.GetJsonAsync("/api/v1/calendar/working-days?from=9999-12-31&count=5")).ShouldBeProblem(HttpStatusCode.BadRequest, "from");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreatePerson_WhenDateOfBirthIsInYear9999_IsRefusedNamingDateOfBirth(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var manager = await app.ClientAsync("daniel.hughes");

        (await manager.PostAsync("/api/v1/people", new { kind = "child", givenName = "Future", familyName = "Child", dateOfBirth = "9999-12-31" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "dateOfBirth");
        var child = await Given.ChildAsync(manager);
        (await manager.PutAsync($"/api/v1/people/{child}", new { givenName = "Future", familyName = "Child", dateOfBirth = "9999-12-31" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "dateOfBirth");
    }
}
