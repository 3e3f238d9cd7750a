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
    public bool MaySearchRegister => Roles.Any(r => r is not (StaffRole.Administrator or StaffRole.RecordsManager or StaffRole.Legal));
}

/// <summary>The facts about a case file that decide access.</summary>
public sealed record CaseFacts(Guid CaseId, Guid TeamId, Guid AllocatedWorkerId, CaseStatus Status);

/// <summary>The answer: allowed or not, on what basis, and whether a refusal may admit the file exists.</summary>
public sealed record AccessDecision(bool Allowed, string Basis, bool MayKnowItExists)
{
    public static AccessDecision Allow(string basis) => new(true, basis, true);

    public static AccessDecision Refuse(string reason, bool mayKnowItExists) => new(false, reason, mayKnowItExists);
}

/// <summary>Council-level switches of the access policy.</summary>
public sealed record AccessOptions(bool TeamMembersSeeTeamCases = true);

/// <summary>
/// Decides who may read, change or export a child's case file (policy 3.4 and Appendix 1:
/// records are confidential and seen only by those whose work needs them). Every page,
/// endpoint, search and job asks this one class. Pure: no database, no clock.
/// </summary>
public static class CaseAccessPolicy
{
    public const string HowToGetAccess =
        "Ask the case's team manager to give you access, or to reallocate the case to you.";

    public static AccessDecision Decide(Viewer viewer, CaseFacts file, AccessAction action, AccessOptions options)
    {
        if (viewer.AllocatedTo(file))
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

        return AccessDecision.Refuse(
            "You are not the allocated worker and this case is not in a team you work in or manage.",
            viewer.MaySearchRegister);
    }

    private static bool AllocatedTo(this Viewer viewer, CaseFacts file) =>
        file.AllocatedWorkerId == viewer.UserId
        && (viewer.HasRole(StaffRole.SocialWorker) || viewer.IsManager);
}
