using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.People;

/// <summary>Adding a person: a refused form shows the GOV.UK error summary, each error linked to its field, and keeps what was typed.</summary>
public sealed class AddPersonTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task Submit_WhenOnlyFirstNameAndImpossibleDateOfBirth_ShowsErrorSummaryAndKeepsWhatWasTyped()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "amara.osei");
        var page = session.Page;

        var form = await AddPersonPage.GotoAsync(page);
        await Expect(form.Heading).ToHaveTextAsync("Add a person to the register");
        await form.FirstName.FillAsync("Tobias");
        await form.DateOfBirth.FillAsync(day: "31", month: "2", year: "2015");
        // The UPN by keyboard, past the address, ethnicity and disability fields: its check letter does not match.
        await page.TabToAsync(form.Upn, 40);
        await page.Keyboard.TypeAsync("A820200100101");
        await form.SubmitAsync();

        // GOV.UK: the summary, titled "There is a problem", with a link to each field in error.
        await Expect(form.ErrorSummary.Title).ToHaveTextAsync("There is a problem");
        await Expect(page).ToHaveTitleAsync("Error: Add a person – Casefile");
        var links = await form.ErrorSummary.Links.AllAsync();
        links.Count.ShouldBeGreaterThanOrEqualTo(3, "an error for the last name, the date of birth and the UPN at least");
        foreach (var link in links)
        {
            var href = await link.GetAttributeAsync("href") ?? "";
            href.ShouldStartWith("#", customMessage: $"the error summary link '{await link.InnerTextAsync()}' should point at a field");
            (await page.Locator($"[id='{href[1..]}']").CountAsync())
                .ShouldBe(1, $"the error summary link '{await link.InnerTextAsync()}' points at {href}, which is not on the page");
        }
        await Expect(form.ErrorSummary.Link("Date of birth must be a real date")).ToHaveAttributeAsync("href", "#Input_DateOfBirth");

        // What was typed is still there.
        await Expect(form.FirstName).ToHaveValueAsync("Tobias");
        await Expect(form.DateOfBirth.Day).ToHaveValueAsync("31");
        await Expect(form.DateOfBirth.Month).ToHaveValueAsync("2");
        await Expect(form.DateOfBirth.Year).ToHaveValueAsync("2015");
        await Expect(form.Upn).ToHaveValueAsync("A820200100101");
        await page.ShouldHaveNoAxeViolationsAsync();

        // The UPN's link takes the user to the UPN box.
        var upnError = form.ErrorSummary.Link("Check the Unique Pupil Number: the first letter does not match the rest. Copy it from the school's records");
        await Expect(upnError).ToHaveAttributeAsync("href", "#Input_Upn");
        await upnError.ClickAsync();
        await Expect(form.Upn).ToBeFocusedAsync();

        // The date's link takes the user to its first box.
        await form.ErrorSummary.Link("Date of birth must be a real date").ClickAsync();
        await Expect(form.DateOfBirth.Day).ToBeFocusedAsync();
    }
}
