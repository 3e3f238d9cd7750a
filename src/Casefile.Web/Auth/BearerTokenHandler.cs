using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Auth;

/// <summary>
/// Authenticates API clients by <c>Authorization: Bearer &lt;token&gt;</c>. The principal is built
/// with the same claims as a browser sign-in, so a token acts with exactly its user's rights. It
/// is built afresh on every request from one query, so its roles and team are current and
/// <see cref="Infrastructure.CurrentUser"/> need not read them again.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    IOptions<IdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var principal = await tokens.FindPrincipalAsync(token, identity.Value, Context.RequestAborted);
        if (principal is null) return AuthenticateResult.Fail("The token is not valid, has expired or was revoked.");
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
