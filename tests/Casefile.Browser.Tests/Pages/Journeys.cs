namespace Casefile.Browser.Tests.Pages;

/// <summary>Short routes through the pages that several tests take to reach the page they are about.</summary>
public static class Journeys
{
    /// <summary>Takes the first child on the signed-in worker's My cases and opens their person page through the search.</summary>
    public static async Task<(PersonPage Person, CaseRow Child)> OpenFirstChildOnMyCasesAsync(Microsoft.Playwright.IPage page)
    {
        var myCases = await MyCasesPage.GotoAsync(page);
        var child = await myCases.FirstCaseAsync();
        var search = await PeopleSearchPage.GotoAsync(page);
        await search.SearchAsync(child.ChildName);
        return (await search.OpenPersonAsync(child.ChildName, child.Reference), child);
    }
}
