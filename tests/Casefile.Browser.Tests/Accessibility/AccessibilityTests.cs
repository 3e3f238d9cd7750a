using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Accessibility;

/// <summary>
/// axe-core on every page a worker passes through, in the states that matter (with errors
/// shown, with results). Automated checks find only part of what a person with a screen reader
/// meets, but what they find is always a real barrier.
/// </summary>
public sealed class AccessibilityTests(CasefileBrowserFixture fixture)
{
    private const string SocialWorker = "amara.osei";
    private const string Manager = "daniel.hughes";

    [Fact]
    public async Task SignIn_WhenFirstShown_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync();
        var signIn = await SignInPage.GotoAsync(session.Page);
        await Expect(signIn.Heading).ToHaveTextAsync("Sign in to Casefile");

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task SignIn_WhenShowingErrors_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync();
        var signIn = await SignInPage.GotoAsync(session.Page);
        await signIn.SignInButton.ClickAsync();
        await Expect(signIn.ErrorSummary.Title).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task MyCases_WhenSocialWorkerHasCases_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync();
        var myCases = await SignInPage.SignInAsync(session.Page, SocialWorker);
        await Expect(myCases.CaseRows.First).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task PeopleSearch_WhenShowingResults_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync();
        var myCases = await SignInPage.SignInAsync(session.Page, SocialWorker);
        var child = await myCases.FirstCaseAsync();
        var search = await PeopleSearchPage.GotoAsync(session.Page);
        await search.SearchAsync(child.FamilyName);
        await Expect(search.ResultLinks.First).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Person_WhenChildHasCaseFile_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync();
        var person = await OpenFirstChildAsync(session);
        await Expect(person.CaseFileHeading).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task CaseFile_WhenAllocatedWorkerOpensIt_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync();
        var myCases = await SignInPage.SignInAsync(session.Page, SocialWorker);
        var child = await myCases.FirstCaseAsync();
        await myCases.AllocatedCases.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = child.ChildName, Exact = true }).First.ClickAsync();
        var caseFile = new CasePage(session.Page);
        await Expect(caseFile.Caption).ToHaveTextAsync($"Case file {child.Reference}");

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task AddPerson_WhenShowingErrors_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync();
        await SignInPage.SignInAsync(session.Page, SocialWorker);
        var form = await AddPersonPage.GotoAsync(session.Page);
        await form.FirstName.FillAsync("Tobias");
        await form.DateOfBirth.FillAsync(day: "31", month: "2", year: "2015");
        await form.SubmitAsync();
        await Expect(form.ErrorSummary.Title).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task RecordReferral_WhenChildIsChosen_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync();
        var person = await OpenFirstChildAsync(session);
        var childId = person.Path.Split('/')[^1];
        await session.Page.GotoAsync($"/referrals/new?childId={childId}");
        var form = new RecordReferralPage(session.Page);
        await Expect(form.RecordButton).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Referral_WhenManagerCanDecide_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync();
        await SignInPage.SignInAsync(session.Page, Manager);
        var referrals = await ReferralsPage.GotoAsync(session.Page);
        var referral = await referrals.OpenFirstAwaitingAsync();
        await Expect(referral.Heading).ToHaveTextAsync("Referral");
        await Expect(referral.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Decide no further action" })).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task NotFound_WhenPersonDoesNotExist_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync();
        await SignInPage.SignInAsync(session.Page, SocialWorker);
        var response = await session.Page.GotoAsync("/people/00000000-0000-0000-0000-000000000000");
        response.ShouldNotBeNull().Status.ShouldBe(404);
        await Expect(session.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    /// <summary>Signs in as the social worker and opens the person page of the first child on My cases.</summary>
    private static async Task<PersonPage> OpenFirstChildAsync(BrowserSession session)
    {
        var myCases = await SignInPage.SignInAsync(session.Page, SocialWorker);
        var child = await myCases.FirstCaseAsync();
        var search = await PeopleSearchPage.GotoAsync(session.Page);
        await search.SearchAsync(child.ChildName);
        return await search.OpenPersonAsync(child.ChildName, child.Reference);
    }
}
