using Casefile.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.PaperFiles;

/// <summary>axe-core on the paper file pages, with the demo's volumes (one out for a week, one request waiting).</summary>
public sealed class PaperFileAccessibilityTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task OutOvernight_WhenTheLineManagerOpensIt_ListsTheVolumeOutAndHasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "daniel.hughes");
        await session.Page.GotoAsync("/");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Paper files out" }).ClickAsync();

        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Paper files out overnight", Level = 1 })).ToBeVisibleAsync();
        await Expect(session.Page.GetByRole(AriaRole.Cell, new() { Name = "Amara Osei" }).First).ToBeVisibleAsync();
        await Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Authorise" }).First).ToBeVisibleAsync();
        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task VolumeAndAddPages_WhenTheManagerOpensThem_HaveNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "daniel.hughes");
        await session.Page.GotoAsync("/paper-files/out-overnight");
        await session.Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        var volume = session.Page.Locator("#paper-volumes").GetByRole(AriaRole.Link, new() { Name = "Volume 1" });
        await Expect(volume).ToBeVisibleAsync();
        await session.Page.ShouldHaveNoAxeViolationsAsync();

        await volume.ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
        await session.Page.ShouldHaveNoAxeViolationsAsync();

        await session.Page.GoBackAsync();
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Add a paper volume" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Add volume" }).ClickAsync();
        await Expect(session.Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }
}
