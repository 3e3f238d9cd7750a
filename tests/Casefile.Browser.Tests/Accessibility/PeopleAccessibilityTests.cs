using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Accessibility;

/// <summary>axe-core on finding, viewing and adding people, and on the page for a person who is not there.</summary>
public sealed class PeopleAccessibilityTests(CasefileBrowserFixture fixture)
{
    private const string SocialWorker = "amara.osei";

    [Fact]
    public async Task PeopleSearch_WhenShowingResults_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: SocialWorker);
        var myCases = await MyCasesPage.GotoAsync(session.Page);
        var child = await myCases.FirstCaseAsync();
        var search = await PeopleSearchPage.GotoAsync(session.Page);
        await search.SearchAsync(child.FamilyName);
        await Expect(search.ResultLinks.First).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Person_WhenChildHasCaseFile_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: SocialWorker);
        var (person, child) = await Journeys.OpenFirstChildOnMyCasesAsync(session.Page);
        await Expect(person.CaseReferenceLink(child.Reference)).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task AddRelationship_WhenChoosingFromResults_HasNoAxeViolationsAndAddsIt()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: SocialWorker);
        var (person, child) = await Journeys.OpenFirstChildOnMyCasesAsync(session.Page);
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Add a family member or professional" }).ClickAsync();
        await session.Page.GetByLabel("Find the person on the register").FillAsync("Marion Evans");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Group, new() { Name = "Who are they?" })).ToBeVisibleAsync();
        await session.Page.ShouldHaveNoAxeViolationsAsync();

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Add relationship" }).ClickAsync();
        await Expect(session.Page.GetByText("There is a problem")).ToBeVisibleAsync();
        await session.Page.ShouldHaveNoAxeViolationsAsync();

        await session.Page.GetByRole(AriaRole.Radio).First.CheckAsync();
        await session.Page.GetByLabel($"They are {child.ChildName.Split(' ')[0]}'s").SelectOptionAsync("Health visitor");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Add relationship" }).ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Cell, new() { Name = "Health visitor" })).ToBeVisibleAsync();
        _ = person;
    }

    [Fact]
    public async Task AddPerson_WhenShowingErrors_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: SocialWorker);
        var form = await AddPersonPage.GotoAsync(session.Page);
        await form.FirstName.FillAsync("Tobias");
        await form.DateOfBirth.FillAsync(day: "31", month: "2", year: "2015");
        await form.SubmitAsync();
        await Expect(form.ErrorSummary.Title).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task NotFound_WhenPersonDoesNotExist_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: SocialWorker);
        var response = await session.Page.GotoAsync("/people/00000000-0000-0000-0000-000000000000");
        response.ShouldNotBeNull().Status.ShouldBe(404);
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }
}
