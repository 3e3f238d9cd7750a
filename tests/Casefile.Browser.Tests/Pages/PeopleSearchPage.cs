using Microsoft.Playwright;

namespace Casefile.Browser.Tests.Pages;

/// <summary>/people: "Find a person", and its results.</summary>
public sealed class PeopleSearchPage(IPage page) : CasefilePage(page)
{
    public ILocator SearchBox => Page.GetByLabel("Name, and date of birth if you know it");

    public ILocator SearchButton => Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true });

    /// <summary>"No one found", "1 person found" or "12 people found".</summary>
    public ILocator ResultsHeading => Page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^(No one|1 person|\\d+ people) found$") });

    /// <summary>The results table, named by its heading ("3 people found").</summary>
    public ILocator Results => Page.GetByRole(AriaRole.Table, new() { NameRegex = new("found$") });

    /// <summary>The result row of the person called <paramref name="name"/> whose case file is <paramref name="caseReference"/>.</summary>
    public ILocator ResultRow(string name, string caseReference) =>
        Results.GetByRole(AriaRole.Row)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) })
            .Filter(new() { HasText = caseReference });

    public ILocator ResultLinks => Results.GetByRole(AriaRole.Link);

    public static async Task<PeopleSearchPage> GotoAsync(IPage page)
    {
        await page.GotoAsync("/people");
        return new PeopleSearchPage(page);
    }

    public async Task SearchAsync(string text)
    {
        await SearchBox.FillAsync(text);
        await SearchButton.ClickAsync();
        await Page.WaitForURLAsync(IsResultsUrl);
    }

    /// <summary>/people?query=… (the form names the box "Query"; the page binds either case).</summary>
    public static bool IsResultsUrl(string url) => new Uri(url).Query.Contains("query=", StringComparison.OrdinalIgnoreCase);

    public async Task<PersonPage> OpenPersonAsync(string name, string caseReference)
    {
        await ResultRow(name, caseReference).GetByRole(AriaRole.Link).ClickAsync();
        await Page.WaitForURLAsync("**/people/*");
        return new PersonPage(Page);
    }
}
