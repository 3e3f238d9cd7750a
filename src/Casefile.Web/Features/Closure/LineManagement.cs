using Casefile.Data;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Closure;

/// <summary>
/// Who manages whom: each member of staff's line manager, and theirs, up to the top. Policy 6.5
/// (closure is agreed with your line manager) and 7.3 (removing files needs the line manager's
/// authorisation) both ask "is this person in that person's line?".
/// </summary>
public static class LineManagement
{
    // A loop in the data (A manages B manages A) must not hang a request.
    private const int LongestLine = 20;

    /// <summary>Whether <paramref name="managerId"/> is <paramref name="staffId"/>'s line manager or above them in the line.</summary>
    public static async Task<bool> ManagesAsync(AppDbContext db, Guid managerId, Guid staffId, CancellationToken ct)
    {
        var line = await LineAboveAsync(db, staffId, ct);
        return line.Contains(managerId);
    }

    /// <summary>The staff member's line manager, their manager, and so on, nearest first.</summary>
    public static async Task<IReadOnlyList<Guid>> LineAboveAsync(AppDbContext db, Guid staffId, CancellationToken ct)
    {
        var line = new List<Guid>();
        var current = staffId;
        for (var i = 0; i < LongestLine; i++)
        {
            var next = await db.Users.Where(u => u.Id == current).Select(u => u.LineManagerId).SingleOrDefaultAsync(ct);
            if (next is not { } manager || line.Contains(manager) || manager == staffId) break;
            line.Add(manager);
            current = manager;
        }
        return line;
    }

    /// <summary>Everyone whose line runs up to <paramref name="managerId"/> (their reports, and their reports' reports).</summary>
    public static async Task<IReadOnlySet<Guid>> ReportsOfAsync(AppDbContext db, Guid managerId, CancellationToken ct)
    {
        var edges = await db.Users.Where(u => u.LineManagerId != null).Select(u => new { u.Id, Manager = u.LineManagerId!.Value }).ToListAsync(ct);
        var byManager = edges.ToLookup(e => e.Manager, e => e.Id);
        var reports = new HashSet<Guid>();
        var frontier = new Queue<Guid>([managerId]);
        while (frontier.TryDequeue(out var m))
            foreach (var r in byManager[m])
                if (r != managerId && reports.Add(r)) frontier.Enqueue(r);
        return reports;
    }
}
