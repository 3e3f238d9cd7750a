using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Casefile.Bench.Generation;
using Casefile.Bench.Measurement;
using Casefile.Bench.Reporting;
using Casefile.Data;
using Casefile.Data.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Casefile.Bench.Operations;

/// <summary>
/// Opening a child's chronology, as a worker does it (issue 4: the first page of a 2,000-record
/// chronology in under 100 ms at the 95th percentile on SQLite). The real application serves
/// <c>GET /api/v1/cases/{id}/chronology</c> over HTTP on loopback to the case's allocated worker,
/// with a bearer token; each request is everything the application does for it: the token and
/// the user's roles, the access decision, the case's heading, a COUNT and a keyset page of the
/// chronology, and the audit event saved with a synchronous commit. Also the 20th and the last
/// page (following <c>next</c>), a word search, and the PDF of the whole chronology. Beside each,
/// the floor: the same page read with one hand-written SQL query over plain ADO.NET.
/// </summary>
public static class ChronologyBenchmark
{
    public const string GoalOperation = "first page";
    public const string HealthOperation = "GET /health (no token, no database)";
    public const string MeOperation = "GET /api/v1/me (bearer token and roles, one query, no audit)";

    /// <summary>Issue 4: the first page of a 2,000-record chronology, p95 under 100 ms on SQLite.</summary>
    public const double GoalP95Ms = 100;

    private const int PageSize = 50;
    private const int WarmUp = 20;
    private const int Rounds = 3;

    public static async Task<ChronologyResult> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var provider = options.Provider();
        var records = options.Int("--records", 2_000);
        var children = options.Int("--children", 2_000);
        var seed = options.Int("--seed", 20261124);
        var runs = options.Int("--runs", 300);
        var pdfRuns = Math.Max(3, runs / 30);

        await using var database = await BenchDatabase.CreateAsync(provider, options.String("--connection"), options.Has("--keep"), ct);
        var machine = MachineInfo.Current();
        var info = await DatabaseInfo.ReadAsync(database, ct);
        Console.WriteLine($"Load average {machine.LoadAverage}; {info.Version} ({info.Settings}): {database.Location}");

        Console.WriteLine($"Generating {children:N0} children's case files, one with {records:N0} records (seed {seed})...");
        var (generated, _) = await CaseFileSeeder.SeedAsync(database, seed, children, records, ct);
        var target = generated.Target;
        var bytes = await database.SizeAsync(ct);
        Console.WriteLine($"  {generated.Records:N0} records (mean narrative {generated.MeanNarrativeLength:N0} characters), {generated.ChronologyEntries:N0} entries, " +
            $"{bytes / 1024.0 / 1024:N0} MiB. Measured case {target.Reference}: {target.Entries:N0} entries, allocated to {target.Worker} ({target.WorkerUserName})");
        GC.Collect();

