using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Accessibility;

/// <summary>
/// axe-core on the access-control pages: the refusal page with its emergency access form, the case
/// opened under emergency access, the manager's review list, who has viewed a case, and what a
/// worker opened.
/// </summary>
public sealed class AccessControlAccessibilityTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task EmergencyAccessJourney_WhenKeyboardOnly_HasNoAxeViolationsOnAnyPage()
    {
        // A Northgate case, seen by a Riverside social worker who has no relationship with it.
        string caseUrl;
        await using (var amara = await fixture.StartSessionAsync(signedInAs: "amara.osei"))
        {
            var myCases = await MyCasesPage.GotoAsync(amara.Page);
            var child = await myCases.FirstCaseAsync();
            await myCases.AllocatedCases.GetByRole(AriaRole.Link, new() { Name = child.ChildName, Exact = true }).First.ClickAsync();
            await Expect(amara.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cases/"));
            caseUrl = new Uri(amara.Page.Url).AbsolutePath;
        }

        await using var ben = await fixture.StartSessionAsync(signedInAs: "ben.carter");
        var page = ben.Page;
        await page.GotoAsync(caseUrl);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot open this case file");
        await page.ShouldHaveNoAxeViolationsAsync();

        // Keyboard only: focus the reason box, type, submit with Enter on the button.
        var reason = page.GetByLabel("Why do you need to open this case now?");
        await reason.FocusAsync();
        await page.Keyboard.TypeAsync("The police called out of hours about the child's safety");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Emergency access until").First).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await using var manager = await fixture.StartSessionAsync(signedInAs: "daniel.hughes");
        await manager.Page.GotoAsync("/");
        await Expect(manager.Page.GetByRole(AriaRole.Heading, new() { Name = "Emergency access to review" })).ToBeVisibleAsync();
        await manager.Page.ShouldHaveNoAxeViolationsAsync();

        await manager.Page.GotoAsync(caseUrl + "/access-log");
        await Expect(manager.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Who has viewed this case");
        await Expect(manager.Page.GetByText("The police called out of hours").First).ToBeVisibleAsync();
        await manager.Page.ShouldHaveNoAxeViolationsAsync();

        await manager.Page.GotoAsync("/staff/amara.osei/access-log");
        await Expect(manager.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What amara.osei opened");
        await manager.Page.ShouldHaveNoAxeViolationsAsync();
    }
}
