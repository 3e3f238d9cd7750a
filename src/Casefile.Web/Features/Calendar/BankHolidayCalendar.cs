using Casefile.Data;
using Casefile.Domain.Calendar;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Calendar;

/// <summary>
/// The working-day calendar in force: the shipped England and Wales bank holidays, with the
/// years an administrator has imported replacing them.
/// </summary>
public sealed class BankHolidayCalendar(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private readonly SettingCache<WorkingDayCalendar> _cache = new(scopes, clock, async (db, ct) =>
    {
        var imported = await db.ImportedBankHolidays.AsNoTracking().ToListAsync(ct);
        return WorkingDayCalendar.EnglandAndWales.WithImported(imported.Select(d => new BankHoliday(d.Date, d.Title, d.IsSubstituteDay)));
    });

    public Task<WorkingDayCalendar> CurrentAsync(CancellationToken ct) => _cache.CurrentAsync(ct);

    /// <summary>Forget the cached calendar: the next request rebuilds it from the database.</summary>
    public void Invalidate() => _cache.Invalidate();

    public void Dispose() => _cache.Dispose();
}
