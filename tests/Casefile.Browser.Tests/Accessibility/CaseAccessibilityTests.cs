using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Accessibility;

/// <summary>axe-core on My cases and a case file.</summary>
public sealed class CaseAccessibilityTests(CasefileBrowserFixture fixture)
{
    private const string SocialWorker = "amara.osei";

    [Fact]
    public async Task MyCases_WhenSocialWorkerHasCases_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: SocialWorker);
        var myCases = await MyCasesPage.GotoAsync(session.Page);
        await Expect(myCases.CaseRows.First).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task CaseFile_WhenAllocatedWorkerOpensIt_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: SocialWorker);
        var myCases = await MyCasesPage.GotoAsync(session.Page);
        var child = await myCases.FirstCaseAsync();
        await myCases.AllocatedCases.GetByRole(AriaRole.Link, new() { Name = child.ChildName, Exact = true }).First.ClickAsync();
        var caseFile = new CasePage(session.Page);
        await Expect(caseFile.Caption).ToHaveTextAsync($"Case file {child.Reference}");

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }
}
