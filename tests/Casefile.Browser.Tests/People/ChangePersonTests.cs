using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.People;

/// <summary>
/// Changing a person's details and recording a move: reached from the person page, refused forms show
/// the GOV.UK error summary and keep what was typed, and both pages pass axe-core. Nothing is saved,
/// so the demo data other tests use stays as it is.
/// </summary>
public sealed class ChangePersonTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task EditAndAddressPages_WhenShowingErrors_KeepWhatWasTypedAndHaveNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "amara.osei");
        var page = session.Page;
        var (_, child) = await Journeys.OpenFirstChildOnMyCasesAsync(page);

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Change details") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change details", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("First name", new() { Exact = true })).ToHaveValueAsync(child.GivenName);
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByLabel("First name", new() { Exact = true }).FillAsync("");
        var death = page.GetByRole(AriaRole.Group, new() { Name = "Date of death (only if they have died)" });
        await death.GetByLabel("Day").FillAsync("31");
        await death.GetByLabel("Month").FillAsync("2");
        await death.GetByLabel("Year").FillAsync("2020");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByText("There is a problem")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter a first name" })).ToBeVisibleAsync();
        await Expect(death.GetByLabel("Day")).ToHaveValueAsync("31");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Back to ") }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Record a new address") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record a new address", Level = 1 })).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByLabel("Postcode (optional)").FillAsync("NT1 9ZZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save address" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter the first line of the address" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Postcode (optional)")).ToHaveValueAsync("NT1 9ZZ");
        await page.ShouldHaveNoAxeViolationsAsync();
    }
}
