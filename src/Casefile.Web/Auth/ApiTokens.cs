using System.Security.Cryptography;
using System.Text;
using Casefile.Data;
using Casefile.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Auth;

/// <summary>
/// Issues and revokes API bearer tokens. A token is 32 random bytes; only its SHA-256 is stored,
/// so a copy of the database gives nobody a usable token. (A slow hash is not needed: the
/// token has 256 bits of entropy, unlike a password.)
/// </summary>
public sealed class ApiTokens(AppDbContext db, TimeProvider clock)
{
    public const string TokenPrefix = "cf_";

    public async Task<(ApiToken Record, string Token)> IssueAsync(Guid userId, string? label, TimeSpan? lifetime, CancellationToken ct)
    {
        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var record = new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            TokenHash = Hash(token),
            Prefix = token[..10],
            Label = label,
            CreatedAt = now,
            ExpiresAt = lifetime is { } l ? now + l : null,
        };
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(ct);
        return (record, token);
    }

    /// <summary>Revokes one token (by its value or its prefix) or, with <paramref name="allForUser"/>, every token of a user.</summary>
    public async Task<int> RevokeAsync(string? tokenOrPrefix, Guid? allForUser, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = db.ApiTokens.Where(t => t.RevokedAt == null);
        if (allForUser is { } userId) query = query.Where(t => t.UserId == userId);
        else if (tokenOrPrefix is not null && tokenOrPrefix.Length > 10)
        {
            var hash = Hash(tokenOrPrefix);
            query = query.Where(t => t.TokenHash == hash);
        }
        else if (tokenOrPrefix is not null) query = query.Where(t => t.Prefix == tokenOrPrefix);
        else return 0;
        return await query.ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    public async Task<StaffUser?> FindUserAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal)) return null;
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var userId = await db.ApiTokens
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Select(t => (Guid?)t.UserId)
            .SingleOrDefaultAsync(ct);
        if (userId is null) return null;
        return await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.IsActive, ct);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
