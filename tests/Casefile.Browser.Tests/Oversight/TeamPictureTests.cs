using Casefile.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Oversight;

/// <summary>
/// Issue 17 with the keyboard alone: the practice manager opens his team's picture from the
/// navigation, reads it (axe-clean, charts beside their tables), and follows the count of children
/// not seen on time to the list behind it.
/// </summary>
public sealed class TeamPictureTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task TeamPicture_ManagerFollowsChildrenNotSeenOnTimeToTheList_ByKeyboardAlone()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "daniel.hughes");
        var page = session.Page;
        await page.GotoAsync("/");

        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Teams", Exact = true }), 40);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your teams", Level = 1 })).ToBeVisibleAsync();
        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Northgate Children's Team" }), 40);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Northgate Children's Team", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#chart-caseloads")).ToBeVisibleAsync();
        await Expect(page.Locator("#workers-table")).ToContainTextAsync("Amara Osei");
        await page.ShouldHaveNoAxeViolationsAsync();

        // The chart is named for assistive technology, and the same figures are in a table.
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Open cases per worker" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Records finalised on time, by month" })).ToBeVisibleAsync();

        var notSeen = page.Locator("#glance").GetByRole(AriaRole.Link).Filter(new() { HasText = "not seen on time" });
        await page.TabToAsync(notSeen, 40);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Visits, conferences and reviews due", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#narrowed")).ToContainTextAsync("Only the children not seen on time");
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task TeamPicture_OnAPhone_FitsTheScreen()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "daniel.hughes");
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/teams");
        await page.GetByRole(AriaRole.Link, new() { Name = "Northgate Children's Team" }).ClickAsync();
        await Expect(page.Locator("#chart-timeliness")).ToBeVisibleAsync();
        var scrolls = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        scrolls.ShouldBeFalse("the page is no wider than a 390 px phone; the wide table scrolls in its own box");
        await page.ShouldHaveNoAxeViolationsAsync();
    }
}
