using System.Text;
using Casefile.Bench.Operations;
using Casefile.Data;

namespace Casefile.Bench.Reporting;

/// <summary>The "## Document upload memory (issue 6)" section of <c>docs/performance.md</c>, from the saved upload-memory runs.</summary>
public static class UploadMemoryReport
{
    public const string Heading = "## Document upload memory (issue 6)";

    public static string Render(IReadOnlyList<UploadMemoryResult> results)
    {
        var md = new StringBuilder();
        var latest = results.MaxBy(r => r.RanAt)!;
        md.AppendLine(Heading).AppendLine();
        md.AppendLine("Goal: uploading a 50 MB document grows the service's memory by less than 20 MB, which shows the upload is streamed");
        md.AppendLine("to the content store a buffer at a time and never held whole in memory. `upload-memory` starts the real service as a");
        md.AppendLine("process of its own (the release build, `dotnet src/Casefile.Web/bin/Release/net10.0/Casefile.Web.dll serve`, configured by");
        md.AppendLine("environment variables) on a fresh benchmark database, issues a worker a token with the service's own `tokens issue`, and");
        md.AppendLine("uploads the largest file allowed (`Casefile:Documents:MaxUploadBytes`, 50 MiB) through `POST /api/v1/cases/{id}/documents`");
        md.AppendLine("over loopback, several times in a row. The service's resident set (working set) and its anonymous, private part (GC heap");
        md.AppendLine("and native buffers; not mapped files) are read from `/proc/{pid}/status` every few milliseconds while each upload runs,");
        md.AppendLine("and at rest before and after it. Growth is the peak during an upload (and the second after its answer) less the figure just");
        md.AppendLine("before it; the series' growth is its highest peak less the figure at rest before the first upload. Each upload's");
        md.AppendLine("SHA-256 is checked against the service's answer and against the stored file. A second series hosts the application in");
        md.AppendLine("the benchmark's own process, where the GC heap and the bytes allocated during an upload (by every thread, the HTTP client");
        md.AppendLine($"sending the file included) can be read directly. Last run: {latest.RanAt:yyyy-MM-dd}.");
        md.AppendLine();
        md.AppendLine("```");
        foreach (var r in results) md.AppendLine(r.Command);
        md.AppendLine("```").AppendLine();

        foreach (var r in results.OrderBy(r => r.Database.Provider))
        {
            var p = r.Process;
            md.AppendLine($"### {(r.Database.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")}").AppendLine();
            md.AppendLine($"{r.Uploads()} uploads of {r.FileBytes:N0} bytes ({UploadMemoryBenchmark.Mib(r.FileBytes)}): {r.FileDescription}. Machine: {r.Machine.Cpu}, " +
                $"{r.Machine.Cores} cores, {r.Machine.Runtime}, server GC as the web app ships; load average at the start {r.Machine.LoadAverage}; " +
                $"{r.Database.Version}; memory sampled every {r.SampleIntervalMs:N0} ms.");
            md.AppendLine();
            md.AppendLine($"**{(r.Met ? "Met" : "Missed")}**: the service grew by at most **{UploadMemoryBenchmark.Mib(p.MaxGrowth)}** " +
                $"({p.MaxGrowth / 1e6:N1} MB) during a {r.FileBytes / 1e6:N1} MB upload and the second after it; the goal is under {r.GoalBytes / 1e6:N0} MB. " +
                (r.InProcess is null ? "" : $"Nothing of an upload is kept: hosted in-process, the GC heap after a full collection was {UploadMemoryBenchmark.Signed(r.Retained)} " +
                    $"after {r.InProcess.Uploads.Count} uploads (the check: under {UploadMemoryBenchmark.Mib(UploadMemoryResult.RetainedLimitBytes)}). ") +
                $"Every SHA-256 {(r.Series.All(s => s.Uploads.All(u => u.ServerHashMatches && u.StoredHashMatches)) ? "matched" : "**did not match**")}. " +
                $"Across the series the service's highest peak was {UploadMemoryBenchmark.Mib(p.SeriesGrowth)} above its resting figure before the first upload" +
                (r.WorkstationGc is { } w0 ? $" ({UploadMemoryBenchmark.Mib(w0.SeriesGrowth)} with a 4 MiB gen0 budget)" : "") + ". " +
                $"At rest: {UploadMemoryBenchmark.Mib(p.Baseline.ResidentBytes)} resident ({UploadMemoryBenchmark.Mib(p.Baseline.AnonymousBytes)} private) after warm-up, " +
                $"{UploadMemoryBenchmark.Mib(p.Final.ResidentBytes)} ({UploadMemoryBenchmark.Mib(p.Final.AnonymousBytes)}) after the last upload " +
                $"({Signed(p.Final.ResidentBytes - p.Baseline.ResidentBytes)} resident, {Signed(p.Final.AnonymousBytes - p.Baseline.AnonymousBytes)} private across " +
                $"{p.Uploads.Count} uploads). The kernel's own peak resident figure (VmHWM) for the service's life: {UploadMemoryBenchmark.Mib(p.Final.PeakResidentBytes)}.");
            md.AppendLine();
            md.AppendLine("| At rest | Resident | Private (anonymous) | Mapped files | Shared memory |").AppendLine("|---|---:|---:|---:|---:|");
            foreach (var s in r.Series.Where(s => s != r.InProcess))
            {
                md.AppendLine($"| {s.Host}: after warm-up | {M(s.Baseline.ResidentBytes)} | {M(s.Baseline.AnonymousBytes)} | {M(s.Baseline.FileBytes)} | {M(s.Baseline.SharedBytes)} |");
                md.AppendLine($"| {s.Host}: after upload {s.Uploads.Count} | {M(s.Final.ResidentBytes)} | {M(s.Final.AnonymousBytes)} | {M(s.Final.FileBytes)} | {M(s.Final.SharedBytes)} |");
                md.AppendLine($"| {s.Host}: change | {Signed(s.Final.ResidentBytes - s.Baseline.ResidentBytes)} | {Signed(s.Final.AnonymousBytes - s.Baseline.AnonymousBytes)} | " +
                    $"{Signed(s.Final.FileBytes - s.Baseline.FileBytes)} | {Signed(s.Final.SharedBytes - s.Baseline.SharedBytes)} |");
            }
            md.AppendLine();
            md.AppendLine("Figures in MiB. Mapped files are the pages of the runtime's and the application's code and native libraries read in");
            md.AppendLine("from disk as code runs for the first time (SQLite is not memory-mapped here): the kernel can drop them at any time. Shared");
            md.AppendLine("memory is where .NET keeps the code it compiles (its W^X double mapping of executable memory), so it grows as tiered");
            md.AppendLine("compilation recompiles the hot upload path; none of it holds document bytes.");
            md.AppendLine();
            RenderSeries(md, p);
            md.AppendLine("Why the resting figure creeps up from upload to upload although no upload grows the service by more than a few MiB:");
            md.AppendLine("an upload allocates a few MiB of short-lived objects (the in-process series counts them, the client's included), and the");
            md.AppendLine("GC, as the web app ships (server GC), lets a first-generation budget of tens of MiB fill before it collects; compiled");
            md.AppendLine("code (shared memory above) and the runtime's native memory grow too while the service warms up. The same service with a");
            md.AppendLine("4 MiB budget (`DOTNET_GCgen0size`) creeps less, and in-process the GC heap after a full collection is back where it was,");
            md.AppendLine("so no upload's bytes are kept. The cumulative figure is reported beside the goal, which is about one upload, rather");
            md.AppendLine("than judged against it. " + Halves(p) + (r.WorkstationGc is { } wh ? " " + Halves(wh) : "") +
                (r.InProcess is { Uploads.Count: > 0 } ip
                    ? $" Hosted in-process, where a full collection runs after every upload, private memory at rest stayed between " +
                      $"{M(ip.Uploads.Min(u => u.AnonymousAfter))} and {M(ip.Uploads.Max(u => u.AnonymousAfter))} MiB over the {ip.Uploads.Count} uploads " +
                      $"(after the first: {M(ip.Uploads[0].AnonymousAfter)}; after the last: {M(ip.Uploads[^1].AnonymousAfter)}). That points to garbage the " +
                      "service's GC had not yet collected rather than memory an upload keeps; a longer run of the service that reaches its own full " +
                      "collection would confirm it."
                    : ""));
            md.AppendLine();
            if (r.WorkstationGc is { } w)
            {
                md.AppendLine("The same service with a 4 MiB first-generation budget (`DOTNET_GCgen0size=400000`, hexadecimal), a new process on the same database:").AppendLine();
                RenderSeries(md, w);
            }
            if (r.InProcess is { } h)
            {
                md.AppendLine($"Hosted in the benchmark's process (the same pipeline, `WebApp`, on the same database; resident and private figures include the");
                md.AppendLine("benchmark itself, so only growth means anything). GC heap before and after: after a full collection; peak: the largest");
                md.AppendLine("`GC.GetTotalMemory(false)` seen during the upload, garbage not yet collected included.");
                md.AppendLine();
                RenderSeries(md, h);
            }
        }
        return md.ToString();
    }

    private static void RenderSeries(StringBuilder md, UploadSeries s)
    {
        var gc = s.Uploads.Any(u => u.GcHeapBefore is not null);
        md.Append("| Upload | Time | Rate | Samples | Resident before → peak → after | Growth | Private before → peak → after | Growth |");
        md.AppendLine(gc ? " GC heap before → peak → after | Allocated | SHA-256 |" : " SHA-256 |");
        md.Append("|---:|---:|---:|---:|---|---:|---|---:|");
        md.AppendLine(gc ? "---|---:|---|" : "---|");
        foreach (var u in s.Uploads)
        {
            md.Append($"| {u.Upload} | {u.Seconds:F2} s | {u.MiBPerSecond:N0} MiB/s | {u.Samples:N0} | {M(u.ResidentBefore)} → {M(u.ResidentPeak)} → {M(u.ResidentAfter)} | " +
                $"{Signed(u.ResidentGrowth)} | {M(u.AnonymousBefore)} → {M(u.AnonymousPeak)} → {M(u.AnonymousAfter)} | {Signed(u.AnonymousGrowth)} |");
            if (gc) md.Append($" {M(u.GcHeapBefore!.Value)} → {M(u.GcHeapPeak!.Value)} → {M(u.GcHeapAfter!.Value)} | {M(u.AllocatedBytes!.Value)} |");
            md.AppendLine($" {(u.ServerHashMatches && u.StoredHashMatches ? "matches (answer and stored file)" : "**does not match**")} |");
        }
        md.AppendLine();
        md.AppendLine("Figures in MiB.").AppendLine();
    }

    /// <summary>Whether the creep slows: the private memory at rest gained over the first half of the uploads and over the second.</summary>
    private static string Halves(UploadSeries s)
    {
        var u = s.Uploads;
        if (u.Count < 4) return "";
        var middle = u[u.Count / 2 - 1].AnonymousAfter;
        return $"{char.ToUpperInvariant(s.Host[0])}{s.Host[1..]}: private memory at rest rose {Signed(middle - s.Baseline.AnonymousBytes)} over uploads 1 to {u.Count / 2} and " +
            $"{Signed(u[^1].AnonymousAfter - middle)} over uploads {u.Count / 2 + 1} to {u.Count}.";
    }

    private static string M(long bytes) => (bytes / 1024.0 / 1024).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);

    private static string Signed(long bytes) => UploadMemoryBenchmark.Signed(bytes);

    private static int Uploads(this UploadMemoryResult r) => r.Process.Uploads.Count;
}
