using System.Net;
using System.Text.RegularExpressions;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.PaperFiles;

/// <summary>The paper file pages, as a browser without JavaScript uses them.</summary>
public sealed partial class PaperFilePageTests
{
    private static Dictionary<string, string> VolumeForm(string number = "2") => new()
    {
        ["Input.VolumeNumber"] = number,
        ["Input.CoversFrom.Day"] = "5",
        ["Input.CoversFrom.Month"] = "1",
        ["Input.CoversFrom.Year"] = "2012",
        ["Input.CoversTo.Day"] = "1",
        ["Input.CoversTo.Month"] = "3",
        ["Input.CoversTo.Year"] = "2019",
        ["Input.Location"] = "Cabinet 3, Floor 2, Civic Centre",
    };

    [Fact]
    public async Task AddAndRequest_WhenTheLineManagerAuthorisesOnTheOvernightPage_TheWorkerCanMarkItOut()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");

        var added = await worker.PostFormAsync($"/cases/{caseId}/paper-files/new", VolumeForm());
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        var casePage = await worker.GetHtmlAsync($"/cases/{caseId}");
        casePage.ShouldContain("id=\"paper-files\"");
        casePage.ShouldContain("Volume 2");
        casePage.ShouldContain("Cabinet 3, Floor 2, Civic Centre");
        casePage.ShouldContain("In store");
        var volumeId = VolumeLink().Match(casePage).Groups[1].Value;

        var requested = await worker.PostFormAsync($"/paper-files/{volumeId}/request-removal", new()
        {
            ["Input.Reason"] = "The court wants the original assessment",
            ["Input.Destination"] = "Harrowden Family Court",
            ["Input.ExpectedReturn.Day"] = DateTime.UtcNow.AddDays(3).Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ExpectedReturn.Month"] = DateTime.UtcNow.AddDays(3).Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ExpectedReturn.Year"] = DateTime.UtcNow.AddDays(3).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        requested.StatusCode.ShouldBe(HttpStatusCode.Redirect, await requested.Content.ReadAsStringAsync());
        var volumePage = await worker.GetHtmlAsync($"/paper-files/{volumeId}");
        volumePage.ShouldContain("Waiting for the line manager");
        volumePage.ShouldNotContain("Mark as taken out");

        var manager = await Browserless.SignedInAsync(app, "daniel.hughes");
        var overnight = await manager.GetHtmlAsync("/paper-files/out-overnight");
        overnight.ShouldContain("Paper files out overnight");
        overnight.ShouldContain("The court wants the original assessment");
        var removalId = RemovalField().Matches(overnight).Select(m => m.Groups[1].Value).Last();
        // Refusing without a reason shows the error summary.
        var noReason = await manager.PostFormAsync("/paper-files/out-overnight?handler=Refuse", new() { ["Decision.RemovalId"] = removalId, ["Decision.Reason"] = "" }, "/paper-files/out-overnight");
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("govuk-error-summary");
        var authorised = await manager.PostFormAsync("/paper-files/out-overnight?handler=Authorise", new() { ["Decision.RemovalId"] = removalId }, "/paper-files/out-overnight");
        authorised.StatusCode.ShouldBe(HttpStatusCode.Redirect, await authorised.Content.ReadAsStringAsync());

        volumePage = await worker.GetHtmlAsync($"/paper-files/{volumeId}");
        volumePage.ShouldContain("Mark as taken out");
        var markedOut = await worker.PostFormAsync($"/paper-files/{volumeId}?handler=MarkOut&removalId={removalId}", [], $"/paper-files/{volumeId}");
        markedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect, await markedOut.Content.ReadAsStringAsync());
        casePage = await worker.GetHtmlAsync($"/cases/{caseId}");
        casePage.ShouldContain("Amara Osei has it");
    }

    [Fact]
    public async Task AddPage_WhenTheDatesAreBackwards_ShowsTheErrorSummaryAndKeepsTheLocation()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        var form = VolumeForm();
        form["Input.CoversTo.Year"] = "2010";

        var response = await worker.PostFormAsync($"/cases/{caseId}/paper-files/new", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("must be the same as or after");
        html.ShouldContain("value=\"Cabinet 3, Floor 2, Civic Centre\"");
    }

    [Fact]
    public async Task OvernightPage_WhenNotAManager_SaysItIsForManagers()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");

        var response = await worker.Client.GetAsync("/paper-files/out-overnight");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("This list is for managers");
    }

    [GeneratedRegex("href=\"/paper-files/([0-9a-f-]{36})\">Volume 2<")]
    private static partial Regex VolumeLink();

    [GeneratedRegex("name=\"Decision.RemovalId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex RemovalField();
}
