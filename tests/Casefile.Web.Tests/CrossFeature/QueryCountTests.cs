using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Casefile.Web.Tests.CrossFeature;

[CollectionDefinition(nameof(QueryCountTests), DisableParallelization = true)]
public sealed class QueryCountCollection;

/// <summary>
/// How many SQL statements the hottest reads make (issue 5): each costs a round trip and EF's own
/// work, so a new one on these paths should be a decision. Runs alone, so only its own requests are counted.
/// </summary>
[Collection(nameof(QueryCountTests))]
public sealed class QueryCountTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task ChronologyFirstPage_OverBearer_ReadsFourTimesAndWritesOnlyTheAudit(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        (await worker.GetAsync($"/api/v1/cases/{caseId}/chronology")).StatusCode.ShouldBe(HttpStatusCode.OK); // warm up; notes the token's use

        var statements = await SqlStatements.DuringAsync(app, async () =>
            (await worker.GetAsync($"/api/v1/cases/{caseId}/chronology")).StatusCode.ShouldBe(HttpStatusCode.OK));

        // Before issue 5: 13 reads (8 of them signing the token's user in). Now: the user with their roles and team;
        // the case's access facts with its heading; the count; the page. The audit chain's own statements are not counted.
        var reads = statements.Where(s => s.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !s.Contains("\"Audit", StringComparison.Ordinal)).ToList();
        reads.Count.ShouldBe(4, string.Join("\n---\n", statements));
        statements.Count(s => !s.Contains("\"Audit", StringComparison.Ordinal)).ShouldBe(4, "no writes but the audit's: " + string.Join("\n---\n", statements));
    }
}
