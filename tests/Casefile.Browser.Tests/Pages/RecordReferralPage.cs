using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Casefile.Browser.Tests.Pages;

/// <summary>/referrals/new?childId=…: "Record a referral" about one child.</summary>
public sealed class RecordReferralPage(IPage page) : CasefilePage(page)
{
    public DateInput ReceivedOn => new(Page, "Date the referral was received");

    public ILocator ReceivedTime => Page.GetByLabel("Time received", new() { Exact = true });

    public ILocator ReferrerName => Page.GetByLabel("Who made the referral", new() { Exact = true });

    public ILocator ReferrerAgency => Page.GetByLabel("Their agency or organisation (optional)", new() { Exact = true });

    public ILocator Reason => Page.GetByLabel("Reason for the referral", new() { Exact = true });

    public ILocator RecordButton => Page.GetByRole(AriaRole.Button, new() { Name = "Record referral", Exact = true });

    public async Task<ReferralPage> RecordAsync(DateOnly receivedOn, string time, string referrer, string agency, string reason)
    {
        await ReceivedOn.FillAsync(receivedOn);
        await ReceivedTime.FillAsync(time);
        await ReferrerName.FillAsync(referrer);
        await ReferrerAgency.FillAsync(agency);
        await Reason.FillAsync(reason);
        await RecordButton.ClickAsync();
        await Page.WaitForURLAsync(url => Regex.IsMatch(new Uri(url).AbsolutePath, "^/referrals/[0-9a-f-]{36}$"));
        return new ReferralPage(Page);
    }
}
