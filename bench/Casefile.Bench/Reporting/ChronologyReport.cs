using System.Text;
using Casefile.Bench.Measurement;
using Casefile.Bench.Operations;
using Casefile.Data;

namespace Casefile.Bench.Reporting;

/// <summary>The "## Chronology" section of <c>docs/performance.md</c>, from the latest saved <c>chronology</c> run on each database.</summary>
public static class ChronologyReport
{
    public const string Heading = "## Chronology";

    public static string Render(IReadOnlyList<ChronologyResult> results)
    {
        var md = new StringBuilder();
        var latest = results.MaxBy(r => r.RanAt)!;
        md.AppendLine(Heading).AppendLine();
        md.AppendLine("What opening a child's chronology costs (issue 4): `GET /api/v1/cases/{id}/chronology`, served by the real application over");
        md.AppendLine("HTTP, for a child with a long history among a large authority's case files. `bench/Casefile.Bench` generates the data into a");
        md.AppendLine("fresh database made with the application's own migrations, starts the application on it (the same `WebApp` as `Casefile.Web");
        md.AppendLine("serve`, Kestrel on a loopback port), and rewrites this section from the latest saved run on each database (see `bench/README.md`).");
        md.AppendLine($"Last run: {latest.RanAt:yyyy-MM-dd}.");
        md.AppendLine();

        RenderGoal(md, results);
        RenderMachine(md, results);
        md.AppendLine("### Commands").AppendLine().AppendLine("```");
        foreach (var r in results) md.AppendLine(r.Command);
        md.AppendLine("```").AppendLine();
        RenderData(md, results);
        RenderFigures(md, results);
        RenderBreakdown(md, results);
        RenderPlans(md, results);
        RenderWhatWouldHelp(md, results);
        return md.ToString();
    }

    private static ChronologySeries First(ChronologyResult r) => r.Series.First(s => s.Operation == ChronologyBenchmark.GoalOperation);

    private static void RenderGoal(StringBuilder md, IReadOnlyList<ChronologyResult> results)
    {
        md.AppendLine($"### Goal: the first page of a 2,000-record chronology in under {ChronologyBenchmark.GoalP95Ms:N0} ms at the 95th percentile, on SQLite (issue 4)");
        md.AppendLine();
        foreach (var r in results)
        {
            var first = First(r).Casefile;
            var size = r.Data.Target.Records == 2_000 ? "" : $" (this run's child has {r.Data.Target.Records:N0} records, not 2,000: run it again with the default)";
            var met = first.P95Ms < ChronologyBenchmark.GoalP95Ms;
            var verdict = r.Database.Provider == DatabaseProvider.Sqlite
                ? met ? "**met**" : "**not met**"
                : met ? "within the same bound (the goal names SQLite)" : "outside the same bound (the goal names SQLite)";
            md.AppendLine($"- {Title(r.Database.Provider)}: {verdict}{size}. 95th percentile **{first.P95Ms:F1} ms** over {first.Count:N0} requests " +
                $"(median {first.MedianMs:F1} ms, 99th percentile {first.P99Ms:F1} ms), with the machine's load average at {r.Machine.LoadAverage} when the run " +
                $"started and {r.LoadAverageAfter} when it ended, on 2 cores.");
        }
        md.AppendLine();
    }

    private static void RenderMachine(StringBuilder md, IReadOnlyList<ChronologyResult> results)
    {
        var machine = results.MaxBy(r => r.RanAt)!.Machine;
        md.AppendLine("### Machine").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        md.AppendLine($"| CPU | {machine.Cpu}, {machine.Cores} cores (`nproc`) |");
        md.AppendLine($"| Memory | {machine.MemoryGiB:F1} GiB |");
        md.AppendLine($"| OS | {machine.Os} |");
        md.AppendLine($"| .NET | SDK {machine.DotnetSdk} (`dotnet --version`), {machine.Runtime}, server GC as in the web app |");
        foreach (var r in results)
            md.AppendLine($"| {Title(r.Database.Provider)} | {r.Database.Version}; {r.Database.Settings}" +
                $"{(r.Database.Provider == DatabaseProvider.Postgres ? "; on the same machine, over loopback" : "; a file in the temporary folder, on the same disk")} |");
        md.AppendLine($"| Load average (`uptime`) at the start and end of each run | {string.Join("; ", results.Select(r => $"{Title(r.Database.Provider)}: {r.Machine.LoadAverage} → {r.LoadAverageAfter}"))} |");
        md.AppendLine();
        md.AppendLine("The machine is shared with other work (builds, test runs): a load average above the core count means the benchmark had only");
        md.AppendLine("part of the 2 cores, so the latencies, the tail above all, are pessimistic. The HTTP client and the application run in one");
        md.AppendLine("process and share those cores; PostgreSQL's server runs on the same machine.");
        md.AppendLine();
    }

