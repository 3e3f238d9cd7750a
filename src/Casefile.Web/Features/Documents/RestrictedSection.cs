using Casefile.Domain.Access;
using Casefile.Web.Infrastructure;

namespace Casefile.Web.Features.Documents;

/// <summary>
/// A case's Restricted Access section (policy 4.3 guidance: email to and from Legal Services is
/// privileged). Who may open it is the domain's <see cref="CaseCapability.OpenRestrictedSection"/>
/// (Legal Services, and people named on the case); everyone else who may read the case learns only
/// that something restricted exists.
/// </summary>
public sealed class RestrictedSection(CaseScope access)
{
    /// <summary>Reads the case (404/403 as the access policy says) and tells whether its restricted items are open to the user.</summary>
    public async Task<(AccessDecision Decision, CaseHeading Heading, bool MayOpenRestricted)> DemandCaseAsync(Guid caseId, AccessAction action, string auditAction, CancellationToken ct)
    {
        var (decision, heading) = await access.DemandWithHeadingAsync(caseId, action, auditAction, ct);
        return (decision, heading, await MayOpenAsync(caseId, ct));
    }

    public async Task<bool> MayOpenAsync(Guid caseId, CancellationToken ct) =>
        (await access.PermissionsAsync(caseId, ct))?.May(CaseCapability.OpenRestrictedSection) == true;

    /// <summary>
    /// Every opening of a restricted item is audited with the reason given for it; without one,
    /// nothing is opened (400 naming <c>reason</c>).
    /// </summary>
    public static string RequireReason(string? reason)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw ValidationFailedException.For("reason", "Say why you are opening this restricted item: every opening is recorded with its reason");
        if (trimmed.Length > 500) throw ValidationFailedException.For("reason", "Must be 500 characters or fewer");
        return trimmed;
    }
}

/// <summary>
/// An upload refused for a reason the worker can act on, answered with <see cref="Status"/> (413
/// for too large, 422 for an infected file, 400 otherwise) and the form field at fault.
/// </summary>
public sealed class UploadRefusedException(int status, string rule, string message, string field = "file") : Exception(message)
{
    public int Status { get; } = status;
    public string Rule { get; } = rule;
    public string Field { get; } = field;
}
