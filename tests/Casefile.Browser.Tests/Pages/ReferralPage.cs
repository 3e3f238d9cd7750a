using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Casefile.Browser.Tests.Pages;

/// <summary>/referrals/{id}: one referral, with the decision forms for a manager.</summary>
public sealed class ReferralPage(IPage page) : CasefilePage(page)
{
    public ILocator AcceptHeading => Page.GetByRole(AriaRole.Heading, new() { Name = "Accept the referral", Exact = true });

    public ILocator Team => Page.GetByLabel("Team", new() { Exact = true });

    public ILocator AllocatedWorker => Page.GetByLabel("Allocated social worker", new() { Exact = true });

    public ILocator AcceptButton => Page.GetByRole(AriaRole.Button, new() { Name = "Accept and open the case file", Exact = true });

    public ILocator NoFurtherActionButton => Page.GetByRole(AriaRole.Button, new() { Name = "Decide no further action", Exact = true });

    public async Task<CasePage> AcceptAsync(string team, string worker)
    {
        await Team.SelectOptionAsync(new SelectOptionValue { Label = team });
        await AllocatedWorker.SelectOptionAsync(new SelectOptionValue { Label = worker });
        await AcceptButton.ClickAsync();
        await Page.WaitForURLAsync(url => Regex.IsMatch(new Uri(url).AbsolutePath, "^/cases/[0-9a-f-]{36}$"));
        return new CasePage(Page);
    }
}

/// <summary>/referrals: referrals waiting for a decision and recently decided.</summary>
public sealed class ReferralsPage(IPage page) : CasefilePage(page)
{
    public ILocator Awaiting => Page.GetByRole(AriaRole.Table, new() { Name = "Referrals waiting for a decision" });

    public static async Task<ReferralsPage> GotoAsync(IPage page)
    {
        await page.GotoAsync("/referrals");
        return new ReferralsPage(page);
    }

    public async Task<ReferralPage> OpenFirstAwaitingAsync()
    {
        await Awaiting.GetByRole(AriaRole.Link).First.ClickAsync();
        await Page.WaitForURLAsync(url => Regex.IsMatch(new Uri(url).AbsolutePath, "^/referrals/[0-9a-f-]{36}$"));
        return new ReferralPage(Page);
    }
}
