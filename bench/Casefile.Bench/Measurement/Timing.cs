using System.Diagnostics;
using System.Globalization;

namespace Casefile.Bench.Measurement;

/// <summary>
/// Repeated timings of one operation over the same number of items: wall time and the CPU time
/// this process spent (and, where it can be read, the database server's process for this
/// connection), so a figure can be given per core as well as per second.
/// </summary>
public sealed record RunSet(long Items, IReadOnlyList<double> Seconds, IReadOnlyList<double> CpuSeconds, IReadOnlyList<double>? ServerCpuSeconds = null)
{
    public double MedianSeconds => Stats.Median(Seconds);

    public double ItemsPerSecond => Items / MedianSeconds;

    /// <summary>Items per second of CPU used by this process (and the server's backend, when known): the per-core rate.</summary>
    public double ItemsPerCpuSecond => Items / (Stats.Median(CpuSeconds) + (ServerCpuSeconds is { Count: > 0 } s ? Stats.Median(s) : 0));

    public double MicrosecondsPerItem => MedianSeconds * 1e6 / Items;
}

/// <summary>Latencies of many single operations, and the throughput of the lot.</summary>
public sealed record LatencySummary(int Count, double Seconds, double PerSecond, double MeanMs, double MedianMs, double P95Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary From(IReadOnlyCollection<double> milliseconds, double seconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new(sorted.Length, seconds, sorted.Length / seconds, sorted.Average(), Stats.Percentile(sorted, 50), Stats.Percentile(sorted, 95),
            Stats.Percentile(sorted, 99), sorted[^1]);
    }
}

public static class Stats
{
    public static double Median(IReadOnlyList<double> values) => Percentile(values.Order().ToArray(), 50);

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>CPU time used so far, by this process or by another local process (a PostgreSQL backend).</summary>
public static class CpuClock
{
    public static double ProcessSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>User plus system time of a local process from /proc, or null where that cannot be read.</summary>
    public static double? OtherProcessSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces, so skip past its closing parenthesis).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / 100.0; // USER_HZ is 100 on Linux
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
