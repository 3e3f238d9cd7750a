using System.Net;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.Home;

/// <summary>
/// Issue 17: each role's home page fits its work. Legal Services see the cases shared with them,
/// records managers the files due, administrators the accounts locked out; nobody sees another
/// role's part.
/// </summary>
public sealed class RoleHomePageTests
{
    [Fact]
    public async Task Home_ForLegalServices_ListsTheCasesSharedWithThemAndNothingElse()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        (await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/cases/{caseId}/legal-shares", new { user = "sam.fraser", reason = "Advice on threshold" }))
            .Status.ShouldBe(HttpStatusCode.NoContent);

        var legal = await (await Browserless.SignedInAsync(app, "sam.fraser")).GetHtmlAsync("/");

        legal.ShouldContain("Cases shared with you for advice");
        legal.ShouldContain($"href=\"/cases/{caseId}\"");
        legal.ShouldContain("Advice on threshold");
        legal.ShouldNotContain("Files to decide");
        legal.ShouldNotContain("Accounts locked out");
    }

    [Fact]
    public async Task Home_ForRecordsManagersAndAdministrators_ShowsTheirOwnWork()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);

        var records = await (await Browserless.SignedInAsync(app, "rita.kowalski")).GetHtmlAsync("/");
        records.ShouldContain("due for disposal");
        records.ShouldContain("href=\"/retention/reviews\"");
        records.ShouldNotContain("Cases shared with you");

        var admin = await (await Browserless.SignedInAsync(app, "alex.morgan")).GetHtmlAsync("/");
        admin.ShouldContain("Accounts locked out");
        admin.ShouldNotContain("Files to decide");

        var worker = await (await Browserless.SignedInAsync(app, "amara.osei")).GetHtmlAsync("/");
        worker.ShouldNotContain("Accounts locked out");
        worker.ShouldNotContain("Files to decide");
        worker.ShouldContain("id=\"waiting-count\"");
    }
}
