using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Casefile.Bench.Generation;
using Casefile.Bench.Measurement;
using Casefile.Bench.Reporting;
using Casefile.Data;
using Casefile.Data.Audit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Casefile.Bench.Operations;

/// <summary>
/// Issue 5: a whole authority at tier S, M or L generated into a fresh database, then the
/// operations a worker's day is made of, each timed over HTTP against the real application on
/// loopback and beside its floor (the same question as one hand-written SQL query or transaction
/// over plain ADO.NET on the same database): a child's page, the chronology's first and 200th
/// page, creating and finalising an audited record (alone and with 8 writers), a stale edit
/// (409), search, "who has viewed this child's record", <c>audit verify</c>, the statutory journey
/// (a case's journey, a team's due visits), and a mixed load of 200 users driven by wrk. Every response's status is checked, so a run at S is also the
/// correctness test (<c>tests/Casefile.Bench.Tests</c>).
/// </summary>
public static class LargeAuthorityBenchmark
{
    public const string SearchWord = RecordWriter.SearchedWord;

    private const int PageSize = 50;

    /// <summary>The password the benchmark gives the workers who open the case page (the generator makes users without one).</summary>
    private const string BenchPassword = "casefile-bench-password";
    private const int Rounds = 3;

    public static readonly string[] ToCome =
    [
        "Operation 8, the daily retention sweep: measured when issue 8 lands.",
        "Disclosure bundles: when their issue lands.",
    ];

    public static async Task<TierResult> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var tier = Tier.Parse(options.String("--tier"));
        var provider = options.Provider();
        var seed = options.Int("--seed", 20261125);
        var runs = options.Int("--runs", 200);
        var warmUp = Math.Min(20, runs);
        var writes = options.Int("--writes", Math.Max(runs, 400));
        var auditEvents = options.Long("--audit-events", tier.AuditEvents);
        var mixedSeconds = options.Int("--mixed-seconds", 30);
        var once = runs == 1;

        await using var database = await BenchDatabase.CreateAsync(provider, options.String("--connection"), options.Has("--keep"), ct);
        var machine = MachineInfo.Current();
        var info = await DatabaseInfo.ReadAsync(database, ct);
        Console.WriteLine($"Tier {tier.Name}; load average {machine.LoadAverage}; {info.Version} ({info.Settings}): {database.Location}");

        // The authority: staff, people, referrals, case files, records and chronology, bulk-loaded.
        Console.WriteLine($"Generating tier {tier.Name}: {tier.Teams} teams, {tier.Referrals:N0} children with referrals and case files, " +
            $"{tier.People - tier.Referrals:N0} parents, about {tier.Records:N0} records (seed {seed})...");
        // Documents' and emails' content: a store folder of its own, which the application is started on.
        var contentRoot = Directory.CreateTempSubdirectory("casefile-bench-documents-").FullName;
        await using var removeContent = new FolderRemoval(contentRoot);
        var (generated, g) = await CaseFileSeeder.SeedAsync(database, seed, tier.Referrals, tier.DeepChildRecords, tier.Shape(), contentRoot, ct);
        var cases = g.CaseFiles.Select(c => new CaseRow(c.Id, c.ChildId, c.AllocatedWorkerId, c.TeamId)).ToList();
        var workers = g.SocialWorkers.ToDictionary(w => w.Id);
        var perChild = g.Records.CountBy(r => r.CaseFileId).Select(x => x.Value).Order().ToArray();
        var people = g.Children.Count + g.Adults.Count;
        var target = g.Target;
        // The documents list leaves out attachments of superseded emails (policy 4.7) and shows restricted ones as existing.
        var superseded = g.Emails.Where(e => e.SupersededById is not null).Select(e => e.Id).ToHashSet();
        var targetDocuments = g.Documents.Count(d => d.CaseFileId == target.CaseFileId && (d.EmailRecordId is null || !superseded.Contains(d.EmailRecordId.Value)));
        // The statutory journey (issue 16): the cases with a plan or an episode, and those with one in force now (every generated case is open).
        var journeyCases = g.Journey is null ? [] : g.Journey.Plans.Select(p => p.CaseFileId).Concat(g.Journey.Episodes.Select(e => e.CaseFileId)).ToHashSet();
        var withPlan = g.Journey?.Plans.Where(p => p.IsCurrent).Select(p => p.CaseFileId).ToHashSet() ?? [];
        var lookedAfter = g.Journey?.Episodes.Where(e => e.IsOpen).Select(e => e.CaseFileId).ToHashSet() ?? [];
        var managers = g.SocialWorkers.GroupBy(w => w.Team.Id).ToDictionary(x => x.Key, x => x.First().ManagerId);

        // The audit trail: events by the generated staff on the generated case files, chained and signed.
        var caseloads = cases.GroupBy(c => c.WorkerId).ToDictionary(x => x.Key, x => x.Select(c => new ChildCase(c.Id, c.ChildId, "")).ToList());
        var staff = g.SocialWorkers.Where(w => caseloads.ContainsKey(w.Id)).Select(w => new StaffMember(w.Id, w.UserName, caseloads[w.Id])).ToList();
        var authority = Authority.FromGenerated(new Random(seed), staff, cases.Select(c => new ChildCase(c.Id, c.ChildId, "")).ToList());
        var entries = generated.ChronologyEntries;
        g = null;
        GC.Collect();
        var key = RandomNumberGenerator.GetBytes(32);
        Console.WriteLine($"Generating {auditEvents:N0} audit events on those staff and cases" +
            (auditEvents == tier.AuditEvents ? "" : $" (the tier's full volume is {tier.AuditEvents:N0})") + "...");
        var trail = await AuditTrailSeeder.SeedAsync(database, auditEvents, authority, new Random(seed + 1), new AuditSigner(key), ct);
        Console.WriteLine($"  {trail.Events:N0} events in {trail.Seconds:F1} s");
        var bytes = await database.SizeAsync(ct);

        var data = new TierData(tier.Name, seed, generated.Teams, generated.Staff, generated.SocialWorkers, people, generated.Children, cases.Count,
            generated.Records, entries, generated.MeanNarrativeLength, cases.Count / (double)workers.Count, perChild[perChild.Length / 2], perChild[^1],
            perChild.Count(n => n >= 1_000), trail.Events, tier.AuditEvents, generated.GenerateSeconds, generated.LoadSeconds, trail.Seconds, bytes,
            target.Reference, target.Entries, generated.Emails, generated.Documents, generated.Attachments, generated.ContentFiles, generated.ContentBytes,
            generated.ChildrenWithPlan, generated.ChildrenLookedAfter);
        Console.WriteLine($"  {bytes / 1024.0 / 1024:N0} MiB; records per child: median {data.MedianRecordsPerChild}, most {data.MaxRecordsPerChild:N0}, " +
            $"{data.ChildrenWith1000Records} children with 1,000 or more; {data.MeanCaseloadOpen:F1} open cases per social worker");

