using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Casefile.Bench.Generation;
using Casefile.Bench.Measurement;
using Casefile.Data;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Bench.Reporting;

/// <summary>The machine a figure was measured on.</summary>
public sealed record MachineInfo(string Cpu, int Cores, double MemoryGiB, string Os, string DotnetSdk, string Runtime, string LoadAverage)
{
    /// <summary>The machine now; the load average says whether other work was running beside the benchmark.</summary>
    public static MachineInfo Current() => new(
        Cpu: ReadKey("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Cores: Environment.ProcessorCount,
        MemoryGiB: Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024, 1),
        Os: $"{ReadKey("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription} (kernel {Environment.OSVersion.Version})",
        DotnetSdk: Run("dotnet", "--version") ?? "unknown",
        Runtime: RuntimeInformation.FrameworkDescription,
        LoadAverage: File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown");

    private static string? ReadKey(string path, string key, char separator)
    {
        if (!File.Exists(path)) return null;
        return File.ReadLines(path).Where(l => l.StartsWith(key, StringComparison.Ordinal) && l.Contains(separator, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(separator, StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault();
    }

    private static string? Run(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

/// <summary>The database engine and the settings that decide its speed (durability above all).</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider, string Version, string Settings)
{
    public static async Task<DatabaseInfo> ReadAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // The application's per-connection pragmas (SqlitePragmas) are in force on this connection.
            return new(database.Provider, "SQLite " + await ScalarAsync(connection, "SELECT sqlite_version()", ct),
                $"journal_mode={await ScalarAsync(connection, "PRAGMA journal_mode", ct)}, synchronous={Synchronous(await ScalarAsync(connection, "PRAGMA synchronous", ct))} (the application's settings)");
        }
        var version = await ScalarAsync(connection, "SHOW server_version", ct);
        var settings = new List<string>();
        foreach (var name in new[] { "fsync", "synchronous_commit", "full_page_writes", "shared_buffers" })
            settings.Add($"{name}={await ScalarAsync(connection, "SHOW " + name, ct)}");
        return new(database.Provider, "PostgreSQL " + version, string.Join(", ", settings));
    }

    private static string Synchronous(string value) => value switch { "0" => "OFF", "1" => "NORMAL", "2" => "FULL", "3" => "EXTRA", _ => value };

    private static async Task<string> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "";
    }

    public bool DurableCommits => Provider == DatabaseProvider.Sqlite || !Settings.Contains("fsync=off", StringComparison.Ordinal);
}

/// <summary>The figures of one <c>audit-verify</c> run.</summary>
public sealed record AuditVerifyResult(
    string Command, DateTimeOffset RanAt, MachineInfo Machine, DatabaseInfo Database, int Seed, GeneratedAuditTrail Trail, long DatabaseBytes,
    string VerifierMessage, RunSet Verify, RunSet RawRead, RunSet Hashing, RunSet Sha256, double BytesHashedPerEvent, double Sha256BulkMiBPerSecond);

/// <summary>One series of writes: how many writers, with or without an audit event each.</summary>
public sealed record WriteSeries(int Concurrency, bool Audited, LatencySummary Latency);

/// <summary>The figures of one <c>audit-write</c> run.</summary>
public sealed record AuditWriteResult(
    string Command, DateTimeOffset RanAt, MachineInfo Machine, DatabaseInfo Database, string WriteDescription, IReadOnlyList<WriteSeries> Series,
    string VerifierMessage);

/// <summary>
/// Each run's figures are kept in <c>bench/results/</c> (not committed), one file per operation
/// and provider, so the report can be rebuilt from the latest run of each without running all again.
/// </summary>
public static class ResultStore
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string Folder => Path.Combine(Repository.Root, "bench", "results");

    public static async Task SaveAsync<T>(string name, T result, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Json), ct);
        Console.WriteLine($"Saved {Path.GetRelativePath(Repository.Root, path)}");
    }

    public static T? Load<T>(string name) where T : class
    {
        var path = Path.Combine(Folder, name + ".json");
        return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : null;
    }
}

public static class Repository
{
    /// <summary>The folder holding Casefile.slnx, found from the working directory or from the program's own location.</summary>
    public static string Root { get; } = Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Cannot find the repository root (the folder with Casefile.slnx).");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Casefile.slnx"))) return dir.FullName;
        return null;
    }
}

/// <summary>One timed request of the application over HTTP, and its raw-SQL floor's (none for the baselines).</summary>
public sealed record ChronologySeries(string Operation, string Request, LatencySummary Casefile, LatencySummary? Floor, string? FloorReads,
    long ResponseBytes, long FloorRows, bool Baseline = false)
{
    /// <summary>The application's median as a multiple of the floor's.</summary>
    public double? Ratio => Floor is null ? null : Casefile.MedianMs / Floor.MedianMs;
}

/// <summary>
/// One database call in a traced request: its place in the request, its median duration, and the median time the
/// application spent before it (since the previous call ended, or since the request was sent).
/// </summary>
public sealed record CallBreakdown(int Order, string Kind, string Label, double MedianMs, double MedianBeforeMs = 0);

/// <summary>Where one kind of request's time goes, from EF Core's diagnostic events; <paramref name="MedianAfterMs"/>: after the last call until the client had the response.</summary>
public sealed record RequestBreakdown(string Operation, int Requests, int RequestsOfCommonShape, double MedianRequestMs, double MedianDatabaseMs,
    int Commands, int ConnectionsOpened, IReadOnlyList<CallBreakdown> Calls, double MedianAfterMs = 0);

/// <summary>The database's plan for one of the application's chronology queries.</summary>
public sealed record QueryPlan(string Operation, string Statement, string Sql, IReadOnlyList<string> Plan);

/// <summary>SQLite: opening and closing a pooled connection, without and with the application's per-connection PRAGMAs.</summary>
public sealed record ConnectionCost(double OpenCloseMs, double WithPragmasMs);

/// <summary>The figures of one <c>chronology</c> run.</summary>
public sealed record ChronologyResult(
    string Command, DateTimeOffset RanAt, MachineInfo Machine, string LoadAverageAfter, DatabaseInfo Database, GeneratedCaseFiles Data, long DatabaseBytes,
    IReadOnlyList<ChronologySeries> Series, IReadOnlyList<RequestBreakdown> Breakdown, IReadOnlyList<QueryPlan> Plans, ConnectionCost? Connection,
    long AuditEventsWritten, string AuditVerification, double TotalSeconds);
