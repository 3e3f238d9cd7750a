using System.Diagnostics.Metrics;

namespace Casefile.Data.Audit;

/// <summary>
/// The audit trail's meter: how many transactions moved the chain's head (each a disk sync), so
/// tests and operators can see a page commit once however many sections it shows.
/// </summary>
public static class AuditMetrics
{
    public static readonly Meter Meter = new("Casefile.Audit");

    public static readonly Counter<long> Commits = Meter.CreateCounter<long>("casefile.audit.commits", description: "Transactions that moved the audit chain's head");
}