        await using var app = await RunningApp.StartAsync(database, ct);
        var token = await app.IssueTokenAsync(target.WorkerId, ct);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Without a token: a request that signs nobody in (authentication runs on every request that carries one).
        using var anonymous = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.Address };
        var path = $"/api/v1/cases/{target.CaseFileId}/chronology";
        Console.WriteLine($"The application is listening on {app.Address}; GET {path}");

        // Read the whole chronology a page at a time, as a reader following "next" would: every entry
        // must be there, and each page's cursor is kept for the timed runs.
        var after = new List<string?> { null };
        var seen = 0;
        while (true)
        {
            var page = await GetJsonAsync(client, PageUrl(path, after[^1]), ct);
            // Only the first page counts (later pages skip the COUNT: the reader already has it).
            if (after.Count == 1 && page.Total != target.Entries) throw new InvalidOperationException($"The API counts {page.Total} entries; {target.Entries} were generated.");
            seen += page.Entries;
            if (page.Next is null) break;
            after.Add(page.Next);
        }
        if (seen != target.Entries) throw new InvalidOperationException($"Following next gave {seen} entries; {target.Entries} were generated.");
        var searchUrl = $"{path}?q={target.SearchedWord}";
        var search = await GetJsonAsync(client, searchUrl, ct);
        if (search.Total != target.SearchedNarratives)
            throw new InvalidOperationException($"Searching for '{target.SearchedWord}' found {search.Total} entries; {target.SearchedNarratives} narratives hold it.");
        Console.WriteLine($"  {after.Count} pages of {PageSize}; '{target.SearchedWord}' is in {search.Total} of {target.Records:N0} narratives ({100.0 * search.Total / target.Records:F1}%)");

        var floors = new Floor(database, target.CaseFileId);
        var twentieth = Math.Min(20, after.Count);
        var page20 = after[twentieth - 1];
        var last = after[^1];
        var cursor20 = Cursor(page20);
        var cursorLast = Cursor(last);
        Series[] series =
        [
            new(GoalOperation, path, runs, WarmUp, Http(client, path), "page", floors.Page(null, PageSize + 1, null)),
            new($"page {twentieth} (following next {twentieth - 1} times)", PageUrl(path, page20), runs, WarmUp, Http(client, PageUrl(path, page20)), "page",
                floors.Page(cursor20, PageSize + 1, null)),
            new($"last page (page {after.Count}, {target.Entries - (after.Count - 1) * PageSize} entries)", PageUrl(path, last), runs, WarmUp, Http(client, PageUrl(path, last)), "page",
                floors.Page(cursorLast, PageSize + 1, null)),
            new($"search q={target.SearchedWord}, first page of matches", searchUrl, runs, WarmUp, Http(client, searchUrl), "page",
                floors.Page(null, PageSize + 1, target.SearchedWord)),
            new("PDF of the whole chronology", path + ".pdf", pdfRuns, 2, Http(client, path + ".pdf"), "all entries",
                floors.Page(null, GetChronologyMaxExport + 1, null)),
            // Baselines on the same application in the same rounds: what any request costs before the chronology's own work.
            new(HealthOperation, "/health", runs, WarmUp, Http(anonymous, "/health"), null, null, Baseline: true),
            new(MeOperation, "/api/v1/me", runs, WarmUp, Http(client, "/api/v1/me"), null, null, Baseline: true),
        ];

        Console.WriteLine($"Timing: {WarmUp} warm-up requests each, then {runs} (PDF {pdfRuns}) in {Rounds} rounds, the floor beside each in the same round, " +
            "and two baselines (/health, /api/v1/me):");
        var measured = await MeasureAsync(series, ct);

        Console.WriteLine("Where the time goes: EF Core's calls during 30 traced requests of each kind...");
        var breakdown = new List<RequestBreakdown>();
        var plans = new List<QueryPlan>();
        foreach (var s in new[] { series[0], series[3] })
        {
            var (b, traced) = await TraceAsync(s, 30, ct);
            breakdown.Add(b);
            plans.AddRange(await ExplainAsync(database, s.Name, traced, ct));
        }
        var connection = database.Provider == DatabaseProvider.Sqlite ? await floors.ConnectionCostAsync(runs, ct) : null;

        // Every request above wrote one audit event; the chain they built must verify.
        string verification;
        long audited;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
            if (!result.Intact) throw new InvalidOperationException($"The audit trail the requests wrote does not verify: {result.Message}");
            verification = result.Message;
            audited = result.EventsChecked;
        }
        Console.WriteLine($"  {verification}");

        return new ChronologyResult(options.CommandLine(), DateTimeOffset.UtcNow, machine, MachineInfo.Current().LoadAverage, info, generated, bytes,
            measured, breakdown, plans, connection, audited, verification, started.Elapsed.TotalSeconds);
    }

    /// <summary><c>GetChronology.MaxExport</c>: the PDF reads up to this many entries.</summary>
    private const int GetChronologyMaxExport = Casefile.Web.Features.Chronology.GetChronology.MaxExport;

    private static string PageUrl(string path, string? after) => after is null ? path : $"{path}?after={Uri.EscapeDataString(after)}";

    /// <summary>The API's cursor: UTC ticks and the entry's id.</summary>
    private static (long Ticks, long Id)? Cursor(string? after)
    {
        if (after is null) return null;
        var parts = after.Split('.');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private sealed record Page(int? Total, int Entries, string? Next);

    private static async Task<Page> GetJsonAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return new Page(root.GetProperty("total").ValueKind == JsonValueKind.Number ? root.GetProperty("total").GetInt32() : null, root.GetProperty("entries").GetArrayLength(),
            root.GetProperty("next").ValueKind == JsonValueKind.String ? root.GetProperty("next").GetString() : null);
    }

    /// <summary>One request, timed from sending it to having read the whole response; answers the milliseconds and the response's size.</summary>
    private static Func<CancellationToken, Task<(double Ms, long Bytes)>> Http(HttpClient client, string url) => async ct =>
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        return (ms, body.Length);
    };

    private sealed record Series(string Name, string Url, int Runs, int WarmUp, Func<CancellationToken, Task<(double Ms, long Bytes)>> Request,
        string? FloorReads, Func<CancellationToken, Task<(double Ms, long Rows)>>? Floor, bool Baseline = false);

    /// <summary>
    /// Warm-ups first, then the runs in rounds: in each round every operation runs its share and its
    /// floor runs the same share, so a busy spell of the shared machine falls on all of them alike.
    /// </summary>
    private static async Task<List<ChronologySeries>> MeasureAsync(IReadOnlyList<Series> series, CancellationToken ct)
    {
        var ms = series.Select(_ => new List<double>()).ToArray();
        var floorMs = series.Select(_ => new List<double>()).ToArray();
        var seconds = new double[series.Count];
        var floorSeconds = new double[series.Count];
        var responseBytes = new long[series.Count];
        var floorRows = new long[series.Count];
        for (var i = 0; i < series.Count; i++)
        {
            for (var w = 0; w < series[i].WarmUp; w++)
            {
                (_, responseBytes[i]) = await series[i].Request(ct);
                if (series[i].Floor is { } floor) (_, floorRows[i]) = await floor(ct);
            }
        }
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < series.Count; i++)
            {
                var s = series[i];
                var share = s.Runs / Rounds + (round < s.Runs % Rounds ? 1 : 0);
                Settle();
                var clock = Stopwatch.StartNew();
                for (var r = 0; r < share; r++) ms[i].Add((await s.Request(ct)).Ms);
                seconds[i] += clock.Elapsed.TotalSeconds;
                if (s.Floor is not { } floor) continue;
                Settle();
                clock.Restart();
                for (var r = 0; r < share; r++) floorMs[i].Add((await floor(ct)).Ms);
                floorSeconds[i] += clock.Elapsed.TotalSeconds;
            }
            Console.WriteLine($"  round {round + 1} of {Rounds} done");
        }
        var results = new List<ChronologySeries>();
        for (var i = 0; i < series.Count; i++)
        {
            var app = LatencySummary.From(ms[i], seconds[i]);
            var floor = floorMs[i].Count > 0 ? LatencySummary.From(floorMs[i], floorSeconds[i]) : null;
            results.Add(new ChronologySeries(series[i].Name, "GET " + series[i].Url, app, floor, series[i].FloorReads, responseBytes[i], floorRows[i], series[i].Baseline));
            Console.WriteLine($"  {series[i].Name,-48} median {app.MedianMs,7:F2} ms  p95 {app.P95Ms,7:F2}  p99 {app.P99Ms,7:F2}  {app.PerSecond,6:F1} req/s" +
                (floor is null ? "" : $"  | floor median {floor.MedianMs,6:F2} ms ({floorRows[i]} rows)  ratio {app.MedianMs / floor.MedianMs,5:F1}"));
        }
        return results;
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Requests of one kind with EF Core's diagnostic events on: the calls each made and how long each took.</summary>
    private static async Task<(RequestBreakdown Breakdown, List<TracedCall> OneRequest)> TraceAsync(Series series, int requests, CancellationToken ct)
    {
        var perRequest = new List<(double Ms, DateTimeOffset SentAt, List<TracedCall> Calls)>();
        using (var trace = EfTrace.Start())
        {
            for (var i = 0; i < requests + 3; i++)
            {
                trace.Take();
                var sentAt = DateTimeOffset.UtcNow;
                var (ms, _) = await series.Request(ct);
                var made = trace.Take();
                if (i >= 3) perRequest.Add((ms, sentAt, made));
            }
        }
        // Requests make the same calls in the same order (bar the odd signed checkpoint): take the commonest sequence. A connection
        // is opened inside its command's time (EF Core starts the clock first), so opens are counted but not placed on the timeline.
        var opens = (int)Stats.Median(perRequest.Select(r => (double)r.Calls.Count(c => c.Kind == "open")).ToList());
        var shape = perRequest.Select(r => (r.Ms, r.SentAt, Calls: r.Calls.Where(c => c.Kind != "open").ToList()))
            .GroupBy(r => string.Join('|', r.Calls.Select(c => c.Label))).MaxBy(g => g.Count())!.ToList();
        // The time in the application before each call (since the previous call ended, or since the request was sent) and after the last.
        double Before(int request, int index)
        {
            var (_, sentAt, c) = shape[request];
            var previousEnd = index == 0 ? 0 : (c[index - 1].StartedAt - sentAt).TotalMilliseconds + c[index - 1].Milliseconds;
            return (c[index].StartedAt - sentAt).TotalMilliseconds - previousEnd;
        }
        var calls = shape[0].Calls.Select((c, index) => new CallBreakdown(index + 1, c.Kind, c.Label,
            Stats.Median(shape.Select(r => r.Calls[index].Milliseconds).ToList()),
            Stats.Median(Enumerable.Range(0, shape.Count).Select(r => Before(r, index)).ToList()))).ToList();
        var after = Stats.Median(shape.Select(r => r.Ms - ((r.Calls[^1].StartedAt - r.SentAt).TotalMilliseconds + r.Calls[^1].Milliseconds)).ToList());
        var breakdown = new RequestBreakdown(series.Name, perRequest.Count, shape.Count, Stats.Median(perRequest.Select(r => r.Ms).ToList()),
            Stats.Median(shape.Select(r => r.Calls.Sum(c => c.Milliseconds)).ToList()),
            calls.Count(c => c.Kind == "command"), opens, calls, after);
        Console.WriteLine($"  {series.Name}: {breakdown.Commands} SQL commands and {breakdown.ConnectionsOpened} connection opens per request; " +
            $"median request {breakdown.MedianRequestMs:F2} ms, of which EF Core's calls {breakdown.MedianDatabaseMs:F2} ms");
        Console.WriteLine($"    {"call",-64} {"before it",9} {"call",8}");
        foreach (var c in calls)
            Console.WriteLine($"    {c.Order,2}. {c.Label,-60} {c.MedianBeforeMs,7:F3} ms {c.MedianMs,7:F3} ms");
        Console.WriteLine($"    after the last call, until the response was read: {after:F3} ms");
        return (breakdown, shape[0].Calls);
    }

    /// <summary>The database's plan for the chronology's own queries (COUNT and page), with the parameters the application sent.</summary>
    private static async Task<List<QueryPlan>> ExplainAsync(BenchDatabase database, string operation, List<TracedCall> calls, CancellationToken ct)
    {
        var plans = new List<QueryPlan>();
        foreach (var call in calls.Where(c => c.Kind == "command" && c.Sql is not null && c.Label.StartsWith("SELECT ChronologyEntries", StringComparison.Ordinal)))
        {
            await using var connection = Floor.Open(database);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = (database.Provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ") + call.Sql;
            foreach (var (name, value) in call.Parameters ?? [])
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                // As EF Core binds them: on SQLite a GUID is compared as upper-case text.
                p.Value = value switch { Guid g when database.Provider == DatabaseProvider.Sqlite => g.ToString().ToUpperInvariant(), null => DBNull.Value, _ => value };
                command.Parameters.Add(p);
            }
            var lines = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    // SQLite: id, parent, unused, detail; a step under another is indented.
                    if (database.Provider == DatabaseProvider.Sqlite) lines.Add((reader.GetInt32(1) == 0 ? "" : "  ") + reader.GetString(3));
                    else lines.Add(reader.GetString(0));
                }
            }
            plans.Add(new QueryPlan(operation, call.Label, call.Sql!, lines));
            Console.WriteLine($"  plan of {call.Label} ({operation}):");
            foreach (var line in lines) Console.WriteLine($"    {line}");
        }
        return plans;
    }


    /// <summary>
    /// The least any application could do for the same page: one hand-written SQL query over plain
    /// ADO.NET, on a pooled connection opened for it, every column of every row read.
    /// </summary>
    internal sealed class Floor(BenchDatabase database, Guid caseId)
    {
        private const string Columns = "e.\"Id\", e.\"OccurredAt\", e.\"Kind\", e.\"RecordType\", e.\"Title\", e.\"Summary\", e.\"SourceId\", " +
            "u.\"DisplayName\", e.\"Significant\", e.\"Late\", e.\"AddendumCount\"";

        public static DbConnection Open(BenchDatabase database) => database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.Settings.ConnectionString)
            : new NpgsqlConnection(database.Settings.ConnectionString);

        public static string PageSql(DatabaseProvider provider, bool after, bool text)
        {
            var contains = provider == DatabaseProvider.Sqlite ? "instr(lower({0}), @q) > 0" : "strpos(lower({0}), @q) > 0";
            string Has(string column) => string.Format(CultureInfo.InvariantCulture, contains, column);
            var filter = text
                ? $" AND ({Has("e.\"Title\"")} OR {Has("e.\"Summary\"")} OR EXISTS (SELECT 1 FROM \"CaseRecords\" AS r WHERE r.\"Id\" = e.\"SourceId\" AND (" +
                  $"{Has("r.\"Narrative\"")} OR {Has("r.\"Seen\"")} OR {Has("r.\"SpokenTo\"")} OR {Has("r.\"ChildViews\"")} OR {Has("r.\"FamilyViews\"")} OR " +
                  $"EXISTS (SELECT 1 FROM \"CaseRecordAddenda\" AS a WHERE a.\"CaseRecordId\" = r.\"Id\" AND {Has("a.\"Text\"")}))))"
                : "";
            var keyset = after ? " AND (e.\"OccurredAt\" > @at OR (e.\"OccurredAt\" = @at AND e.\"Id\" > @after))" : "";
            return $"SELECT {Columns} FROM \"ChronologyEntries\" AS e LEFT JOIN \"AspNetUsers\" AS u ON u.\"Id\" = e.\"By\" " +
                $"WHERE e.\"CaseFileId\" = @case{keyset}{filter} ORDER BY e.\"OccurredAt\", e.\"Id\" LIMIT @take";
        }

        public Func<CancellationToken, Task<(double Ms, long Rows)>> Page((long Ticks, long Id)? after, int take, string? word)
        {
            var sql = PageSql(database.Provider, after is not null, word is not null);
            var sqlite = database.Provider == DatabaseProvider.Sqlite;
            return async ct =>
            {
                var start = Stopwatch.GetTimestamp();
                await using var connection = Open(database);
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                Parameter(command, "@case", sqlite ? caseId.ToString().ToUpperInvariant() : caseId);
                Parameter(command, "@take", take);
                if (after is { } a)
                {
                    Parameter(command, "@at", sqlite ? a.Ticks : new DateTimeOffset(a.Ticks, TimeSpan.Zero));
                    Parameter(command, "@after", a.Id);
                }
                if (word is not null) Parameter(command, "@q", word);
                long rows = 0;
                await using (var reader = await command.ExecuteReaderAsync(ct))
                {
                    var values = new object[reader.FieldCount];
                    while (await reader.ReadAsync(ct))
                    {
                        reader.GetValues(values);
                        rows++;
                    }
                }
                return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, rows);
            };
        }

        private static void Parameter(DbCommand command, string name, object value)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        /// <summary>SQLite: what opening a pooled connection costs with the application's per-connection PRAGMAs, and without.</summary>
        public async Task<ConnectionCost> ConnectionCostAsync(int runs, CancellationToken ct)
        {
            async Task<double> TimeAsync(bool pragmas)
            {
                var ms = new List<double>();
                for (var i = 0; i < runs + WarmUp; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await using (var connection = Open(database))
                    {
                        await connection.OpenAsync(ct);
                        if (pragmas)
                        {
                            await using var command = connection.CreateCommand();
                            command.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";
                            await command.ExecuteNonQueryAsync(ct);
                        }
                    }
                    if (i >= WarmUp) ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                return Stats.Median(ms);
            }
            var plain = await TimeAsync(false);
            var withPragmas = await TimeAsync(true);
            Console.WriteLine($"  SQLite pooled connection open and close: {plain:F3} ms; with the application's PRAGMAs: {withPragmas:F3} ms");
            return new ConnectionCost(plain, withPragmas);
        }
    }
}
