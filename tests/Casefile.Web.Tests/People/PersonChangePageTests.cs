using System.Net;
using System.Text.RegularExpressions;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.People;

public sealed partial class PersonChangePageTests
{
    // The person page offers "Change details" only to those the change rule lets change the person.
    [Fact]
    public async Task PersonPage_OffersChangeLinksOnlyToThoseWhoMayWriteToTheChildsCase()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (childId, _) = await Given.OpenCaseAsync(app);

        var worker = await (await Browserless.SignedInAsync(app, "amara.osei")).GetHtmlAsync($"/people/{childId}");
        var adminOfficer = await (await Browserless.SignedInAsync(app, "olu.bello")).GetHtmlAsync($"/people/{childId}");

        worker.ShouldContain($"/people/{childId}/edit");
        adminOfficer.ShouldNotContain($"/people/{childId}/edit");
        adminOfficer.ShouldNotContain($"/people/{childId}/address");
    }

    [Fact]
    public async Task EditPerson_WhenFieldsAreWrong_ShowsEveryErrorAndKeepsWhatWasTyped()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var id = await Given.ChildAsync(await app.ClientAsync("amara.osei"), "Rosalind", "Editfam", "2015-02-03");
        var version = VersionField().Match(await session.GetHtmlAsync($"/people/{id}/edit")).Groups[1].Value;

        var response = await session.PostFormAsync($"/people/{id}/edit", new()
        {
            ["Input.Version"] = version,
            ["Input.GivenName"] = "",
            ["Input.FamilyName"] = "Editfam-Changed",
            ["Input.DateOfBirth.Day"] = "3",
            ["Input.DateOfBirth.Month"] = "2",
            ["Input.DateOfBirth.Year"] = "2015",
            ["Input.DateOfDeath.Day"] = "31",
            ["Input.DateOfDeath.Month"] = "2",
            ["Input.DateOfDeath.Year"] = "2020",
            ["Input.School"] = "Millbrook Academy",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        html.ShouldContain("Enter a first name");
        html.ShouldContain("must be a real date");
        html.ShouldContain("value=\"Editfam-Changed\"");
        html.ShouldContain("value=\"Millbrook Academy\"");
        html.ShouldContain("value=\"31\"");
        (await (await app.ClientAsync("amara.osei")).GetJsonAsync($"/api/v1/people/{id}")).Body.Str("familyName").ShouldBe("Editfam");
    }

    [Fact]
    public async Task EditPerson_WhenSomeoneElseSavedFirst_SaysSoAndKeepsWhatWasTyped()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var api = await app.ClientAsync("amara.osei");
        var id = await Given.ChildAsync(api, "Stanley", "Stalepagefam", "2015-02-03");
        var version = VersionField().Match(await session.GetHtmlAsync($"/people/{id}/edit")).Groups[1].Value;
        (await api.PutAsync($"/api/v1/people/{id}", new { givenName = "Stan", familyName = "Stalepagefam", version })).Status.ShouldBe(HttpStatusCode.OK);

        var response = await session.PostFormAsync($"/people/{id}/edit", new()
        {
            ["Input.Version"] = version,
            ["Input.GivenName"] = "Stanislaw",
            ["Input.FamilyName"] = "Stalepagefam",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        html.ShouldContain("Somebody else changed these details");
        html.ShouldContain("value=\"Stanislaw\"");
        (await api.GetJsonAsync($"/api/v1/people/{id}")).Body.Str("givenName").ShouldBe("Stan");
    }

    [Fact]
    public async Task EditPerson_WhenValid_SavesAndShowsThePerson()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var id = await Given.ChildAsync(await app.ClientAsync("amara.osei"), "Harriet", "Savedpagefam", "2015-02-03");
        (await session.GetHtmlAsync($"/people/{id}")).ShouldContain($"href=\"/people/{id}/edit\"");
        var version = VersionField().Match(await session.GetHtmlAsync($"/people/{id}/edit")).Groups[1].Value;

        var response = await session.PostFormAsync($"/people/{id}/edit", new()
        {
            ["Input.Version"] = version,
            ["Input.GivenName"] = "Hattie",
            ["Input.FamilyName"] = "Savedpagefam",
            ["Input.DateOfBirth.Day"] = "3",
            ["Input.DateOfBirth.Month"] = "2",
            ["Input.DateOfBirth.Year"] = "2015",
            ["Input.Sex"] = "Female",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetHtmlAsync($"/people/{id}")).ShouldContain("Hattie Savedpagefam");
    }

    [Fact]
    public async Task RecordNewAddress_WhenLineAndDateMissing_ShowsBothErrorsAndKeepsWhatWasTyped()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var id = await Given.ChildAsync(await app.ClientAsync("amara.osei"), "Adam", "Addressfam", "2015-02-03");

        var response = await session.PostFormAsync($"/people/{id}/address", new() { ["Input.Town"] = "Northtown", ["Input.Postcode"] = "NT1 9ZZ" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Enter the first line of the address");
        html.ShouldContain("Enter the date they moved in");
        html.ShouldContain("value=\"NT1 9ZZ\"");
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
