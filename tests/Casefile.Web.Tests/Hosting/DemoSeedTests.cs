using Casefile.Domain.Cases;
using Casefile.Domain.Referrals;
using Casefile.Web.Demo;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Hosting;

public sealed class DemoSeedTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Demo_WhenSeeded_HasEveryRoleReferralStateAndOpenAndClosedCases(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var roles = await app.WithDbAsync(d => d.Roles.Select(r => r.Name!).ToListAsync());
        roles.ShouldBe(Domain.Staff.StaffRole.All, ignoreOrder: true);
        foreach (var user in DemoSeeder.Users)
            (await app.WithDbAsync(d => d.Users.AnyAsync(u => u.UserName == user.UserName))).ShouldBeTrue(user.UserName);

        var children = await app.WithDbAsync(d => d.People.CountAsync(p => p.Kind == Domain.People.PersonKind.Child));
        children.ShouldBeGreaterThanOrEqualTo(40);
        foreach (var decision in Enum.GetValues<ReferralDecision>())
            (await app.WithDbAsync(d => d.Referrals.AnyAsync(r => r.Decision == decision))).ShouldBeTrue(decision.ToString());
        (await app.WithDbAsync(d => d.CaseFiles.AnyAsync(c => c.Status == CaseStatus.Closed))).ShouldBeTrue();
        (await app.WithDbAsync(d => d.CaseFiles.AnyAsync(c => c.Status == CaseStatus.Open))).ShouldBeTrue();
    }
}
