using Casefile.Domain.Cases;
using Casefile.Domain.Staff;

namespace Casefile.Domain.Access;

public enum AccessAction { Read, Write, Export }

/// <summary>Who is asking: their roles, their team, and the teams they oversee as a manager.</summary>
public sealed record Viewer(Guid UserId, IReadOnlySet<string> Roles, Guid? TeamId, IReadOnlySet<Guid> OverseenTeamIds)
{
    internal bool HasRole(string role) => Roles.Contains(role);

    /// <summary>What the viewer may do that is not about one case (<see cref="StaffPolicy"/>).</summary>
    public bool May(StaffCapability capability) => StaffPolicy.May(this, capability);

    /// <summary>Whether the viewer manages the team (directly, or as a manager of a team above it).</summary>
    public bool Manages(Guid teamId) => StaffPolicy.Manages(this, teamId);

    internal bool IsManager => Roles.Any(StaffRole.IsManager);

    /// <summary>Roles that work with children's records and may search the people register.</summary>
    public bool MaySearchRegister => May(StaffCapability.WorkWithCases);

    /// <summary>Roles that may ask for emergency access to a case they have no relationship with.</summary>
    public bool MayAskForEmergencyAccess => May(StaffCapability.AskForEmergencyAccess);
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

    /// <summary>
    /// Every permission the viewer has on the case, decided at once: read, write and export with
    /// their bases, and each <see cref="CaseCapability"/>. A refusal to read that may not admit the
    /// file exists (a restricted case the viewer is not named on) carries no capability at all.
    /// </summary>
    public static CasePermissions Permissions(Viewer viewer, CaseFacts file, AccessOptions options, DateTimeOffset now)
    {
        var read = Decide(viewer, file, AccessAction.Read, options, now);
        var write = Decide(viewer, file, AccessAction.Write, options, now);
        var export = Decide(viewer, file, AccessAction.Export, options, now);
        var capabilities = new HashSet<CaseCapability>();
        if (!read.MayKnowItExists) return new CasePermissions(read, write, export, capabilities);

        var manages = StaffPolicy.Manages(viewer, file.TeamId);
        var mayWorkIt = write.Allowed && !write.IsEmergency && StaffPolicy.May(viewer, StaffCapability.WriteCaseRecords);
        // Legal advice in the Restricted Access section is privileged (policy 4.3 guidance): Legal Services, the people named on a
        // restricted case, and those who act on the advice (the allocated worker and the case's managers) open it, each time with a reason.
        if (read.Allowed && (viewer.HasRole(StaffRole.Legal) || file.ViewerIsNamed || (file.AllocatedWorkerId == viewer.UserId && !read.IsEmergency) || manages))
            capabilities.Add(CaseCapability.OpenRestrictedSection);
        // The access log is for oversight: the case's managers, and records managers for any file they may know of.
        if ((manages && read.Allowed) || viewer.HasRole(StaffRole.RecordsManager)) capabilities.Add(CaseCapability.SeeAccessLog);
        if (write.Allowed || (read.Allowed && StaffPolicy.May(viewer, StaffCapability.DoAdminTasks))) capabilities.Add(CaseCapability.KeepPaperRegister);
        if (mayWorkIt) capabilities.Add(CaseCapability.ProposeTransfer);
        if (mayWorkIt) capabilities.Add(CaseCapability.ProposeClosure);
        if (manages && write.Allowed && !write.IsEmergency) capabilities.Add(CaseCapability.Manage);
        if (write.Allowed) capabilities.Add(CaseCapability.Record);
        if (write.Allowed && StaffPolicy.May(viewer, StaffCapability.WorkAccessRequests)) capabilities.Add(CaseCapability.RegisterAccessRequest);
        return new CasePermissions(read, write, export, capabilities);
    }

    /// <summary>
    /// Who may read and decide a transfer of the case (policy 3.12 with 3.4). The receiving team's
    /// manager reads it before the case is theirs, and the worker who proposed it follows it; anyone
    /// else needs to be able to read the case. A restricted case's transfer is seen only by people
    /// named on it, whatever their role: the receiving manager must be named before they can accept.
    /// </summary>
    public static AccessDecision SeeTransfer(Viewer viewer, CaseFacts file, Guid toTeamId, Guid requestedBy, AccessOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(file);
        if (file.IsRestricted && !file.ViewerIsNamed) return AccessDecision.Refuse(Unknown, mayKnowItExists: false);
        if (StaffPolicy.Manages(viewer, toTeamId)) return AccessDecision.Allow("Manager of the receiving team");
        if (viewer.UserId == requestedBy) return AccessDecision.Allow("Proposed the transfer");
        return Decide(viewer, file, AccessAction.Read, options, now);
    }

    /// <summary>
    /// Who may read a request for access to a child's record (policy 10.2 with 3.4): whoever may
    /// read the child's case, and Legal Services, who advise on any request. A restricted case's
    /// requests, bundles and disclosure logs are seen only by the people named on it, Legal
    /// Services included: being consulted is no way round a restriction.
    /// </summary>
    public static AccessDecision SeeAccessRequest(Viewer viewer, CaseFacts file, AccessOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var read = Decide(viewer, file, AccessAction.Read, options, now);
        if (read.Allowed || !read.MayKnowItExists) return read;
        return StaffPolicy.May(viewer, StaffCapability.AdviseAsLegalServices)
            ? AccessDecision.Allow(LegalServicesConsulted)
            : read;
    }

    public const string LegalServicesConsulted = "Legal Services consultation (policy 10.2)";

    /// <summary>
    /// Who is named on a restricted case when a transfer of it is accepted: the worker who takes it,
    /// so they are not locked out of their own case. Nobody for a case that is not restricted.
    /// </summary>
    public static IReadOnlyList<Guid> NamedOnAcceptedTransfer(CaseFacts file, Guid newWorkerId, Guid acceptedBy)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.IsRestricted ? [.. new[] { newWorkerId, acceptedBy }.Distinct()] : [];
    }

    /// <summary>
    /// The read rules of <see cref="Decide"/> for one viewer over every case at once, for lists and
    /// searches that must ask the database which cases the viewer may read. Restricted cases the
    /// viewer is not named on are left out before these rules apply, as in <see cref="Decide"/>.
    /// </summary>
    public static CaseReadScope ReadScope(Viewer viewer, AccessOptions options)
    {
        if (viewer.HasRole(StaffRole.Administrator) && viewer.Roles.Count == 1) return CaseReadScope.None(viewer.UserId);
        var teamMember = viewer.HasRole(StaffRole.SocialWorker) && options.TeamMembersSeeTeamCases && viewer.TeamId is not null;
        var adminOfficer = viewer.HasRole(StaffRole.AdminOfficer) && viewer.TeamId is not null;
        return new CaseReadScope(
            viewer.UserId,
            AllocatedCases: viewer.HasRole(StaffRole.SocialWorker) || viewer.IsManager,
            OverseenTeams: viewer.IsManager ? [.. viewer.OverseenTeamIds] : [],
            OwnTeam: teamMember || adminOfficer ? viewer.TeamId : null,
            ClosedCases: viewer.HasRole(StaffRole.RecordsManager),
            SharedWithViewer: viewer.HasRole(StaffRole.Legal),
            NamedOnRestricted: true,
            EmergencyAccess: viewer.MayAskForEmergencyAccess);
    }

    /// <summary>Policy: emergency access is for someone with no relationship to an unrestricted case, for at most 24 hours.</summary>
    public static readonly TimeSpan LongestEmergencyAccess = TimeSpan.FromHours(24);
}
