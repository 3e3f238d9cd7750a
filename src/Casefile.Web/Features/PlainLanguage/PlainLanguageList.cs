using Casefile.Data;
using Casefile.Data.Settings;
using Casefile.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.PlainLanguage;

/// <summary>
/// The plain-language guide in force (policy 3.1 and 3.7): the council's own list when an
/// administrator has saved one, otherwise the list Casefile came with. Built once and kept until a
/// save here forgets it, or for <see cref="RefreshAfter"/> so that other servers sharing a
/// PostgreSQL database pick up a change within minutes. A singleton, because the guide compiles its
/// jargon pattern when it is built and every record form asks for it.
/// </summary>
public sealed class PlainLanguageList(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    // A reference, not a tuple, so a reader never sees half of one write and half of another.
    private volatile Built? _current;
    private int _version;

    public async Task<PlainLanguageGuide> CurrentAsync(CancellationToken ct)
    {
        if (_current is { } built && clock.GetUtcNow() - built.At < RefreshAfter) return built.Guide;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && clock.GetUtcNow() - again.At < RefreshAfter) return again.Guide;
            var version = Volatile.Read(ref _version);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var saved = await db.CouncilSettings.AsNoTracking()
                .Where(s => s.Key == CouncilSettingKeys.PlainLanguageList).Select(s => s.Value).SingleOrDefaultAsync(ct);
            // A saved list had no errors when it was saved; should a later version of Casefile read a line
            // differently, that line is left out and the rest of the council's list still applies.
            var guide = saved is null ? PlainLanguageGuide.Default : PlainLanguageGuide.Parse(saved, out _);
            // A save that lands while the list is being read must not be hidden behind the older list.
            if (version == Volatile.Read(ref _version)) _current = new Built(guide, clock.GetUtcNow());
            return guide;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the cached guide: the next request rebuilds it from the database.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _current = null;
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Built(PlainLanguageGuide Guide, DateTimeOffset At);
}
