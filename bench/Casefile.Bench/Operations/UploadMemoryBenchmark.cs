using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Casefile.Bench.Generation;
using Casefile.Bench.Measurement;
using Casefile.Bench.Reporting;
using Casefile.Data.Documents;

namespace Casefile.Bench.Operations;

/// <summary>One upload's figures: time, and memory before it, at its peak while it ran, and after it.</summary>
/// <param name="GcHeapBefore">In-process only: the GC heap after a full collection before the upload (GC.GetTotalMemory(true)).</param>
/// <param name="GcHeapPeak">In-process only: the largest GC heap seen while it ran, garbage included (GC.GetTotalMemory(false)).</param>
/// <param name="AllocatedBytes">In-process only: bytes allocated by every thread while it ran (server and client alike).</param>
public sealed record UploadSample(
    int Upload, long Bytes, double Seconds, int Samples, long ResidentBefore, long ResidentPeak, long ResidentAfter,
    long AnonymousBefore, long AnonymousPeak, long AnonymousAfter, string Sha256, bool ServerHashMatches, bool StoredHashMatches,
    long? GcHeapBefore = null, long? GcHeapPeak = null, long? GcHeapAfter = null, long? AllocatedBytes = null)
{
    public double MiBPerSecond => Bytes / 1024.0 / 1024 / Seconds;

    public long ResidentGrowth => ResidentPeak - ResidentBefore;

    public long AnonymousGrowth => AnonymousPeak - AnonymousBefore;
}

/// <summary>A series of uploads into one service: its memory at rest before the first and after the last.</summary>
public sealed record UploadSeries(
    string Host, string Service, ProcessMemory Baseline, ProcessMemory Final, IReadOnlyList<UploadSample> Uploads, long? GcHeapBaseline = null,
    long? GcHeapFinal = null)
{
    /// <summary>The most the service grew during any one upload (and the second after it), from just before that upload.</summary>
    public long MaxGrowth => Uploads.Max(u => Math.Max(u.ResidentGrowth, u.AnonymousGrowth));

    /// <summary>The highest peak of the whole series less the service at rest before the first upload: growth that accumulates counts here.</summary>
    public long SeriesGrowth => Math.Max(Uploads.Max(u => u.ResidentPeak) - Baseline.ResidentBytes, Uploads.Max(u => u.AnonymousPeak) - Baseline.AnonymousBytes);
}

public sealed record UploadMemoryResult(
    DateTimeOffset RanAt, string Command, MachineInfo Machine, DatabaseInfo Database, long FileBytes, string FileDescription, long GoalBytes,
    UploadSeries Process, UploadSeries? InProcess, double SampleIntervalMs, UploadSeries? WorkstationGc = null)
{
    /// <summary>
    /// Met when no upload grew the service by the goal or more, every hash matched, and (where measured in-process) the GC
    /// heap after a full collection is where it was before the first upload: nothing of an upload is kept.
    /// </summary>
    public bool Met => Process.MaxGrowth < GoalBytes && Series.All(s => s.Uploads.All(u => u.ServerHashMatches && u.StoredHashMatches))
        && (InProcess is null || Retained < RetainedLimitBytes);

    /// <summary>In-process: the GC heap after a full collection after the last upload, less the same before the first.</summary>
    public long Retained => InProcess is { GcHeapFinal: { } after, GcHeapBaseline: { } before } ? after - before : 0;

    public const long RetainedLimitBytes = 1024 * 1024;

    public IEnumerable<UploadSeries> Series => new[] { Process, InProcess, WorkstationGc }.OfType<UploadSeries>();
}

/// <summary>
/// Issue 6: a 50 MB document uploaded through the real HTTP pipeline must not make the service
/// grow by 20 MB or more, which proves the upload is streamed to the content store and never held
/// whole in memory. The service runs as a process of its own (the release build of
/// <c>Casefile.Web.dll serve</c>) on a fresh benchmark database; its resident set and private
/// (anonymous) memory are sampled from <c>/proc</c> every few milliseconds while each upload runs,
/// and at rest before and after. Several uploads in a row show whether anything accumulates.
/// Each upload's SHA-256 is checked against the service's answer and the stored file. A second
/// series hosts the application in the benchmark's own process, where the GC heap and the bytes
/// allocated during an upload can be read directly.
/// </summary>
public static class UploadMemoryBenchmark
{
    /// <summary>Issue 6's bound on the service's growth during a 50 MB upload (20 MB, decimal).</summary>
    public const long GoalBytes = 20_000_000;

    private const int SampleIntervalMs = 5;

