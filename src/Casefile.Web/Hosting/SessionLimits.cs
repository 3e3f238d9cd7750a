using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Hosting;

/// <summary>
/// The two session time-outs: idle (the cookie's sliding expiry) and absolute (a session ends a
/// fixed time after sign-in however active it is). Also checks the security stamp, so a
/// changed password or a disabled account ends existing sessions.
/// </summary>
public static class SessionLimits
{
    /// <summary>When the security stamp check rebuilds the principal, it keeps the original sign-in time.</summary>
    public static Task KeepSignInTime(SecurityStampRefreshingPrincipalContext context)
    {
        var original = context.CurrentPrincipal?.FindFirst(CasefileClaims.SignedInAt);
        if (original is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
        {
            foreach (var claim in identity.FindAll(CasefileClaims.SignedInAt).ToList()) identity.RemoveClaim(claim);
            identity.AddClaim(new System.Security.Claims.Claim(CasefileClaims.SignedInAt, original.Value));
        }
        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<CasefileOptions>>().Value;
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        // The cookie's own issue time moves on every renewal, so the sign-in time travels as a claim.
        var signedIn = long.TryParse(context.Principal?.FindFirst(CasefileClaims.SignedInAt)?.Value, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : context.Properties.IssuedUtc;
        if (signedIn is null || clock.GetUtcNow() - signedIn > TimeSpan.FromHours(options.AbsoluteTimeoutHours))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
