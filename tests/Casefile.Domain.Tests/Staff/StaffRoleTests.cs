using Casefile.Domain.Staff;

namespace Casefile.Domain.Tests.Staff;

public class StaffRoleTests
{
    private static readonly string[] TheEightRoles =
    [
        "social-worker", "practice-manager", "principal-manager", "divisional-manager",
        "admin-officer", "legal", "records-manager", "administrator",
    ];

    [Fact]
    public void All_WhenListed_IsExactlyTheEightReleasedRoleNames() =>
        StaffRole.All.ShouldBe(TheEightRoles);

    [Fact]
    public void Constants_WhenCompared_MatchTheReleasedNames() =>
        new[]
        {
            StaffRole.SocialWorker, StaffRole.PracticeManager, StaffRole.PrincipalManager, StaffRole.DivisionalManager,
            StaffRole.AdminOfficer, StaffRole.Legal, StaffRole.RecordsManager, StaffRole.Administrator,
        }.ShouldBe(TheEightRoles);

    [Theory]
    [InlineData("social-worker")]
    [InlineData("practice-manager")]
    [InlineData("principal-manager")]
    [InlineData("divisional-manager")]
    [InlineData("admin-officer")]
    [InlineData("legal")]
    [InlineData("records-manager")]
    [InlineData("administrator")]
    public void IsKnown_WhenRoleIsReleased_IsTrueAndHasAPlainName(string role)
    {
        StaffRole.IsKnown(role).ShouldBeTrue();
        StaffRole.Describe(role).ShouldNotBe(role);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Social-Worker")]
    [InlineData("social worker")]
    [InlineData("manager")]
    [InlineData("admin")]
    public void IsKnown_WhenRoleIsNotReleased_IsFalse(string? role) =>
        StaffRole.IsKnown(role).ShouldBeFalse();

    [Theory]
    [InlineData("practice-manager", true)]
    [InlineData("principal-manager", true)]
    [InlineData("divisional-manager", true)]
    [InlineData("social-worker", false)]
    [InlineData("admin-officer", false)]
    [InlineData("legal", false)]
    [InlineData("records-manager", false)]
    [InlineData("administrator", false)]
    public void IsManager_WhenRoleIsGiven_IsTrueOnlyForTheThreeManagerGrades(string role, bool expected) =>
        StaffRole.IsManager(role).ShouldBe(expected);

    [Fact]
    public void Describe_WhenRoleIsUnknown_ReturnsItUnchanged() =>
        StaffRole.Describe("volunteer").ShouldBe("volunteer");
}
