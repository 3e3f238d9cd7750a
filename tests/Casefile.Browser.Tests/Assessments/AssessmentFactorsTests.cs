using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Assessments;

/// <summary>
/// "Factors identified" on the assessment form, with the keyboard alone: "No factors identified" unticks
/// the factors (GOV.UK's exclusive checkbox), and the form passes axe-core. Nothing is saved.
/// </summary>
public sealed class AssessmentFactorsTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task NoFactorsIdentified_WhenTicked_UnticksTheFactors_AndTheFormHasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "amara.osei");
        var page = session.Page;
        var myCases = await MyCasesPage.GotoAsync(page);
        await myCases.CaseRows.First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start an assessment", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Start a child and family assessment", Level = 1 })).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        var factors = page.GetByRole(AriaRole.Group, new() { Name = "Factors identified", Exact = true });
        var parentDrinks = factors.GetByRole(AriaRole.Checkbox, new() { Name = "Alcohol misuse: parent", Exact = true });
        var none = factors.GetByRole(AriaRole.Checkbox, new() { Name = "No factors identified", Exact = true });
        await page.TabToAsync(parentDrinks, 30);
        await page.Keyboard.PressAsync("Space");
        await Expect(parentDrinks).ToBeCheckedAsync();
        await page.TabToAsync(none, 60);
        await page.Keyboard.PressAsync("Space");

        await Expect(none).ToBeCheckedAsync();
        await Expect(parentDrinks).Not.ToBeCheckedAsync();
    }
}
