using System.Globalization;
using Casefile.Bench;
using Casefile.Bench.Operations;
using Casefile.Bench.Reporting;

const string Usage = """
    Casefile benchmarks. Run from the repository root:
      dotnet run -c Release --project bench/Casefile.Bench -- COMMAND [options]

    Commands:
      audit-verify  --provider sqlite|postgres [--connection CS] [--events N] [--seed S] [--runs R] [--keep] [--report]
                    Generate N chained audit events (default 1,000,000) into a fresh database, then time
                    AuditVerifier beside its floors (plain read, hashing alone, SHA-256 alone).
      audit-write   --provider sqlite|postgres [--connection CS] [--count N] [--concurrency 1,8] [--rounds R] [--keep] [--report]
                    Time N audited writes and N unaudited ones (default 4,000 each) at each concurrency level,
                    in R alternating rounds (default 4).
      chronology    --provider sqlite|postgres [--connection CS] [--records N] [--children N] [--seed S] [--runs R] [--keep] [--report]
                    Generate an authority's case files (default 2,000 children, one with N = 2,000 records), start
                    the real application on a loopback port, and time opening that child's chronology over HTTP
                    (first, 20th and last page, a word search: R runs each, default 300; the PDF: R/30), each
                    beside its raw-SQL floor.
      run           --tier S|M|L --provider sqlite|postgres [--connection CS] [--seed N] [--runs R] [--writes W] [--audit-events N]
                    [--mixed-seconds S] [--keep] [--report]
                    Generate a whole authority at tier S, M or L (issue 5), start the real application, and time a child's
                    page, the chronology's first and 200th page, audited record writes (1 and 8 clients), a stale edit (409),
                    search, who has viewed a child's record, audit verify and a 200-user mixed load with wrk, each beside
                    its raw-SQL floor. --runs 1 runs every operation once (the correctness test).
      upload-memory --provider sqlite|postgres [--connection CS] [--uploads N] [--size-bytes B] [--in-process no] [--keep] [--report]
                    Start the real service as its own process (the built Casefile.Web.dll), upload a 50 MB PDF N times
                    (default 5) through POST /api/v1/cases/{id}/documents, and sample the service's resident and private
                    memory during each upload from /proc; the goal is growth under 20 MB. Then the same in this process,
                    where the GC heap and the bytes allocated can be read. Build the service first (dotnet build -c Release).
      disclosure    --provider sqlite|postgres [--connection CS] [--records N] [--documents D] [--children C] [--keep]
                    Issue 9: one child with N records (default 2,000) and D text documents (default 200); time building the
                    disclosure bundle with everything and downloading the released PDF. Goal: under 30 seconds together.
      retention-sweep --provider sqlite|postgres [--connection CS] [--people N] [--seed S] [--runs R] [--keep]
                    Generate N people (default 200,000) with closed case files and what makes their retention
                    categories, then time the daily retention sweep (dry run R times, default 3; then a real run).
                    Goal: under 60 seconds. Exits 1 when missed.
      report        Rewrite the "## Audit", "## Chronology", "## Large authority (issue 5)" and "## Document upload memory (issue 6)" sections of docs/performance.md from the latest saved results.

    PostgreSQL: --connection names a server where the user may create databases (default: the
    CASEFILE_TEST_POSTGRES environment variable); a new database is made and dropped afterwards.
    --report saves the run's figures in bench/results/ and rewrites the report from all saved results.
    """;

// Figures are written for the report with "," thousands and "." decimals, whatever the machine's culture.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
    {
        Console.WriteLine(Usage);
        return args.Length == 0 ? 2 : 0;
    }
    var options = BenchOptions.Parse(args);
    var ct = cancel.Token;
    switch (options.Command)
    {
        case "audit-verify":
            var verify = await AuditVerifyBenchmark.RunAsync(options, ct);
            if (options.Has("--report"))
            {
                await ResultStore.SaveAsync($"audit-verify-{verify.Database.Provider.ToString().ToLowerInvariant()}", verify, ct);
                await PerformanceReport.WriteAsync(ct);
            }
            break;
        case "audit-write":
            var write = await AuditWriteBenchmark.RunAsync(options, ct);
            if (options.Has("--report"))
            {
                await ResultStore.SaveAsync($"audit-write-{write.Database.Provider.ToString().ToLowerInvariant()}", write, ct);
                await PerformanceReport.WriteAsync(ct);
            }
            break;
        case "chronology":
            var chronology = await ChronologyBenchmark.RunAsync(options, ct);
            if (options.Has("--report"))
            {
                await ResultStore.SaveAsync($"chronology-{chronology.Database.Provider.ToString().ToLowerInvariant()}", chronology, ct);
                await PerformanceReport.WriteAsync(ct);
            }
            break;
        case "run":
            var tier = await LargeAuthorityBenchmark.RunAsync(options, ct);
            if (options.Has("--report"))
            {
                await ResultStore.SaveAsync($"tier-{tier.Data.Tier.ToLowerInvariant()}-{tier.Database.Provider.ToString().ToLowerInvariant()}", tier, ct);
                await PerformanceReport.WriteAsync(ct);
            }
            break;
        case "disclosure":
            return await DisclosureBenchmark.RunAsync(options, ct);
        case "upload-memory":
            var upload = await UploadMemoryBenchmark.RunAsync(options, ct);
            if (options.Has("--report"))
            {
                await ResultStore.SaveAsync($"upload-memory-{upload.Database.Provider.ToString().ToLowerInvariant()}", upload, ct);
                await PerformanceReport.WriteAsync(ct);
            }
            if (!upload.Met) return 1;
            break;
        case "retention-sweep":
            return await RetentionSweepBenchmark.RunAsync(options, ct);
        case "report":
            await PerformanceReport.WriteAsync(ct);
            break;
        default:
            throw new UsageException($"Unknown command '{options.Command}'.");
    }
    return 0;
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
