using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Accessibility;

/// <summary>axe-core on recording a referral and on a referral as a manager sees it, with both decision forms.</summary>
public sealed class ReferralAccessibilityTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task RecordReferral_WhenChildIsChosen_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "amara.osei");
        var (person, _) = await Journeys.OpenFirstChildOnMyCasesAsync(session.Page);
        var childId = person.Path.Split('/')[^1];
        await session.Page.GotoAsync($"/referrals/new?childId={childId}");
        var form = new RecordReferralPage(session.Page);
        await Expect(form.RecordButton).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Referral_WhenManagerCanDecide_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "daniel.hughes");
        var referrals = await ReferralsPage.GotoAsync(session.Page);
        var referral = await referrals.OpenFirstAwaitingAsync();
        await Expect(referral.Heading).ToHaveTextAsync("Referral");
        await Expect(referral.NoFurtherActionButton).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }
}