    private static void RenderData(StringBuilder md, IReadOnlyList<ChronologyResult> results)
    {
        var d = results[0].Data;
        var t = d.Target;
        md.AppendLine("### The data").AppendLine();
        md.AppendLine($"Generated from seed {d.Seed} (the same on each database): {d.Teams} teams (a division, 3 services, 12 teams) and {d.Staff:N0} staff, " +
            $"{d.SocialWorkers:N0} of them social workers; {d.Children:N0} children, each with an accepted referral and an open case file, and between them " +
            $"{d.Records:N0} finalised case records ({d.MeanRecordsPerChild:F0} per child on average, most with tens) with {d.Addenda:N0} addenda and " +
            $"{d.ChronologyEntries:N0} chronology entries. Records are made with the domain's own `CaseRecord.Start` and `Finalise` and put in the chronology " +
            $"with `ChronologyEntry.ForRecord`, in the order they were finalised across all children; their narratives come from phrase lists of " +
            $"social-work English, {d.MeanNarrativeLength:N0} characters on average. Kinds of record: " +
            string.Join(", ", d.RecordTypes.Select(kv => $"{kv.Key} {100.0 * kv.Value / d.Records:F0}%")) + ".");
        md.AppendLine();
        md.AppendLine($"The measured child ({t.Reference}) has {t.Records:N0} records over six years ({t.FirstEvent:yyyy-MM-dd} to {t.LastEvent:yyyy-MM-dd}), " +
            $"{t.Allocations} allocations and so {t.Entries:N0} chronology entries (the records, the referral, the case opening and {t.Allocations - 1} " +
            $"reallocations): {(t.Entries + 49) / 50} pages of 50. It is allocated to {t.Worker} ({t.Team}), whose API token makes the requests. " +
            $"The word searched for, \"{t.SearchedWord}\", is in {t.SearchedNarratives} of its narratives ({100.0 * t.SearchedNarratives / t.Records:F1}%) and nowhere else.");
        md.AppendLine();
        foreach (var r in results)
            md.AppendLine($"- {Title(r.Database.Provider)}: {r.DatabaseBytes / 1024.0 / 1024:N0} MiB{(r.Database.Provider == DatabaseProvider.Postgres ? " (the database)" : " (the file)")}, " +
                $"generated in {r.Data.GenerateSeconds:F1} s and bulk-loaded in {r.Data.LoadSeconds:F1} s, then read back through EF Core and through the API " +
                $"(every page, following `next`) before timing; the whole run took {r.TotalSeconds / 60:F1} minutes.");
        md.AppendLine();
    }

