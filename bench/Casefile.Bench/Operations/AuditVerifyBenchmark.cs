using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Casefile.Bench.Generation;
using Casefile.Bench.Measurement;
using Casefile.Bench.Reporting;
using Casefile.Data;
using Casefile.Data.Audit;
using Casefile.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Bench.Operations;

/// <summary>
/// <c>audit verify</c> over a generated trail (issue 3: at least 1 million events per second per
/// core), with its floors beside it: the same rows read with no hashing, the verifier's hashing
/// and checks alone on rows already in memory, and SHA-256 alone over the same bytes.
/// </summary>
public static class AuditVerifyBenchmark
{
    /// <summary>The verifier's own query: the floor reads exactly these columns in this order.</summary>
    private const string Select = "SELECT \"Id\", \"OccurredAt\", \"UserId\", \"UserName\", \"Action\", \"RecordType\", \"RecordId\", " +
        "\"CaseFileId\", \"PersonId\", \"Outcome\", \"Reason\", \"ReasonHash\", \"Channel\", \"PreviousHash\", \"Hash\" " +
        "FROM \"AuditEvents\" ORDER BY \"Id\"";

    public static async Task<AuditVerifyResult> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var provider = options.Provider();
        var events = options.Long("--events", 1_000_000);
        var seed = options.Int("--seed", 20261124);
        var runs = options.Int("--runs", 3);
        // A fresh key for each run, kept outside the database as the application keeps its own.
        var signer = new AuditSigner(RandomNumberGenerator.GetBytes(32));

        await using var database = await BenchDatabase.CreateAsync(provider, options.String("--connection"), options.Has("--keep"), ct);
        var machine = MachineInfo.Current();
        var info = await DatabaseInfo.ReadAsync(database, ct);
        Console.WriteLine($"Load average {machine.LoadAverage}; {info.Version} ({info.Settings}): {database.Location}");

        Console.WriteLine($"Generating {events:N0} audit events (seed {seed})...");
        var trail = await AuditTrailSeeder.SeedAsync(database, events, seed, signer, ct);
        var bytes = await SizeAsync(database, ct);
        Console.WriteLine($"  {trail.Events:N0} events ({100.0 * trail.WithReason / trail.Events:F1}% with a reason, mean {trail.MeanReasonLength:F0} characters), " +
            $"{trail.Checkpoints:N0} signed checkpoints, {bytes / 1024.0 / 1024:N0} MiB, in {trail.Seconds:F1} s");

        var message = "";
        Console.WriteLine("audit verify (AuditVerifier.VerifyAsync):");
        var verify = await RepeatOnDatabaseAsync(database, runs, events, ct, async db =>
        {
            var result = await new AuditVerifier(db, signer).VerifyAsync(ct);
            if (!result.Intact || result.EventsChecked != events || result.CheckpointsChecked != trail.Checkpoints)
                throw new InvalidOperationException($"The generated trail does not verify: {result.Message}");
            message = result.Message;
        });
        Console.WriteLine($"  {message}");

        Console.WriteLine("Floor: the same SELECT, every column read, no hashing:");
        var rawRead = await RepeatOnDatabaseAsync(database, runs, events, ct, db => RawReadAsync(db, ct));

        Console.WriteLine("Hashing and checks alone, on rows already in memory:");
        var rows = await LoadAsync(database, ct);
        var checkpoints = await LoadCheckpointsAsync(database, ct);
        var hashing = Repeat(runs, events, () => HashAndCheck(rows, checkpoints));

        Console.WriteLine("SHA-256 alone, over the same bytes (each event's content and each reason):");
        var (lengths, reasonLengths) = HashedLengths(rows);
        rows = null; // let the rows go: only their lengths are needed now
        var sha = Repeat(runs, events, () => Sha256Only(lengths, reasonLengths));
        var bytesPerEvent = (lengths.Sum(l => (double)l) + reasonLengths.Sum(l => (double)l)) / events;
        var bulk = Sha256Bulk();
        Console.WriteLine($"  bytes hashed per event: {bytesPerEvent:F0}; SHA-256 over one large buffer: {bulk:N0} MiB/s");

