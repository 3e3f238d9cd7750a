using Casefile.Domain.Common;

namespace Casefile.Domain.Access;

/// <summary>What one person does in a burst that the council watches for: opening cases by emergency access, and exporting case files.</summary>
public enum BurstKind { EmergencyAccess, Export }

/// <summary>
/// The council's limits on bursts of emergency access and exports by one person (policy 3.4:
/// records are seen only by those whose work needs them). Past a limit, the next one is refused
/// and the person's line managers are told. Settings: <c>Casefile:Bursts</c>.
/// </summary>
public sealed record BurstLimits
{
    public int EmergencyAccessesPerWindow { get; init; } = 5;
    public int ExportsPerWindow { get; init; } = 20;
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);

    public int LimitFor(BurstKind kind) => kind == BurstKind.EmergencyAccess ? EmergencyAccessesPerWindow : ExportsPerWindow;
}

/// <summary>The rule: refuse the next one once a person has reached the limit within the window.</summary>
public static class BurstRule
{
    public const string EmergencyAccessBurst = "emergency-access-burst";
    public const string ExportBurst = "export-burst";

    public static string RuleFor(BurstKind kind) => kind == BurstKind.EmergencyAccess ? EmergencyAccessBurst : ExportBurst;

    /// <summary>Refuses (429, with the rule name) when <paramref name="doneInWindow"/> has reached the limit.</summary>
    public static void Check(BurstKind kind, int doneInWindow, BurstLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var limit = limits.LimitFor(kind);
        if (doneInWindow < limit) return;
        var what = kind == BurstKind.EmergencyAccess ? "used emergency access" : "exported case files";
        throw new BurstLimitException(RuleFor(kind),
            $"You have {what} {doneInWindow} times in the last {Describe(limits.Window)}; the limit is {limit}. Your line managers have been told. Ask your manager if you need more.",
            limit, limits.Window);
    }

    private static string Describe(TimeSpan window) => window == TimeSpan.FromHours(1) ? "hour" : $"{window.TotalMinutes:0} minutes";
}
