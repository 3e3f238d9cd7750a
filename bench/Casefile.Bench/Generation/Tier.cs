namespace Casefile.Bench.Generation;

/// <summary>
/// Issue 5's sizes of authority. L is a large council over ten years: 2,500 users in 120 teams,
/// 200,000 people, 160,000 referrals, 10 million case records and 100 million audit events. M is a
/// tenth of that (the tier every figure is quoted at), S a hundredth (for CI). Each referral here
/// is accepted and opens the child's case file; the people who are not children are parents.
/// </summary>
public sealed record Tier(string Name, int Divisor)
{
    public static readonly Tier S = new("S", 100);
    public static readonly Tier M = new("M", 10);
    public static readonly Tier L = new("L", 1);

    public static Tier Parse(string? name) => name?.ToUpperInvariant() switch
    {
        "S" => S,
        "M" => M,
        "L" => L,
        null => throw new UsageException("--tier S|M|L is required."),
        var other => throw new UsageException($"Unknown tier '{other}': use S, M or L."),
    };

    public int Users => 2_500 / Divisor;

    public int Teams => Math.Max(2, 120 / Divisor);

    public int People => 200_000 / Divisor;

    /// <summary>Children, each with one accepted referral and a case file.</summary>
    public int Referrals => 160_000 / Divisor;

    public long Records => 10_000_000L / Divisor;

    public long AuditEvents => 100_000_000L / Divisor;

    /// <summary>The child whose chronology is read: deep enough for a 200th page of 50 from M up.</summary>
    public int DeepChildRecords => Divisor switch { 100 => 1_000, 10 => 10_000, _ => 20_000 };

    /// <summary>
    /// About 20.8 staff a team (a manager, an admin officer and 17 to 20 social workers); a child's
    /// records are log-normal with σ = 1, the median set so the mean hits the tier's total.
    /// </summary>
    public AuthorityShape Shape()
    {
        const double sigma = 1.0;
        var mean = (double)(Records - DeepChildRecords) / (Referrals - 1);
        return new AuthorityShape(Teams, 17, 20, mean / Math.Exp(sigma * sigma / 2), sigma, MaxRecords: 4_000,
            AdultsPerChild: (double)(People - Referrals) / Referrals, Correspondence: true, Journey: true);
    }
}