        await using var app = await RunningApp.StartAsync(database, Convert.ToBase64String(key), contentRoot, ct);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
        { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(5) };
        var tokens = new Dictionary<Guid, string>();
        async Task<string> TokenAsync(Guid userId)
        {
            if (!tokens.TryGetValue(userId, out var token)) tokens[userId] = token = await app.IssueTokenAsync(userId, ct);
            return token;
        }
        var client = new Client(http);
        var floor = new SqlFloor(database);
        await floor.PrepareAsync(ct);
        var ops = new List<TierOperation>();
        var random = new Random(seed + 2);
        Console.WriteLine($"The application is listening on {app.Address}");

        // 1. A child's page: the case file and the child's person page, as the allocated worker, over a sample of cases.
        var sample = Enumerable.Range(0, Math.Min(100, cases.Count)).Select(_ => cases[random.Next(cases.Count)]).ToList();
        var sampleTokens = new List<string>();
        foreach (var c in sample) sampleTokens.Add(await TokenAsync(c.WorkerId));
        var goalMet = tier == Tier.M ? (Func<bool, bool?>)(b => b) : _ => null;
        {
            var (app1, floor1) = await MeasureAsync("case file", runs, warmUp,
                i => client.TimeAsync(HttpMethod.Get, $"/api/v1/cases/{sample[i % sample.Count].Id}", sampleTokens[i % sample.Count], null, HttpStatusCode.OK, ct),
                i => floor.CaseAsync(sample[i % sample.Count].Id, ct), ct);
            ops.Add(Read("case", 1, "Child's page: the case file", "GET /api/v1/cases/{id}", app1, floor1, 50, goalMet));
            var (app2, floor2) = await MeasureAsync("person", runs, warmUp,
                i => client.TimeAsync(HttpMethod.Get, $"/api/v1/people/{sample[i % sample.Count].ChildId}", sampleTokens[i % sample.Count], null, HttpStatusCode.OK, ct),
                i => floor.PersonAsync(sample[i % sample.Count].ChildId, ct), ct);
            ops.Add(Read("person", 1, "Child's page: the person", "GET /api/v1/people/{childId}", app2, floor2, 50, goalMet));
        }

        // 1. The case page as users open it: the HTML page, each worker signed in through the sign-in form with a session cookie.
        Func<Task<double>>? openCasePage = null;
        // Its floor: the page's own SELECTs, captured once per case from EF Core's diagnostic events and run again by hand
        // over plain ADO.NET in one transaction, plus one audit row, as the API read's floor adds one.
        {
            var pageCases = sample.Take(Math.Min(sample.Count, runs)).ToList();
            var sessions = new Dictionary<Guid, CookieSession>();
            foreach (var workerId in pageCases.Select(c => c.WorkerId).Distinct())
            {
                await app.SetPasswordAsync(workerId, BenchPassword, ct);
                sessions[workerId] = await CookieSession.SignInAsync(http, workers[workerId].UserName, BenchPassword, ct);
            }
            var pageReads = new List<IReadOnlyList<TracedCall>>();
            using (var trace = EfTrace.StartCopying())
            {
                foreach (var c in pageCases)
                {
                    trace.Take();
                    var (_, html) = await sessions[c.WorkerId].SendAsync(HttpMethod.Get, $"/cases/{c.Id}", null, HttpStatusCode.OK, ct);
                    if (!html.Contains($"/cases/{c.Id}/", StringComparison.OrdinalIgnoreCase) || html.Contains("Input.Password", StringComparison.Ordinal))
                        throw new InvalidOperationException($"GET /cases/{c.Id} as {sessions[c.WorkerId].UserName} did not show the case page.");
                    var reads = trace.Take().Where(x => x.Kind == "command" && x.Label.StartsWith("SELECT", StringComparison.Ordinal)).ToList();
                    if (reads.Count == 0) throw new InvalidOperationException($"GET /cases/{c.Id}: no SELECT was seen.");
                    pageReads.Add(reads);
                    // The page found the case, so its reads run by hand must find it too.
                    if ((await floor.ReplayAsync(reads, ct)).Rows == 0)
                        throw new InvalidOperationException($"GET /cases/{c.Id}: the page's {reads.Count} SELECTs run by hand found no row.");
                }
            }
            openCasePage = async () => (await sessions[pageCases[0].WorkerId].SendAsync(HttpMethod.Get, $"/cases/{pageCases[0].Id}", null, HttpStatusCode.OK, ct)).Ms;
            var statements = pageReads.Select(r => r.Count).Order().ToArray()[pageReads.Count / 2];
            Console.WriteLine($"  case page: {statements} SELECTs (median over {pageReads.Count} cases): {string.Join("; ", pageReads[0].Select(x => x.Label))}");
            if (!once)
            {
                // Each of the first case's statements alone (best of 3, each with its own connection, audit row and commit), beside EF Core's time for it.
                foreach (var read in pageReads[0])
                {
                    var best = double.MaxValue;
                    long rows = 0;
                    for (var r = 0; r < 3; r++) (best, rows) = await floor.ReplayAsync([read], ct) is var (ms, n) && ms < best ? (ms, n) : (best, n);
                    Console.WriteLine($"    floor: {read.Label,-40} {best,7:F2} ms with its commit, {rows,5} rows; in the page, EF Core's call {read.Milliseconds,6:F2} ms");
                }
            }
            var (app3, floor3) = await MeasureAsync("case page", runs, warmUp,
                async i => (await sessions[pageCases[i % pageCases.Count].WorkerId].SendAsync(HttpMethod.Get, $"/cases/{pageCases[i % pageCases.Count].Id}", null,
                    HttpStatusCode.OK, ct)).Ms,
                async i => (await floor.ReplayAsync(pageReads[i % pageCases.Count], ct)).Ms, ct);
            var page = Read("case-page", 1, "Child's page: the case page as users open it (HTML, signed in with a cookie)", "GET /cases/{id}", app3, floor3, 50, goalMet);
            ops.Add(page with
            {
                Note = $"{page.Note}; the floor: the page's own {statements} SELECTs (median) run by hand over ADO.NET, plus one audit row",
            });
        }

