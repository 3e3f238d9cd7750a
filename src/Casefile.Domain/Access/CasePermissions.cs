using Casefile.Domain.Cases;
using Casefile.Domain.Staff;

namespace Casefile.Domain.Access;

/// <summary>A thing one may do with a case beyond reading, changing and exporting it.</summary>
public enum CaseCapability
{
    /// <summary>
    /// Open what is filed in the Restricted Access section (policy 4.3 guidance: advice from Legal Services is privileged):
    /// Legal Services, the allocated worker, the case's managers and those named on a restricted case; never through emergency access.
    /// </summary>
    OpenRestrictedSection,

    /// <summary>See who has viewed and changed the case (policy 3.4, Appendix 1).</summary>
    SeeAccessLog,

    /// <summary>Add paper volumes and ask to take them out of the office (policy 2.1, 7.1, 7.3).</summary>
    KeepPaperRegister,

    /// <summary>Propose a transfer to another team with its summary (policy 3.12).</summary>
    ProposeTransfer,

    /// <summary>Ask for the case to be closed, with the closing summary and checklist (policy 6.3).</summary>
    ProposeClosure,

    /// <summary>Reallocate, restrict or lift a restriction, share with Legal Services, review emergency access (policy 9.1).</summary>
    Manage,

    /// <summary>Write records, assessments and plans, file documents and emails.</summary>
    Record,

    /// <summary>Register a request for access to the child's record, and work on it: build, review and release its bundle (policy 10).</summary>
    RegisterAccessRequest,
}

/// <summary>
/// Everything one viewer may do with one case, decided once by <see cref="CaseAccessPolicy.Permissions"/>
/// from the case's facts. A request about a case asks for this once and every section of the page,
/// every action offered and every handler reads it: no section decides access on its own.
/// </summary>
public sealed record CasePermissions(AccessDecision Read, AccessDecision Write, AccessDecision Export, IReadOnlySet<CaseCapability> Capabilities)
{
    public bool May(CaseCapability capability) => Capabilities.Contains(capability);

    public AccessDecision For(AccessAction action) => action switch
    {
        AccessAction.Read => Read,
        AccessAction.Write => Write,
        _ => Export,
    };

    /// <summary>Plain words for why the viewer may see the case, with the end of any emergency access.</summary>
    public string Basis => Read.Basis;

    /// <summary>Why a capability is refused, in words the viewer can act on.</summary>
    public static string WhyNot(CaseCapability capability) => capability switch
    {
        CaseCapability.OpenRestrictedSection => "Only Legal Services, the case's allocated worker and managers, and the people named on a restricted case can open its Restricted Access section.",
        CaseCapability.SeeAccessLog => "Only the case's managers and records managers can see who has viewed it.",
        CaseCapability.KeepPaperRegister => "Only the case's workers, its managers and its team's admin officers can keep its paper register.",
        CaseCapability.ProposeTransfer => "Only a social worker or manager who can change the case can propose its transfer.",
        CaseCapability.ProposeClosure => "Only a social worker or manager who can change the case can ask for it to be closed.",
        CaseCapability.Manage => "Only a manager of the case's team can do this.",
        CaseCapability.Record => "You can read this case but not add to it.",
        CaseCapability.RegisterAccessRequest => "Only people who work access requests and can change the case can register or work on an access request for it.",
        _ => "You cannot do this on this case.",
    };
}

/// <summary>
/// What a member of staff may do that is not about one case: the role gates of the service. Decided
/// here, from the roles read from the database, so no page or handler asks about a role itself.
/// </summary>
public enum StaffCapability
{
    /// <summary>Search the people register and record referrals.</summary>
    WorkWithCases,

    /// <summary>Write records, assessments and plans on the cases one may change.</summary>
    WriteCaseRecords,

    /// <summary>Accept a referral or decide no further action (policy 5.2).</summary>
    DecideReferrals,

    /// <summary>Reallocate cases, review emergency access, see the team's queues and a worker's access log (policy 9).</summary>
    ManageTeams,

    /// <summary>Authorise assessments, plans and court reports of one's line (policy 9.2).</summary>
    AuthoriseWork,

    /// <summary>Validate final care plans for court (policy 9.3).</summary>
    ValidateFinalCarePlans,

    /// <summary>Approve information released for an access request (policy 10.2).</summary>
    ApproveDisclosures,

    /// <summary>Advise on access requests that name third parties; see every access request (policy 10.2).</summary>
    AdviseAsLegalServices,

    /// <summary>Do the admin tasks that follow closure and keep paper registers (policy 6.4, 7).</summary>
    DoAdminTasks,

