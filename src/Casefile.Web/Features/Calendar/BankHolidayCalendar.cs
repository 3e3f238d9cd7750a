using Casefile.Data;
using Casefile.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Calendar;

/// <summary>
/// The working-day calendar in force: the shipped England and Wales bank holidays, with the
/// years an administrator has imported replacing them. Built once and kept until an import
/// changes it here, or for <see cref="RefreshAfter"/> so that other servers sharing a PostgreSQL
/// database pick up an import within minutes.
/// </summary>
public sealed class BankHolidayCalendar(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);

    // One immutable object swapped whole, so a reader never sees half of it.
    private volatile Snapshot? _current;
    private long _version;

    private sealed record Snapshot(WorkingDayCalendar Calendar, DateTimeOffset BuiltAt);

    public async Task<WorkingDayCalendar> CurrentAsync(CancellationToken ct)
    {
        if (_current is { } c && clock.GetUtcNow() - c.BuiltAt < RefreshAfter) return c.Calendar;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && clock.GetUtcNow() - again.BuiltAt < RefreshAfter) return again.Calendar;
            var version = Interlocked.Read(ref _version);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var imported = await db.ImportedBankHolidays.AsNoTracking().ToListAsync(ct);
            var calendar = WorkingDayCalendar.EnglandAndWales.WithImported(imported.Select(d => new BankHoliday(d.Date, d.Title, d.IsSubstituteDay)));
            // An import saved while this was reading must not be hidden behind the older days.
            if (Interlocked.Read(ref _version) == version) _current = new Snapshot(calendar, clock.GetUtcNow());
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the cached calendar: the next request rebuilds it from the database.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _current = null;
    }

    public void Dispose() => _gate.Dispose();
}
