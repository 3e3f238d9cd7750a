using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Casefile.Domain.Staff;

namespace Casefile.Domain.Tests.Access;

/// <summary>
/// Every role against every relationship to a case, for read, write and export (policy 3.4,
/// Appendix 1). The table is the policy: a cell changes only when the council's policy does.
/// R = read, W = write, E = export; "404" = refused without admitting the file exists; "-" = refused (403).
/// </summary>
public sealed class CaseAccessPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);
    private static readonly Guid Me = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Someone = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid MyTeam = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid TeamBelowMine = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid OtherTeam = Guid.Parse("00000000-0000-0000-0000-000000000003");

    public enum Relationship
    {
        Allocated, SameTeam, OtherTeam, TeamBelow, RestrictedNamed, RestrictedNotNamed, RestrictedNotNamedAllocated,
        EmergencyLive, EmergencyExpired, ClosedOtherTeam, SharedWithMe,
    }

    private static CaseFacts Facts(Relationship r) => r switch
    {
        Relationship.Allocated => new(Guid.NewGuid(), MyTeam, Me, CaseStatus.Open),
        Relationship.SameTeam => new(Guid.NewGuid(), MyTeam, Someone, CaseStatus.Open),
        Relationship.OtherTeam => new(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Open),
        Relationship.TeamBelow => new(Guid.NewGuid(), TeamBelowMine, Someone, CaseStatus.Open),
        Relationship.RestrictedNamed => new(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Open) { IsRestricted = true, ViewerIsNamed = true },
        Relationship.RestrictedNotNamed => new(Guid.NewGuid(), MyTeam, Someone, CaseStatus.Open) { IsRestricted = true },
        Relationship.RestrictedNotNamedAllocated => new(Guid.NewGuid(), MyTeam, Me, CaseStatus.Open) { IsRestricted = true, ViewerEmergencyAccessUntil = Now.AddHours(2) },
        Relationship.EmergencyLive => new(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Open) { ViewerEmergencyAccessUntil = Now.AddHours(3) },
        Relationship.EmergencyExpired => new(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Open) { ViewerEmergencyAccessUntil = Now.AddMinutes(-1) },
        Relationship.ClosedOtherTeam => new(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Closed),
        Relationship.SharedWithMe => new(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Open) { SharedWithViewer = true },
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    private static Viewer ViewerFor(string role) => new(Me, new HashSet<string> { role }, role is StaffRole.Legal or StaffRole.RecordsManager or StaffRole.Administrator ? null : MyTeam,
        StaffRole.IsManager(role) ? new HashSet<Guid> { MyTeam, TeamBelowMine } : new HashSet<Guid>());

    // role, relationship, expected read/write/export
    public static TheoryData<string, Relationship, string> Matrix()
    {
        var data = new TheoryData<string, Relationship, string>();
        void Row(string role, params (Relationship R, string Expect)[] cells)
        {
            foreach (var (r, e) in cells) data.Add(role, r, e);
        }

        Row(StaffRole.SocialWorker,
            (Relationship.Allocated, "RWE"), (Relationship.SameTeam, "RW-"), (Relationship.OtherTeam, "---"), (Relationship.TeamBelow, "---"),
            (Relationship.RestrictedNamed, "RW-"), (Relationship.RestrictedNotNamed, "404"), (Relationship.RestrictedNotNamedAllocated, "404"),
            (Relationship.EmergencyLive, "RW-"), (Relationship.EmergencyExpired, "---"), (Relationship.ClosedOtherTeam, "---"), (Relationship.SharedWithMe, "---"));
        foreach (var manager in StaffRole.Managers)
            Row(manager,
                (Relationship.Allocated, "RWE"), (Relationship.SameTeam, "RWE"), (Relationship.OtherTeam, "---"), (Relationship.TeamBelow, "RWE"),
                (Relationship.RestrictedNamed, "RW-"), (Relationship.RestrictedNotNamed, "404"), (Relationship.RestrictedNotNamedAllocated, "404"),
                (Relationship.EmergencyLive, "RW-"), (Relationship.EmergencyExpired, "---"), (Relationship.ClosedOtherTeam, "---"), (Relationship.SharedWithMe, "---"));
        Row(StaffRole.AdminOfficer,
            (Relationship.Allocated, "R--"), (Relationship.SameTeam, "R--"), (Relationship.OtherTeam, "---"), (Relationship.TeamBelow, "---"),
            (Relationship.RestrictedNamed, "RW-"), (Relationship.RestrictedNotNamed, "404"), (Relationship.EmergencyLive, "---"),
            (Relationship.ClosedOtherTeam, "---"), (Relationship.SharedWithMe, "---"));
        Row(StaffRole.RecordsManager,
            (Relationship.OtherTeam, "---"), (Relationship.ClosedOtherTeam, "R-E"), (Relationship.RestrictedNotNamed, "404"),
            (Relationship.EmergencyLive, "---"), (Relationship.SharedWithMe, "---"));
        Row(StaffRole.Legal,
            (Relationship.OtherTeam, "---"), (Relationship.SharedWithMe, "R-E"), (Relationship.ClosedOtherTeam, "---"),
            (Relationship.RestrictedNotNamed, "404"), (Relationship.EmergencyLive, "---"));
        Row(StaffRole.Administrator,
            (Relationship.Allocated, "---"), (Relationship.SameTeam, "---"), (Relationship.OtherTeam, "---"), (Relationship.ClosedOtherTeam, "---"),
            (Relationship.SharedWithMe, "---"), (Relationship.EmergencyLive, "---"), (Relationship.RestrictedNotNamed, "404"));
        return data;
    }

    [Theory, MemberData(nameof(Matrix))]
    public void Decide_ForEveryRoleAndRelationship_AllowsExactlyWhatThePolicySays(string role, Relationship relationship, string expected)
    {
        var viewer = ViewerFor(role);
        var facts = Facts(relationship);
        var options = new AccessOptions();

        if (expected == "404")
        {
            foreach (var action in Enum.GetValues<AccessAction>())
            {
                var d = CaseAccessPolicy.Decide(viewer, facts, action, options, Now);
                d.Allowed.ShouldBeFalse();
                d.MayKnowItExists.ShouldBeFalse($"{role} must not learn that a restricted case exists");
            }
            return;
        }
        var actual = string.Concat(
            Cell(CaseAccessPolicy.Decide(viewer, facts, AccessAction.Read, options, Now), 'R'),
            Cell(CaseAccessPolicy.Decide(viewer, facts, AccessAction.Write, options, Now), 'W'),
            Cell(CaseAccessPolicy.Decide(viewer, facts, AccessAction.Export, options, Now), 'E'));
        actual.ShouldBe(expected, $"{role} / {relationship}");
    }

    private static char Cell(AccessDecision d, char allowed)
    {
        if (d.Allowed) return allowed;
        d.MayKnowItExists.ShouldBeTrue("a refusal outside restricted cases answers 403, not 404");
        d.Basis.ShouldNotBeNullOrWhiteSpace();
        return '-';
    }

    [Fact]
    public void Decide_WhenCouncilTurnsOffTeamVisibility_SameTeamWorkerIsRefused()
    {
        var decision = CaseAccessPolicy.Decide(ViewerFor(StaffRole.SocialWorker), Facts(Relationship.SameTeam), AccessAction.Read,
            new AccessOptions(TeamMembersSeeTeamCases: false), Now);
        decision.Allowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(Relationship.Allocated, "Allocated worker")]
    [InlineData(Relationship.SameTeam, "Member of the case's team")]
    [InlineData(Relationship.RestrictedNamed, "Named on the restricted case's access list")]
    public void Decide_WhenAllowed_SaysWhy(Relationship relationship, string basis) =>
        CaseAccessPolicy.Decide(ViewerFor(StaffRole.SocialWorker), Facts(relationship), AccessAction.Read, new(), Now).Basis.ShouldBe(basis);

    [Fact]
    public void Decide_WhenEmergencyAccess_CarriesItsEnd()
    {
        var decision = CaseAccessPolicy.Decide(ViewerFor(StaffRole.SocialWorker), Facts(Relationship.EmergencyLive), AccessAction.Read, new(), Now);
        decision.IsEmergency.ShouldBeTrue();
        decision.Until.ShouldBe(Now.AddHours(3));
    }

    [Fact]
    public void EmergencyAccess_WhenLongerThan24Hours_IsRefused()
    {
        Should.Throw<Casefile.Domain.Common.RuleViolationException>(() =>
            new EmergencyAccess(Guid.NewGuid(), Guid.NewGuid(), Me, "Out of hours call from the police about the child", Now, TimeSpan.FromHours(25)));
        Should.Throw<Casefile.Domain.Common.RuleViolationException>(() => new EmergencyAccess(Guid.NewGuid(), Guid.NewGuid(), Me, "short", Now, null));
        new EmergencyAccess(Guid.NewGuid(), Guid.NewGuid(), Me, "Out of hours call from the police about the child", Now, null).ExpiresAt.ShouldBe(Now.AddHours(24));
    }

    [Fact]
    public void EmergencyAccess_WhenReviewedByItsOwnUser_IsRefused()
    {
        var grant = new EmergencyAccess(Guid.NewGuid(), Guid.NewGuid(), Me, "Out of hours call from the police about the child", Now, null);
        Should.Throw<Casefile.Domain.Common.RuleViolationException>(() => grant.Review(Me, Now, "fine"));
        grant.Review(Someone, Now, "Checked with the duty manager");
        Should.Throw<Casefile.Domain.Common.StateConflictException>(() => grant.Review(Someone, Now, "again"));
    }
    // Transfers (policy 3.12 with 3.4): who sees and decides a transfer into MyTeam of a case held elsewhere.
    [Theory]
    [InlineData(StaffRole.PracticeManager, false, false, false, "allowed")]
    [InlineData(StaffRole.PracticeManager, true, true, false, "allowed")]
    [InlineData(StaffRole.PracticeManager, true, false, false, "404")]
    [InlineData(StaffRole.PrincipalManager, true, false, false, "404")]
    [InlineData(StaffRole.SocialWorker, false, false, true, "allowed")]
    [InlineData(StaffRole.SocialWorker, true, false, true, "404")]
    [InlineData(StaffRole.SocialWorker, false, false, false, "403")]
    [InlineData(StaffRole.Legal, true, false, false, "404")]
    [InlineData(StaffRole.RecordsManager, false, false, false, "403")]
    public void SeeTransfer_ForRoleAndRestriction_AllowsOnlyTheReceivingManagerTheRequesterAndReadersAndOnlyNamedOnRestricted(
        string role, bool restricted, bool named, bool requester, string expected)
    {
        var file = new CaseFacts(Guid.NewGuid(), OtherTeam, Someone, CaseStatus.Open) { IsRestricted = restricted, ViewerIsNamed = named };

        var decision = CaseAccessPolicy.SeeTransfer(ViewerFor(role), file, MyTeam, requester ? Me : Someone, new AccessOptions(), Now);

        (decision.Allowed ? "allowed" : decision.MayKnowItExists ? "403" : "404").ShouldBe(expected);
    }

    [Fact]
    public void NamedOnAcceptedTransfer_WhenRestricted_NamesTheNewWorker_AndNobodyOtherwise()
    {
        var worker = Guid.NewGuid();
        CaseAccessPolicy.NamedOnAcceptedTransfer(Facts(Relationship.RestrictedNamed), worker, Me).ShouldBe([worker, Me]);
        CaseAccessPolicy.NamedOnAcceptedTransfer(Facts(Relationship.OtherTeam), worker, Me).ShouldBeEmpty();
    }
    // Access requests (policy 10.2 with 3.4): Legal Services read any request, except on a restricted case they are not named on.
    [Theory]
    [InlineData(StaffRole.Legal, Relationship.OtherTeam, "allowed")]
    [InlineData(StaffRole.Legal, Relationship.RestrictedNotNamed, "404")]
    [InlineData(StaffRole.Legal, Relationship.RestrictedNamed, "allowed")]
    [InlineData(StaffRole.SocialWorker, Relationship.OtherTeam, "403")]
    [InlineData(StaffRole.SocialWorker, Relationship.SameTeam, "allowed")]
    [InlineData(StaffRole.PracticeManager, Relationship.RestrictedNotNamed, "404")]
    [InlineData(StaffRole.RecordsManager, Relationship.OtherTeam, "403")]
    public void SeeAccessRequest_ForRoleAndRelationship_LetsLegalReadOnlyWhatIsNotHiddenFromThem(string role, Relationship relationship, string expected)
    {
        var decision = CaseAccessPolicy.SeeAccessRequest(ViewerFor(role), Facts(relationship), new AccessOptions(), Now);

        (decision.Allowed ? "allowed" : decision.MayKnowItExists ? "403" : "404").ShouldBe(expected);
    }
    [Theory]
    [InlineData(BurstKind.EmergencyAccess, 4, null)]
    [InlineData(BurstKind.EmergencyAccess, 5, "emergency-access-burst")]
    [InlineData(BurstKind.Export, 19, null)]
    [InlineData(BurstKind.Export, 20, "export-burst")]
    public void BurstRule_WhenTheLimitIsReachedInTheWindow_RefusesTheNext(BurstKind kind, int doneInWindow, string? refusedBy)
    {
        var refused = Record.Exception(() => BurstRule.Check(kind, doneInWindow, new BurstLimits()));

        (refused as Casefile.Domain.Common.BurstLimitException)?.Rule.ShouldBe(refusedBy);
        (refused is null).ShouldBe(refusedBy is null);
    }
}
