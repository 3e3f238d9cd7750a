using Casefile.Data;
using Casefile.Data.Settings;
using Casefile.Domain.Records;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.PlainLanguage;

/// <summary>
/// The plain-language guide in force (policy 3.1): the council's own list when an
/// administrator has saved one, otherwise the list Casefile came with. A singleton, because the
/// guide compiles its jargon pattern when it is built and every record form asks for it.
/// </summary>
public sealed class PlainLanguageList(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private readonly SettingCache<PlainLanguageGuide> _cache = new(scopes, clock, async (db, ct) =>
    {
        var saved = await db.CouncilSettings.AsNoTracking()
            .Where(s => s.Key == CouncilSettingKeys.PlainLanguageList).Select(s => s.Value).SingleOrDefaultAsync(ct);
        // A saved list had no errors when it was saved; should a later version of Casefile read a line
        // differently, that line is left out and the rest of the council's list still applies.
        return saved is null ? PlainLanguageGuide.Default : PlainLanguageGuide.Parse(saved, out _);
    });

    public Task<PlainLanguageGuide> CurrentAsync(CancellationToken ct) => _cache.CurrentAsync(ct);

    /// <summary>Forget the cached guide: the next request rebuilds it from the database.</summary>
    public void Invalidate() => _cache.Invalidate();

    public void Dispose() => _cache.Dispose();
}
