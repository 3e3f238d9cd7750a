using System.Text;
using Casefile.Bench.Measurement;
using Casefile.Bench.Operations;
using Casefile.Data;

namespace Casefile.Bench.Reporting;

/// <summary>
/// Rewrites the sections of <c>docs/performance.md</c> that the benchmarks own, each from the
/// latest saved results of its own commands ("## Audit" from audit-verify and audit-write,
/// "## Chronology" from chronology), and leaves the rest of the page as it is. A section with no
/// saved results is left as it stands.
/// </summary>
public static class PerformanceReport
{
    public const string Heading = "## Audit";

    /// <summary>Issue 3: verify at least 1 million events per second per core, disk permitting.</summary>
    public const double VerifyGoalPerCore = 1_000_000;

    private static readonly DatabaseProvider[] Providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public static string DocumentPath => Path.Combine(Repository.Root, "docs", "performance.md");

    public static async Task WriteAsync(CancellationToken ct)
    {
        var verify = Providers.Select(p => ResultStore.Load<AuditVerifyResult>($"audit-verify-{Name(p)}")).OfType<AuditVerifyResult>().ToList();
        var write = Providers.Select(p => ResultStore.Load<AuditWriteResult>($"audit-write-{Name(p)}")).OfType<AuditWriteResult>().ToList();
        var chronology = Providers.Select(p => ResultStore.Load<ChronologyResult>($"chronology-{Name(p)}")).OfType<ChronologyResult>().ToList();
        var tiers = LargeAuthorityReport.Load();
        var uploads = Providers.Select(p => ResultStore.Load<UploadMemoryResult>($"upload-memory-{Name(p)}")).OfType<UploadMemoryResult>().ToList();
        if (verify.Count == 0 && write.Count == 0 && chronology.Count == 0 && tiers.Count == 0 && uploads.Count == 0)
            throw new UsageException("No saved results in bench/results/: run audit-verify, audit-write or chronology with --report first.");

        var document = File.Exists(DocumentPath) ? await File.ReadAllTextAsync(DocumentPath, ct) : "# Performance\n";
        var rewritten = new List<string>();
        if (verify.Count > 0 || write.Count > 0)
        {
            document = ReplaceSection(document, Heading, Render(verify, write));
            rewritten.Add(Heading);
        }
        if (chronology.Count > 0)
        {
            document = ReplaceSection(document, ChronologyReport.Heading, ChronologyReport.Render(chronology));
            rewritten.Add(ChronologyReport.Heading);
        }
        if (tiers.Count > 0)
        {
            document = ReplaceSection(document, LargeAuthorityReport.Heading, LargeAuthorityReport.Render(tiers));
            await File.WriteAllTextAsync(LargeAuthorityReport.SvgPath, LargeAuthorityReport.Svg(tiers), ct);
            rewritten.Add(LargeAuthorityReport.Heading);
        }
        if (uploads.Count > 0)
        {
            document = ReplaceSection(document, UploadMemoryReport.Heading, UploadMemoryReport.Render(uploads));
            rewritten.Add(UploadMemoryReport.Heading);
        }
        await File.WriteAllTextAsync(DocumentPath, document, ct);
        Console.WriteLine($"Rewrote {string.Join(" and ", rewritten.Select(h => $"\"{h}\""))} of {Path.GetRelativePath(Repository.Root, DocumentPath)}");
    }

    /// <summary>Replaces the section from its heading to the next heading of the same level (or the end), or appends it.</summary>
    public static string ReplaceSection(string document, string heading, string section)
    {
        var lines = document.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimEnd() == heading);
        var sectionLines = section.TrimEnd('\n').Split('\n');
        if (start < 0)
        {
            while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            lines.Add("");
            lines.AddRange(sectionLines);
            lines.Add("");
            return string.Join('\n', lines);
        }
        var end = start + 1;
        var inFence = false;
        for (; end < lines.Count; end++)
        {
            if (lines[end].StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            if (!inFence && lines[end].StartsWith("## ", StringComparison.Ordinal)) break;
        }
        var replacement = sectionLines.ToList();
        if (end < lines.Count) replacement.Add("");
        lines.RemoveRange(start, end - start);
        lines.InsertRange(start, replacement);
        var text = string.Join('\n', lines);
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static string Render(IReadOnlyList<AuditVerifyResult> verify, IReadOnlyList<AuditWriteResult> write)
    {
        var md = new StringBuilder();
        var latest = verify.Select(v => (v.RanAt, v.Machine)).Concat(write.Select(w => (w.RanAt, w.Machine))).MaxBy(r => r.RanAt);
        md.AppendLine(Heading).AppendLine();
        md.AppendLine("What the audit trail (issue 3) costs: how fast `audit verify` checks the hash chain, and what an audit event adds to a write.");
        md.AppendLine("`bench/Casefile.Bench` measures both on a fresh database made with the application's own migrations, and rewrites this");
        md.AppendLine($"section from the latest saved run of each command (see `bench/README.md`). Last run: {latest.RanAt:yyyy-MM-dd}.");
        md.AppendLine();

        RenderMachine(md, verify, write, latest.Machine);
        md.AppendLine("### Commands").AppendLine().AppendLine("```");
        foreach (var command in verify.Select(v => v.Command).Concat(write.Select(w => w.Command))) md.AppendLine(command);
        md.AppendLine("```").AppendLine();

        if (verify.Count > 0) RenderVerify(md, verify);
        if (write.Count > 0) RenderWrites(md, write);
        return md.ToString();
    }

    private static void RenderMachine(StringBuilder md, IReadOnlyList<AuditVerifyResult> verify, IReadOnlyList<AuditWriteResult> write, MachineInfo machine)
    {
        md.AppendLine("### Machine").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        md.AppendLine($"| CPU | {machine.Cpu}, {machine.Cores} cores (`nproc`) |");
        md.AppendLine($"| Memory | {machine.MemoryGiB:F1} GiB |");
        md.AppendLine($"| OS | {machine.Os} |");
        md.AppendLine($"| .NET | SDK {machine.DotnetSdk} (`dotnet --version`), {machine.Runtime}, server GC as in the web app |");
        var databases = verify.Select(v => v.Database).Concat(write.Select(w => w.Database)).DistinctBy(d => d.Provider);
        foreach (var d in databases)
            md.AppendLine($"| {Title(d.Provider)} | {d.Version}; {d.Settings}{(d.Provider == DatabaseProvider.Postgres ? "; on the same machine, over loopback" : "; a file in the temporary folder, on the same disk")} |");
        var loads = verify.Select(v => $"{Title(v.Database.Provider)} verify {v.Machine.LoadAverage}")
            .Concat(write.Select(w => $"{Title(w.Database.Provider)} writes {w.Machine.LoadAverage}"));
        md.AppendLine($"| Load average at the start of each run | {string.Join("; ", loads)} |");
        md.AppendLine();
        var others = verify.Select(v => v.Machine).Concat(write.Select(w => w.Machine))
            .Where(m => m with { LoadAverage = "" } != machine with { LoadAverage = "" }).Distinct().ToList();
        if (others.Count > 0)
            md.AppendLine($"Some results come from another machine ({string.Join("; ", others.Select(m => $"{m.Cpu}, {m.Cores} cores"))}): run all the commands again on one machine before comparing them.").AppendLine();
        md.AppendLine("The machine is shared with other work (builds, browser tests): a load average above the core count means the benchmark did not");
        md.AppendLine("have the machine to itself, and wall-clock figures are then pessimistic. CPU-time figures (per core) are much less affected.");
        md.AppendLine();
    }

    private static void RenderVerify(StringBuilder md, IReadOnlyList<AuditVerifyResult> results)
    {
        md.AppendLine("### `audit verify`").AppendLine();
        foreach (var r in results)
        {
            md.AppendLine($"- {Title(r.Database.Provider)}: {r.Trail.Events:N0} generated events (seed {r.Seed}; 2,500 staff, 40,000 cases; " +
                $"{100.0 * r.Trail.WithReason / r.Trail.Events:F1}% with a reason, mean {r.Trail.MeanReasonLength:F0} characters; " +
                $"{r.Trail.Checkpoints:N0} signed checkpoints), {r.DatabaseBytes / 1024.0 / 1024:N0} MiB{(r.Database.Provider == DatabaseProvider.Postgres ? " (table and indexes)" : " (whole file)")}, " +
                $"bulk-loaded in {r.Trail.Seconds:F0} s. The verifier said: \"{r.VerifierMessage}\"");
        }
        md.AppendLine();
        md.AppendLine($"Medians of {results[0].Verify.Seconds.Count} runs, each after one warm-up run. The rows were in memory (the OS page cache; PostgreSQL's");
        md.AppendLine("buffers and page cache), so the disk was not read: these are CPU figures. *Per core* is events per second of CPU time used:");
        md.AppendLine("this process's, plus, for PostgreSQL, the server process that sent the rows (read from `/proc`).");
        md.AppendLine();

        md.Append("| |").AppendJoin("", results.Select(r => $" {Title(r.Database.Provider)} |")).AppendLine();
        md.Append("|---|").AppendJoin("", results.Select(_ => "---:|")).AppendLine();
        Row(md, "`AuditVerifier.VerifyAsync`, seconds", results, r => $"{r.Verify.MedianSeconds:F2}");
        Row(md, "**events per second**", results, r => $"**{r.Verify.ItemsPerSecond:N0}**");
        Row(md, "**events per second per core** (per CPU-second)", results, r => $"**{r.Verify.ItemsPerCpuSecond:N0}**");
        Row(md, "floor: the same `SELECT`, every column read, nothing hashed: events/s", results, r => $"{r.RawRead.ItemsPerSecond:N0}");
        Row(md, "floor: the same `SELECT`: events per CPU-second", results, r => $"{r.RawRead.ItemsPerCpuSecond:N0}");
        Row(md, "floor: the verifier's hashing and checks alone, rows in memory: events/s", results, r => $"{r.Hashing.ItemsPerSecond:N0}");
        Row(md, "floor: SHA-256 alone over the same bytes: events/s", results, r => $"{r.Sha256.ItemsPerSecond:N0}");
        md.AppendLine();

        md.AppendLine("Where the time goes, in microseconds per event (median wall time of each measurement):").AppendLine();
        md.Append("| |").AppendJoin("", results.Select(r => $" {Title(r.Database.Provider)} |")).AppendLine();
        md.Append("|---|").AppendJoin("", results.Select(_ => "---:|")).AppendLine();
        Row(md, "reading the rows (the `SELECT` floor)", results, r => $"{r.RawRead.MicrosecondsPerItem:F2}");
        Row(md, "hashing and checking them (in memory)", results, r => $"{r.Hashing.MicrosecondsPerItem:F2}");
        Row(md, "of which SHA-256 itself", results, r => $"{r.Sha256.MicrosecondsPerItem:F2}");
        Row(md, "the rest: the verifier's own way of reading (values boxed, GUIDs parsed from text) and run-to-run noise", results,
            r => $"{r.Verify.MicrosecondsPerItem - r.RawRead.MicrosecondsPerItem - r.Hashing.MicrosecondsPerItem:F2}");
        Row(md, "**`audit verify` in all**", results, r => $"**{r.Verify.MicrosecondsPerItem:F2}**");
        md.AppendLine();

        md.AppendLine("#### Goal: at least 1 million events per second per core, disk permitting (issue 3)").AppendLine();
        foreach (var r in results)
        {
            var perCore = r.Verify.ItemsPerCpuSecond;
            md.AppendLine(perCore >= VerifyGoalPerCore
                ? $"- {Title(r.Database.Provider)}: **met**, {perCore:N0} events per CPU-second."
                : $"- {Title(r.Database.Provider)}: **not met**. {perCore:N0} events per CPU-second is {perCore / VerifyGoalPerCore * 100:F0}% of the goal " +
                  $"({VerifyGoalPerCore / perCore:F1} times short); in wall time {r.Verify.ItemsPerSecond:N0} events/s.");
        }
        md.AppendLine();
        if (results.Any(r => r.Verify.ItemsPerCpuSecond < VerifyGoalPerCore)) RenderWhy(md, results);
    }

    private static void RenderWhy(StringBuilder md, IReadOnlyList<AuditVerifyResult> results)
    {
        md.AppendLine("Why: the floors beside the verifier show that neither of its two halves fits in a microsecond on this machine.");
        md.AppendLine();
        foreach (var r in results)
        {
            var read = r.RawRead.MicrosecondsPerItem;
            var hash = r.Hashing.MicrosecondsPerItem;
            var bytesAtBulkRate = r.BytesHashedPerEvent / (r.Sha256BulkMiBPerSecond * 1024 * 1024) * 1e6;
            md.AppendLine($"- {Title(r.Database.Provider)}: reading the rows alone takes {read:F2} µs per event " +
                $"({r.RawRead.ItemsPerCpuSecond:N0} per CPU-second){(read >= 1 ? ", so even a verifier that hashed nothing would miss the goal" : "")}; " +
                $"hashing and checking alone take {hash:F2} µs, of which SHA-256 is {r.Sha256.MicrosecondsPerItem:F2} µs for {r.BytesHashedPerEvent:F0} bytes in " +
                $"{1 + (double)r.Trail.WithReason / r.Trail.Events:F1} calls (the event, and its reason when it has one). At the rate SHA-256 hashes one large " +
                $"buffer here ({r.Sha256BulkMiBPerSecond:N0} MiB/s) those bytes take {bytesAtBulkRate:F2} µs: " +
                $"{Math.Max(0, 1 - bytesAtBulkRate / r.Sha256.MicrosecondsPerItem) * 100:F0}% of SHA-256's time is the fixed cost of each call.");
        }
        md.AppendLine();
        md.AppendLine("So the cost is per call and per column, not per byte. SHA-256 itself is fast (the CPU has SHA instructions), but each");
        md.AppendLine("`SHA256.HashData` call on Linux goes through OpenSSL's one-shot digest, whose fixed cost dominates for a few hundred bytes; and");
        md.AppendLine("a data reader pays for each of the 15 columns of each row (on SQLite a native call or more per column and a new string for each");
        md.AppendLine("text value, three of them GUIDs parsed back from text). Disk is not the limit: the rows were in memory.");
        md.AppendLine();
        md.AppendLine("What would help. Per core, not much while rows are read through ADO.NET: the `SELECT` floor above is the ceiling for any");
        md.AppendLine("verifier; hashing with one reused SHA-256 context instead of a one-shot call per event (a change to `AuditChain`, same hashes)");
        md.AppendLine("and reading hashes and GUIDs as bytes rather than text would trim the rest. In wall time, the segments between signed");
        md.AppendLine("checkpoints can be verified in parallel, since each segment's starting hash is signed: that scales with cores, not per core.");
        md.AppendLine();
    }

    private static void RenderWrites(StringBuilder md, IReadOnlyList<AuditWriteResult> results)
    {
        md.AppendLine("### Audited writes").AppendLine();
        md.AppendLine($"One write is {AuditWriteBenchmark.WriteDescription}. The baseline is the same write with no audit event (the interceptor");
        md.AppendLine("is registered but has nothing to chain). After a warm-up of 200 writes of each kind, the two kinds run in alternating rounds");
        md.AppendLine("(so a slow spell of the shared disk falls on both); each writer waits for its write before the next; latency runs from");
        md.AppendLine("creating the context to `SaveChangesAsync` returning. Every run ends by verifying the chain the audited writes built.");
        md.AppendLine();
        md.AppendLine("| Database | Writers | Audit event | Writes | Writes/s | Median ms | p95 ms | p99 ms | Max ms |");
        md.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            foreach (var s in r.Series)
                md.AppendLine($"| {Title(r.Database.Provider)} | {s.Concurrency} | {(s.Audited ? "yes" : "no")} | {s.Latency.Count:N0} | {s.Latency.PerSecond:N0} | " +
                    $"{s.Latency.MedianMs:F2} | {s.Latency.P95Ms:F2} | {s.Latency.P99Ms:F2} | {s.Latency.MaxMs:F0} |");
        md.AppendLine();

        md.AppendLine("The overhead of the audit event:").AppendLine();
        md.AppendLine("| Database | Writers | Median latency added | Wall time added per write (from throughput) | Throughput lost |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var group in r.Series.GroupBy(s => s.Concurrency))
            {
                var plain = group.FirstOrDefault(s => !s.Audited)?.Latency;
                var audited = group.FirstOrDefault(s => s.Audited)?.Latency;
                if (plain is null || audited is null) continue;
                md.AppendLine($"| {Title(r.Database.Provider)} | {group.Key} | {audited.MedianMs - plain.MedianMs:+0.00;-0.00} ms | " +
                    $"{1000 / audited.PerSecond - 1000 / plain.PerSecond:+0.00;-0.00} ms | {(1 - audited.PerSecond / plain.PerSecond) * 100:F0}% |");
            }
        }
        md.AppendLine();
        md.AppendLine("Where the overhead comes from: an audited write runs in a transaction that first updates the chain head (taking SQLite's write");
        md.AppendLine("lock, or the head row's lock in PostgreSQL), reads the head back, moves it, inserts the event with the change, and commits. The");
        md.AppendLine("lock is held from the first statement to the commit, so audited writes go one at a time whatever the number of writers, and");
        md.AppendLine("on PostgreSQL each of those statements is a round trip to the server (five in all, against one for the plain insert).");
        md.AppendLine("Folding the lock and the read into one `UPDATE ... RETURNING`, and sending the head's move in the same batch as the inserts,");
        md.AppendLine("would halve the round trips made under the lock. With 8 writers on SQLite, the long tail (p99, max) is writers waiting for");
        md.AppendLine("the write lock: a writer that finds it taken sleeps and retries (SQLite's busy timeout) rather than queueing.");
        md.AppendLine();
        md.AppendLine("For reference, issue 5 sets goals for audited writes at its tier M: at least 1,500 per second on SQLite and 3,000 on");
        md.AppendLine("PostgreSQL with synchronous commits. The best audited rate above is " + string.Join("; ", results.Select(r =>
            $"{r.Series.Where(x => x.Audited).Max(x => x.Latency.PerSecond):N0}/s on {Title(r.Database.Provider)}")) + ".");
        foreach (var r in results.Where(r => !r.Database.DurableCommits))
        {
            md.AppendLine();
            md.AppendLine($"{Title(r.Database.Provider)} ran with `fsync=off` (the server was already running so; the benchmark does not change server");
            md.AppendLine("settings): commits were not flushed to disk, so these figures leave out the disk sync that a production server pays on each");
            md.AppendLine("commit. They are the cost of the statements and the lock, not of durability.");
        }
        md.AppendLine();
    }

    private static void Row(StringBuilder md, string label, IReadOnlyList<AuditVerifyResult> results, Func<AuditVerifyResult, string> cell) =>
        md.Append($"| {label} |").AppendJoin("", results.Select(r => $" {cell(r)} |")).AppendLine();

    private static string Name(DatabaseProvider provider) => provider.ToString().ToLowerInvariant();

    private static string Title(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";
}
