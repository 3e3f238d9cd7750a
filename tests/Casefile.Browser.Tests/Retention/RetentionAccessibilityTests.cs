using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Retention;

/// <summary>axe-core on the retention pages: a case's retention, the records managers' lists, destroyed files and the schedule.</summary>
public sealed class RetentionAccessibilityTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task RetentionPages_WhenUsedByKeyboard_HaveNoAxeViolations()
    {
        await using (var amara = await fixture.StartSessionAsync(signedInAs: "amara.osei"))
        {
            var myCases = await MyCasesPage.GotoAsync(amara.Page);
            var child = await myCases.FirstCaseAsync();
            await myCases.AllocatedCases.GetByRole(AriaRole.Link, new() { Name = child.ChildName, Exact = true }).First.ClickAsync();
            await amara.Page.GetByRole(AriaRole.Link, new() { Name = "See the retention decision, categories, care events and legal holds" }).ClickAsync();
            await Expect(amara.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How long the file is kept");
            await amara.Page.ShouldHaveNoAxeViolationsAsync();

            // Keyboard only: choose the kind, leave the date out, send; the error summary takes focus.
            await amara.Page.GetByLabel("Looked after").FocusAsync();
            await amara.Page.Keyboard.PressAsync("Space");
            await amara.Page.GetByRole(AriaRole.Button, new() { Name = "Record the care event" }).FocusAsync();
            await amara.Page.Keyboard.PressAsync("Enter");
            await Expect(amara.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the date the child became looked after");
            await amara.Page.ShouldHaveNoAxeViolationsAsync();
        }

        await using var rita = await fixture.StartSessionAsync(signedInAs: "rita.kowalski");
        foreach (var (url, heading) in new[]
        {
            ("/retention/disposals", "Files due for disposal"),
            ("/retention/reviews", "Files due for review"),
            ("/retention/destroyed", "Destroyed files"),
            ("/retention/schedule", "Retention schedule"),
        })
        {
            await rita.Page.GotoAsync(url);
            await Expect(rita.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await rita.Page.ShouldHaveNoAxeViolationsAsync();
        }

        // Upload with no file, by keyboard: the error summary names the file.
        await rita.Page.GetByLabel("Why is the schedule changing?").FocusAsync();
        await rita.Page.Keyboard.TypeAsync("Follow the regulation for looked after children");
        await rita.Page.GetByRole(AriaRole.Button, new() { Name = "Upload the changed schedule" }).FocusAsync();
        await rita.Page.Keyboard.PressAsync("Enter");
        await Expect(rita.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose the schedule file to upload");
        await Expect(rita.Page.GetByLabel("Why is the schedule changing?")).ToHaveValueAsync("Follow the regulation for looked after children");
        await rita.Page.ShouldHaveNoAxeViolationsAsync();
    }
}