    /// <summary>Keep the retention schedule, categories, legal holds and disposals (policy 8).</summary>
    ManageRetention,

    /// <summary>Manage user accounts, bank holidays, letter templates and the plain-language list.</summary>
    Administer,

    /// <summary>Open a case one has no relationship with, in an emergency, for at most 24 hours.</summary>
    AskForEmergencyAccess,

    /// <summary>See and work the access-to-records register.</summary>
    WorkAccessRequests,
}

/// <summary>Role gates that are not about a particular case.</summary>
public static class StaffPolicy
{
    public static bool May(Viewer viewer, StaffCapability capability) => capability switch
    {
        StaffCapability.WorkWithCases => viewer.Roles.Any(r => r is StaffRole.SocialWorker or StaffRole.AdminOfficer || StaffRole.IsManager(r)),
        StaffCapability.WriteCaseRecords => viewer.Roles.Any(r => r is StaffRole.SocialWorker || StaffRole.IsManager(r)),
        StaffCapability.DecideReferrals or StaffCapability.ManageTeams or StaffCapability.AuthoriseWork or StaffCapability.ApproveDisclosures =>
            viewer.Roles.Any(StaffRole.IsManager),
        StaffCapability.ValidateFinalCarePlans => viewer.HasRole(StaffRole.DivisionalManager),
        StaffCapability.AdviseAsLegalServices => viewer.HasRole(StaffRole.Legal),
        StaffCapability.DoAdminTasks => viewer.HasRole(StaffRole.AdminOfficer),
        StaffCapability.ManageRetention => viewer.HasRole(StaffRole.RecordsManager),
        StaffCapability.Administer => viewer.HasRole(StaffRole.Administrator),
        StaffCapability.AskForEmergencyAccess => viewer.Roles.Any(r => r is StaffRole.SocialWorker || StaffRole.IsManager(r)),
        StaffCapability.WorkAccessRequests => May(viewer, StaffCapability.WorkWithCases) || viewer.HasRole(StaffRole.Legal),
        _ => false,
    };

    /// <summary>Whether the viewer manages the given team (directly or as a manager of a team above it).</summary>
    public static bool Manages(Viewer viewer, Guid teamId) => May(viewer, StaffCapability.ManageTeams) && viewer.OverseenTeamIds.Contains(teamId);

    /// <summary>
    /// Whether the viewer may see what a worker opened (policy 9, for a complaint): a manager of the worker's team who is
    /// above the worker in the line. Managing the team is not enough on its own: a principal manager is in the same
    /// team as the divisional manager they report to, and must not read their own manager's log.
    /// </summary>
    public static bool MaySeeWhatWorkerOpened(Viewer viewer, Guid? workerTeamId, IReadOnlyCollection<Guid> workersManagersAbove)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(workersManagersAbove);
        return workerTeamId is { } team && Manages(viewer, team) && workersManagersAbove.Contains(viewer.UserId);
    }

    /// <summary>The teams whose queues the viewer sees as a manager (none for other roles).</summary>
    public static IReadOnlyCollection<Guid> TeamsManaged(Viewer viewer) => May(viewer, StaffCapability.ManageTeams) ? viewer.OverseenTeamIds : [];
}

/// <summary>
/// Which cases one viewer may read, as rules a database query can apply to every case at once
/// (<see cref="CaseAccessPolicy.ReadScope"/>). <see cref="Allows"/> is the same rules in memory: the
/// policy table tests hold it to <see cref="CaseAccessPolicy.Decide"/>, and the query to it.
/// </summary>
public sealed record CaseReadScope(
    Guid ViewerId, bool AllocatedCases, IReadOnlyList<Guid> OverseenTeams, Guid? OwnTeam, bool ClosedCases, bool SharedWithViewer,
    bool NamedOnRestricted, bool EmergencyAccess)
{
    public static CaseReadScope None(Guid viewerId) => new(viewerId, false, [], null, false, false, false, false);

    public bool Allows(CaseFacts file, DateTimeOffset now) =>
        !(file.IsRestricted && !file.ViewerIsNamed)
        && ((AllocatedCases && file.AllocatedWorkerId == ViewerId)
            || OverseenTeams.Contains(file.TeamId)
            || (OwnTeam is { } team && file.TeamId == team)
            || (ClosedCases && file.Status == CaseStatus.Closed)
            || (SharedWithViewer && file.SharedWithViewer)
            || (NamedOnRestricted && file.IsRestricted && file.ViewerIsNamed)
            || (EmergencyAccess && file.ViewerEmergencyAccessUntil > now));
}
