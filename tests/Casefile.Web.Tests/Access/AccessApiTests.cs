using System.Net;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Access;

public sealed class AccessApiTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task EmergencyAccess_WhenReasonGiven_OpensTheCaseAndTheAccessLogShowsWhy(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var ben = await app.ClientAsync("ben.carter");
        (await ben.GetJsonAsync($"/api/v1/cases/{caseId}")).Status.ShouldBe(HttpStatusCode.Forbidden);

        (await ben.PostAsync($"/api/v1/cases/{caseId}/emergency-access", new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        (await ben.PostAsync($"/api/v1/cases/{caseId}/emergency-access", new { reason = "Police called out of hours", hours = 30 })).ShouldBeProblem(HttpStatusCode.BadRequest, "hours");
        var (status, grant) = await ben.PostAsync($"/api/v1/cases/{caseId}/emergency-access", new { reason = "Police called out of hours about the child's safety" });
        status.ShouldBe(HttpStatusCode.Created, grant.ToString());

        var (read, file) = await ben.GetJsonAsync($"/api/v1/cases/{caseId}");
        read.ShouldBe(HttpStatusCode.OK);
        file.Str("accessBasis").ShouldStartWith("Emergency access until");

        var (logStatus, log) = await (await app.ClientAsync("daniel.hughes")).GetJsonAsync($"/api/v1/cases/{caseId}/access-log");
        logStatus.ShouldBe(HttpStatusCode.OK);
        var entries = log.GetProperty("entries").EnumerateArray().ToList();
        entries.ShouldContain(e => e.Str("user") == "ben.carter" && e.Str("action") == "view" && e.Str("outcome") == "allowed"
            && e.Str("reason").Contains("Police called out of hours", StringComparison.Ordinal));
        entries.ShouldContain(e => e.Str("user") == "ben.carter" && e.Str("outcome") == "refused");

        var (_, queue) = await (await app.ClientAsync("daniel.hughes")).GetJsonAsync("/api/v1/emergency-access");
        var pending = queue.GetProperty("results").EnumerateArray().Single(r => r.Id("caseId") == caseId);
        pending.GetProperty("uses").GetInt32().ShouldBeGreaterThan(0);
        (await ben.PostAsync($"/api/v1/emergency-access/{pending.Id()}/review", new { note = "x" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/emergency-access/{pending.Id()}/review", new { note = "Justified: police call" }))
            .Status.ShouldBe(HttpStatusCode.NoContent);

        (await ben.PostAsync($"/api/v1/cases/{caseId}/emergency-access", new { reason = "Police called out of hours again" })).ShouldBeProblem(HttpStatusCode.Conflict);
        (await (await app.ClientAsync("amara.osei")).GetJsonAsync($"/api/v1/cases/{caseId}/access-log")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RestrictedCase_WhenNotNamed_CannotBeFoundAnywhere(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var manager = await app.ClientAsync("daniel.hughes");
        var family = "Restrictedfam" + Guid.NewGuid().ToString("N")[..5];
        var child = await Given.ChildAsync(manager, "Hidden", family);
        var referral = await Given.ReferralAsync(manager, child);
        var caseId = (await manager.PostAsync($"/api/v1/referrals/{referral}/accept", new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" })).Body.Id("caseId");

        (await manager.PostAsync($"/api/v1/cases/{caseId}/restriction", new { reason = "adoption" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "reviewOn");
        var review = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await manager.PostAsync($"/api/v1/cases/{caseId}/restriction", new { reason = "adoption", reviewOn = review, namedUsers = new[] { "nobody.x" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "namedUsers");
        (await manager.PostAsync($"/api/v1/cases/{caseId}/restriction", new { reason = "adoption", details = "Placement order made", reviewOn = review, namedUsers = new[] { "olu.bello" } }))
            .Status.ShouldBe(HttpStatusCode.NoContent);

        // Named: the manager, the allocated worker, and olu.bello.
        foreach (var named in new[] { "daniel.hughes", "amara.osei", "olu.bello" })
        {
            var client = await app.ClientAsync(named);
            var (status, file) = await client.GetJsonAsync($"/api/v1/cases/{caseId}");
            status.ShouldBe(HttpStatusCode.OK, named);
            file.GetProperty("restricted").GetBoolean().ShouldBeTrue();
        }

        // Everyone else: not found, in any list or search, whatever their role.
        foreach (var other in new[] { "priya.shah", "grace.adeyemi", "ben.carter", "hannah.price", "rita.kowalski" })
        {
            var client = await app.ClientAsync(other);
            (await client.GetJsonAsync($"/api/v1/cases/{caseId}")).ShouldBeProblem(HttpStatusCode.NotFound);
            (await client.PostAsync($"/api/v1/cases/{caseId}/emergency-access", new { reason = "I need to see this case urgently tonight" })).ShouldBeProblem(HttpStatusCode.NotFound);
            if (other is "rita.kowalski") continue;
            (await client.GetJsonAsync($"/api/v1/people/{child}")).ShouldBeProblem(HttpStatusCode.NotFound);
            var (_, search) = await client.GetJsonAsync($"/api/v1/people?query={family}");
            search.GetProperty("results").GetArrayLength().ShouldBe(0, other);
            var (_, mine) = await client.GetJsonAsync("/api/v1/me/cases");
            mine.GetProperty("teams").EnumerateArray().Select(c => c.Id()).ShouldNotContain(caseId);
            var (_, referrals) = await client.GetJsonAsync("/api/v1/referrals");
            referrals.GetProperty("results").EnumerateArray().Select(r => r.Id("childId")).ShouldNotContain(child);
        }

        (await manager.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/cases/{caseId}/restriction"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await app.ClientAsync("priya.shah")).GetJsonAsync($"/api/v1/cases/{caseId}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task LiftRestriction_ByANamedManagerWhoDoesNotManageTheCase_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.RestrictedCaseAsync(app, "hannah.price");
        var hannah = await app.ClientAsync("hannah.price");
        (await hannah.GetJsonAsync($"/api/v1/cases/{caseId}")).Status.ShouldBe(HttpStatusCode.OK);

        var refused = await hannah.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/cases/{caseId}/restriction"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ClientAsync("priya.shah")).SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/cases/{caseId}/restriction")))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == caseId).Select(c => c.IsRestricted).SingleAsync())).ShouldBeTrue();

        (await (await app.ClientAsync("daniel.hughes")).SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/cases/{caseId}/restriction")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task LegalServices_WhenCaseSharedWithThem_CanReadIt(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var legal = await app.ClientAsync("sam.fraser");
        (await legal.GetJsonAsync($"/api/v1/cases/{caseId}")).ShouldBeProblem(HttpStatusCode.Forbidden);

        var worker = await app.ClientAsync("amara.osei");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/legal-shares", new { user = "ben.carter", reason = "advice" })).ShouldBeProblem(HttpStatusCode.BadRequest, "user");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/legal-shares", new { user = "sam.fraser", reason = "Advice on threshold for proceedings" })).Status.ShouldBe(HttpStatusCode.NoContent);

        var (status, file) = await legal.GetJsonAsync($"/api/v1/cases/{caseId}");
        status.ShouldBe(HttpStatusCode.OK);
        file.Str("accessBasis").ShouldBe("Shared with Legal Services");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Consent_WhenYoungPersonUnder16_IsRefused_AndSharingWithoutConsentNeedsAManager(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app); // child born 2016
        var worker = await app.ClientAsync("amara.osei");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        (await worker.PostAsync($"/api/v1/cases/{caseId}/consents", new { givenBy = "youngPerson", giverName = "The child", scope = "School and GP", givenOn = today }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "givenBy");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/consents", new { givenBy = "parent", giverName = "Claire Testchild", scope = "Share with school and GP", givenOn = today, signedFormReference = "Signed form, scanned" }))
            .Status.ShouldBe(HttpStatusCode.Created);
        (await worker.PostAsync($"/api/v1/cases/{caseId}/sharing-without-consent", new { sharedWith = "Police", sharedOn = today, justification = "Immediate risk of harm", agreedBy = "ben.carter" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "agreedBy");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/sharing-without-consent", new { sharedWith = "Police", sharedOn = today, justification = "Immediate risk of harm", agreedBy = "daniel.hughes" }))
            .Status.ShouldBe(HttpStatusCode.Created);

        var (_, file) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}");
        file.GetProperty("consents").GetArrayLength().ShouldBe(1);
        file.GetProperty("sharedWithoutConsent").EnumerateArray().Single().Str("agreedBy").ShouldBe("Daniel Hughes");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UserAccessLog_WhenManagerOfTheWorker_ListsWhatTheyOpened(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        (await (await app.ClientAsync("amara.osei")).GetJsonAsync($"/api/v1/cases/{caseId}")).Status.ShouldBe(HttpStatusCode.OK);

        var (status, log) = await (await app.ClientAsync("daniel.hughes")).GetJsonAsync("/api/v1/users/amara.osei/access-log");
        status.ShouldBe(HttpStatusCode.OK);
        log.GetProperty("entries").EnumerateArray().ShouldContain(e => e.Str("recordId") == caseId.ToString() && e.Str("action") == "view");

        var manager = await app.ClientAsync("daniel.hughes");
        (await manager.GetJsonAsync("/api/v1/users/amara.osei/access-log?to=9999-12-31")).ShouldBeProblem(HttpStatusCode.BadRequest, "to");
        (await manager.GetJsonAsync("/api/v1/users/amara.osei/access-log?from=2026-11-20&to=2026-11-01")).ShouldBeProblem(HttpStatusCode.BadRequest, "to");
        (await manager.GetJsonAsync("/api/v1/users/amara.osei/access-log?from=not-a-date")).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await (await app.ClientAsync("hannah.price")).GetJsonAsync("/api/v1/users/amara.osei/access-log")).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await (await app.ClientAsync("ben.carter")).GetJsonAsync("/api/v1/users/amara.osei/access-log")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UserAccessLog_WhenTheWorkerOpenedARestrictedCaseHiddenFromTheManager_ShowsOnlyARestrictedCase(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.RestrictedCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (_, child) = await worker.GetJsonAsync($"/api/v1/people/{childId}");
        var family = child.Str("givenName")!;
        (await worker.GetJsonAsync($"/api/v1/cases/{caseId}")).Status.ShouldBe(HttpStatusCode.OK);
        (await worker.GetJsonAsync($"/api/v1/people?query={family}")).Status.ShouldBe(HttpStatusCode.OK);

        var (status, log) = await (await app.ClientAsync("priya.shah")).GetJsonAsync("/api/v1/users/amara.osei/access-log");

        status.ShouldBe(HttpStatusCode.OK, log.ToString());
        var text = log.ToString();
        text.ShouldNotContain(caseId.ToString());
        text.ShouldNotContain(childId.ToString());
        text.ShouldNotContain("Placement order");
        text.ShouldNotContain(family);
        log.GetProperty("entries").EnumerateArray().ShouldContain(e => e.Str("recordType") == "restricted-case");

        // Daniel is named on the case: he sees what Amara opened.
        var (_, named) = await (await app.ClientAsync("daniel.hughes")).GetJsonAsync("/api/v1/users/amara.osei/access-log");
        named.GetProperty("entries").EnumerateArray().ShouldContain(e => e.Str("recordId") == caseId.ToString());
    }

    /// <summary>The policy matrix again, over HTTP against the running API, for the demo users.</summary>
    [Theory, ClassData(typeof(Databases))]
    public async Task AccessMatrix_OverHttp_MatchesThePolicy(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, northgate) = await Given.OpenCaseAsync(app);
        var (_, riverside) = await Given.OpenCaseAsync(app, "ben.carter", "Riverside Family Support Team", "hannah.price");
        var (_, closed) = await Given.OpenCaseAsync(app, "ben.carter", "Riverside Family Support Team", "hannah.price");
        await app.WithDbAsync(async d =>
        {
            var file = await d.CaseFiles.Include(c => c.Volumes).SingleAsync(c => c.Id == closed);
            file.RecordClosure(file.OpenedOn);
            return await d.SaveChangesAsync();
        });

        // user -> expected status for GET on (northgate open, riverside open, riverside closed)
        var expected = new Dictionary<string, HttpStatusCode[]>
        {
            ["amara.osei"] = [HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            ["ben.carter"] = [HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK],
            ["daniel.hughes"] = [HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            ["hannah.price"] = [HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK],
            ["priya.shah"] = [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            ["grace.adeyemi"] = [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            ["olu.bello"] = [HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            ["sam.fraser"] = [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            ["rita.kowalski"] = [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK],
            ["alex.morgan"] = [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
        };
        var cases = new[] { northgate, riverside, closed };
        foreach (var (user, statuses) in expected)
        {
            var client = await app.ClientAsync(user);
            for (var i = 0; i < cases.Length; i++)
            {
                var (status, body) = await client.GetJsonAsync($"/api/v1/cases/{cases[i]}");
                status.ShouldBe(statuses[i], $"{user} reading case {i}: {body}");
                if (status != HttpStatusCode.OK) body.TryGetProperty("reference", out _).ShouldBeFalse();
            }
        }
    }
}