    public static async Task<UploadMemoryResult> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var provider = options.Provider();
        var seed = options.Int("--seed", 20261125);
        var uploads = options.Int("--uploads", 5);
        var bytes = options.Long("--size-bytes", DocumentStorageOptions.DefaultMaxUploadBytes);
        var withInProcess = options.String("--in-process") is not "no";
        var withWorkstation = options.String("--small-gen0") is not "no";

        await using var database = await BenchDatabase.CreateAsync(provider, options.String("--connection"), options.Has("--keep"), ct);
        var machine = MachineInfo.Current();
        var info = await DatabaseInfo.ReadAsync(database, ct);
        Console.WriteLine($"Upload memory; load average {machine.LoadAverage}; {info.Version}: {database.Location}");
        // A small authority: a worker and their own child's case to file documents on.
        var (_, g) = await CaseFileSeeder.SeedAsync(database, seed, 20, 20, ct);
        var target = g.Target;
        var work = Directory.CreateTempSubdirectory("casefile-upload-").FullName;
        try
        {
            var dataDirectory = Path.Combine(work, "data");
            Directory.CreateDirectory(dataDirectory);
            var environment = ServiceProcess.Environment(database, dataDirectory);
            var token = await ServiceProcess.RunToolAsync(environment,
                ["tokens", "issue", "--user", target.Worker.UserName, "--label", "upload-memory", "--expires-in-days", "1"], ct);
            UploadSeries separate;
            await using (var service = await ServiceProcess.StartAsync(environment, ct))
            {
                Console.WriteLine($"The service ({service.Dll}, process {service.Id}) is listening on {service.Address}");
                separate = await SeriesAsync("separate process", service.Dll, service.Address, token, target.CaseFileId, uploads, bytes, seed, work,
                    Path.Combine(dataDirectory, "documents"), service.ReadMemory, inProcess: false, ct);
            }

            // The same service with a small first-generation budget (4 MiB, so it collects every few uploads): resting memory that
            // creeps up as shipped and stays flat here is garbage the collector has not yet been asked to collect, not something kept.
            UploadSeries? workstation = null;
            if (withWorkstation)
            {
                var small = new Dictionary<string, string>(environment) { ["DOTNET_GCgen0size"] = "400000" };
                await using var service = await ServiceProcess.StartAsync(small, ct);
                Console.WriteLine($"The service with a 4 MiB gen0 budget (process {service.Id}) is listening on {service.Address}");
                workstation = await SeriesAsync("separate process, gen0 budget 4 MiB", service.Dll + " (DOTNET_GCgen0size=400000, hex: 4 MiB)", service.Address, token, target.CaseFileId,
                    uploads, bytes, seed + 2000, work, Path.Combine(dataDirectory, "documents"), service.ReadMemory, inProcess: false, ct);
            }

            UploadSeries? hosted = null;
            if (withInProcess)
            {
                await using var app = await RunningApp.StartAsync(database, ct);
                var appToken = await app.IssueTokenAsync(target.Worker.Id, ct);
                var store = (FileSystemDocumentContentStore)app.Services.GetService(typeof(IDocumentContentStore))!;
                Console.WriteLine($"The application, hosted in this process, is listening on {app.Address}");
                hosted = await SeriesAsync("in this process", "WebApp in the benchmark's process", app.Address, appToken, target.CaseFileId, uploads, bytes,
                    seed + 1000, work, store.Root, () => ProcessMemory.Read(Environment.ProcessId), inProcess: true, ct);
            }

            var result = new UploadMemoryResult(DateTimeOffset.UtcNow, options.CommandLine(), machine, info, bytes,
                "a PDF: one page drawing one 8-bit grey image of random bytes (incompressible, like a scan), with its cross-reference table",
                GoalBytes, separate, hosted, SampleIntervalMs, workstation);
            Console.WriteLine($"{(result.Met ? "Met" : "MISSED")}: the service grew by at most {Mib(separate.MaxGrowth)} during a {Mib(bytes)} upload " +
                $"(goal < {GoalBytes / 1e6:N0} MB); its highest peak was {Mib(separate.SeriesGrowth)} above its resting figure over all {uploads}" +
                (workstation is null ? "" : $" ({Mib(workstation.SeriesGrowth)} with a 4 MiB gen0 budget)") +
                (hosted is null ? "" : $"; in-process GC heap after a full collection {Signed(result.Retained)} after {uploads} uploads") +
                (result.Series.All(s => s.Uploads.All(u => u.ServerHashMatches && u.StoredHashMatches)) ? "; every hash matched." : "; A HASH DID NOT MATCH."));
            return result;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<UploadSeries> SeriesAsync(string host, string service, Uri address, string token, Guid caseId, int uploads, long bytes, int seed,
        string work, string storeRoot, Func<ProcessMemory> memory, bool inProcess, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        // Warm-up: two small uploads, so the first measured one pays no start-up (JIT, first connection, pools).
        for (var i = 0; i < 2; i++)
        {
            var small = Path.Combine(work, $"warm-{i}.pdf");
            var hash = await PdfFile.WriteAsync(small, 1024 * 1024, seed - 1 - i, ct);
            await UploadAsync(http, token, caseId, small, hash, ct);
            File.Delete(small);
        }
        await SettleAsync(inProcess, ct);
        var baseline = memory();
        long? heapBaseline = inProcess ? GC.GetTotalMemory(forceFullCollection: true) : null;
        Console.WriteLine($"  {host}: at rest after warm-up: resident {Mib(baseline.ResidentBytes)}, private (anonymous) {Mib(baseline.AnonymousBytes)}" +
            (heapBaseline is { } h ? $", GC heap {Mib(h)}" : ""));

        var samples = new List<UploadSample>();
        for (var n = 1; n <= uploads; n++)
        {
            var path = Path.Combine(work, $"upload-{n}.pdf");
            var sha = await PdfFile.WriteAsync(path, bytes, seed + n, ct);
            await SettleAsync(inProcess, ct);
            var before = memory();
            long? heapBefore = inProcess ? GC.GetTotalMemory(forceFullCollection: true) : null;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

            // Sampled on a thread of its own, so a busy thread pool cannot stretch the interval.
            using var stop = new CancellationTokenSource();
            var peak = before;
            var heapPeak = heapBefore ?? 0;
            var count = 0;
            var sampler = new Thread(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var m = memory();
                    peak = new ProcessMemory(Math.Max(peak.ResidentBytes, m.ResidentBytes), Math.Max(peak.AnonymousBytes, m.AnonymousBytes), m.PeakResidentBytes);
                    if (inProcess) heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(forceFullCollection: false));
                    count++;
                    Thread.Sleep(SampleIntervalMs);
                }
            })
            { IsBackground = true, Name = "memory sampler" };
            sampler.Start();
            var clock = Stopwatch.StartNew();
            var (serverSha, documentId) = await UploadAsync(http, token, caseId, path, sha, ct);
            var seconds = clock.Elapsed.TotalSeconds;
            // The peak covers a second after the answer too: work the upload leaves behind (a collection, the log) counts.
            await Task.Delay(1_000, ct);
            await stop.CancelAsync();
            sampler.Join();
            long? allocated = inProcess ? GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore : null;
            File.Delete(path);

