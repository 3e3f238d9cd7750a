using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Records;

/// <summary>
/// A social worker records a home visit with the keyboard alone: the draft saves as they type,
/// Casefile points out jargon, and the finalised record is in the child's chronology.
/// </summary>
public sealed class RecordHomeVisitTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task HomeVisit_WrittenByKeyboard_ShowsAHintIsFinalisedAndIsInTheChronology()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "amara.osei");
        var page = session.Page;
        var myCases = await MyCasesPage.GotoAsync(page);
        var child = await myCases.FirstCaseAsync();
        var caseLink = myCases.AllocatedCases.GetByRole(AriaRole.Link, new() { Name = child.ChildName, Exact = true }).First;
        await page.TabToAsync(caseLink, 40);
        await page.Keyboard.PressAsync("Enter");
        var writeRecord = page.GetByRole(AriaRole.Link, new() { Name = "Write a record" });
        await page.TabToAsync(writeRecord, 40);
        await page.Keyboard.PressAsync("Enter");

        var form = new RecordFormPage(page);
        await Expect(form.Heading).ToHaveTextAsync("Write a record");
        await page.ShouldHaveNoAxeViolationsAsync();
        var word = "Zq" + Guid.NewGuid().ToString("N")[..6];
        var purpose = $"Home visit after the school's concern ({word})";
        await page.TabToAsync(form.Kind, 40);
        await page.Keyboard.TypeAsync("Home visit");
        await Expect(form.Kind).ToHaveValueAsync("HomeVisit");
        // Yesterday morning: whatever time the test runs, the visit is in the past.
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await page.TabToAsync(form.Day);
        foreach (var part in new[] { yesterday.Day, yesterday.Month, yesterday.Year })
        {
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync(part.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(form.Time).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("09:15");
        await page.TabToAsync(form.Purpose);
        await page.Keyboard.TypeAsync(purpose);
        await page.TabToAsync(form.Narrative);
        await page.Keyboard.TypeAsync("I visited the family at home. The LAC review was moved to next week. Mum disclosed she is worried about money.");
        await page.TabToAsync(form.Outcome);
        await page.Keyboard.TypeAsync("Children safe. I will help Mum apply for a school uniform grant.");

        await Expect(form.AutosaveStatus).ToContainTextAsync("Draft saved");
        await Expect(form.Hints).ToContainTextAsync("looked after child");

        await page.TabToAsync(form.ChildSeenYes, 20);
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync(form.Finalise, 60);
        await page.Keyboard.PressAsync("Enter");

        var record = new RecordPage(page);
        await Expect(record.SuccessBanner).ToContainTextAsync("Record finalised");
        await Expect(record.Heading).ToHaveTextAsync("Home visit");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.TabToAsync(record.ChronologyLink, 30);
        await page.Keyboard.PressAsync("Enter");

        var chronology = new ChronologyPage(page);
        await Expect(chronology.Heading).ToHaveTextAsync("Chronology");
        await page.TabToAsync(chronology.Search, 40);
        await page.Keyboard.TypeAsync(word);
        await page.Keyboard.PressAsync("Enter");
        await Expect(chronology.Entries).ToHaveCountAsync(1);
        await Expect(chronology.Entries.First).ToContainTextAsync(purpose);
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task ChronologyAndWriteUps_WhenAManagerLooks_HaveNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "daniel.hughes");
        var page = session.Page;
        var myCases = await MyCasesPage.GotoAsync(page);
        var child = await myCases.FirstCaseAsync();
        await myCases.AllocatedCases.GetByRole(AriaRole.Link, new() { Name = child.ChildName, Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Chronology", Exact = true }).ClickAsync();

        var chronology = new ChronologyPage(page);
        await Expect(chronology.Entries.First).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Write-ups" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Write-ups");
        await page.ShouldHaveNoAxeViolationsAsync();

        // The demo's records talk about school: a search finds some, and the results page is accessible too.
        await page.GetByLabel("Search finalised records in your caseload").FillAsync("school");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search records" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Search records");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("Records matching");
        await page.ShouldHaveNoAxeViolationsAsync();
    }
}
