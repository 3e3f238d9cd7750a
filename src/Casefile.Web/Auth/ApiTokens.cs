using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Casefile.Data;
using Casefile.Data.Identity;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
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

    /// <summary>How often a token's <see cref="ApiToken.LastUsedAt"/> is written: often enough to see unused tokens, rarely enough to cost nothing.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The signed-in identity for a live token (not revoked, not expired) of an active user, or null:
    /// the same claims as a browser sign-in (<see cref="StaffClaimsFactory"/>), read in one query
    /// (token, user and role names together) instead of the claims factory's several.
    /// </summary>
    public async Task<ClaimsPrincipal?> FindPrincipalAsync(string token, IdentityOptions identity, CancellationToken ct)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal)) return null;
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var row = await (from t in db.ApiTokens
                         where t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now)
                         join u in db.Users on t.UserId equals u.Id
                         where u.IsActive
                         select new
                         {
                             TokenId = t.Id,
                             t.LastUsedAt,
                             u.Id,
                             u.UserName,
                             u.DisplayName,
                             u.TeamId,
                             u.SecurityStamp,
                             Roles = (from ur in db.UserRoles
                                      join r in db.Roles on ur.RoleId equals r.Id
                                      where ur.UserId == u.Id
                                      select r.Name).ToList(),
                         }).AsNoTracking().SingleOrDefaultAsync(ct);
        if (row is null) return null;
        if (row.LastUsedAt is not { } used || now - used >= LastUsedResolution)
        {
            // At most once a minute per token, so a busy client does not turn every read into a write.
            await db.ApiTokens.Where(t => t.Id == row.TokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }

        var claims = identity.ClaimsIdentity;
        var id = new ClaimsIdentity(BearerTokenHandler.SchemeName, claims.UserNameClaimType, claims.RoleClaimType);
        id.AddClaim(new Claim(claims.UserIdClaimType, row.Id.ToString()));
        id.AddClaim(new Claim(claims.UserNameClaimType, row.UserName ?? ""));
        if (row.SecurityStamp is not null) id.AddClaim(new Claim(claims.SecurityStampClaimType, row.SecurityStamp));
        foreach (var role in row.Roles.Where(r => r is not null)) id.AddClaim(new Claim(claims.RoleClaimType, role!));
        id.AddClaim(new Claim(CasefileClaims.DisplayName, row.DisplayName));
        if (row.TeamId is { } team) id.AddClaim(new Claim(CasefileClaims.TeamId, team.ToString()));
        id.AddClaim(new Claim(CasefileClaims.SignedInAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(id);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
