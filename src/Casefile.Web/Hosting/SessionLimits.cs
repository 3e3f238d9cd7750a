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
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<CasefileOptions>>().Value;
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (context.Properties.IssuedUtc is { } issued && clock.GetUtcNow() - issued > TimeSpan.FromHours(options.AbsoluteTimeoutHours))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
