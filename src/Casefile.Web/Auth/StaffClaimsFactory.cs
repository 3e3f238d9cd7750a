using System.Security.Claims;
using Casefile.Data.Identity;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Auth;

/// <summary>Adds the display name and team to the signed-in principal, for the header and the API's /me.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options,
    TimeProvider clock)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CasefileClaims.DisplayName, user.DisplayName));
        if (user.TeamId is { } team) identity.AddClaim(new Claim(CasefileClaims.TeamId, team.ToString()));
        identity.AddClaim(new Claim(CasefileClaims.SignedInAt, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
