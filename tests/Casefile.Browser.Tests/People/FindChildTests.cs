using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.People;

/// <summary>A social worker finds one of their children by name, misspelt, and opens the case file.</summary>
public sealed class FindChildTests(CasefileBrowserFixture fixture)
{
    private const string SocialWorker = "amara.osei";
    private const string SocialWorkerName = "Amara Osei";

    [Fact]
    public async Task SearchAndOpenCaseFile_WhenFamilyNameHasATypo_ShowsTheCaseFile()
    {
        await using var session = await fixture.StartSessionAsync();
        var page = session.Page;

        var signIn = await SignInPage.GotoAsync(page);
        await Expect(signIn.Heading).ToHaveTextAsync("Sign in to Casefile");
        var myCases = await signIn.SignInAsync(SocialWorker);
        await Expect(myCases.Heading).ToHaveTextAsync("My cases");
        await Expect(myCases.SignOutButton).ToBeVisibleAsync();

        var child = await myCases.FirstCaseAsync();
        var misspelt = $"{child.GivenName} {Typing.SwapMiddleLetters(child.FamilyName)}";
        misspelt.ShouldNotBe(child.ChildName);

        var search = await myCases.FindAChildAsync();
        await Expect(search.Heading).ToHaveTextAsync("Find a person");
        await search.SearchAsync(misspelt);
        await Expect(search.ResultsHeading).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(1 person|\\d+ people) found$"));
        await Expect(search.ResultRow(child.ChildName, child.Reference)).ToBeVisibleAsync();

        var person = await search.OpenPersonAsync(child.ChildName, child.Reference);
        await Expect(person.Heading).ToHaveTextAsync(child.ChildName);
        await Expect(person.CaseFileHeading).ToBeVisibleAsync();

        var caseFile = await person.OpenCaseFileAsync(child.Reference);
        await Expect(caseFile.Heading).ToHaveTextAsync(child.ChildName);
        await Expect(caseFile.Caption).ToHaveTextAsync($"Case file {child.Reference}");
        await Expect(caseFile.SummaryKey("Allocated worker")).ToBeVisibleAsync();
        await Expect(caseFile.AllocatedWorker).ToHaveTextAsync(SocialWorkerName);
    }

    [Fact]
    public async Task SearchAndOpenCaseFile_WhenUsingOnlyTheKeyboard_ShowsTheCaseFile()
    {
        await using var session = await fixture.StartSessionAsync();
        var page = session.Page;
        var keyboard = page.Keyboard;

        // Sign in. The first Tab on the page must reach the skip link (GOV.UK template).
        var signIn = await SignInPage.GotoAsync(page);
        await keyboard.PressAsync("Tab");
        await Expect(signIn.SkipLink).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        await keyboard.PressAsync("Tab");
        await Expect(signIn.UserName).ToBeFocusedAsync();
        await keyboard.TypeAsync(SocialWorker);
        await keyboard.PressAsync("Tab");
        await Expect(signIn.Password).ToBeFocusedAsync();
        await keyboard.PressAsync("Shift+Tab");
        await Expect(signIn.UserName).ToBeFocusedAsync();
        await Expect(signIn.UserName).ToHaveValueAsync(SocialWorker);
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync(SignInPage.DemoPassword);
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        var myCases = new MyCasesPage(page);
        await Expect(myCases.Heading).ToHaveTextAsync("My cases");
        var child = await myCases.FirstCaseAsync();

        // My cases → Find a child. (Focus may already be in main: the skip link's #main-content survives the sign-in redirect.)
        await page.TabToAsync(myCases.FindAChildLink);
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/people");

        // Search, misspelt.
        var search = new PeopleSearchPage(page);
        await Expect(search.Heading).ToHaveTextAsync("Find a person");
        await keyboard.PressAsync("Tab");
        await Expect(search.SkipLink).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        await keyboard.PressAsync("Tab");
        await Expect(search.SearchBox).ToBeFocusedAsync();
        await keyboard.TypeAsync($"{child.GivenName} {Typing.SwapMiddleLetters(child.FamilyName)}");
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(PeopleSearchPage.IsResultsUrl);

        // The child's row, then their page.
        await keyboard.PressAsync("Tab");
        await Expect(search.SkipLink).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        await page.TabToAsync(search.ResultRow(child.ChildName, child.Reference).GetByRole(Microsoft.Playwright.AriaRole.Link));
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/people/*");

        var person = new PersonPage(page);
        await Expect(person.Heading).ToHaveTextAsync(child.ChildName);
        await keyboard.PressAsync("Tab");
        await Expect(person.SkipLink).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        await page.TabToAsync(person.CaseReferenceLink(child.Reference), maxPresses: 5);
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/cases/*");

        var caseFile = new CasePage(page);
        await Expect(caseFile.Heading).ToHaveTextAsync(child.ChildName);
        await Expect(caseFile.Caption).ToHaveTextAsync($"Case file {child.Reference}");
        await Expect(caseFile.AllocatedWorker).ToHaveTextAsync(SocialWorkerName);
    }
}