        // 2. The chronology of the child with the longest history: the first page, and the 200th (or the deepest there is).
        var targetToken = await TokenAsync(target.Worker.Id);
        var chronology = $"/api/v1/cases/{target.CaseFileId}/chronology";
        var cursors = new List<string?> { null };
        while (cursors.Count < 200)
        {
            var (_, body) = await client.SendAsync(HttpMethod.Get, PageUrl(chronology, cursors[^1]), targetToken, null, HttpStatusCode.OK, ct);
            using var json = JsonDocument.Parse(body);
            var total = json.RootElement.GetProperty("total");
            if (cursors.Count == 1 && (total.ValueKind != JsonValueKind.Number || total.GetInt32() != target.Entries))
                throw new InvalidOperationException($"The chronology counts {total} entries; {target.Entries} were generated.");
            var next = json.RootElement.GetProperty("next");
            if (next.ValueKind != JsonValueKind.String) break;
            cursors.Add(next.GetString());
        }
        var deepPage = cursors.Count;
        var chronologyFloor = new ChronologyBenchmark.Floor(database, target.CaseFileId);
        LatencySummary firstPage;
        {
            var first = chronologyFloor.Page(null, PageSize + 1, null);
            var (a, f) = await MeasureAsync("chronology first page", runs, warmUp,
                _ => client.TimeAsync(HttpMethod.Get, chronology, targetToken, null, HttpStatusCode.OK, ct), async _ => (await first(ct)).Ms, ct);
            firstPage = a;
            ops.Add(Read("chronology-first", 2, $"Chronology, first page ({target.Entries:N0} entries)", "GET /api/v1/cases/{id}/chronology", a, f, 50, goalMet));
            var deepUrl = PageUrl(chronology, cursors[^1]);
            var deep = chronologyFloor.Page(Cursor(cursors[^1]), PageSize + 1, null);
            var (b, f2) = await MeasureAsync($"chronology page {deepPage}", runs, warmUp,
                _ => client.TimeAsync(HttpMethod.Get, deepUrl, targetToken, null, HttpStatusCode.OK, ct), async _ => (await deep(ct)).Ms, ct);
            var within = b.P95Ms <= firstPage.P95Ms * 1.2;
            ops.Add(new TierOperation("chronology-deep", 2, deepPage == 200 ? "Chronology, 200th page" : $"Chronology, page {deepPage} (the deepest there is)",
                "GET /api/v1/cases/{id}/chronology?after=…", b, f2, b.PerSecond, "req/s", "p95 within 20% of the first page's; ≤ 2× floor + 1 ms",
                goalMet(within && b.MedianMs <= 2 * f2!.MedianMs + 1), $"p95 {b.P95Ms / firstPage.P95Ms:P0} of the first page's"));
        }

        // 3. Create and finalise an audited record: one writer, then 8 at once, each on their own child's case.
        var writerCases = cases.GroupBy(c => c.WorkerId).Select(x => x.First()).Take(8).ToList();
        var writerTokens = new List<string>();
        foreach (var c in writerCases) writerTokens.Add(await TokenAsync(c.WorkerId));
        var writeGoal = provider == DatabaseProvider.Sqlite ? 1_500 : 3_000;
        foreach (var concurrency in new[] { 1, 8 })
        {
            var count = once ? concurrency : writes;
            var (a, f) = await WritesAsync(concurrency, count, i => CreateAndFinaliseAsync(client, writerCases[i % writerCases.Count].Id, writerTokens[i % writerCases.Count], i, ct),
                i => floor.WriteAsync(writerCases[i % writerCases.Count].Id, ct), ct);
            // Each record is two audited writes (create the draft, finalise it); the goal counts writes.
            var perSecond = a.PerSecond * 2;
            ops.Add(new TierOperation($"write-{concurrency}", 3, $"Create and finalise an audited record, {concurrency} client{(concurrency == 1 ? "" : "s")}",
                "POST /api/v1/cases/{id}/records, then POST /api/v1/records/{id}/finalise", a, f, perSecond, "writes/s",
                $"≥ {writeGoal:N0} writes/s", goalMet(perSecond >= writeGoal),
                $"{a.PerSecond:N0} records/s; the floor: two transactions of two INSERTs (record and audit row), {f.PerSecond * 2:N0} writes/s"));
        }

        // 4. A stale edit: the record was saved again after the worker opened it; their save must be refused with 409.
        {
            var (recordId, oldVersion) = await StartRecordAsync(client, target.CaseFileId, targetToken, 0, ct);
            await client.SendAsync(HttpMethod.Put, $"/api/v1/records/{recordId}", targetToken, RecordBody(1, oldVersion), HttpStatusCode.OK, ct);
            var stale = RecordBody(2, oldVersion);
            var (a, f) = await MeasureAsync("stale edit", runs, warmUp,
                _ => client.TimeAsync(HttpMethod.Put, $"/api/v1/records/{recordId}", targetToken, stale, HttpStatusCode.Conflict, ct),
                _ => floor.VersionAsync(recordId, ct), ct);
            ops.Add(Read("stale-edit", 4, "A stale edit, refused with 409", "PUT /api/v1/records/{id} with an old version", a, f, null, goalMet));
        }

