using System.Net;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.CrossFeature;

public sealed class PageTests
{
    [Fact]
    public async Task SignIn_WhenPasswordWrong_ShowsErrorSummaryAndKeepsUsername()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var session = new Browserless(app.CreateClient(new() { AllowAutoRedirect = false }));

        var response = await session.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = "ben.carter", ["Input.Password"] = "not the password" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        html.ShouldContain("Enter a correct username and password");
        html.ShouldContain("value=\"ben.carter\"");
        html.ShouldNotContain("not the password");
    }

    [Fact]
    public async Task SignIn_WhenFiveWrongPasswords_LocksTheAccount()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var name = "lock." + Guid.NewGuid().ToString("N")[..6];
        var output = new StringWriter();
        (await Cli.CommandLine.RunAsync(["users", "add", "--username", name, "--display-name", "Lock Test", "--role", "social-worker", "--team", "Northgate Children's Team", "--password-stdin"],
            new StringReader("the right password\n"), output, output, app.Settings)).ShouldBe(0, output.ToString());
        var session = new Browserless(app.CreateClient(new() { AllowAutoRedirect = false }));

        for (var i = 0; i < 5; i++)
            await session.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = name, ["Input.Password"] = "wrong password " + i });
        var locked = await session.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = name, ["Input.Password"] = "the right password" });

        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await locked.Content.ReadAsStringAsync()).ShouldContain("locked");
    }

    [Fact]
    public async Task AddPerson_WhenFieldsMissing_ShowsEveryErrorAndKeepsWhatWasTyped()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var session = await Browserless.SignedInAsync(app, "amara.osei");

        var response = await session.PostFormAsync("/people/new", new()
        {
            ["Input.GivenName"] = "Rosalind",
            ["Input.DateOfBirth.Day"] = "31",
            ["Input.DateOfBirth.Month"] = "2",
            ["Input.DateOfBirth.Year"] = "2015",
            ["Input.School"] = "Millbrook Academy",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        html.ShouldContain("Select whether this is a child or an adult");
        html.ShouldContain("Enter a last name");
        html.ShouldContain("must be a real date");
        html.ShouldContain("value=\"Rosalind\"");
        html.ShouldContain("value=\"Millbrook Academy\"");
        html.ShouldContain("value=\"31\"");
    }

    [Fact]
    public async Task RecordAndAcceptReferral_WhenManagerUsesThePages_OpensTheCaseFile()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var manager = await Browserless.SignedInAsync(app, "daniel.hughes");
        var child = await Given.ChildAsync(await app.ClientAsync("daniel.hughes"));

        var missing = await manager.PostFormAsync($"/referrals/new?childId={child}", new() { ["ChildId"] = child.ToString() });
        var missingHtml = await missing.Content.ReadAsStringAsync();
        missingHtml.ShouldContain("There is a problem");
        missingHtml.ShouldContain("Enter who made the referral");

        var now = DateTime.UtcNow.AddHours(-2);
        var recorded = await manager.PostFormAsync($"/referrals/new?childId={child}", new()
        {
            ["ChildId"] = child.ToString(),
            ["Input.ReceivedOn.Day"] = now.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ReceivedOn.Month"] = now.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ReceivedOn.Year"] = now.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ReceivedTime"] = "00:01",
            ["Input.ReferrerName"] = "PC R Doyle",
            ["Input.ReferrerAgency"] = "Police",
            ["Input.Reason"] = "Domestic incident; children present.",
        });
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());
        var referralUrl = recorded.Headers.Location!.ToString();

        var noWorker = await manager.PostFormAsync(referralUrl + "?handler=Accept", new() { ["Input.Team"] = "Northgate Children's Team" }, referralUrl);
        (await noWorker.Content.ReadAsStringAsync()).ShouldContain("Select the social worker the case is allocated to");

        var accepted = await manager.PostFormAsync(referralUrl + "?handler=Accept",
            new() { ["Input.Team"] = "Northgate Children's Team", ["Input.AllocatedWorker"] = "amara.osei" }, referralUrl);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var caseUrl = accepted.Headers.Location!.ToString();
        caseUrl.ShouldStartWith("/cases/");
        var caseHtml = await manager.GetHtmlAsync(caseUrl);
        caseHtml.ShouldContain("Amara Osei");
        caseHtml.ShouldContain("is open");
    }

    [Fact]
    public async Task CasePage_WhenNoAccess_ExplainsWhyWith403()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var other = await Browserless.SignedInAsync(app, "ben.carter");

        var response = await other.Client.GetAsync($"/cases/{caseId}");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("You cannot open this case file");
        html.ShouldContain("Ask the case");
    }

    [Fact]
    public async Task UnknownPage_WhenSignedIn_ShowsThe404Page()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var response = await session.Client.GetAsync($"/people/{Guid.NewGuid()}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task SignOut_WhenPosted_EndsTheSession()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var session = await Browserless.SignedInAsync(app, "olu.bello");
        (await session.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await session.PostFormAsync("/account/sign-out", [], "/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task EmergencyAccess_WhenAskedForOnTheRefusalPage_OpensTheCaseAndManagerSeesIt()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var ben = await Browserless.SignedInAsync(app, "ben.carter");

        var empty = await ben.PostFormAsync($"/cases/{caseId}?handler=EmergencyAccess", new() { ["Input.Reason"] = "" }, $"/cases/{caseId}");
        (await empty.Content.ReadAsStringAsync()).ShouldContain("There is a problem");

        var granted = await ben.PostFormAsync($"/cases/{caseId}?handler=EmergencyAccess",
            new() { ["Input.Reason"] = "Police called at 2am about the child being home alone" }, $"/cases/{caseId}");
        granted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await ben.GetHtmlAsync($"/cases/{caseId}");
        page.ShouldContain("Emergency access until");

        var manager = await Browserless.SignedInAsync(app, "daniel.hughes");
        (await manager.GetHtmlAsync("/")).ShouldContain("Emergency access to review");
        var log = await manager.GetHtmlAsync($"/cases/{caseId}/access-log");
        log.ShouldContain("Police called at 2am");
        log.ShouldContain("ben.carter");
    }
}
