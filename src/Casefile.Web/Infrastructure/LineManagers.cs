using Casefile.Data;
using Casefile.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Infrastructure;

/// <summary>
/// The line-manager chain (<c>StaffUser.LineManagerId</c>) read from the database for the pure
/// <see cref="LineManagement"/> rules: who is above a person (policy 6.5 closure, 7.3 removing
/// files, 9.2 authorising assessments and plans) and who is below a manager (their queues).
/// </summary>
public static class LineManagers
{
    /// <summary>Each member of staff's line manager. A council has hundreds of staff, not millions: one small read.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Guid?>> MapAsync(AppDbContext db, CancellationToken ct) =>
        await db.Users.AsNoTracking().Select(u => new { u.Id, u.LineManagerId }).ToDictionaryAsync(u => u.Id, u => u.LineManagerId, ct);

    /// <summary>The person's line manager, their line manager, and so on up, nearest first.</summary>
    public static async Task<IReadOnlyList<Guid>> ManagersAboveAsync(AppDbContext db, Guid staffId, CancellationToken ct) =>
        LineManagement.ManagersAbove(staffId, await MapAsync(db, ct));

    /// <summary>Whether <paramref name="managerId"/> is the person's line manager or above them in the line.</summary>
    public static async Task<bool> ManagesAsync(AppDbContext db, Guid managerId, Guid staffId, CancellationToken ct) =>
        LineManagement.IsAbove(managerId, staffId, await MapAsync(db, ct));

    /// <summary>Everyone below the manager in the line.</summary>
    public static async Task<IReadOnlySet<Guid>> ReportsOfAsync(AppDbContext db, Guid managerId, CancellationToken ct) =>
        LineManagement.ReportsOf(managerId, await MapAsync(db, ct));
}