        // 5. Search: the service's record search when the application has it; the chronology's word search meanwhile.
        var searchUrl = $"{chronology}?q={SearchWord}";
        {
            var (_, body) = await client.SendAsync(HttpMethod.Get, searchUrl, targetToken, null, HttpStatusCode.OK, ct);
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.GetProperty("total").GetInt32() != target.SearchedNarratives)
                throw new InvalidOperationException($"Searching for '{SearchWord}' found {json.RootElement.GetProperty("total").GetInt32()}; {target.SearchedNarratives} narratives hold it.");
            var page = chronologyFloor.Page(null, PageSize + 1, SearchWord);
            var (a, f) = await MeasureAsync("chronology search", Math.Min(runs, 60), Math.Min(warmUp, 5),
                _ => client.TimeAsync(HttpMethod.Get, searchUrl, targetToken, null, HttpStatusCode.OK, ct), async _ => (await page(ct)).Ms, ct, floorRuns: 30);
            ops.Add(Read("search-chronology", 5, $"Search one child's chronology for '{SearchWord}' ({target.Entries:N0} entries)", "GET /api/v1/cases/{id}/chronology?q=",
                a, f, 100, goalMet));
        }
        if (HasRoute(app, "api/v1/records/search"))
        {
            foreach (var scope in new[] { "caseload", "service" })
            {
                var url = $"/api/v1/records/search?q={SearchWord}&scope={scope}";
                // A scan of every narrative is slow at M (seconds): the floor runs a few times only, the application at most 60.
                var (a, f) = await MeasureAsync($"search {scope}", Math.Min(runs, 60), Math.Min(warmUp, 5),
                    _ => client.TimeAsync(HttpMethod.Get, url, targetToken, null, HttpStatusCode.OK, ct),
                    _ => floor.SearchAsync(scope == "caseload" ? target.Worker.Id : null, SearchWord, ct), ct, floorRuns: 6);
                ops.Add(Read($"search-{scope}", 5, scope == "caseload" ? "Search the worker's caseload" : "Search across the service", "GET " + url, a, f,
                    scope == "caseload" ? 100 : 500, goalMet));
            }
        }
        else
        {
            ops.Add(new TierOperation("search-caseload", 5, "Search the worker's caseload", "GET /api/v1/records/search?scope=caseload", null, null, 0, "",
                "p95 < 100 ms", null, "To come: the application has no record search yet."));
            ops.Add(new TierOperation("search-service", 5, "Search across the service", "GET /api/v1/records/search?scope=service", null, null, 0, "",
                "p95 < 500 ms", null, "To come: the application has no record search yet."));
        }

        // 6. Who has viewed this child's record: the access log, as the case's practice manager.
        {
            var managerToken = await TokenAsync(target.Worker.ManagerId);
            var url = $"/api/v1/cases/{target.CaseFileId}/access-log";
            var (_, body) = await client.SendAsync(HttpMethod.Get, url, managerToken, null, HttpStatusCode.OK, ct);
            using var json = JsonDocument.Parse(body);
            var shown = json.RootElement.GetProperty("entries").GetArrayLength();
            var stored = await floor.AccessLogAsync(target.CaseFileId, ct);
            var held = await floor.AccessLogCountAsync(target.CaseFileId, ct);
            // The log is paged (the first page here); the request itself adds one event (its own view of the log) after reading it.
            if (shown <= 0 || shown < Math.Min(held - 1, Casefile.Web.Features.Access.AccessLogFilter.PageSize))
                throw new InvalidOperationException($"The access log's first page shows {shown} entries; the trail holds {held} for the case.");
            var (a, f) = await MeasureAsync("access log", runs, warmUp,
                _ => client.TimeAsync(HttpMethod.Get, url, managerToken, null, HttpStatusCode.OK, ct),
                async _ => (await floor.AccessLogAsync(target.CaseFileId, ct)).Ms, ct);
            ops.Add(Read("access-log", 6, $"Who has viewed this child's record (first page: {shown:N0} of {held:N0} entries)", "GET /api/v1/cases/{id}/access-log", a, f, 100, goalMet));
        }

        // 7. audit verify: the whole trail, generated and written by the requests above.
        string verification;
        {
            await using var scope = app.Services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
            var seconds = clock.Elapsed.TotalSeconds;
            if (!result.Intact) throw new InvalidOperationException($"The audit trail does not verify: {result.Message}");
            verification = result.Message;
            var perSecond = result.EventsChecked / seconds;
            Console.WriteLine($"  audit verify: {result.EventsChecked:N0} events in {seconds:F1} s, {perSecond:N0} events/s: {result.Message}");
            ops.Add(new TierOperation("verify", 7, $"audit verify ({result.EventsChecked:N0} events)", "AuditVerifier.VerifyAsync",
                LatencySummary.From([seconds * 1000], seconds), null, perSecond, "events/s", "> 1,000,000 events/s", goalMet(perSecond > 1_000_000),
                "Floors (plain read, hashing alone): see the Audit section."));
        }
        // 10. The case's documents (uploads and email attachments), the deep child's case as its allocated worker.
        {
            var url = $"/api/v1/cases/{target.CaseFileId}/documents";
            var (_, body) = await client.SendAsync(HttpMethod.Get, url, targetToken, null, HttpStatusCode.OK, ct);
            using var json = JsonDocument.Parse(body);
            var listed = json.RootElement.GetProperty("documents").GetArrayLength();
            if (listed != targetDocuments)
                throw new InvalidOperationException($"The case's documents list shows {listed}; {targetDocuments} were generated (current emails' attachments and uploads).");
            var (a, f) = await MeasureAsync("documents", runs, warmUp,
                _ => client.TimeAsync(HttpMethod.Get, url, targetToken, null, HttpStatusCode.OK, ct),
                async _ => (await floor.DocumentsAsync(target.CaseFileId, ct)).Ms, ct);
            ops.Add(Read("documents", 10, $"The case's documents ({listed:N0}, of the deep child's case)", "GET /api/v1/cases/{id}/documents", a, f, 50, goalMet));
        }

        ops.Add(new TierOperation("retention", 8, "The daily retention sweep", "", null, null, 0, "", "", null, "To come (issue 8)."));

        // 11. A case's statutory journey (statuses and what is due), cases with a plan or an episode, each as its allocated worker.
        if (journeyCases.Count > 0)
        {
            var journeySample = cases.Where(c => journeyCases.Contains(c.Id)).OrderBy(_ => random.Next()).Take(Math.Min(100, journeyCases.Count)).ToList();
            var journeyTokens = new List<string>();
            foreach (var c in journeySample)
            {
                var token = await TokenAsync(c.WorkerId);
                journeyTokens.Add(token);
                // Once each: the statuses answered are those generated.
                var (_, body) = await client.SendAsync(HttpMethod.Get, $"/api/v1/cases/{c.Id}/journey", token, null, HttpStatusCode.OK, ct);
                using var json = JsonDocument.Parse(body);
                var statuses = json.RootElement.GetProperty("statuses").EnumerateArray().Select(x => x.GetString()).ToList();
                if (statuses.Contains("childProtectionPlan") != withPlan.Contains(c.Id) || statuses.Contains("lookedAfter") != lookedAfter.Contains(c.Id))
                    throw new InvalidOperationException($"GET /api/v1/cases/{c.Id}/journey answers [{string.Join(", ", statuses)}]; generated: plan in force {withPlan.Contains(c.Id)}, looked after {lookedAfter.Contains(c.Id)}.");
            }
            var (a, f) = await MeasureAsync("case journey", runs, warmUp,
                i => client.TimeAsync(HttpMethod.Get, $"/api/v1/cases/{journeySample[i % journeySample.Count].Id}/journey", journeyTokens[i % journeySample.Count], null, HttpStatusCode.OK, ct),
                async i => (await floor.JourneyAsync(journeySample[i % journeySample.Count].Id, ct)).Ms, ct);
            ops.Add(Read("journey", 11, $"A case's statutory journey ({journeySample.Count} cases with a plan or an episode)", "GET /api/v1/cases/{id}/journey", a, f, 50, goalMet));
        }

        // 12. The statutory visits due on a team's cases, as its practice manager: the team with the most plans and episodes in force.
        if (withPlan.Count + lookedAfter.Count > 0)
        {
            var inForce = withPlan.Union(lookedAfter).ToHashSet();
            var team = cases.Where(c => inForce.Contains(c.Id)).GroupBy(c => c.TeamId).MaxBy(x => x.Count())!;
            var managerToken = await TokenAsync(managers[team.Key]);
            var (_, body) = await client.SendAsync(HttpMethod.Get, "/api/v1/visits/due", managerToken, null, HttpStatusCode.OK, ct);
            using (var json = JsonDocument.Parse(body))
            {
                var listed = json.RootElement.GetArrayLength();
                if (listed != team.Count())
                    throw new InvalidOperationException($"GET /api/v1/visits/due lists {listed} cases; the team has {team.Count()} with a plan or an episode in force.");
            }
            var (a, f) = await MeasureAsync("due visits", runs, warmUp,
                _ => client.TimeAsync(HttpMethod.Get, "/api/v1/visits/due", managerToken, null, HttpStatusCode.OK, ct),
                async _ => (await floor.DueVisitsAsync(team.Key, ct)).Ms, ct);
            ops.Add(Read("due-visits", 12, $"A team's statutory visits due, as its practice manager ({team.Count():N0} cases with a plan or an episode in force)",
                "GET /api/v1/visits/due", a, f, 200, goalMet));
        }

        // 9. Mixed load from 200 users, driven by wrk over loopback.
        MixedLoadResult? mixed = null;
        if (File.Exists(MixedLoad.Wrk))
        {
            var users = new List<(string Token, Guid Case, Guid Child)>();
            foreach (var w in cases.GroupBy(c => c.WorkerId).Take(200)) users.Add((await TokenAsync(w.Key), w.First().Id, w.First().ChildId));
            mixed = await MixedLoad.RunAsync(app.Address, users, mixedSeconds, ct);
            ops.Add(new TierOperation("mixed", 9, $"Mixed load, {users.Count} users (80% reads, 20% writes), wrk -c200", "wrk", null, null, mixed.RequestsPerSecond,
                "req/s", "≥ 2,000 req/s, p95 < 200 ms", goalMet(mixed.RequestsPerSecond >= 2_000 && mixed.P95Ms < 200),
                $"p50 {mixed.P50Ms:F1} ms, p95 {mixed.P95Ms:F1} ms, p99 {mixed.P99Ms:F1} ms; {mixed.Requests:N0} requests, {mixed.Non2xx} not 2xx"));
        }
        else Console.WriteLine($"  {MixedLoad.Wrk} is not installed: no mixed load.");

        // Where the time goes, for the reads: EF Core's calls, and the plans of the heaviest queries.
        var breakdown = new List<RequestBreakdown>();
        var plans = new List<QueryPlan>();
        if (!once)
        {
            var managerToken = await TokenAsync(target.Worker.ManagerId);
            foreach (var (name, request) in new (string, Func<Task<double>>)[]
            {
                ("case file", () => client.TimeAsync(HttpMethod.Get, $"/api/v1/cases/{sample[0].Id}", sampleTokens[0], null, HttpStatusCode.OK, ct)),
                ("case page (HTML)", openCasePage!),
                ("access log", () => client.TimeAsync(HttpMethod.Get, $"/api/v1/cases/{target.CaseFileId}/access-log", managerToken, null, HttpStatusCode.OK, ct)),
            })
            {
                breakdown.Add(await TraceAsync(name, request, 20));
            }
            plans.Add(await floor.ExplainAccessLogAsync(target.CaseFileId, ct));
        }

        // The writes above and the requests all added audit events; the whole chain must still verify.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
            if (!result.Intact) throw new InvalidOperationException($"After the load, the audit trail does not verify: {result.Message}");
            verification = result.Message;
        }
        await floor.DropAsync(ct);
        return new TierResult(options.CommandLine(), DateTimeOffset.UtcNow, machine, MachineInfo.Current().LoadAverage, info, data, ops, mixed, breakdown, plans,
            ToCome, verification, started.Elapsed.TotalSeconds);
    }

    /// <summary>Deletes a temporary folder when the run ends.</summary>
    private sealed class FolderRemoval(string path) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
            return ValueTask.CompletedTask;
        }
    }

    private sealed record CaseRow(Guid Id, Guid ChildId, Guid WorkerId, Guid TeamId);

    /// <summary>A read's figures and its goals: p95 under a bound (where there is one) and within 2× of the floor plus 1 ms.</summary>
    private static TierOperation Read(string key, int number, string operation, string request, LatencySummary app, LatencySummary floor, double? p95Goal,
        Func<bool, bool?> goalMet)
    {
        var nearFloor = app.MedianMs <= 2 * floor.MedianMs + 1;
        var goal = (p95Goal is { } g ? $"p95 < {g:N0} ms; " : "") + "≤ 2× floor + 1 ms";
        return new TierOperation(key, number, operation, request, app, floor, app.PerSecond, "req/s", goal,
            goalMet((p95Goal is null || app.P95Ms < p95Goal) && nearFloor),
            $"floor × 2 + 1 ms = {2 * floor.MedianMs + 1:F2} ms");
    }

    private static bool HasRoute(RunningApp app, string pattern) =>
        app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Any(e => e.RoutePattern.RawText?.Trim('/').Equals(pattern, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Warm-ups, then the runs in rounds, the floor beside the application in each round.</summary>
    private static async Task<(LatencySummary App, LatencySummary Floor)> MeasureAsync(string name, int runs, int warmUp, Func<int, Task<double>> app,
        Func<int, Task<double>> floor, CancellationToken ct, int? floorRuns = null)
    {
        for (var w = 0; w < warmUp && runs > 1; w++)
        {
            await app(w);
            if (floorRuns is null || w < 1) await floor(w);
        }
        var a = new List<double>();
        var f = new List<double>();
        double aSeconds = 0, fSeconds = 0;
        var i = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var share = runs / Rounds + (round < runs % Rounds ? 1 : 0);
            var clock = Stopwatch.StartNew();
            for (var r = 0; r < share; r++) a.Add(await app(i + r));
            aSeconds += clock.Elapsed.TotalSeconds;
            clock.Restart();
            var floorShare = floorRuns is { } fr ? Math.Max(1, fr / Rounds) : share;
            for (var r = 0; r < floorShare; r++) f.Add(await floor(i + r));
            fSeconds += clock.Elapsed.TotalSeconds;
            i += share;
            ct.ThrowIfCancellationRequested();
        }
        var app1 = LatencySummary.From(a, aSeconds);
        var floor1 = LatencySummary.From(f, fSeconds);
        Console.WriteLine($"  {name,-28} median {app1.MedianMs,7:F2} ms  p95 {app1.P95Ms,7:F2}  p99 {app1.P99Ms,7:F2}  {app1.PerSecond,7:F1}/s" +
            $"  | floor median {floor1.MedianMs,6:F2} ms  ratio {app1.MedianMs / floor1.MedianMs,5:F1}");
        return (app1, floor1);
    }

    /// <summary><paramref name="count"/> writes by <paramref name="concurrency"/> clients at once; then the floor the same way.</summary>
    private static async Task<(LatencySummary App, LatencySummary Floor)> WritesAsync(int concurrency, int count, Func<int, Task<double>> app,
        Func<int, Task<double>> floor, CancellationToken ct)
    {
        async Task<LatencySummary> RunAsync(Func<int, Task<double>> write)
        {
            var ms = new double[count];
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(c => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    // Client c writes on its own case (i % 8 is fixed per client when the count of clients is 8).
                    ms[i] = await write(concurrency == 1 ? i : c + concurrency * (i / concurrency));
                }
            }, ct)));
            return LatencySummary.From(ms, clock.Elapsed.TotalSeconds);
        }
        await RunAsync(app); // warm-up of the same size is too slow at M; a short one is enough
        var a = await RunAsync(app);
        var f = await RunAsync(floor);
        Console.WriteLine($"  write x{concurrency,-2} {count} records   median {a.MedianMs,7:F2} ms  p95 {a.P95Ms,7:F2}  p99 {a.P99Ms,7:F2}  {a.PerSecond,7:F1} records/s" +
            $"  | floor median {f.MedianMs,6:F2} ms, {f.PerSecond,7:F1}/s");
        return (a, f);
    }

    private static readonly string Narrative = string.Join(' ', Enumerable.Repeat(
        "Spoke with mother on the phone about the plan agreed at the core group; she said the children are settled and school attendance is better.", 7));

    private static object RecordBody(int i, Guid? version) => new
    {
        type = "phoneCall",
        occurredAt = DateTimeOffset.UtcNow.AddMinutes(-30 - (i % 600)),
        purpose = "Check on progress with the plan",
        outcome = "Plan continues; next visit booked",
        narrative = Narrative,
        confirmedNotDuplicate = true,
        version,
    };

    private static async Task<(Guid Id, Guid Version)> StartRecordAsync(Client client, Guid caseId, string token, int i, CancellationToken ct)
    {
        var (_, body) = await client.SendAsync(HttpMethod.Post, $"/api/v1/cases/{caseId}/records", token, RecordBody(i, null), HttpStatusCode.Created, ct);
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("id").GetGuid(), json.RootElement.GetProperty("version").GetGuid());
    }

    private static async Task<double> CreateAndFinaliseAsync(Client client, Guid caseId, string token, int i, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var (id, version) = await StartRecordAsync(client, caseId, token, i, ct);
        await client.SendAsync(HttpMethod.Post, $"/api/v1/records/{id}/finalise", token, new { version }, HttpStatusCode.OK, ct);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static string PageUrl(string path, string? after) => after is null ? path : $"{path}?after={Uri.EscapeDataString(after)}";

    private static (long Ticks, long Id)? Cursor(string? after)
    {
        if (after is null) return null;
        var parts = after.Split('.');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static async Task<RequestBreakdown> TraceAsync(string name, Func<Task<double>> request, int requests)
    {
        var per = new List<(double Ms, List<TracedCall> Calls)>();
        using (var trace = EfTrace.Start())
        {
            for (var i = 0; i < requests + 3; i++)
            {
                trace.Take();
                var ms = await request();
                var calls = trace.Take();
                if (i >= 3) per.Add((ms, calls));
            }
        }
        var shape = per.GroupBy(r => string.Join('|', r.Calls.Select(c => c.Label))).OrderByDescending(x => x.Count()).First().ToList();
        var calls0 = shape[0].Calls;
        var summary = calls0.Select((c, k) => new CallBreakdown(k + 1, c.Kind, c.Label, Stats.Median(shape.Select(r => r.Calls[k].Milliseconds).ToList()))).ToList();
        var breakdown = new RequestBreakdown(name, per.Count, shape.Count, Stats.Median(per.Select(r => r.Ms).ToList()),
            Stats.Median(shape.Select(r => r.Calls.Sum(c => c.Milliseconds)).ToList()), calls0.Count(c => c.Kind == "command"),
            calls0.Count(c => c.Kind != "command"), summary);
        Console.WriteLine($"  {name}: {breakdown.Commands} SQL commands; median request {breakdown.MedianRequestMs:F2} ms, EF Core's calls {breakdown.MedianDatabaseMs:F2} ms");
        foreach (var c in summary) Console.WriteLine($"    {c.Order,2}. {c.Label,-60} {c.MedianMs,7:F3} ms");
        return breakdown;
    }


    /// <summary>HTTP with a bearer token per request (each simulated worker has their own), checking the status of every response.</summary>
    private sealed class Client(HttpClient http)
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public async Task<(double Ms, string Body)> SendAsync(HttpMethod method, string url, string token, object? body, HttpStatusCode expected, CancellationToken ct)
        {
            var start = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != expected)
                throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode}, expected {(int)expected}. {text[..Math.Min(text.Length, 600)]}");
            return (ms, text);
        }

        public async Task<double> TimeAsync(HttpMethod method, string url, string token, object? body, HttpStatusCode expected, CancellationToken ct) =>
            (await SendAsync(method, url, token, body, expected, ct)).Ms;
    }

    /// <summary>
    /// The floors: each question asked as hand-written SQL over plain ADO.NET on a pooled
    /// connection opened for it, every column of every row read.
    /// </summary>
    private sealed class SqlFloor(BenchDatabase database)
    {
        private bool Sqlite => database.Provider == DatabaseProvider.Sqlite;

        private DbConnection Open() => Sqlite ? new SqliteConnection(database.Settings.ConnectionString) : new NpgsqlConnection(database.Settings.ConnectionString);

        private object Id(Guid id) => Sqlite ? id.ToString().ToUpperInvariant() : id;

        public Task PrepareAsync(CancellationToken ct) => ExecuteAsync(Sqlite
            ? "CREATE TABLE bench_floor_record (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, narrative TEXT NOT NULL, status TEXT NOT NULL, at INTEGER NOT NULL);" +
              "CREATE TABLE bench_floor_audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, record_id TEXT NOT NULL, action TEXT NOT NULL, hash TEXT NOT NULL);"
            : "CREATE TABLE bench_floor_record (id uuid PRIMARY KEY, case_id uuid NOT NULL, narrative text NOT NULL, status text NOT NULL, at timestamptz NOT NULL);" +
              "CREATE TABLE bench_floor_audit (id bigserial PRIMARY KEY, at timestamptz NOT NULL, record_id uuid NOT NULL, action text NOT NULL, hash text NOT NULL);", ct);

        public Task DropAsync(CancellationToken ct) => ExecuteAsync("DROP TABLE bench_floor_record; DROP TABLE bench_floor_audit;", ct);

        private async Task ExecuteAsync(string sql, CancellationToken ct)
        {
            await using var connection = Open();
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(ct);
        }

        /// <summary>
        /// The read's floor as the policy makes every read: the question, then one audit row saying
        /// who asked, in one transaction committed as the application commits (a disk sync on SQLite).
        /// </summary>
        private async Task<(double Ms, long Rows)> QueryAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
        {
            var start = Stopwatch.GetTimestamp();
            long rows = 0;
            await using (var connection = Open())
            {
                await connection.OpenAsync(ct);
                if (Sqlite) await PragmasAsync(connection, ct);
                await using var tx = await connection.BeginTransactionAsync(ct);
                await using (var command = connection.CreateCommand())
                {
                    command.Transaction = tx;
                    command.CommandText = sql;
                    foreach (var (name, value) in parameters) Add(command, name, value);
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    do
                    {
                        var values = new object[reader.FieldCount];
                        while (await reader.ReadAsync(ct))
                        {
                            reader.GetValues(values);
                            rows++;
                        }
                    } while (await reader.NextResultAsync(ct));
                }
                await AuditRowAsync(connection, tx, ct);
                await tx.CommitAsync(ct);
            }
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, rows);
        }

        /// <summary>
        /// Statements a request made, as EF Core sent them (text and parameters), run again on one
        /// connection in one transaction with every column of every row read, then one audit row, committed.
        /// </summary>
        public async Task<(double Ms, long Rows)> ReplayAsync(IReadOnlyList<TracedCall> reads, CancellationToken ct)
        {
            var parameters = reads.Select(r => (r.Copies ?? []).Select(EfTrace.Copy).ToList()).ToList();
            var start = Stopwatch.GetTimestamp();
            long rows = 0;
            await using (var connection = Open())
            {
                await connection.OpenAsync(ct);
                if (Sqlite) await PragmasAsync(connection, ct);
                await using var tx = await connection.BeginTransactionAsync(ct);
                for (var k = 0; k < reads.Count; k++)
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = tx;
                    command.CommandText = reads[k].Sql;
                    command.Parameters.AddRange(parameters[k].ToArray());
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    do
                    {
                        var values = new object[reader.FieldCount];
                        while (await reader.ReadAsync(ct))
                        {
                            reader.GetValues(values);
                            rows++;
                        }
                    } while (await reader.NextResultAsync(ct));
                }
                await AuditRowAsync(connection, tx, ct);
                await tx.CommitAsync(ct);
            }
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, rows);
        }

        private async Task AuditRowAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
        {
            await using var audit = connection.CreateCommand();
            audit.Transaction = tx;
            audit.CommandText = "INSERT INTO bench_floor_audit (at, record_id, action, hash) VALUES (@at, @id, 'read', @hash)";
            var id = Guid.NewGuid();
            Add(audit, "@at", Sqlite ? DateTimeOffset.UtcNow.UtcTicks : DateTimeOffset.UtcNow);
            Add(audit, "@id", Id(id));
            Add(audit, "@hash", Convert.ToHexString(SHA256.HashData(id.ToByteArray())));
            await audit.ExecuteNonQueryAsync(ct);
        }

        private static async Task PragmasAsync(DbConnection connection, CancellationToken ct)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        private static void Add(DbCommand command, string name, object value)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        /// <summary>The case file with its team and worker, and its allocation history.</summary>
        public async Task<double> CaseAsync(Guid caseId, CancellationToken ct) => (await QueryAsync(
            "SELECT c.*, t.\"Name\", u.\"DisplayName\" FROM \"CaseFiles\" AS c JOIN \"Teams\" AS t ON t.\"Id\" = c.\"TeamId\" " +
            "LEFT JOIN \"AspNetUsers\" AS u ON u.\"Id\" = c.\"AllocatedWorkerId\" WHERE c.\"Id\" = @id; " +
            "SELECT a.*, u.\"UserName\" FROM \"CaseAllocations\" AS a LEFT JOIN \"AspNetUsers\" AS u ON u.\"Id\" = a.\"WorkerId\" WHERE a.\"CaseFileId\" = @id",
            ct, ("@id", Id(caseId)))).Ms;

        /// <summary>The person with their addresses, relationships both ways, and their case file.</summary>
        public async Task<double> PersonAsync(Guid personId, CancellationToken ct) => (await QueryAsync(
            "SELECT p.*, a.* FROM \"People\" AS p LEFT JOIN \"Addresses\" AS a ON a.\"PersonId\" = p.\"Id\" WHERE p.\"Id\" = @id; " +
            "SELECT r.*, p.\"GivenName\", p.\"FamilyName\" FROM \"Relationships\" AS r JOIN \"People\" AS p ON p.\"Id\" = r.\"RelatedPersonId\" WHERE r.\"PersonId\" = @id; " +
            "SELECT r.*, p.\"GivenName\", p.\"FamilyName\" FROM \"Relationships\" AS r JOIN \"People\" AS p ON p.\"Id\" = r.\"PersonId\" WHERE r.\"RelatedPersonId\" = @id; " +
            "SELECT c.\"Id\", c.\"Reference\", c.\"Status\", t.\"Name\", u.\"DisplayName\" FROM \"CaseFiles\" AS c JOIN \"Teams\" AS t ON t.\"Id\" = c.\"TeamId\" " +
            "LEFT JOIN \"AspNetUsers\" AS u ON u.\"Id\" = c.\"AllocatedWorkerId\" WHERE c.\"ChildId\" = @id",
            ct, ("@id", Id(personId)))).Ms;

        public async Task<double> VersionAsync(Guid recordId, CancellationToken ct) => (await QueryAsync(
            "SELECT \"Version\", \"Status\" FROM \"CaseRecords\" WHERE \"Id\" = @id", ct, ("@id", Id(recordId)))).Ms;

        /// <summary>The case's documents with the uploader's name, leaving out attachments of superseded emails, newest first.</summary>
        public Task<(double Ms, long Rows)> DocumentsAsync(Guid caseId, CancellationToken ct) => QueryAsync(
            "SELECT d.*, u.\"DisplayName\" FROM \"CaseDocuments\" AS d JOIN \"AspNetUsers\" AS u ON u.\"Id\" = d.\"UploadedById\" " +
            "LEFT JOIN \"EmailRecords\" AS e ON e.\"Id\" = d.\"EmailRecordId\" WHERE d.\"CaseFileId\" = @id AND e.\"SupersededById\" IS NULL " +
            "ORDER BY d.\"DocumentDate\" DESC, d.\"UploadedAt\" DESC", ct, ("@id", Id(caseId)));

        public Task<(double Ms, long Rows)> AccessLogAsync(Guid caseId, CancellationToken ct) => QueryAsync(AccessLogSql, ct, ("@id", Id(caseId)));

        /// <summary>
        /// What the journey of one case is evaluated from: the case and the child's date of birth, its enquiries, plans, episodes,
        /// open assessments and authorised child in need plans, core groups, looked-after reviews, initial conferences, and the
        /// finalised statutory visits at which the child was seen.
        /// </summary>
        public Task<(double Ms, long Rows)> JourneyAsync(Guid caseId, CancellationToken ct) => QueryAsync(JourneySql("= @id"), ct, ("@id", Id(caseId)));

        /// <summary>
        /// The team's open cases with a plan or an episode in force or an authorised child in need plan (where a visit can be due),
        /// with their child, worker and team, and the same facts as a case's journey for all of them.
        /// </summary>
        public Task<(double Ms, long Rows)> DueVisitsAsync(Guid teamId, CancellationToken ct)
        {
            const string due = "IN (SELECT c.\"Id\" FROM \"CaseFiles\" AS c WHERE c.\"Status\" = 'Open' AND c.\"TeamId\" = @team AND (" +
                "EXISTS (SELECT 1 FROM \"ChildProtectionPlans\" AS p WHERE p.\"CaseFileId\" = c.\"Id\" AND p.\"EndedOn\" IS NULL) OR " +
                "EXISTS (SELECT 1 FROM \"LookedAfterEpisodes\" AS e WHERE e.\"CaseFileId\" = c.\"Id\" AND e.\"EndedOn\" IS NULL) OR " +
                "EXISTS (SELECT 1 FROM \"AssessmentsAndPlans\" AS w WHERE w.\"CaseFileId\" = c.\"Id\" AND w.\"Kind\" = 'ChildInNeedPlan' AND w.\"Status\" = 'Authorised')))";
            return QueryAsync(JourneySql(due) + "; SELECT c.\"Id\", c.\"Reference\", c.\"ChildId\", p.\"GivenName\", p.\"FamilyName\", u.\"DisplayName\", t.\"Name\" " +
                "FROM \"CaseFiles\" AS c JOIN \"People\" AS p ON p.\"Id\" = c.\"ChildId\" JOIN \"Teams\" AS t ON t.\"Id\" = c.\"TeamId\" " +
                $"LEFT JOIN \"AspNetUsers\" AS u ON u.\"Id\" = c.\"AllocatedWorkerId\" WHERE c.\"Id\" {due}", ct, ("@team", Id(teamId)));
        }

        private static string JourneySql(string cases) =>
            $"SELECT c.\"Id\", c.\"Status\", p.\"DateOfBirth\" FROM \"CaseFiles\" AS c JOIN \"People\" AS p ON p.\"Id\" = c.\"ChildId\" WHERE c.\"Id\" {cases}; " +
            $"SELECT * FROM \"Section47Enquiries\" WHERE \"CaseFileId\" {cases}; " +
            $"SELECT * FROM \"ChildProtectionPlans\" WHERE \"CaseFileId\" {cases}; " +
            $"SELECT * FROM \"LookedAfterEpisodes\" WHERE \"CaseFileId\" {cases}; " +
            $"SELECT \"CaseFileId\", \"Kind\", \"DueBy\", \"AuthorisedAt\" FROM \"AssessmentsAndPlans\" WHERE \"CaseFileId\" {cases} AND " +
            "((\"Kind\" = 'ChildAndFamilyAssessment' AND \"Status\" NOT IN ('Authorised', 'Ended') AND \"DueBy\" IS NOT NULL) OR (\"Kind\" = 'ChildInNeedPlan' AND \"Status\" = 'Authorised')); " +
            $"SELECT * FROM \"CoreGroupMeetings\" WHERE \"CaseFileId\" {cases}; " +
            $"SELECT \"CaseFileId\", \"HeldOn\" FROM \"LookedAfterReviews\" WHERE \"CaseFileId\" {cases}; " +
            $"SELECT \"CaseFileId\", \"Section47EnquiryId\" FROM \"ChildProtectionConferences\" WHERE \"CaseFileId\" {cases} AND \"Kind\" = 'Initial'; " +
            $"SELECT \"CaseFileId\", \"OccurredAt\" FROM \"CaseRecords\" WHERE \"CaseFileId\" {cases} AND \"Status\" = 'Final' AND \"Type\" = 'StatutoryVisit' AND \"ChildSeen\" = TRUE";

        /// <summary>How many events the trail holds for the case (not timed).</summary>
        public async Task<long> AccessLogCountAsync(Guid caseId, CancellationToken ct)
        {
            await using var connection = Open();
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"CaseFileId\" = @id";
            Add(command, "@id", Id(caseId));
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        // The log's first page (50 and one more, to know there is a next page), as the application pages it.
        private const string AccessLogSql = "SELECT \"Id\", \"OccurredAt\", \"UserName\", \"Action\", \"RecordType\", \"RecordId\", \"Outcome\", \"Reason\", \"Channel\" " +
            "FROM \"AuditEvents\" WHERE \"CaseFileId\" = @id ORDER BY \"OccurredAt\" DESC, \"Id\" DESC LIMIT 51";

        /// <summary>
        /// The search's floor: the same text index the application uses (FTS5 on SQLite, the stored
        /// tsvector's GIN index on PostgreSQL), the worker's cases for a caseload, newest 26 first.
        /// </summary>
        public async Task<double> SearchAsync(Guid? workerId, string word, CancellationToken ct)
        {
            // As the application does it: on SQLite a caseload drives and tests each record against the matches (+rowid), the service's matches drive.
            var match = Sqlite
                ? $"{(workerId is null ? "" : "+")}r.rowid IN (SELECT rowid FROM \"CaseRecordSearch\" WHERE \"CaseRecordSearch\" MATCH @q)"
                : "r.\"SearchVector\" @@ plainto_tsquery('english'::regconfig, @q)";
            var sql = "SELECT r.\"Id\", r.\"CaseFileId\", r.\"OccurredAt\", r.\"Purpose\", r.\"Narrative\" FROM \"CaseRecords\" AS r " +
                (workerId is null ? "" : "JOIN \"CaseFiles\" AS c ON c.\"Id\" = r.\"CaseFileId\" AND c.\"AllocatedWorkerId\" = @w ") +
                $"WHERE r.\"Status\" = 'Final' AND {match} ORDER BY r.\"OccurredAt\" DESC LIMIT 26";
            var q = Sqlite ? $"\"{word}\"" : word;
            return workerId is { } w
                ? (await QueryAsync(sql, ct, ("@q", q), ("@w", Id(w)))).Ms
                : (await QueryAsync(sql, ct, ("@q", q))).Ms;
        }

        /// <summary>The floor of a record write: two transactions (create, finalise), each a row and an audit row, committed as the application commits.</summary>
        public async Task<double> WriteAsync(Guid caseId, CancellationToken ct)
        {
            var start = Stopwatch.GetTimestamp();
            var id = Guid.NewGuid();
            await using var connection = Open();
            await connection.OpenAsync(ct);
            if (Sqlite) await PragmasAsync(connection, ct);
            foreach (var step in new[] { "create", "finalise" })
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await using var command = connection.CreateCommand();
                command.Transaction = tx;
                command.CommandText = (step == "create"
                    ? "INSERT INTO bench_floor_record (id, case_id, narrative, status, at) VALUES (@id, @case, @text, 'draft', @at); "
                    : "UPDATE bench_floor_record SET status = 'final' WHERE id = @id; ") +
                    "INSERT INTO bench_floor_audit (at, record_id, action, hash) VALUES (@at, @id, @action, @hash)";
                Add(command, "@id", Id(id));
                Add(command, "@case", Id(caseId));
                Add(command, "@text", Narrative);
                Add(command, "@at", Sqlite ? DateTimeOffset.UtcNow.UtcTicks : DateTimeOffset.UtcNow);
                Add(command, "@action", step);
                Add(command, "@hash", Convert.ToHexString(SHA256.HashData(id.ToByteArray())));
                await command.ExecuteNonQueryAsync(ct);
                await tx.CommitAsync(ct);
            }
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        public async Task<QueryPlan> ExplainAccessLogAsync(Guid caseId, CancellationToken ct)
        {
            var lines = new List<string>();
            await using var connection = Open();
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = (Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ") + AccessLogSql;
            Add(command, "@id", Id(caseId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) lines.Add(Sqlite ? reader.GetString(3) : reader.GetString(0));
            Console.WriteLine("  plan of the access log's query:");
            foreach (var line in lines) Console.WriteLine($"    {line}");
            return new QueryPlan("access log", "SELECT AuditEvents by case", AccessLogSql, lines);
        }
    }
}