            await SettleAsync(inProcess, ct);
            var after = memory();
            long? heapAfter = inProcess ? GC.GetTotalMemory(forceFullCollection: true) : null;
            var stored = await HashFileAsync(Path.Combine(storeRoot, sha[..2], sha[2..4], sha), ct);
            var sample = new UploadSample(n, bytes, seconds, count, before.ResidentBytes, peak.ResidentBytes, after.ResidentBytes, before.AnonymousBytes,
                peak.AnonymousBytes, after.AnonymousBytes, sha, serverSha == sha, stored == sha, heapBefore, inProcess ? heapPeak : null, heapAfter, allocated);
            samples.Add(sample);
            Console.WriteLine($"  {host}, upload {n} (document {documentId}): {seconds:F2} s ({sample.MiBPerSecond:F0} MiB/s), {count} samples; " +
                $"resident {Mib(before.ResidentBytes)} → peak {Mib(peak.ResidentBytes)} (+{Mib(sample.ResidentGrowth)}) → {Mib(after.ResidentBytes)}; " +
                $"private {Mib(before.AnonymousBytes)} → peak {Mib(peak.AnonymousBytes)} (+{Mib(sample.AnonymousGrowth)}) → {Mib(after.AnonymousBytes)}" +
                (inProcess ? $"; GC heap {Mib(heapBefore!.Value)} → peak {Mib(heapPeak)} → {Mib(heapAfter!.Value)}, allocated {Mib(allocated!.Value)}" : "") +
                $"; SHA-256 {(sample.ServerHashMatches ? "as sent" : "DIFFERENT in the answer")}, stored file {(sample.StoredHashMatches ? "matches" : "DOES NOT MATCH")}");
        }
        var final = memory();
        long? heapFinal = inProcess ? GC.GetTotalMemory(forceFullCollection: true) : null;
        return new UploadSeries(host, service, baseline, final, samples, heapBaseline, heapFinal);
    }

    /// <summary>
    /// Lets the service come to rest between uploads: in this process a full collection; in the
    /// service's, a pause (its GC runs when its own budget says, as in production).
    /// </summary>
    private static async Task SettleAsync(bool inProcess, CancellationToken ct)
    {
        if (inProcess)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        await Task.Delay(1_000, ct);
    }

    private static async Task<(string Sha256, Guid Id)> UploadAsync(HttpClient http, string token, Guid caseId, string path, string sha, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("scannedPaperRecord"), "type");
        content.Add(new StringContent($"Scanned paper file, part {sha[..6]}"), "title");
        content.Add(new StringContent("2026-11-02"), "date");
        content.Add(new StringContent("Records team"), "author");
        var part = new StreamContent(file, 81920);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(part, "file", "scanned-case-file.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/documents") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Upload of {new FileInfo(path).Length:N0} bytes: {(int)response.StatusCode}, expected 201. {body[..Math.Min(body.Length, 600)]}");
        using var json = JsonDocument.Parse(body);
        var answered = json.RootElement.GetProperty("sha256").GetString()!;
        if (json.RootElement.GetProperty("contentType").GetString() != "application/pdf")
            throw new InvalidOperationException($"The service took the PDF for {json.RootElement.GetProperty("contentType").GetString()}.");
        return (answered, json.RootElement.GetProperty("id").GetGuid());
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) return "(not stored)";
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }

    public static string Mib(long bytes) => $"{bytes / 1024.0 / 1024:N1} MiB";

    public static string Signed(long bytes) => (bytes >= 0 ? "+" : "−") + Mib(Math.Abs(bytes));
}

