using System.Diagnostics;
using System.Security.Cryptography;
using Casefile.Bench.Generation;
using Casefile.Bench.Measurement;
using Casefile.Bench.Reporting;
using Casefile.Data;
using Casefile.Data.Audit;
using Casefile.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Bench.Operations;

/// <summary>
/// What the audit trail costs a write. Each write is one request's unit of work: a new context,
/// a new team (a small row with a unique name, like most of Casefile's inserts) and, when audited,
/// its audit event, saved once through a context with the application's
/// <see cref="AuditChainInterceptor"/>: so each audited write takes the chain head lock, chains
/// its event (and every 1000th a signed checkpoint) and commits with the application's
/// durability (SQLite synchronous=FULL). The same writes without an event are the baseline;
/// the interceptor is there too but has nothing to chain.
/// </summary>
public static class AuditWriteBenchmark
{
    public const string WriteDescription = "one request's unit of work: a new context, insert one `Teams` row (unique name), " +
        "and, when audited, one `AuditEvents` row chained by `AuditChainInterceptor`; one `SaveChangesAsync`";

    public static async Task<AuditWriteResult> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var provider = options.Provider();
        var count = options.Int("--count", 4_000);
        var rounds = Math.Min(count, options.Int("--rounds", 4));
        var concurrencies = (options.String("--concurrency") ?? "1,8").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.TryParse(c, out var n) && n > 0 ? n : throw new UsageException($"--concurrency takes whole numbers, like 1,8: not '{c}'."))
            .ToArray();
        var signer = new AuditSigner(RandomNumberGenerator.GetBytes(32));

        await using var database = await BenchDatabase.CreateAsync(provider, options.String("--connection"), options.Has("--keep"), ct);
        var machine = MachineInfo.Current();
        var info = await DatabaseInfo.ReadAsync(database, ct);
        Console.WriteLine($"Load average {machine.LoadAverage}; {info.Version} ({info.Settings}): {database.Location}");

        // As the application registers them: one interceptor for all contexts.
        var contextOptions = database.Options(new AuditChainInterceptor(signer, TimeProvider.System));
        var staff = Authority.Generate(new Random(1), staffCount: 50, caseCount: 200).Staff;
        var writer = new Writer(contextOptions, staff);

        Console.WriteLine("Warm-up: 200 writes of each kind");
        await writer.RunAsync(1, 200, audited: false, ct);
        await writer.RunAsync(1, 200, audited: true, ct);

        // In rounds, alternating which kind goes first, so a slow spell of the disk or of the machine falls on both kinds alike.
        var series = new List<WriteSeries>();
        foreach (var concurrency in concurrencies)
        {
            var latencies = new[] { new List<double>(), new List<double>() };
            var seconds = new double[2];
            for (var round = 0; round < rounds; round++)
            {
                var share = count / rounds + (round < count % rounds ? 1 : 0);
                foreach (var audited in round % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    var (ms, elapsed) = await writer.RunAsync(concurrency, share, audited, ct);
                    latencies[audited ? 1 : 0].AddRange(ms);
                    seconds[audited ? 1 : 0] += elapsed;
                }
            }
            foreach (var audited in new[] { false, true })
            {
                var latency = LatencySummary.From(latencies[audited ? 1 : 0], seconds[audited ? 1 : 0]);
                series.Add(new WriteSeries(concurrency, audited, latency));
                Console.WriteLine($"  {concurrency} writer(s), {(audited ? "audited  " : "no audit ")}: {latency.PerSecond,8:N0} writes/s, " +
                    $"median {latency.MedianMs:F2} ms, p95 {latency.P95Ms:F2} ms, p99 {latency.P99Ms:F2} ms");
            }
        }

        // The chain the writes built must verify, or the figures are of something else.
        await using var verifyDb = database.NewContext();
        var verification = await new AuditVerifier(verifyDb, signer).VerifyAsync(ct);
        if (!verification.Intact || verification.EventsChecked != writer.AuditedWrites)
            throw new InvalidOperationException($"The audited writes do not verify: {verification.Message}");
        Console.WriteLine($"  {verification.Message}");

        return new AuditWriteResult(options.CommandLine(), DateTimeOffset.UtcNow, machine, info, WriteDescription, series, verification.Message);
    }

    private sealed class Writer(DbContextOptions<AppDbContext> options, IReadOnlyList<StaffMember> staff)
    {
        private long _next;
        private long _audited;

        public long AuditedWrites => Interlocked.Read(ref _audited);

        /// <summary><paramref name="count"/> writes shared among <paramref name="concurrency"/> writers: each write's milliseconds, and the seconds for all.</summary>
        public async Task<(double[] Milliseconds, double Seconds)> RunAsync(int concurrency, int count, bool audited, CancellationToken ct)
        {
            var latencies = new double[count];
            var claimed = -1;
            var stopwatch = Stopwatch.StartNew();
            var writers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
            {
                var random = new Random(w);
                int i;
                while ((i = Interlocked.Increment(ref claimed)) < count)
                {
                    var start = Stopwatch.GetTimestamp();
                    await WriteAsync(staff[random.Next(staff.Count)], audited, ct);
                    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
            }, ct)).ToArray();
            await Task.WhenAll(writers);
            stopwatch.Stop();
            if (audited) Interlocked.Add(ref _audited, count);
            return (latencies, stopwatch.Elapsed.TotalSeconds);
        }

        private async Task WriteAsync(StaffMember user, bool audited, CancellationToken ct)
        {
            var n = Interlocked.Increment(ref _next);
            await using var db = new AppDbContext(options);
            var team = new Team(Guid.NewGuid(), $"Family Support Team {n:D7}");
            db.Teams.Add(team);
            if (audited)
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    OccurredAt = DateTimeOffset.UtcNow,
                    UserId = user.Id,
                    UserName = user.UserName,
                    Action = "create",
                    RecordType = "team",
                    RecordId = team.Id.ToString(),
                    Channel = "web",
                });
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