    private static void RenderFigures(StringBuilder md, IReadOnlyList<ChronologyResult> results)
    {
        md.AppendLine("### Figures").AppendLine();
        md.AppendLine("Each request is timed at the client from sending it to having read the whole response, one at a time on a kept-alive");
        md.AppendLine("connection, after 20 untimed requests of the same kind (2 for the PDF), in three rounds that alternate the operations and their");
        md.AppendLine("floors. Each request is all the application does for it: the bearer token and the user's roles, the access decision, the");
        md.AppendLine("case's heading, a COUNT and one keyset page of the chronology, and **an audit event saved in the same unit of work, with a");
        md.AppendLine("synchronous commit** (SQLite `synchronous=FULL`, so a disk flush on every request; PostgreSQL as configured above). That write");
        md.AppendLine("is part of every figure. The *floor* is the same page read with one hand-written SQL query over plain ADO.NET on a pooled");
        md.AppendLine("connection (`SELECT ... FROM \"ChronologyEntries\" LEFT JOIN \"AspNetUsers\" ... WHERE \"CaseFileId\" = @case [AND the keyset");
        md.AppendLine("condition] [AND the same word filter] ORDER BY \"OccurredAt\", \"Id\" LIMIT 51`; for the PDF, every entry): no HTTP, no");
        md.AppendLine("access check, no COUNT, no audit. *Ratio* is the application's median over the floor's.");
        md.AppendLine();
        foreach (var r in results)
        {
            md.AppendLine($"{Title(r.Database.Provider)}:").AppendLine();
            md.AppendLine("| Operation | Requests | Median ms | p95 ms | p99 ms | Requests/s | Response | Floor median ms | Floor p95 ms | Ratio |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var s in r.Series)
            {
                var c = s.Casefile;
                var bold = s.Operation == ChronologyBenchmark.GoalOperation;
                string B(string x) => bold ? $"**{x}**" : x;
                var name = s.Baseline ? $"*baseline:* {s.Operation}" : B(s.Operation);
                md.AppendLine($"| {name} | {c.Count:N0} | {B($"{c.MedianMs:F1}")} | {B($"{c.P95Ms:F1}")} | {c.P99Ms:F1} | {c.PerSecond:F1} | " +
                    $"{Size(s.ResponseBytes)} | {(s.Floor is { } f ? $"{f.MedianMs:F2} | {f.P95Ms:F2} | {s.Ratio:N0}×" : "| |")} |");
            }
            md.AppendLine();
        }
        md.AppendLine("The two baselines ran in the same rounds on the same application: `/health`, sent without a token, is an HTTP round trip");
        md.AppendLine("through the whole pipeline with no sign-in and no database; `/api/v1/me` adds the bearer token and the user's roles (the");
        md.AppendLine("six queries every API request makes to authenticate) and one query of its own, with no audit event. With only " +
            $"{results[0].Series.FirstOrDefault(x => x.Request.EndsWith(".pdf", StringComparison.Ordinal))?.Casefile.Count ?? 0} PDFs, their p95 and p99 are the slowest one.");
        md.AppendLine();
        md.AppendLine($"Every request above was audited: the run ends by verifying the trail they wrote ({string.Join("; ", results.Select(r => $"{Title(r.Database.Provider)}: \"{r.AuditVerification}\""))}).");
        md.AppendLine();
    }

    private static void RenderBreakdown(StringBuilder md, IReadOnlyList<ChronologyResult> results)
    {
        md.AppendLine("### Where the time goes").AppendLine();
        md.AppendLine("From EF Core's diagnostic events during 30 more requests of each kind (listened to only then, not during the timed runs, and");
        md.AppendLine("a little slower for it): each database call the request made, in order, with its median duration (a query until its reader");
        md.AppendLine("closed, the commit until it returned) and the median time the application spent before it, since the previous call ended");
        md.AppendLine("(for the first, since the client sent the request). That time is the application's own work on the CPU: HTTP, routing and");
        md.AppendLine("authentication before the first call; between calls, EF Core preparing each query (and opening a pooled connection for it)");
        md.AppendLine("and materialising the last one's rows, and the handlers; after the last call, the response as JSON and HTTP.");
        md.AppendLine();
        foreach (var r in results)
        {
            foreach (var b in r.Breakdown)
            {
                var between = b.Calls.Sum(c => c.MedianBeforeMs);
                md.AppendLine($"{Title(r.Database.Provider)}, {b.Operation}: {b.Commands} SQL commands and a commit, {b.ConnectionsOpened} connections opened, " +
                    $"per request. Median request {b.MedianRequestMs:F1} ms: the database calls {b.MedianDatabaseMs:F1} ms; the application before, between and " +
                    $"after them {between + b.MedianAfterMs:F1} ms (medians of each part, so they need not add up exactly).");
                md.AppendLine();
                md.AppendLine("| # | Call | Application before it, ms | Call, ms |").AppendLine("|---:|---|---:|---:|");
                var seen = new Dictionary<string, int>();
                foreach (var c in b.Calls)
                {
                    seen[c.Label] = seen.GetValueOrDefault(c.Label) + 1;
                    md.AppendLine($"| {c.Order} | {Describe(c.Label, seen[c.Label])} | {c.MedianBeforeMs:F2} | {c.MedianMs:F2} |");
                }
                md.AppendLine($"| | after the last call: the response (JSON, HTTP) until the client has read it | {b.MedianAfterMs:F2} | |");
                md.AppendLine();
            }
        }
        var sqlite = results.FirstOrDefault(r => r.Connection is not null);
        if (sqlite?.Connection is { } cost)
        {
            md.AppendLine($"On SQLite, EF Core opens a pooled connection for each query outside a transaction, and the application's `SqlitePragmas` runs " +
                $"three PRAGMAs on each: {cost.WithPragmasMs - cost.OpenCloseMs:F3} ms a time here ({cost.OpenCloseMs:F3} ms to open and close without them, " +
                $"{cost.WithPragmasMs:F3} ms with), so not where the time between calls goes.");
            md.AppendLine();
        }
    }

    /// <summary>What each of the application's calls is for, in a reader's words (<paramref name="occurrence"/>: the first, second... call of that shape in the request).</summary>
    private static string Describe(string label, int occurrence = 1) => (label, occurrence) switch
    {
        ("SELECT ApiTokens LIMIT", _) => "bearer token: find the token (`ApiTokens.FindUserAsync`)",
        ("SELECT AspNetUsers LIMIT", 1) => "bearer token: the token's user",
        ("SELECT AspNetUserClaims", _) => "Identity's claims factory: the user's claims",
        ("SELECT AspNetUserRoles", 1) => "Identity's claims factory: the user's roles",
        ("SELECT AspNetRoles LIMIT", _) => "Identity's claims factory: the role, by name",
        ("SELECT AspNetRoleClaims", _) => "Identity's claims factory: the role's claims",
        ("SELECT CaseAccessGrants LIMIT", _) => "`CaseScope.FactsAsync`: the case, its restriction, grants and emergency access",
        ("SELECT AspNetUsers LIMIT", _) => "`CurrentUser.ViewerAsync`: the user's team",
        ("SELECT AspNetUserRoles", _) => "`CurrentUser.ViewerAsync`: the user's roles, again",
        ("SELECT CaseFiles LIMIT", _) => "`GetChronology`: the case's heading (reference, child's name)",
        ("SELECT ChronologyEntries COUNT", _) => "**`GetChronology`: COUNT of the entries**",
        ("SELECT ChronologyEntries LIMIT", _) => "**`GetChronology`: the page (keyset, 51 rows, join to the author)**",
        ("SELECT ChronologyEntries COUNT (text filter)", _) => "**`GetChronology`: COUNT of the matching entries**",
        ("SELECT ChronologyEntries LIMIT (text filter)", _) => "**`GetChronology`: the page of matching entries**",
        ("UPDATE AuditChainHead", 1) => "`AuditChainInterceptor`: lock the chain head (`UPDATE ... SET \"Version\" = \"Version\" + 1`)",
        ("SELECT AuditChainHead LIMIT", _) => "`AuditChainInterceptor`: read the head",
        ("UPDATE AuditChainHead", _) => "`AuditChainInterceptor`: move the head",
        ("INSERT AuditEvents", _) => "`AuditChainInterceptor`: insert the event",
        ("COMMIT", _) => "**commit (the audit event, synchronous)**",
        _ => $"`{label}`",
    };

    private static void RenderPlans(StringBuilder md, IReadOnlyList<ChronologyResult> results)
    {
        md.AppendLine("### Query plans").AppendLine();
        md.AppendLine("The plans of the chronology's own queries, as EF Core sent them, with the same parameters (SQLite: `EXPLAIN QUERY PLAN`;");
        md.AppendLine("PostgreSQL: `EXPLAIN (ANALYZE, BUFFERS)`). Both read the index on (`CaseFileId`, `OccurredAt`, `Id`) for the case's entries: the");
        md.AppendLine("COUNT from the index alone, the page by taking its first 51 entries in index order (PostgreSQL then joins the authors and sorts");
        md.AppendLine("those 51 rows again, because EF Core repeats the ORDER BY outside the LIMIT's subquery; a few hundredths of a millisecond).");
        md.AppendLine();
        foreach (var r in results)
        {
            foreach (var p in r.Plans)
            {
                md.AppendLine($"<details><summary>{Title(r.Database.Provider)}, {p.Operation}: {Describe(p.Statement).Replace("*", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal)}</summary>");
                md.AppendLine().AppendLine("```sql").AppendLine(p.Sql.Trim()).AppendLine("```").AppendLine().AppendLine("```");
                foreach (var line in p.Plan) md.AppendLine(line.Length <= 180 ? line : line[..179] + "…");
                md.AppendLine("```").AppendLine().AppendLine("</details>").AppendLine();
            }
        }
    }

    private static void RenderWhatWouldHelp(StringBuilder md, IReadOnlyList<ChronologyResult> results)
    {
        md.AppendLine("### Reading the figures").AppendLine();
        foreach (var r in results)
        {
            var title = Title(r.Database.Provider);
            var first = First(r);
            var health = r.Series.FirstOrDefault(s => s.Operation == ChronologyBenchmark.HealthOperation)?.Casefile;
            var me = r.Series.FirstOrDefault(s => s.Operation == ChronologyBenchmark.MeOperation)?.Casefile;
            var pages = r.Series.Where(s => !s.Baseline && s.Request.Contains("/chronology", StringComparison.Ordinal) && !s.Request.Contains("?q=", StringComparison.Ordinal)
                && !s.Request.EndsWith(".pdf", StringComparison.Ordinal)).ToList();
            var trace = r.Breakdown.FirstOrDefault(b => b.Operation == ChronologyBenchmark.GoalOperation);
            md.AppendLine($"{title}:").AppendLine();
            if (health is not null && me is not null)
                md.AppendLine($"- First page, median {first.Casefile.MedianMs:F1} ms: an HTTP round trip through the whole pipeline to this application " +
                    $"(`/health`, no token) is {health.MedianMs:F2} ms; authenticating the bearer token and one query more take it to {me.MedianMs:F1} ms " +
                    $"(`/api/v1/me`); the remaining {first.Casefile.MedianMs - me.MedianMs:F1} ms is the chronology's own work: the access decision (with the " +
                    "user's team and roles read again), the case's heading, the COUNT and the page, the audit event and its commit, and 50 entries as JSON.");
            if (trace is not null)
            {
                var commit = trace.Calls.Where(c => c.Kind == "commit").Sum(c => c.MedianMs);
                var audit = trace.Calls.Where(c => c.Label.Contains("Audit", StringComparison.Ordinal)).Sum(c => c.MedianMs) + commit;
                var chronology = trace.Calls.Where(c => c.Label.StartsWith("SELECT ChronologyEntries", StringComparison.Ordinal)).Sum(c => c.MedianMs);
                bool Identity(CallBreakdown c) => c.Kind == "command" && (c.Label.Contains("AspNet", StringComparison.Ordinal) || c.Label.Contains("ApiTokens", StringComparison.Ordinal));
                var reads = trace.Calls.Where(c => c.Kind == "command" && c.Label.StartsWith("SELECT", StringComparison.Ordinal)).Skip(1).ToList();
                md.AppendLine($"- In the database, per first-page request: the chronology's COUNT and page {chronology:F2} ms (the floor reads the page alone in " +
                    $"{first.Floor?.MedianMs:F2} ms), the audit event {audit:F2} ms (its commit {commit:F2} ms), and {trace.Calls.Count(Identity)} queries for " +
                    $"the token, the user and their roles {trace.Calls.Where(Identity).Sum(c => c.MedianMs):F2} ms: {trace.MedianDatabaseMs:F1} ms in all, " +
                    $"of the {trace.MedianRequestMs:F1} ms median traced request.");
                md.AppendLine($"- The rest is the application's own CPU work, and most of it goes per query, not per row: before each of the {reads.Count + 1} " +
                    $"queries but the first, the application spends a median {Stats.Median(reads.Select(c => c.MedianBeforeMs).ToList()):F2} ms " +
                    $"({reads.Sum(c => c.MedianBeforeMs):F1} ms in all) in EF Core preparing the query and reading the previous result, against a " +
                    $"median {Stats.Median(reads.Select(c => c.MedianMs).ToList()):F2} ms for a query in the database; {trace.Calls[0].MedianBeforeMs:F2} ms goes before the first (the request " +
                    $"through the pipeline to the authentication handler) and {trace.MedianAfterMs:F2} ms after the last (the JSON response). This CPU " +
                    "work is what stretches when other work takes the cores.");
            }
            md.AppendLine($"- Keyset paging holds: {string.Join(", ", pages.Select(p => $"{p.Operation} {p.Casefile.MedianMs:F1} ms"))} (medians); the page " +
                "query reads 51 index entries and their rows wherever the page starts.");
            var search = r.Series.FirstOrDefault(s => s.Request.Contains("?q=", StringComparison.Ordinal));
            var searchTrace = r.Breakdown.FirstOrDefault(b => search is not null && b.Operation == search.Operation);
            if (search is not null && searchTrace is not null)
            {
                var count = searchTrace.Calls.Where(c => c.Label.StartsWith("SELECT ChronologyEntries COUNT", StringComparison.Ordinal)).Sum(c => c.MedianMs);
                var page = searchTrace.Calls.Where(c => c.Label.StartsWith("SELECT ChronologyEntries LIMIT", StringComparison.Ordinal)).Sum(c => c.MedianMs);
                md.AppendLine($"- The word search is the one that grows with the case: median {search.Casefile.MedianMs:F1} ms, p95 {search.Casefile.P95Ms:F1} ms, " +
                    $"of which its COUNT {count:F1} ms and its page {page:F1} ms. With no text index, both test `lower(...)` of the title, summary, narrative, " +
                    $"seen, spoken to, views and addenda of the case's entries one by one: the COUNT all {r.Data.Target.Entries:N0} of them, the page until it " +
                    $"has 51 matches (about {Math.Min(r.Data.Target.Entries, 51.0 * r.Data.Target.Records / Math.Max(1, r.Data.Target.SearchedNarratives)):N0} " +
                    "entries at this word's frequency).");
            }
            var pdf = r.Series.FirstOrDefault(s => s.Request.EndsWith(".pdf", StringComparison.Ordinal));
            if (pdf?.Floor is { } pdfFloor)
                md.AppendLine($"- The PDF of all {r.Data.Target.Entries:N0} entries ({Size(pdf.ResponseBytes)}) takes a median {pdf.Casefile.MedianMs:F0} ms, " +
                    $"of which reading the entries is about {pdfFloor.MedianMs:F0} ms (its floor): the rest is laying out the document.");
            md.AppendLine();
        }
        md.AppendLine("What would make a chronology request cheaper, biggest saving first (none is needed for the goal while it is met):");
        md.AppendLine();
        md.AppendLine("1. Fewer queries per request, since each costs the application far more than the database. Authentication makes six");
        md.AppendLine("   before the handler runs (the token; then Identity's claims factory: the user, their claims, their roles, each role by");
        md.AppendLine("   name and its claims), and `CurrentUser.ViewerAsync` reads the user's team and roles again: eight of the request's");
        md.AppendLine("   twelve reads. Building the principal in one query (the token joined to its user, team and roles; `BearerTokenHandler`");
        md.AppendLine("   and `ApiTokens.FindUserAsync`) and, for a bearer request, whose claims were read from the database a moment before,");
        md.AppendLine("   letting `CurrentUser` take the team and roles from them (a cookie's claims are older, which is why it reads them again)");
        md.AppendLine("   would leave one. The case's heading could come with the access facts (`CaseScope.FactsAsync`) in one query.");
        md.AppendLine("2. The audit event's commit: every look is a write transaction (lock the chain head, read it, move it, insert, commit).");
        md.AppendLine("   On SQLite with `synchronous=FULL` the commit is a disk flush, cheap on this machine's disk but the first thing to grow");
        md.AppendLine("   on a slow or busy one; it is the price of an audit trail that cannot lose a look, and is worth keeping.");
        md.AppendLine("3. The word search: an index of words (SQLite FTS5; PostgreSQL `tsvector` with GIN, or `pg_trgm` for substrings) over the");
        md.AppendLine("   narratives and entries, and a COUNT that stops at a bound (\"more than 200 matches\") rather than reading every entry.");
        md.AppendLine();
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / 1024.0 / 1024:F1} MiB",
        >= 1024 => $"{bytes / 1024.0:F0} KiB",
        _ => $"{bytes} B",
    };

    private static string Title(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";
}
