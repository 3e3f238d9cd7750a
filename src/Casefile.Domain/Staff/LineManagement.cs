namespace Casefile.Domain.Staff;

/// <summary>
/// The line-management chain: a worker's line manager, their line manager, and so on up. Policy
/// 6.5, 7.3 and 9.2 ask for the worker's line manager; a manager further up the same line may stand in.
/// </summary>
public static class LineManagement
{
    /// <summary>
    /// Whether <paramref name="managerId"/> is above <paramref name="staffId"/> in the line (never
    /// the person themselves). <paramref name="lineManagerOf"/> maps each person to their line manager.
    /// A loop in the data ends the walk rather than hanging it.
    /// </summary>
    public static bool IsAbove(Guid managerId, Guid staffId, IReadOnlyDictionary<Guid, Guid?> lineManagerOf)
    {
        var seen = new HashSet<Guid> { staffId };
        var current = staffId;
        while (lineManagerOf.TryGetValue(current, out var next) && next is { } up && seen.Add(up))
        {
            if (up == managerId) return true;
            current = up;
        }
        return false;
    }

    /// <summary>The person's line manager, their line manager, and so on up, nearest first.</summary>
    public static IReadOnlyList<Guid> ManagersAbove(Guid staffId, IReadOnlyDictionary<Guid, Guid?> lineManagerOf)
    {
        var chain = new List<Guid>();
        var seen = new HashSet<Guid> { staffId };
        var current = staffId;
        while (lineManagerOf.TryGetValue(current, out var next) && next is { } up && seen.Add(up))
        {
            chain.Add(up);
            current = up;
        }
        return chain;
    }

    /// <summary>Everyone below <paramref name="managerId"/> in the line: their line reports, and their reports' reports.</summary>
    public static IReadOnlySet<Guid> ReportsOf(Guid managerId, IReadOnlyDictionary<Guid, Guid?> lineManagerOf) =>
        lineManagerOf.Keys.Where(id => IsAbove(managerId, id, lineManagerOf)).ToHashSet();
}
