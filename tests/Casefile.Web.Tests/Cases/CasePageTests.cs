using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.RegularExpressions;
using Casefile.Data;
using Casefile.Web.Infrastructure;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Web.Tests.Cases;

[CollectionDefinition(nameof(CasePageCostTests), DisableParallelization = true)]
public sealed class CasePageCostCollection;

/// <summary>
/// What one view of the case page costs (issue 14): one facts query, one access decision, one
/// audit event and one commit, and a fixed ceiling of SELECTs, whoever the viewer. Runs alone, so
/// only its own requests are counted.
/// </summary>
[Collection(nameof(CasePageCostTests))]
public sealed partial class CasePageCostTests
{
    // The user's roles and team (cookie: read again each request), the teams they oversee, the case's facts, the summary's reads
    // and one or two per section. A new query on the page should be a decision: raise this only with a reason.
    private const int SelectCeiling = 24;

    public static TheoryData<Db, string> Viewers()
    {
        var data = new TheoryData<Db, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
            foreach (var viewer in new[] { "amara.osei", "daniel.hughes", "olu.bello", "ben.carter (named on the restricted case)" })
                data.Add(db, viewer);
        return data;
    }

    [Theory, MemberData(nameof(Viewers))]
    public async Task CasePage_ForEachViewer_DecidesOnceAuditsOnceAndCommitsOnce(Db db, string viewer)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var userName = viewer.Split(' ')[0];
        if (viewer.Contains("restricted", StringComparison.Ordinal))
        {
            var manager = await app.ClientAsync("daniel.hughes");
            (await manager.PostAsync($"/api/v1/cases/{caseId}/restriction", new
            {
                reason = "staffMemberOrRelative",
                reviewOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd"),
                namedUsers = new[] { userName },
            })).Status.ShouldBe(HttpStatusCode.NoContent);
        }
        var session = await Browserless.SignedInAsync(app, userName);
        (await session.Client.GetAsync($"/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK); // warm up
        var before = await EventsAsync(app, caseId);

        long decisions = 0, commits = 0;
        using var meter = new MeterListener();
        meter.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CaseScope.Meter.Name || instrument.Meter.Name == Data.Audit.AuditMetrics.Meter.Name) listener.EnableMeasurementEvents(instrument);
        };
        meter.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Meter.Name == CaseScope.Meter.Name) Interlocked.Add(ref decisions, value);
            else Interlocked.Add(ref commits, value);
        });
        meter.Start();
        var statements = await SqlStatements.DuringAsync(app, async () =>
        {
            var response = await session.Client.GetAsync($"/cases/{caseId}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        });
        meter.Dispose();

        var all = string.Join("\n---\n", statements);
        statements.Count(s => s.Contains("\"CaseAccessGrants\"", StringComparison.Ordinal) && s.Contains("\"EmergencyAccesses\"", StringComparison.Ordinal))
            .ShouldBe(1, "one access-facts query: " + all);
        decisions.ShouldBe(1, "one access decision");
        commits.ShouldBe(1, "one commit");
        statements.Count(s => IsWrite(s) && !s.Contains("\"Audit", StringComparison.Ordinal)).ShouldBe(0, "no writes but the audit's: " + all);
        var selects = statements.Count(s => s.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !s.Contains("\"Audit", StringComparison.Ordinal));
        selects.ShouldBeLessThanOrEqualTo(SelectCeiling, all);

        var added = (await EventsAsync(app, caseId)).Skip(before.Count).ToList();
        added.Count.ShouldBe(1, "one audit event for one view");
        added[0].Reason.ShouldNotBeNull().ShouldStartWith("Case page: summary, 0 documents, 0 emails");
    }

    internal static async Task<List<Data.Audit.AuditEvent>> EventsAsync(CasefileApp app, Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditEvents.AsNoTracking().Where(e => e.CaseFileId == caseId).OrderBy(e => e.Id).ToListAsync();
    }

    private static bool IsWrite(string sql)
    {
        var s = sql.TrimStart();
        return s.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || s.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The case page over HTTP, as each role sees it (issue 14).</summary>
public sealed partial class CasePageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task CasePage_ViewedOnce_AddsOneLineToTheCasesAccessLog(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var manager = await app.ClientAsync("daniel.hughes");
        var before = (await manager.GetJsonAsync($"/api/v1/cases/{caseId}/access-log")).Body.GetProperty("entries").GetArrayLength();

        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        (await worker.Client.GetAsync($"/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (status, body) = await manager.GetJsonAsync($"/api/v1/cases/{caseId}/access-log");
        status.ShouldBe(HttpStatusCode.OK);
        var entries = body.GetProperty("entries");
        // The manager's own earlier look at the log is a line too; the worker's one view is exactly one more.
        entries.GetArrayLength().ShouldBe(before + 2);
        var visit = entries.EnumerateArray().First(e => e.GetProperty("user").GetString() == "amara.osei");
        visit.GetProperty("what").GetString().ShouldBe("Viewed the case page");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ChronologyPage_OffersThePdfOnlyToThoseWhoMayExport(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);

        var allocated = await (await Browserless.SignedInAsync(app, "amara.osei")).GetHtmlAsync($"/cases/{caseId}/chronology");
        allocated.ShouldContain($"/api/v1/cases/{caseId}/chronology.pdf");
        // The team's admin officer reads the case but may not export it (policy table: R--).
        var admin = await Browserless.SignedInAsync(app, "olu.bello");
        (await admin.GetHtmlAsync($"/cases/{caseId}/chronology")).ShouldNotContain("chronology.pdf");
        (await admin.Client.GetAsync($"/api/v1/cases/{caseId}/chronology.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AccessLogPage_WithMoreThanAPageOfVisits_LinksToOlderEntriesThatShowThem(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        for (var i = 0; i < Casefile.Web.Features.Access.AccessLogFilter.PageSize + 2; i++)
            (await worker.Client.GetAsync($"/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var manager = await Browserless.SignedInAsync(app, "daniel.hughes");
        var first = await manager.GetHtmlAsync($"/cases/{caseId}/access-log?person=amara.osei");
        first.ShouldContain("Viewed the case page");
        var older = OlderLink().Match(first);
        older.Success.ShouldBeTrue("the first page links to older entries");
        var second = await manager.GetHtmlAsync($"/cases/{caseId}/access-log" + WebUtility.HtmlDecode(older.Groups[1].Value));
        second.ShouldContain("Viewed the case page");
        second.ShouldContain("rel=\"prev\"");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CasePage_ForEveryRoleThatMayReadIt_OffersNoActionThatIsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, openCase) = await Given.OpenCaseAsync(app);
        var manager = await app.ClientAsync("daniel.hughes");
        (await manager.PostAsync($"/api/v1/cases/{openCase}/legal-shares", new { user = "sam.fraser", reason = "Advice on proceedings" })).Status
            .ShouldBe(HttpStatusCode.NoContent);
        var closedCase = await ClosedCaseAsync(app);

        foreach (var (user, caseId) in new[] { ("amara.osei", openCase), ("daniel.hughes", openCase), ("olu.bello", openCase), ("sam.fraser", openCase), ("rita.kowalski", closedCase) })
        {
            var session = await Browserless.SignedInAsync(app, user);
            var response = await session.Client.GetAsync($"/cases/{caseId}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, user);
            var html = await response.Content.ReadAsStringAsync();
            foreach (var href in Links().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct())
            {
                if (href.StartsWith("/account", StringComparison.Ordinal) || href.Contains("/content", StringComparison.Ordinal)) continue;
                var status = (await session.Client.GetAsync(href)).StatusCode;
                status.ShouldNotBe(HttpStatusCode.Forbidden, $"{user} is offered {href} on the case page but may not use it");
                status.ShouldNotBe(HttpStatusCode.NotFound, $"{user} is offered {href} on the case page but it is not there");
            }
        }

        // What each may not do is not offered at all.
        var legal = await (await Browserless.SignedInAsync(app, "sam.fraser")).GetHtmlAsync($"/cases/{openCase}");
        foreach (var action in new[] { "/records/new", "/assessments/new", "/documents/new", "/emails/new", "/paper-files/new", "/closure\"", "/transfer\"", "/access-log" })
            legal.ShouldNotContain($"/cases/{openCase}{action.TrimEnd('"')}{(action.EndsWith('"') ? "\"" : "")}", Case.Sensitive, $"Legal is offered {action}");
        var records = await (await Browserless.SignedInAsync(app, "rita.kowalski")).GetHtmlAsync($"/cases/{closedCase}");
        foreach (var action in new[] { "/records/new", "/assessments/new", "/documents/new", "/emails/new", "/paper-files/new", "/closure\"", "/transfer\"", "/access-requests/new" })
            records.ShouldNotContain($"/cases/{closedCase}{action.TrimEnd('"')}{(action.EndsWith('"') ? "\"" : "")}", Case.Sensitive, $"a records manager is offered {action}");
        records.ShouldContain($"/cases/{closedCase}/access-log");
        var admin = await (await Browserless.SignedInAsync(app, "olu.bello")).GetHtmlAsync($"/cases/{openCase}");
        admin.ShouldNotContain($"/cases/{openCase}/records/new");
        admin.ShouldContain($"/cases/{openCase}/paper-files/new");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CasePage_ShowsTheChildAtAGlance(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (status, draft) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", new
        {
            type = "homeVisit",
            occurredAt = DateTimeOffset.UtcNow.AddDays(-1),
            purpose = "Check on the children after the school's call",
            narrative = "Saw the child at home with her mother.",
        });
        status.ShouldBe(HttpStatusCode.Created, draft.ToString());

        var html = await (await Browserless.SignedInAsync(app, "amara.osei")).GetHtmlAsync($"/cases/{caseId}");
        html.ShouldContain("1 Test Street, Harrowden, HD1 2AB");
        html.ShouldContain("Amara Osei");
        html.ShouldContain("Northgate Children&#x27;s Team");
        html.ShouldContain("Due on this case");
        html.ShouldContain($"/records/{draft.Id()}");
        html.ShouldContain("Latest in the chronology");
        html.ShouldContain("govuk-tag--green\">Open");
        html.ShouldContain($"href=\"/people/{childId}\"");
    }

    /// <summary>A closed case of the demo service (records managers read only closed files).</summary>
    private static async Task<Guid> ClosedCaseAsync(CasefileApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.CaseFiles.Where(c => c.Status == Domain.Cases.CaseStatus.Closed && !c.IsRestricted).Select(c => c.Id).FirstAsync();
    }

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Links();

    [GeneratedRegex("href=\"([^\"]*)\" rel=\"next\"")]
    private static partial Regex OlderLink();
}
