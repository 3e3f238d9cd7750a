using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Cases;

/// <summary>
/// The child's case page as a worker reads it at a glance (issue 14): reached from My cases and
/// read with the keyboard alone, on a desk and on a 390 px phone, with nothing axe-core can find.
/// </summary>
public sealed class CaseSummaryTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task CaseSummary_FromMyCases_ReadsAtAGlanceByKeyboardAlone()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "amara.osei");
        var page = session.Page;
        var myCases = await MyCasesPage.GotoAsync(page);
        var child = await myCases.FirstCaseAsync();

        var link = myCases.AllocatedCases.GetByRole(AriaRole.Link, new() { Name = child.ChildName, Exact = true }).First;
        await page.TabToAsync(link, 60);
        await page.Keyboard.PressAsync("Enter");
        var caseFile = new CasePage(page);
        await Expect(caseFile.Caption).ToHaveTextAsync($"Case file {child.Reference}");

        // The summary: who the child is, who works with them, when they were last seen, what is due, what happened lately, who is around them.
        await Expect(caseFile.AllocatedWorker).ToHaveTextAsync("Amara Osei");
        await Expect(caseFile.SummaryKey("Last seen")).ToBeVisibleAsync();
        await Expect(caseFile.SummaryKey("Address")).ToBeVisibleAsync();
        foreach (var heading in new[] { "Due on this case", "Latest in the chronology", "Key people", "Assessments and plans", "Documents and emails" })
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Open", new() { Exact = true }).First).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        // Every action the worker may take is reachable with Tab; the chronology opens with Enter.
        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Write a record" }), 60);
        var chronology = page.GetByRole(AriaRole.Link, new() { Name = "Chronology", Exact = true });
        await page.TabToAsync(chronology, 10);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/chronology"));
        await page.GoBackAsync();

        // The back link returns to where the worker came from: My cases.
        var back = page.GetByRole(AriaRole.Link, new() { Name = "Back", Exact = true });
        await page.TabToAsync(back, 40);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
    }

    [Fact]
    public async Task CaseSummary_OnA390PixelPhone_FitsTheScreenWithNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "amara.osei");
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);
        var myCases = await MyCasesPage.GotoAsync(page);
        var child = await myCases.FirstCaseAsync();
        await myCases.AllocatedCases.GetByRole(AriaRole.Link, new() { Name = child.ChildName, Exact = true }).First.ClickAsync();
        await Expect(new CasePage(page).Caption).ToHaveTextAsync($"Case file {child.Reference}");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "the case page scrolls sideways on a phone");
        await page.ShouldHaveNoAxeViolationsAsync();
    }
}
