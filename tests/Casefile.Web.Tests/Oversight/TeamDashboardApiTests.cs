using System.Net;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Oversight;

/// <summary>
/// Issue 17, the team picture (both databases): a manager's figures agree with the lists behind
/// them; other teams' managers and workers are refused; restricted cases the manager is not named
/// on are not counted.
/// </summary>
public sealed class TeamDashboardApiTests
{
    private static async Task<Guid> TeamIdAsync(CasefileApp app, string name) =>
        await app.WithDbAsync(d => d.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task Dashboard_CountsAgreeWithTheListsBehindThem(Db db)
    {
        // Riverside: no other test records looked-after children there, so its overdue visits are this test's own.
        var app = await TestApps.GetAsync(db);
        var team = await TeamIdAsync(app, "Riverside Family Support Team");
        var manager = await app.ClientAsync("hannah.price");

        // A looked-after child whose first visit (within a week of the placement) is overdue.
        var (_, caseId) = await Given.OpenCaseAsync(app, "ben.carter", "Riverside Family Support Team", "hannah.price");
        var worker = await app.ClientAsync("ben.carter");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/looked-after-episodes", new
        {
            startedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-20)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            legalStatus = "C2",
            placementType = "U6",
            reasonForNewEpisode = "S",
        })).Status.ShouldBe(HttpStatusCode.Created);

        var (status, after) = await manager.GetJsonAsync($"/api/v1/teams/{team}/dashboard");
        status.ShouldBe(HttpStatusCode.OK, after.ToString());
        var ben = after.GetProperty("workers").EnumerateArray().Single(w => w.Str("name") == "Ben Carter");
        ben.GetProperty("openCases").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        ben.GetProperty("lookedAfter").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        ben.GetProperty("visitsOverdue").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        // The team's overdue visits are the overdue entries of its due-visits list.
        var (_, due) = await manager.GetJsonAsync($"/api/v1/visits/due?team={team}");
        after.GetProperty("totals").GetProperty("visitsOverdue").GetInt32()
            .ShouldBe(due.EnumerateArray().Where(v => v.GetProperty("overdue").GetBoolean()).Select(v => v.Id("caseId")).Distinct().Count());
        due.EnumerateArray().Select(v => v.Id("caseId")).ShouldContain(caseId);
        // The page's figure links to the list behind it, narrowed to the team's children not seen on time.
        var page = await (await Browserless.SignedInAsync(app, "hannah.price")).GetHtmlAsync($"/visits-due?team={team}&show=overdue-visits");
        page.ShouldContain("Only the children not seen on time");
        page.ShouldContain($"href=\"/cases/{caseId}\"");
        var (_, teams) = await manager.GetJsonAsync("/api/v1/teams");
        teams.GetProperty("teams").EnumerateArray().Select(t => t.Id()).ShouldContain(team);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/teams/{team}/dashboard");
        request.Headers.Accept.ParseAdd("text/csv");
        using var csv = await manager.SendAsync(request);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync()).ShouldContain("\"Ben Carter\",");
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.RecordType == "team-dashboard" && e.RecordId == team.ToString()))).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Dashboard_ForSomeoneWhoDoesNotManageTheTeam_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var team = await TeamIdAsync(app, "Northgate Children's Team");

        foreach (var user in new[] { "hannah.price", "amara.osei", "ben.carter", "olu.bello" })
            (await (await app.ClientAsync(user)).GetJsonAsync($"/api/v1/teams/{team}/dashboard")).Status.ShouldBe(HttpStatusCode.Forbidden, user);
        (await (await app.ClientAsync("priya.shah")).GetJsonAsync($"/api/v1/teams/{team}/dashboard")).Status.ShouldBe(HttpStatusCode.OK, "a manager above the team");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Dashboard_RestrictedCasesTheManagerIsNotNamedOn_AreNotCounted(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var team = await TeamIdAsync(app, "Northgate Children's Team");

        await Given.RestrictedCaseAsync(app, "amara.osei", "daniel.hughes");

        // Priya manages above the team but is not named: the case is left out, and the page says a restricted case is not counted.
        var (_, priya) = await (await app.ClientAsync("priya.shah")).GetJsonAsync($"/api/v1/teams/{team}/dashboard");
        priya.GetProperty("restrictedNotCounted").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var page = await (await Browserless.SignedInAsync(app, "priya.shah")).GetHtmlAsync($"/teams/{team}");
        page.ShouldContain("not counted: you are not named on");
    }
}
