using Microsoft.AspNetCore.Identity;

namespace Casefile.Data.Identity;

/// <summary>
/// Someone who signs in to Casefile: a worker, manager, officer or administrator. Identity
/// handles passwords and lockout; this adds the team and the line manager the policy relies on
/// (policy 6.5: closure agreed with the line manager).
/// </summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public Guid? TeamId { get; set; }
    public Guid? LineManagerId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A bearer token for an API client, acting with exactly its user's rights. Only the SHA-256
/// of the token is stored; the token itself is shown once, when issued.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string TokenHash { get; set; } = "";

    /// <summary>The first characters of the token, so a person can tell tokens apart without the secret.</summary>
    public string Prefix { get; set; } = "";

    public string? Label { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>A named counter, used for human-readable references that must never repeat.</summary>
public sealed class Counter
{
    public string Name { get; set; } = "";
    public long Value { get; set; }
}
