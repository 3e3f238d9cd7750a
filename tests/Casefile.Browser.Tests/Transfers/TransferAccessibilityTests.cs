using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Transfers;

/// <summary>
/// axe-core on the transfer pages and "Your work", driven by keyboard-usable controls found by
/// their labels. The transfer is proposed on the worker's last case and left waiting, so the
/// demo's cases stay where the other tests expect them.
/// </summary>
public sealed class TransferAccessibilityTests(CasefileBrowserFixture fixture)
{
    private const string Riverside = "Riverside Family Support Team";

    [Fact]
    public async Task ProposeAndView_ThenTheReceivingManagersWork_HaveNoAxeViolations()
    {
        string transferUrl;
        await using (var worker = await fixture.StartSessionAsync(signedInAs: "amara.osei"))
        {
            var page = worker.Page;
            var myCases = await MyCasesPage.GotoAsync(page);
            await myCases.CaseRows.Last.GetByRole(AriaRole.Link).First.ClickAsync();
            await page.WaitForURLAsync("**/cases/*");
            await page.GotoAsync(new Uri(page.Url).AbsolutePath + "/transfer");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Propose a transfer", Level = 1 })).ToBeVisibleAsync();
            await page.ShouldHaveNoAxeViolationsAsync();

            await page.GetByLabel("Why are we involved?", new() { Exact = true }).FillAsync("Concerns about neglect raised by the school");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send to the receiving team" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Why are we involved?", new() { Exact = true })).ToHaveValueAsync("Concerns about neglect raised by the school");
            await page.ShouldHaveNoAxeViolationsAsync();

            await page.GetByLabel("Which team is the case moving to?", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Riverside });
            await page.GetByLabel("The assessment", new() { Exact = true }).FillAsync("Child and family assessment completed in March");
            await page.GetByLabel("The plan", new() { Exact = true }).FillAsync("Child in need plan with breakfast club");
            await page.GetByLabel("What has been done", new() { Exact = true }).FillAsync("Fortnightly home visits");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send to the receiving team" }).ClickAsync();
            await page.WaitForURLAsync("**/transfers/*");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Transfer to {Riverside}", Level = 1 })).ToBeVisibleAsync();
            await page.ShouldHaveNoAxeViolationsAsync();
            transferUrl = new Uri(page.Url).AbsolutePath;

            await page.GotoAsync("/my-work");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your work", Level = 1 })).ToBeVisibleAsync();
            await page.ShouldHaveNoAxeViolationsAsync();
        }

        await using var manager = await fixture.StartSessionAsync(signedInAs: "hannah.price");
        await manager.Page.GotoAsync("/my-work");
        await manager.Page.Locator("#waiting-list").Locator($"a[href='{transferUrl}']").ClickAsync();
        await Expect(manager.Page.GetByRole(AriaRole.Button, new() { Name = "Accept the transfer" })).ToBeVisibleAsync();
        await manager.Page.ShouldHaveNoAxeViolationsAsync();
        await manager.Page.GetByRole(AriaRole.Button, new() { Name = "Accept the transfer" }).ClickAsync();
        await Expect(manager.Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await manager.Page.ShouldHaveNoAxeViolationsAsync();

        await manager.Page.GotoAsync("/my-work");
        await Expect(manager.Page.GetByRole(AriaRole.Heading, new() { Name = "Transfers to accept (1)" })).ToBeVisibleAsync();
        await manager.Page.ShouldHaveNoAxeViolationsAsync();
    }
}
