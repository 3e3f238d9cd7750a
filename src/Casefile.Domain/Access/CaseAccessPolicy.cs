using Casefile.Domain.Cases;
using Casefile.Domain.Staff;

namespace Casefile.Domain.Access;

public enum AccessAction { Read, Write, Export }

/// <summary>Who is asking: their roles, their team, and the teams they oversee as a manager.</summary>
public sealed record Viewer(Guid UserId, IReadOnlySet<string> Roles, Guid? TeamId, IReadOnlySet<Guid> OverseenTeamIds)
{
    public bool HasRole(string role) => Roles.Contains(role);

    public bool IsManager => Roles.Any(StaffRole.IsManager);

    /// <summary>Roles that work with children's records and may search the people register.</summary>
    public bool MaySearchRegister => Roles.Any(r => r is StaffRole.SocialWorker or StaffRole.AdminOfficer || StaffRole.IsManager(r));

    /// <summary>Roles that may ask for emergency access to a case they have no relationship with.</summary>
    public bool MayAskForEmergencyAccess => Roles.Any(r => r is StaffRole.SocialWorker || StaffRole.IsManager(r));
}

/// <summary>
/// The facts about a case file that decide access, as they stand for one viewer: whether the
/// case is restricted and the viewer is named on it, whether it is shared with them (Legal
/// Services), and until when any emergency access of theirs lasts.
/// </summary>
public sealed record CaseFacts(Guid CaseId, Guid TeamId, Guid AllocatedWorkerId, CaseStatus Status)
{
    public bool IsRestricted { get; init; }
    public bool ViewerIsNamed { get; init; }
    public bool SharedWithViewer { get; init; }
    public DateTimeOffset? ViewerEmergencyAccessUntil { get; init; }
}

/// <summary>
/// The answer: allowed or not, on what basis (plain words the case page shows), until when for
/// emergency access, and whether a refusal may admit that the file exists (403) or not (404).
/// </summary>
public sealed record AccessDecision(bool Allowed, string Basis, bool MayKnowItExists, DateTimeOffset? Until = null)
{
    public bool IsEmergency => Until is not null;

    public static AccessDecision Allow(string basis, DateTimeOffset? until = null) => new(true, basis, true, until);

    public static AccessDecision Refuse(string reason, bool mayKnowItExists) => new(false, reason, mayKnowItExists);
}

/// <summary>Council-level switches of the access policy.</summary>
public sealed record AccessOptions(bool TeamMembersSeeTeamCases = true);

/// <summary>
/// Decides who may read, change or export a child's case file (policy 3.4 and Appendix 1:
/// records are confidential and seen only by those whose work needs them). Every page,
/// endpoint, search and job asks this one class. Pure: no database, no clock of its own.
/// </summary>
public static class CaseAccessPolicy
{
    public const string HowToGetAccess =
        "Ask the case's team manager to give you access or to reallocate the case to you. In an emergency, you can ask for emergency access and give your reason.";

    public const string Unknown = "There is no case file you can open here.";

    public static AccessDecision Decide(Viewer viewer, CaseFacts file, AccessAction action, AccessOptions options, DateTimeOffset now)
    {
        // A restricted case cannot be found by anyone not named on it, whatever their role.
        if (file.IsRestricted && !file.ViewerIsNamed)
            return AccessDecision.Refuse(Unknown, mayKnowItExists: false);

        if (viewer.HasRole(StaffRole.Administrator) && viewer.Roles.Count == 1)
            return AccessDecision.Refuse("Your role manages user accounts. It does not give access to case records.", true);

        if (file.AllocatedWorkerId == viewer.UserId && (viewer.HasRole(StaffRole.SocialWorker) || viewer.IsManager))
            return AccessDecision.Allow("Allocated worker");

        if (viewer.IsManager && viewer.OverseenTeamIds.Contains(file.TeamId))
            return AccessDecision.Allow(viewer.TeamId == file.TeamId ? "Team manager" : "Manager of a team above this one");

        if (viewer.HasRole(StaffRole.SocialWorker) && options.TeamMembersSeeTeamCases && viewer.TeamId == file.TeamId
            && action != AccessAction.Export)
            return AccessDecision.Allow("Member of the case's team");

        if (viewer.HasRole(StaffRole.AdminOfficer) && viewer.TeamId == file.TeamId && action == AccessAction.Read)
            return AccessDecision.Allow("Admin officer for the case's team");

        if (viewer.HasRole(StaffRole.RecordsManager) && file.Status == CaseStatus.Closed && action != AccessAction.Write)
            return AccessDecision.Allow("Records manager (closed file)");

        if (viewer.HasRole(StaffRole.Legal) && file.SharedWithViewer && action != AccessAction.Write)
            return AccessDecision.Allow("Shared with Legal Services");

        if (file.IsRestricted && file.ViewerIsNamed && action != AccessAction.Export)
            return AccessDecision.Allow("Named on the restricted case's access list");

        if (file.ViewerEmergencyAccessUntil is { } until && until > now && viewer.MayAskForEmergencyAccess && action != AccessAction.Export)
            return AccessDecision.Allow("Emergency access", until);

        return AccessDecision.Refuse(
            action == AccessAction.Export
                ? "Only the allocated worker and managers of the case's team can export this case file."
                : "You are not the allocated worker and this case is not in a team you work in or manage.",
            mayKnowItExists: viewer.MaySearchRegister || viewer.HasRole(StaffRole.Legal) || viewer.HasRole(StaffRole.RecordsManager) || viewer.HasRole(StaffRole.Administrator));
    }

    /// <summary>Policy: emergency access is for someone with no relationship to an unrestricted case, for at most 24 hours.</summary>
    public static readonly TimeSpan LongestEmergencyAccess = TimeSpan.FromHours(24);
}
