using System.Diagnostics;
using Casefile.Data.Audit;

namespace Casefile.Bench.Generation;

/// <summary>What was generated, to quote beside the figures measured on it.</summary>
public sealed record GeneratedAuditTrail(long Events, long WithReason, long Checkpoints, double MeanReasonLength, double Seconds);

/// <summary>Generates a large authority's audit trail from a seed and bulk-loads it, chained and signed.</summary>
public static class AuditTrailSeeder
{
    /// <summary>The first event: a Monday morning. Fixed, so a seed always gives the same trail.</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

    public static Task<GeneratedAuditTrail> SeedAsync(BenchDatabase database, long count, int seed, AuditSigner signer, CancellationToken ct)
    {
        var random = new Random(seed);
        return SeedAsync(database, count, Authority.Generate(random), random, signer, ct);
    }

    /// <summary>The trail of a given authority: its events name its own staff and case files.</summary>
    public static async Task<GeneratedAuditTrail> SeedAsync(BenchDatabase database, long count, Authority authority, Random random, AuditSigner signer,
        CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var generator = new AuditEventGenerator(authority, random, Start);
        var chain = new AuditChainBuilder(signer);
        var checkpoints = new List<AuditCheckpoint>();
        long withReason = 0, reasonLength = 0;

        await using (var loader = await AuditBulkLoader.OpenAsync(database, ct))
        {
            for (long i = 0; i < count; i++)
            {
                var e = generator.Next();
                if (chain.Append(e) is { } checkpoint) checkpoints.Add(checkpoint);
                if (e.Reason is { } reason)
                {
                    withReason++;
                    reasonLength += reason.Length;
                }
                loader.Add(e);
                if ((i + 1) % 1_000_000 == 0) Console.WriteLine($"  generated {i + 1:N0} events ({stopwatch.Elapsed.TotalSeconds:F0} s)");
            }
            await loader.CompleteAsync(checkpoints, chain.LastSequence, chain.LastHash, ct);
        }
        return new GeneratedAuditTrail(count, withReason, checkpoints.Count, withReason == 0 ? 0 : (double)reasonLength / withReason,
            stopwatch.Elapsed.TotalSeconds);
    }
}