        return new AuditVerifyResult(options.CommandLine(), DateTimeOffset.UtcNow, machine, info, seed, trail, bytes, message,
            verify, rawRead, hashing, sha, bytesPerEvent, bulk);
    }

    /// <summary>One untimed warm-up, then timed runs, each on a new context (as one command-line call would have).</summary>
    private static async Task<RunSet> RepeatOnDatabaseAsync(BenchDatabase database, int runs, long items, CancellationToken ct,
        Func<AppDbContext, Task> operation)
    {
        var seconds = new List<double>();
        var cpu = new List<double>();
        var serverCpu = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            await using var db = database.NewContext();
            await db.Database.OpenConnectionAsync(ct);
            var backend = database.Provider == DatabaseProvider.Postgres ? await BackendPidAsync(db, ct) : (int?)null;
            Settle();
            var server0 = backend is { } p0 ? CpuClock.OtherProcessSeconds(p0) : null;
            var cpu0 = CpuClock.ProcessSeconds();
            var stopwatch = Stopwatch.StartNew();
            await operation(db);
            stopwatch.Stop();
            var cpu1 = CpuClock.ProcessSeconds();
            var server1 = backend is { } p1 ? CpuClock.OtherProcessSeconds(p1) : null;
            Report(run, items, stopwatch.Elapsed.TotalSeconds, cpu1 - cpu0, server1 - server0);
            if (run == 0) continue;
            seconds.Add(stopwatch.Elapsed.TotalSeconds);
            cpu.Add(cpu1 - cpu0);
            if (server1 - server0 is { } s) serverCpu.Add(s);
        }
        return new RunSet(items, seconds, cpu, serverCpu.Count == seconds.Count ? serverCpu : null);
    }

    private static RunSet Repeat(int runs, long items, Action operation)
    {
        var seconds = new List<double>();
        var cpu = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            Settle();
            var cpu0 = CpuClock.ProcessSeconds();
            var stopwatch = Stopwatch.StartNew();
            operation();
            stopwatch.Stop();
            var cpu1 = CpuClock.ProcessSeconds();
            Report(run, items, stopwatch.Elapsed.TotalSeconds, cpu1 - cpu0, null);
            if (run == 0) continue;
            seconds.Add(stopwatch.Elapsed.TotalSeconds);
            cpu.Add(cpu1 - cpu0);
        }
        return new RunSet(items, seconds, cpu);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void Report(int run, long items, double seconds, double cpu, double? serverCpu) =>
        Console.WriteLine($"  {(run == 0 ? "warm-up" : $"run {run}"),-8} {seconds,7:F3} s  {items / seconds,12:N0} events/s  " +
            $"CPU {cpu:F2} s{(serverCpu is { } s ? $" + server {s:F2} s" : "")}");

    private static async Task<int> BackendPidAsync(AppDbContext db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT pg_backend_pid()";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<long> SizeAsync(BenchDatabase database, CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
            return new[] { "", "-wal" }.Select(s => new FileInfo(database.Location + s)).Where(f => f.Exists).Sum(f => f.Length);
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT pg_total_relation_size('\"AuditEvents\"')";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every column read with its typed getter, as any use of the rows must; nothing hashed or compared.</summary>
    private static async Task RawReadAsync(AppDbContext db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Select;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ticksAsLong = db.IsSqlite;
        long sink = 0;
        while (await reader.ReadAsync(ct))
        {
            sink += reader.GetInt64(0);
            sink += ticksAsLong ? reader.GetInt64(1) : reader.GetFieldValue<DateTime>(1).Ticks;
            for (var i = 2; i < 15; i++)
            {
                if (reader.IsDBNull(i)) continue;
                sink += i is 2 or 7 or 8 ? reader.GetGuid(i).GetHashCode() : reader.GetString(i).Length;
            }
        }
        GC.KeepAlive(sink);
    }

    private sealed record Row(AuditEntry Entry, string? Reason, string PreviousHash, string Hash);

    private static async Task<List<Row>> LoadAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Select;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<Row>();
        while (await reader.ReadAsync(ct))
        {
            var entry = new AuditEntry(reader.GetInt64(0), Ticks(reader), Guid(reader, 2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                String(reader, 6), Guid(reader, 7), Guid(reader, 8), reader.GetString(9), String(reader, 11), reader.GetString(12));
            rows.Add(new Row(entry, String(reader, 10), reader.GetString(13), reader.GetString(14)));
        }
        return rows;

        static long Ticks(DbDataReader r) => r.GetFieldType(1) == typeof(long)
            ? r.GetInt64(1)
            : DateTime.SpecifyKind(r.GetFieldValue<DateTime>(1), DateTimeKind.Utc).Ticks;
        static Guid? Guid(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetGuid(i);
        static string? String(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    }

    private static async Task<Dictionary<long, string>> LoadCheckpointsAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        return await db.AuditCheckpoints.AsNoTracking().ToDictionaryAsync(c => c.Sequence, c => c.Hash, ct);
    }

    /// <summary>The verifier's work on each row once it has been read: the same calls in the same order.</summary>
    private static void HashAndCheck(List<Row> rows, Dictionary<long, string> checkpoints)
    {
        var previous = AuditChain.Genesis;
        var digest = new byte[32];
        var stored = new byte[32];
        foreach (var row in rows)
        {
            if (row.Reason is not null && AuditChain.HashReason(row.Reason) != row.Entry.ReasonHash)
                throw new InvalidOperationException($"Event {row.Entry.Sequence}: reason hash differs.");
            if (row.PreviousHash != previous) throw new InvalidOperationException($"Event {row.Entry.Sequence}: previous hash differs.");
            AuditChain.Hash(row.Entry, previous, digest);
            if (Convert.FromHexString(row.Hash, stored, out _, out _) != System.Buffers.OperationStatus.Done || !digest.AsSpan().SequenceEqual(stored))
                throw new InvalidOperationException($"Event {row.Entry.Sequence}: hash differs.");
            if (checkpoints.TryGetValue(row.Entry.Sequence, out var signed) && signed != row.Hash)
                throw new InvalidOperationException($"Event {row.Entry.Sequence}: checkpoint differs.");
            previous = row.Hash;
        }
    }

    /// <summary>How many bytes <see cref="AuditChain.Hash(in AuditEntry, string, Span{byte})"/> hashes for each event, and each reason's UTF-8 length.</summary>
    private static (int[] Lengths, int[] ReasonLengths) HashedLengths(List<Row> rows)
    {
        var lengths = new int[rows.Count];
        var reasons = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var e = rows[i].Entry;
            lengths[i] = 8 + 8 + G(e.UserId) + S(e.UserName) + S(e.Action) + S(e.RecordType) + S(e.RecordId) + G(e.CaseFileId) + G(e.PersonId)
                + S(e.Outcome) + S(e.ReasonHash) + S(e.Channel) + S(rows[i].PreviousHash);
            reasons[i] = rows[i].Reason is { } r ? Encoding.UTF8.GetByteCount(r) : 0;
        }
        return (lengths, reasons);

        static int G(Guid? g) => g is null ? 1 : 17;
        static int S(string? s) => 4 + (s is null ? 0 : Encoding.UTF8.GetByteCount(s));
    }

    /// <summary>SHA-256's own speed, with the cost of each call spread over 64 MiB: what hashing costs when calls are not the bottleneck.</summary>
    private static double Sha256Bulk()
    {
        var buffer = new byte[64 * 1024 * 1024];
        Random.Shared.NextBytes(buffer);
        var best = double.MaxValue;
        for (var i = 0; i < 4; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            SHA256.HashData(buffer);
            best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
        }
        return 64 / best;
    }

    private static void Sha256Only(int[] lengths, int[] reasonLengths)
    {
        var buffer = new byte[4096];
        Random.Shared.NextBytes(buffer);
        Span<byte> digest = stackalloc byte[32];
        for (var i = 0; i < lengths.Length; i++)
        {
            if (reasonLengths[i] > 0) SHA256.HashData(buffer.AsSpan(0, reasonLengths[i]), digest);
            SHA256.HashData(buffer.AsSpan(0, lengths[i]), digest);
            buffer[i & 1023] ^= digest[0]; // each input depends on the last digest, as a chain's does
        }
    }
}
