using Microsoft.Playwright;

namespace Casefile.Browser.Tests.Pages;

/// <summary>/people/{id}: a person's basic details, family and case file.</summary>
public sealed class PersonPage(IPage page) : CasefilePage(page)
{
    public ILocator CaseFileHeading => Page.GetByRole(AriaRole.Heading, new() { Name = "Case file", Exact = true, Level = 2 });

    /// <summary>The case reference in the "Case file" section, a link when the worker may open it.</summary>
    public ILocator CaseReferenceLink(string reference) => Page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true });

    public ILocator RecordReferralLink => Page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Record a referral about ") });

    public async Task<CasePage> OpenCaseFileAsync(string reference)
    {
        await CaseReferenceLink(reference).ClickAsync();
        await Page.WaitForURLAsync("**/cases/*");
        return new CasePage(Page);
    }

    public async Task<RecordReferralPage> RecordReferralAsync()
    {
        await RecordReferralLink.ClickAsync();
        await Page.WaitForURLAsync("**/referrals/new?childId=*");
        return new RecordReferralPage(Page);
    }
}
