using System.Net;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Cases;

public sealed class CaseApiTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task GetCase_WhenSocialWorkerOfAnotherTeam_Answers403WithHowToGetAccessAndAuditsTheRefusal(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var other = await app.ClientAsync("ben.carter");

        var answer = await other.GetJsonAsync($"/api/v1/cases/{caseId}");

        answer.ShouldBeProblem(HttpStatusCode.Forbidden);
        answer.Body.TryGetProperty("reference", out _).ShouldBeFalse();
        answer.Body.Str("howToGetAccess").ShouldNotBeNullOrWhiteSpace();
        var refusals = await app.WithDbAsync(d => d.AuditEvents.CountAsync(e => e.CaseFileId == caseId && e.Outcome == "refused"));
        refusals.ShouldBeGreaterThan(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task GetCase_WhenAllowed_SaysWhyAndIsAudited(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);

        foreach (var (user, basis) in new[] { ("amara.osei", "Allocated worker"), ("daniel.hughes", "Team manager"), ("priya.shah", "Manager of a team above this one"), ("olu.bello", "Admin officer for the case's team") })
        {
            var client = await app.ClientAsync(user);
            var (status, file) = await client.GetJsonAsync($"/api/v1/cases/{caseId}");
            status.ShouldBe(HttpStatusCode.OK, $"{user}: {file}");
            file.Str("accessBasis").ShouldBe(basis);
        }
        var views = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.CaseFileId == caseId && e.Action == "view" && e.RecordType == "case").CountAsync());
        views.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task GetCase_WhenAdministratorOrUnknown_Answers403Or404WithoutData(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);

        (await (await app.ClientAsync("alex.morgan")).GetJsonAsync($"/api/v1/cases/{caseId}")).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await (await app.ClientAsync("amara.osei")).GetJsonAsync($"/api/v1/cases/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await (await app.ClientAsync("amara.osei")).GetJsonAsync("/api/v1/cases/not-a-guid")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reallocate_WhenManagerMovesTheCase_KeepsEveryAllocation(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var manager = await app.ClientAsync("daniel.hughes");

        (await manager.PostAsync($"/api/v1/cases/{caseId}/allocation", new { team = "Northgate Children's Team", allocatedWorker = "amara.osei", reason = "same" }))
            .ShouldBeProblem(HttpStatusCode.Conflict);
        (await manager.PostAsync($"/api/v1/cases/{caseId}/allocation", new { team = "Northgate Children's Team", allocatedWorker = "daniel.hughes" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        var (status, _) = await manager.PostAsync($"/api/v1/cases/{caseId}/allocation", new { team = "Northgate Children's Team", allocatedWorker = "daniel.hughes", reason = "Amara is on leave" });
        status.ShouldBe(HttpStatusCode.NoContent);

        var (_, file) = await manager.GetJsonAsync($"/api/v1/cases/{caseId}");
        file.Str("allocatedWorker").ShouldBe("daniel.hughes");
        var allocations = file.GetProperty("allocations").EnumerateArray().ToList();
        allocations.Count.ShouldBe(2);
        allocations[0].Str("reason").ShouldBe("Amara is on leave");

        var worker = await app.ClientAsync("amara.osei");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/allocation", new { team = "Northgate Children's Team", allocatedWorker = "amara.osei", reason = "mine" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reallocate_WhenToAnotherTeam_Answers422TransferRequiredNamingTeamAndLeavesTheCase(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);

        foreach (var user in new[] { "priya.shah", "daniel.hughes" })
        {
            var manager = await app.ClientAsync(user);
            var answer = await manager.PostAsync($"/api/v1/cases/{caseId}/allocation",
                new { team = "Riverside Family Support Team", allocatedWorker = "ben.carter", reason = "Family moved to Riverside" });
            answer.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
            answer.Body.Str("rule").ShouldBe("transfer-required", user);
            answer.Body.Str("field").ShouldBe("team");
        }

        var (_, file) = await (await app.ClientAsync("daniel.hughes")).GetJsonAsync($"/api/v1/cases/{caseId}");
        file.Str("allocatedWorker").ShouldBe("amara.osei");
        file.GetProperty("allocations").EnumerateArray().Count().ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task MyCases_WhenWorkerHasCases_ListsThem(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var (status, body) = await (await app.ClientAsync("amara.osei")).GetJsonAsync("/api/v1/me/cases");
        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("allocated").EnumerateArray().Select(c => c.Id()).ShouldContain(caseId);
    }
}
