using System.Net;
using Casefile.Data.Identity;
using Casefile.Domain.Access;
using Casefile.Domain.Staff;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Web.Tests.Chronology;

/// <summary>Exporting a chronology follows the policy table's export column; bursts of exports and emergency access are refused and reported.</summary>
public sealed class ChronologyExportApiTests
{
    /// <summary>A social worker of their own, in the line of <paramref name="lineManager"/>: the burst counts are per person and per hour.</summary>
    private static async Task<string> FreshWorkerAsync(CasefileApp app, string lineManager, string role = StaffRole.SocialWorker)
    {
        var userName = "burst." + Guid.NewGuid().ToString("N")[..8];
        await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<StaffUser>>();
            var manager = await users.FindByNameAsync(lineManager) ?? throw new InvalidOperationException(lineManager);
            var user = new StaffUser { Id = Guid.NewGuid(), UserName = userName, DisplayName = "Burst Worker", TeamId = manager.TeamId, LineManagerId = manager.Id, CreatedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
            return 0;
        });
        return userName;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ChronologyPdf_FollowsTheExportColumn_AndEmergencyAccessNeverExports(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var pdf = $"/api/v1/cases/{caseId}/chronology.pdf";

        (await (await app.ClientAsync("amara.osei")).GetAsync(pdf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.ClientAsync("priya.shah")).GetAsync(pdf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.ClientAsync("olu.bello")).GetAsync(pdf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var ben = await app.ClientAsync("ben.carter");
        (await ben.PostAsync($"/api/v1/cases/{caseId}/emergency-access", new { reason = "Police called out of hours about the child's safety" }))
            .Status.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.TooManyRequests);
        (await ben.GetAsync(pdf)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden);
        var refusals = await app.WithDbAsync(d => d.AuditEvents.CountAsync(e => e.CaseFileId == caseId && e.Action == "export" && e.Outcome == "refused"));
        refusals.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task EmergencyAccess_WhenMoreThanTheLimitInAnHour_IsRefused429AndTheLineManagerIsAlerted(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var name = await FreshWorkerAsync(app, "hannah.price");
        var ben = await app.ClientAsync(name);
        var limit = new BurstLimits().EmergencyAccessesPerWindow;
        HttpStatusCode last = HttpStatusCode.OK;
        string? rule = null;
        for (var i = 0; i < limit + 2 && last != HttpStatusCode.TooManyRequests; i++)
        {
            var (_, caseId) = await Given.OpenCaseAsync(app);
            var (status, body) = await ben.PostAsync($"/api/v1/cases/{caseId}/emergency-access", new { reason = "Police called out of hours about the child's safety" });
            last = status;
            if (status == HttpStatusCode.TooManyRequests) rule = body.Str("rule");
            else status.ShouldBe(HttpStatusCode.Created, body.ToString());
        }

        last.ShouldBe(HttpStatusCode.TooManyRequests);
        rule.ShouldBe("emergency-access-burst");
        var since = DateTimeOffset.UtcNow.AddHours(-1);
        var benId = await app.WithDbAsync(d => d.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync());
        var granted = await app.WithDbAsync(d => d.AuditEvents.CountAsync(e => e.UserId == benId && e.Action == "emergency-access" && e.Outcome == "allowed" && e.OccurredAt > since));
        granted.ShouldBe(limit);

        var (_, alerts) = await (await app.ClientAsync("hannah.price")).GetJsonAsync("/api/v1/burst-alerts");
        alerts.GetProperty("alerts").EnumerateArray().ShouldContain(a => a.Str("user") == name && a.Str("rule") == "emergency-access-burst");
        var (_, notHis) = await (await app.ClientAsync("daniel.hughes")).GetJsonAsync("/api/v1/burst-alerts");
        notHis.GetProperty("alerts").EnumerateArray().ShouldNotContain(a => a.Str("user") == name);
        (await (await app.ClientAsync("hannah.price")).GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ChronologyPdf_WhenMoreThanTheLimitInAnHour_IsRefused429AndTheLineManagerIsAlerted(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var name = await FreshWorkerAsync(app, "daniel.hughes");
        var (_, caseId) = await Given.OpenCaseAsync(app, name);
        var daniel = await app.ClientAsync(name);
        var limit = new BurstLimits().ExportsPerWindow;
        HttpResponseMessage? answer = null;
        for (var i = 0; i < limit + 2; i++)
        {
            answer = await daniel.GetAsync($"/api/v1/cases/{caseId}/chronology.pdf");
            if (answer.StatusCode != HttpStatusCode.OK) break;
        }

        answer!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await answer.Content.ReadAsStringAsync()).ShouldContain("export-burst");
        var (_, alerts) = await (await app.ClientAsync("daniel.hughes")).GetJsonAsync("/api/v1/burst-alerts");
        alerts.GetProperty("alerts").EnumerateArray().ShouldContain(a => a.Str("user") == name && a.Str("rule") == "export-burst");
    }
}
