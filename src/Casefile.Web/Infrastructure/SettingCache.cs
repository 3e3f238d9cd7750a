using Casefile.Data;

namespace Casefile.Web.Infrastructure;

/// <summary>
/// A value built from the database and shared by every request (the bank holidays in force, the
/// plain-language list): built once, kept until <see cref="Invalidate"/> or for
/// <see cref="RefreshAfter"/>, so other servers sharing a PostgreSQL database pick up a change
/// within minutes. One immutable snapshot is swapped whole, and a change saved while the value is
/// being rebuilt is never hidden behind the older value.
/// </summary>
public sealed class SettingCache<T>(IServiceScopeFactory scopes, TimeProvider clock, Func<AppDbContext, CancellationToken, Task<T>> build) : IDisposable
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;
    private long _version;

    private sealed record Snapshot(T Value, DateTimeOffset BuiltAt);

    public async Task<T> CurrentAsync(CancellationToken ct)
    {
        if (_current is { } c && clock.GetUtcNow() - c.BuiltAt < RefreshAfter) return c.Value;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && clock.GetUtcNow() - again.BuiltAt < RefreshAfter) return again.Value;
            var version = Interlocked.Read(ref _version);
            await using var scope = scopes.CreateAsyncScope();
            var value = await build(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
            if (Interlocked.Read(ref _version) == version) _current = new Snapshot(value, clock.GetUtcNow());
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the cached value: the next request rebuilds it from the database.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _current = null;
    }

    public void Dispose() => _gate.Dispose();
}