/// <summary>
/// A valid PDF of an exact size: a catalogue, one A4 page that draws one 8-bit grey image, the
/// image's bytes (random from a seed: incompressible, as a scan is), the page's content stream,
/// a comment padding it to the size, and a correct cross-reference table and trailer.
/// </summary>
public static class PdfFile
{
    private const int Width = 4096;

    /// <summary>Writes the file and returns its SHA-256 (lower-case hex).</summary>
    public static async Task<string> WriteAsync(string path, long size, int seed, CancellationToken ct)
    {
        const string Drawing = "q 595 0 0 842 0 0 cm /Im1 Do Q\n";
        var head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n";
        var objects = new[]
        {
            "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
            "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>\nendobj\n",
        };
        var contents = $"5 0 obj\n<< /Length {Drawing.Length} >>\nstream\n{Drawing}endstream\nendobj\n";
        // Everything but the image's pixels and the padding; the trailer's numbers are at most 20 digits.
        var fixedBytes = Latin1(head).Length + objects.Sum(o => o.Length) + contents.Length + 400;
        var rows = Math.Max(1, (size - fixedBytes) / Width);
        var pixels = rows * Width;
        var image = $"4 0 obj\n<< /Type /XObject /Subtype /Image /Width {Width} /Height {rows} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {pixels} >>\nstream\n";

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous);
        long offset = 0;
        var offsets = new long[6];
        async Task Write(ReadOnlyMemory<byte> data)
        {
            sha.AppendData(data.Span);
            await file.WriteAsync(data, ct);
            offset += data.Length;
        }
        await Write(Latin1(head));
        for (var i = 0; i < objects.Length; i++)
        {
            offsets[i + 1] = offset;
            await Write(Latin1(objects[i]));
        }
        offsets[4] = offset;
        await Write(Latin1(image));
        var random = new Random(seed);
        var buffer = new byte[1 << 20];
        for (var left = pixels; left > 0; left -= buffer.Length)
        {
            var take = (int)Math.Min(buffer.Length, left);
            random.NextBytes(buffer.AsSpan(0, take));
            await Write(buffer.AsMemory(0, take));
        }
        await Write(Latin1("\nendstream\nendobj\n"));
        offsets[5] = offset;
        await Write(Latin1(contents));

        var xrefTable = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
        for (var i = 1; i < 6; i++) xrefTable.Append($"{offsets[i]:D10} 00000 n \n");
        string Tail(long xrefAt) => $"{xrefTable}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{xrefAt}\n%%EOF\n";
        // A comment line pads the file to the size asked for, before the cross-reference table.
        var padding = size - offset - Tail(0).Length - 2;
        var xrefAt = offset + Math.Max(0, padding) + 2;
        padding = size - offset - Tail(xrefAt).Length - 2;
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(size), size, "Too small for a PDF of one image.");
        await Write(Latin1("%" + new string(' ', (int)padding) + "\n"));
        await Write(Latin1(Tail(offset)));
        if (offset != size) throw new InvalidOperationException($"The PDF came to {offset:N0} bytes, not {size:N0}.");
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);
}
