using Microsoft.Playwright;

namespace Casefile.Browser.Tests.Pages;

/// <summary>The home page: the signed-in worker's own cases.</summary>
public sealed class MyCasesPage(IPage page) : CasefilePage(page)
{
    /// <summary>The table's caption (visually hidden) names it.</summary>
    public ILocator AllocatedCases => Page.GetByRole(AriaRole.Table, new() { Name = "Cases allocated to you" });

    public ILocator FindAChildLink => Page.GetByRole(AriaRole.Link, new() { Name = "Find a child", Exact = true });

    /// <summary>Data rows only: those with cells, not the header row.</summary>
    public ILocator CaseRows => AllocatedCases.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell) });

    public static async Task<MyCasesPage> GotoAsync(IPage page)
    {
        await page.GotoAsync("/");
        return new MyCasesPage(page);
    }

    public async Task<CaseRow> FirstCaseAsync()
    {
        var row = CaseRows.First;
        var cells = row.GetByRole(AriaRole.Cell);
        return new CaseRow(
            ChildName: (await cells.Nth(0).InnerTextAsync()).Trim(),
            DateOfBirth: (await cells.Nth(1).InnerTextAsync()).Trim(),
            Reference: (await cells.Nth(2).InnerTextAsync()).Trim(),
            Team: (await cells.Nth(3).InnerTextAsync()).Trim());
    }

    public async Task<PeopleSearchPage> FindAChildAsync()
    {
        await FindAChildLink.ClickAsync();
        await Page.WaitForURLAsync("**/people");
        return new PeopleSearchPage(Page);
    }
}

public sealed record CaseRow(string ChildName, string DateOfBirth, string Reference, string Team)
{
    public string GivenName => ChildName[..ChildName.IndexOf(' ', StringComparison.Ordinal)];

    public string FamilyName => ChildName[(ChildName.IndexOf(' ', StringComparison.Ordinal) + 1)..];
}
