using System.Net;
using System.Text.Json;
using Casefile.Domain.PaperFiles;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.PaperFiles;

/// <summary>
/// The paper file register (policy 2.1, 5.1, 7) through the API. In the demo service amara.osei
/// reports to daniel.hughes, who reports to priya.shah; hannah.price manages another line.
/// </summary>
public sealed class PaperFileApiTests
{
    private static object Volume(int number = 1, string from = "2012-01-05", string to = "2019-03-01", string location = "Cabinet 3, Floor 2, Civic Centre") =>
        new { volumeNumber = number, coversFrom = from, coversTo = to, location };

    private static object Removal(int daysAway = 2) => new
    {
        reason = "The court wants the original assessment at Tuesday's hearing",
        destination = "Harrowden Family Court",
        expectedReturn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(daysAway)).ToString("yyyy-MM-dd"),
    };

    private static async Task<Guid> AddVolumeAsync(HttpClient client, Guid caseId, int number = 1)
    {
        var (status, body) = await client.PostAsync($"/api/v1/cases/{caseId}/paper-files", Volume(number));
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.Id();
    }

    private static async Task<Guid> RequestAsync(HttpClient client, Guid volumeId)
    {
        var (status, body) = await client.PostAsync($"/api/v1/paper-files/{volumeId}/removal-requests", Removal());
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.Id();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Removal_WhenFollowedThroughTheLine_IsOnlyMarkedOutAfterTheLineManagerAuthorises(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var volumeId = await AddVolumeAsync(worker, caseId);
        var removalId = await RequestAsync(worker, volumeId);

        // Not yet authorised: the worker cannot mark it out, nor authorise their own request.
        (await worker.PostAsync($"/api/v1/paper-file-removals/{removalId}/mark-out", new { })).ShouldBeRule(HttpStatusCode.UnprocessableEntity, "removal-not-authorised");
        (await worker.PostAsync($"/api/v1/paper-file-removals/{removalId}/authorise", new { })).ShouldBeRule(HttpStatusCode.UnprocessableEntity, "own-removal-request");
        // A manager in another line cannot authorise it.
        var otherManager = await app.ClientAsync("hannah.price");
        (await otherManager.PostAsync($"/api/v1/paper-file-removals/{removalId}/authorise", new { })).ShouldBeRule(HttpStatusCode.UnprocessableEntity, "not-line-manager");
        var (_, waiting) = await worker.GetJsonAsync($"/api/v1/paper-files/{volumeId}");
        waiting.Str("status").ShouldBe("inStore");
        waiting.GetProperty("openRequest").Str("status").ShouldBe("requested");

        // The line manager can.
        var lineManager = await app.ClientAsync("daniel.hughes");
        (await lineManager.PostAsync($"/api/v1/paper-file-removals/{removalId}/authorise", new { })).Status.ShouldBe(HttpStatusCode.NoContent);
        (await worker.PostAsync($"/api/v1/paper-file-removals/{removalId}/mark-out", new { })).Status.ShouldBe(HttpStatusCode.NoContent);

        var (listStatus, list) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/paper-files");
        listStatus.ShouldBe(HttpStatusCode.OK, list.ToString());
        var volume = list.GetProperty("volumes").EnumerateArray().Single(v => v.Id() == volumeId);
        volume.Str("status").ShouldBe("out");
        volume.Str("holder").ShouldBe("Amara Osei");
        volume.GetProperty("currentRemoval").Str("destination").ShouldBe("Harrowden Family Court");

        (await worker.PostAsync($"/api/v1/paper-files/{volumeId}/return", new { })).Status.ShouldBe(HttpStatusCode.NoContent);
        var (_, back) = await worker.GetJsonAsync($"/api/v1/paper-files/{volumeId}");
        back.Str("status").ShouldBe("inStore");
        back.GetProperty("holder").ValueKind.ShouldBe(JsonValueKind.Null);
        back.GetProperty("history").EnumerateArray().Select(h => h.Str("kind")).ShouldBe(
            ["added", "removalRequested", "removalAuthorised", "markedOut", "returned"]);
        (await worker.PostAsync($"/api/v1/paper-files/{volumeId}/return", new { })).ShouldBeRule(HttpStatusCode.Conflict, "volume-not-out");

        var audited = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.CaseFileId == caseId).Select(e => new { e.Action, e.RecordType, e.Outcome }).ToListAsync());
        audited.ShouldContain(new { Action = "create", RecordType = "paper-file-volume", Outcome = "allowed" });
        audited.ShouldContain(new { Action = "create", RecordType = "paper-file-removal", Outcome = "allowed" });
        audited.ShouldContain(new { Action = "decide", RecordType = "paper-file-removal", Outcome = "allowed" });
        audited.ShouldContain(new { Action = "authorise", RecordType = "paper-file-removal", Outcome = "refused" });
        audited.ShouldContain(new { Action = "mark-out", RecordType = "paper-file-volume", Outcome = "allowed" });
        audited.ShouldContain(new { Action = "return", RecordType = "paper-file-volume", Outcome = "allowed" });
        audited.ShouldContain(new { Action = "view", RecordType = "case-paper-files", Outcome = "allowed" });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Authorise_WhenAManagerAboveTheLineManager_IsAllowed(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var removalId = await RequestAsync(worker, await AddVolumeAsync(worker, caseId));

        (await (await app.ClientAsync("priya.shah")).PostAsync($"/api/v1/paper-file-removals/{removalId}/authorise", new { })).Status.ShouldBe(HttpStatusCode.NoContent);
        (await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/paper-file-removals/{removalId}/authorise", new { }))
            .ShouldBeRule(HttpStatusCode.Conflict, "removal-already-decided");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Refuse_WhenNoReason_NamesTheFieldAndWithAReasonTheFileCannotGoOut(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var volumeId = await AddVolumeAsync(worker, caseId);
        var removalId = await RequestAsync(worker, volumeId);
        var manager = await app.ClientAsync("daniel.hughes");

        (await manager.PostAsync($"/api/v1/paper-file-removals/{removalId}/refuse", new { reason = " " })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        (await manager.PostAsync($"/api/v1/paper-file-removals/{removalId}/refuse", new { reason = "Take a certified copy of the order instead" })).Status.ShouldBe(HttpStatusCode.NoContent);

        (await worker.PostAsync($"/api/v1/paper-file-removals/{removalId}/mark-out", new { })).ShouldBeRule(HttpStatusCode.Conflict, "removal-not-authorised");
        // Refused requests are closed: the worker can ask again.
        await RequestAsync(worker, volumeId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AddVolume_WhenNumberRepeatsOrDatesAreWrong_IsRefusedNamingTheField(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        await AddVolumeAsync(worker, caseId, 1);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd");

        (await worker.PostAsync($"/api/v1/cases/{caseId}/paper-files", Volume(1))).ShouldBeProblem(HttpStatusCode.BadRequest, "volumeNumber");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/paper-files", Volume(2, to: tomorrow))).ShouldBeProblem(HttpStatusCode.BadRequest, "coversTo");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/paper-files", Volume(2, from: "2019-03-01", to: "2012-01-05"))).ShouldBeProblem(HttpStatusCode.BadRequest, "coversTo");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/paper-files", new { volumeNumber = 2 })).ShouldBeProblem(HttpStatusCode.BadRequest, "coversFrom", "coversTo", "location");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/paper-files", Volume(2))).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AddVolume_WhenByTheTeamsAdminOfficer_IsAllowedAndByLegalServicesIsNot(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);

        await AddVolumeAsync(await app.ClientAsync("olu.bello"), caseId, 1);
        var (status, _) = await (await app.ClientAsync("sam.fraser")).PostAsync($"/api/v1/cases/{caseId}/paper-files", Volume(2));
        status.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task OutOvernight_WhenAReportHadAFileOutAtTheEndOfThePreviousWorkingDay_ListsItForTheirLineOnly(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var volumeId = await AddVolumeAsync(worker, caseId);
        var removalId = await RequestAsync(worker, volumeId);
        var lineManager = await app.ClientAsync("daniel.hughes");

        // Waiting for a decision: on the line manager's list to decide, not on another line's.
        var (_, pending) = await lineManager.GetJsonAsync("/api/v1/paper-files/out-overnight");
        pending.GetProperty("pending").EnumerateArray().Select(p => p.Id("removalId")).ShouldContain(removalId);
        var otherManager = await app.ClientAsync("hannah.price");
        var (_, others) = await otherManager.GetJsonAsync("/api/v1/paper-files/out-overnight");
        others.GetProperty("pending").EnumerateArray().Select(p => p.Id("removalId")).ShouldNotContain(removalId);

        (await lineManager.PostAsync($"/api/v1/paper-file-removals/{removalId}/authorise", new { })).Status.ShouldBe(HttpStatusCode.NoContent);
        (await worker.PostAsync($"/api/v1/paper-file-removals/{removalId}/mark-out", new { })).Status.ShouldBe(HttpStatusCode.NoContent);
        // Taken out today: not out overnight yet.
        var (_, today) = await lineManager.GetJsonAsync("/api/v1/paper-files/out-overnight");
        today.GetProperty("volumes").EnumerateArray().Select(v => v.Id("removalId")).ShouldNotContain(removalId);

        // Taken out ten days ago (before the end of any previous working day) and not back.
        var tenDaysAgo = DateTimeOffset.UtcNow.AddDays(-10);
        await app.WithDbAsync(d => d.PaperFileRemovals.Where(r => r.Id == removalId).ExecuteUpdateAsync(s => s.SetProperty(r => r.MarkedOutAt, tenDaysAgo)));

        var (status, list) = await lineManager.GetJsonAsync("/api/v1/paper-files/out-overnight");
        status.ShouldBe(HttpStatusCode.OK, list.ToString());
        var item = list.GetProperty("volumes").EnumerateArray().Single(v => v.Id("removalId") == removalId);
        item.Str("holder").ShouldBe("Amara Osei");
        item.Str("destination").ShouldBe("Harrowden Family Court");
        item.Id("caseId").ShouldBe(caseId);
        item.GetProperty("outSince").GetDateTimeOffset().ShouldBe(tenDaysAgo, TimeSpan.FromSeconds(1));
        item.TryGetProperty("expectedReturn", out _).ShouldBeTrue();

        // A manager further up the line sees it too; a manager in another line and the worker do not.
        var (_, above) = await (await app.ClientAsync("priya.shah")).GetJsonAsync("/api/v1/paper-files/out-overnight");
        above.GetProperty("volumes").EnumerateArray().Select(v => v.Id("removalId")).ShouldContain(removalId);
        var (_, other) = await otherManager.GetJsonAsync("/api/v1/paper-files/out-overnight");
        other.GetProperty("volumes").EnumerateArray().Select(v => v.Id("removalId")).ShouldNotContain(removalId);
        (await worker.GetJsonAsync("/api/v1/paper-files/out-overnight")).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.RecordId == volumeId.ToString() && e.Reason == "Paper files out overnight"))).ShouldBeTrue();

        // Returned this morning: it was still out overnight, so it stays on today's list.
        (await worker.PostAsync($"/api/v1/paper-files/{volumeId}/return", new { })).Status.ShouldBe(HttpStatusCode.NoContent);
        var (_, afterReturn) = await lineManager.GetJsonAsync("/api/v1/paper-files/out-overnight");
        afterReturn.GetProperty("volumes").EnumerateArray().Single(v => v.Id("removalId") == removalId).GetProperty("returnedAt").ValueKind.ShouldBe(JsonValueKind.String);
    }
}

internal static class RuleAnswers
{
    /// <summary>The answer is a problem with this status naming this rule of the policy.</summary>
    public static void ShouldBeRule(this (HttpStatusCode Status, JsonElement Body) answer, HttpStatusCode status, string rule)
    {
        answer.Status.ShouldBe(status, answer.Body.ToString());
        answer.Body.Str("rule").ShouldBe(rule, answer.Body.ToString());
    }
}
