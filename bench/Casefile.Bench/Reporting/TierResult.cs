using Casefile.Bench.Measurement;

namespace Casefile.Bench.Reporting;

/// <summary>What a tier's run generated, to quote beside its figures.</summary>
public sealed record TierData(
    string Tier, int Seed, int Teams, int Staff, int SocialWorkers, long People, long Referrals, long CaseFiles, long Records, long ChronologyEntries,
    double MeanNarrativeLength, double MeanCaseloadOpen, int MedianRecordsPerChild, int MaxRecordsPerChild, int ChildrenWith1000Records,
    long AuditEvents, long AuditEventsAtTier, double GenerateSeconds, double LoadSeconds, double AuditSeconds, long DatabaseBytes,
    string DeepCase, int DeepCaseEntries, long Emails = 0, long Documents = 0, long Attachments = 0, int ContentFiles = 0, long ContentBytes = 0,
    long ChildrenWithPlan = 0, long ChildrenLookedAfter = 0);

/// <summary>
/// One measured operation of issue 5: the application over HTTP and, where there is one, the same
/// question as hand-written SQL (the floor). <paramref name="PerSecond"/> is the throughput in
/// <paramref name="Unit"/>; <paramref name="Met"/> is null where the goal does not apply or was not measured.
/// </summary>
public sealed record TierOperation(
    string Key, int Number, string Operation, string Request, LatencySummary? Casefile, LatencySummary? Floor, double PerSecond, string Unit,
    string Goal, bool? Met, string? Note = null)
{
    public double? Ratio => Casefile is null || Floor is null ? null : Casefile.MedianMs / Floor.MedianMs;
}

/// <summary>The mixed load driven by wrk: requests per second and latency percentiles over the whole run.</summary>
public sealed record MixedLoadResult(string CommandLine, int Users, int Connections, int Seconds, long Requests, long Non2xx, long SocketErrors,
    double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs);

/// <summary>The figures of one <c>run --tier</c> run.</summary>
public sealed record TierResult(
    string Command, DateTimeOffset RanAt, MachineInfo Machine, string LoadAverageAfter, DatabaseInfo Database, TierData Data,
    IReadOnlyList<TierOperation> Operations, MixedLoadResult? Mixed, IReadOnlyList<RequestBreakdown> Breakdown, IReadOnlyList<QueryPlan> Plans,
    IReadOnlyList<string> ToCome, string AuditVerification, double TotalSeconds);
