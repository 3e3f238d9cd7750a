using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Casefile.Domain.Staff;

namespace Casefile.Domain.Tests.Access;

/// <summary>
/// The policy table's capability columns (issue 14): every role against every relationship to a
/// case, for each capability the case page offers and the handlers demand. Letters: O open the
/// Restricted Access section, L see the access log, P keep the paper register, T propose a
/// transfer, C ask to close, M manage (reallocate, restrict, share with Legal), R record, A register
/// an access request. A cell changes only when the council's policy does.
/// </summary>
public sealed class CasePermissionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);
    private static readonly Guid Me = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Someone = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid MyTeam = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid TeamBelowMine = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid OtherTeam = Guid.Parse("00000000-0000-0000-0000-000000000003");

    public enum Relationship
    {
        Allocated, SameTeam, OtherTeam, TeamBelow, RestrictedNamed, RestrictedNotNamed, EmergencyLive, EmergencyExpired, ClosedOtherTeam, SharedWithMe,
    }

    private static readonly (CaseCapability Capability, char Letter)[] Letters =
    [
        (CaseCapability.OpenRestrictedSection, 'O'), (CaseCapability.SeeAccessLog, 'L'), (CaseCapability.KeepPaperRegister, 'P'),
        (CaseCapability.ProposeTransfer, 'T'), (CaseCapability.ProposeClosure, 'C'), (CaseCapability.Manage, 'M'), (CaseCapability.Record, 'R'),
        (CaseCapability.RegisterAccessRequest, 'A'),
    ];

    private static CaseFacts Facts(Relationship r) => r switch
    {
        Relationship.Allocated => new(Guid.NewGuid(), MyTeam, Me, CaseStatus.Open),
        Relationship.SameTeam => new(Guid.NewGuid(), MyTeam, Someone, CaseStatus.Open),
        Relationship.OtherTeam => new(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Open),
        Relationship.TeamBelow => new(Guid.NewGuid(), TeamBelowMine, Someone, CaseStatus.Open),
        Relationship.RestrictedNamed => new(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Open) { IsRestricted = true, ViewerIsNamed = true },
        Relationship.RestrictedNotNamed => new(Guid.NewGuid(), MyTeam, Someone, CaseStatus.Open) { IsRestricted = true },
        Relationship.EmergencyLive => new(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Open) { ViewerEmergencyAccessUntil = Now.AddHours(3) },
        Relationship.EmergencyExpired => new(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Open) { ViewerEmergencyAccessUntil = Now.AddMinutes(-1) },
        Relationship.ClosedOtherTeam => new(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Closed),
        Relationship.SharedWithMe => new(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Open) { SharedWithViewer = true },
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    private static Viewer ViewerFor(string role) => new(Me, new HashSet<string> { role }, role is StaffRole.Legal or StaffRole.RecordsManager or StaffRole.Administrator ? null : MyTeam,
        StaffRole.IsManager(role) ? new HashSet<Guid> { MyTeam, TeamBelowMine } : new HashSet<Guid>());

    public static TheoryData<string, Relationship, string> Matrix()
    {
        var data = new TheoryData<string, Relationship, string>();
        void Row(string role, params (Relationship R, string Expect)[] cells)
        {
            foreach (var (r, e) in cells) data.Add(role, r, e);
        }

        Row(StaffRole.SocialWorker,
            (Relationship.Allocated, "OPTCRA"), (Relationship.SameTeam, "PTCRA"), (Relationship.OtherTeam, ""), (Relationship.TeamBelow, ""),
            (Relationship.RestrictedNamed, "OPTCRA"), (Relationship.RestrictedNotNamed, ""), (Relationship.EmergencyLive, "PRA"),
            (Relationship.EmergencyExpired, ""), (Relationship.ClosedOtherTeam, ""), (Relationship.SharedWithMe, ""));
        foreach (var manager in StaffRole.Managers)
            Row(manager,
                (Relationship.Allocated, "OLPTCMRA"), (Relationship.SameTeam, "OLPTCMRA"), (Relationship.OtherTeam, ""), (Relationship.TeamBelow, "OLPTCMRA"),
                // Named on a restricted case of a team they do not manage: they work it, but do not manage it (nor lift its restriction).
                (Relationship.RestrictedNamed, "OPTCRA"), (Relationship.RestrictedNotNamed, ""), (Relationship.EmergencyLive, "PRA"),
                (Relationship.EmergencyExpired, ""), (Relationship.ClosedOtherTeam, ""), (Relationship.SharedWithMe, ""));
        Row(StaffRole.AdminOfficer,
            (Relationship.SameTeam, "P"), (Relationship.OtherTeam, ""), (Relationship.TeamBelow, ""), (Relationship.RestrictedNamed, "OPRA"),
            (Relationship.RestrictedNotNamed, ""), (Relationship.EmergencyLive, ""), (Relationship.ClosedOtherTeam, ""), (Relationship.SharedWithMe, ""));
        Row(StaffRole.RecordsManager,
            (Relationship.OtherTeam, "L"), (Relationship.ClosedOtherTeam, "L"), (Relationship.RestrictedNotNamed, ""), (Relationship.EmergencyLive, "L"),
            (Relationship.SharedWithMe, "L"));
        Row(StaffRole.Legal,
            (Relationship.OtherTeam, ""), (Relationship.SharedWithMe, "O"), (Relationship.ClosedOtherTeam, ""), (Relationship.RestrictedNotNamed, ""),
            (Relationship.EmergencyLive, ""));
        Row(StaffRole.Administrator,
            (Relationship.Allocated, ""), (Relationship.SameTeam, ""), (Relationship.OtherTeam, ""), (Relationship.ClosedOtherTeam, ""),
            (Relationship.SharedWithMe, ""), (Relationship.EmergencyLive, ""), (Relationship.RestrictedNotNamed, ""));
        return data;
    }

    [Theory, MemberData(nameof(Matrix))]
    public void Permissions_ForEveryRoleAndRelationship_GrantExactlyTheCapabilitiesThePolicySays(string role, Relationship relationship, string expected)
    {
        var permissions = CaseAccessPolicy.Permissions(ViewerFor(role), Facts(relationship), new AccessOptions(), Now);

        string.Concat(Letters.Where(l => permissions.May(l.Capability)).Select(l => l.Letter)).ShouldBe(expected, $"{role} / {relationship}");
    }

    [Theory, MemberData(nameof(Matrix))]
    public void Permissions_ReadWriteAndExport_AreTheDecisionsOfThePolicyTable(string role, Relationship relationship, string _)
    {
        var viewer = ViewerFor(role);
        var facts = Facts(relationship);
        var permissions = CaseAccessPolicy.Permissions(viewer, facts, new AccessOptions(), Now);

        foreach (var action in Enum.GetValues<AccessAction>())
            permissions.For(action).ShouldBe(CaseAccessPolicy.Decide(viewer, facts, action, new AccessOptions(), Now));
    }

    [Theory, MemberData(nameof(Matrix))]
    public void ReadScope_ForEveryRoleAndRelationship_AllowsWhatDecideAllows(string role, Relationship relationship, string _)
    {
        // The read scope is what lists and searches apply as SQL (CaseFactsQueries.Readable): it must never let a search find
        // a case the policy would not open, nor hide one it would.
        var viewer = ViewerFor(role);
        var facts = Facts(relationship);
        foreach (var options in new[] { new AccessOptions(), new AccessOptions(TeamMembersSeeTeamCases: false) })
            CaseAccessPolicy.ReadScope(viewer, options).Allows(facts, Now)
                .ShouldBe(CaseAccessPolicy.Decide(viewer, facts, AccessAction.Read, options, Now).Allowed, $"{role} / {relationship}");
    }

    [Fact]
    public void Permissions_WhenTheViewerMayNotKnowTheCaseExists_CarryNoCapability()
    {
        var permissions = CaseAccessPolicy.Permissions(ViewerFor(StaffRole.RecordsManager), Facts(Relationship.RestrictedNotNamed), new AccessOptions(), Now);

        permissions.Read.MayKnowItExists.ShouldBeFalse();
        permissions.Capabilities.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(StaffRole.SocialWorker, StaffCapability.WriteCaseRecords, true)]
    [InlineData(StaffRole.SocialWorker, StaffCapability.DecideReferrals, false)]
    [InlineData(StaffRole.PracticeManager, StaffCapability.DecideReferrals, true)]
    [InlineData(StaffRole.PrincipalManager, StaffCapability.ValidateFinalCarePlans, false)]
    [InlineData(StaffRole.DivisionalManager, StaffCapability.ValidateFinalCarePlans, true)]
    [InlineData(StaffRole.AdminOfficer, StaffCapability.WorkWithCases, true)]
    [InlineData(StaffRole.AdminOfficer, StaffCapability.WriteCaseRecords, false)]
    [InlineData(StaffRole.Legal, StaffCapability.WorkWithCases, false)]
    [InlineData(StaffRole.Legal, StaffCapability.WorkAccessRequests, true)]
    [InlineData(StaffRole.RecordsManager, StaffCapability.ManageRetention, true)]
    [InlineData(StaffRole.RecordsManager, StaffCapability.WorkWithCases, false)]
    [InlineData(StaffRole.Administrator, StaffCapability.Administer, true)]
    [InlineData(StaffRole.Administrator, StaffCapability.WorkWithCases, false)]
    public void StaffPolicy_ForEachRole_GatesWhatThePolicySays(string role, StaffCapability capability, bool allowed) =>
        StaffPolicy.May(ViewerFor(role), capability).ShouldBe(allowed);

    // Being named on a restricted case lets one change it, but works the access-to-records register only for those who work it.
    [Theory]
    [InlineData(StaffRole.SocialWorker, true)]
    [InlineData(StaffRole.AdminOfficer, true)]
    [InlineData(StaffRole.Legal, true)]
    [InlineData(StaffRole.RecordsManager, false)]
    public void RegisterAccessRequest_WhenNamedOnARestrictedCase_IsForThoseWhoWorkTheRegister(string role, bool allowed)
    {
        var permissions = CaseAccessPolicy.Permissions(ViewerFor(role), Facts(Relationship.RestrictedNamed), new AccessOptions(), Now);

        permissions.Write.Allowed.ShouldBeTrue();
        permissions.May(CaseCapability.RegisterAccessRequest).ShouldBe(allowed);
    }

    // What a worker opened (policy 9): a manager of the worker's team above them in the line; not a colleague in the same team.
    [Theory]
    [InlineData(StaffRole.PracticeManager, true, true, true)]
    [InlineData(StaffRole.PracticeManager, true, false, false)]
    [InlineData(StaffRole.PracticeManager, false, true, false)]
    [InlineData(StaffRole.SocialWorker, true, true, false)]
    [InlineData(StaffRole.Legal, false, true, false)]
    public void MaySeeWhatWorkerOpened_ForRoleTeamAndLine_IsTheWorkersManagersOnly(string role, bool workerInMyTeam, bool iAmAboveThem, bool allowed) =>
        StaffPolicy.MaySeeWhatWorkerOpened(ViewerFor(role), workerInMyTeam ? MyTeam : OtherTeam, iAmAboveThem ? [Someone, Me] : [Someone]).ShouldBe(allowed);
}
