using System.Globalization;
using System.Text.Json;
using Casefile.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Journey;

/// <summary>
/// Issue 16 with the keyboard alone: a worker records a strategy discussion, a section 47 enquiry
/// and an initial conference that makes a plan; the case summary then shows "CP plan: neglect" and
/// the next statutory visit due. Every page is axe-clean.
/// </summary>
public sealed class ChildProtectionJourneyTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task ChildProtection_FromStrategyDiscussionToPlan_ByKeyboardAlone()
    {
        var caseId = await NewCaseForAmaraAsync();
        await using var session = await fixture.StartSessionAsync(signedInAs: "amara.osei");
        var page = session.Page;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await page.GotoAsync($"/cases/{caseId}");
        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Statutory journey" }), 80);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statutory journey", Level = 1 })).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        // The strategy discussion agrees a section 47 enquiry.
        await FollowAsync(page, "Record a strategy discussion");
        await TypeDateAsync(page, "When was it held?", today.AddDays(-3));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("DS Lewis (police), Ms Patel (school), Amara Osei");
        await page.TabToAsync(page.GetByRole(AriaRole.Radio, new() { Name = "Start a section 47 enquiry" }), 5);
        await page.Keyboard.PressAsync("Space");
        await page.ShouldHaveNoAxeViolationsAsync();
        await SaveAsync(page, "Strategy discussion recorded");

        // The enquiry starts from that discussion.
        await FollowAsync(page, "Start a section 47 enquiry");
        await TypeDateAsync(page, "When did the enquiry start?", today.AddDays(-3));
        await page.ShouldHaveNoAxeViolationsAsync();
        await SaveAsync(page, "Section 47 enquiry started");
        await Expect(page.Locator("#journey-due")).ToBeVisibleAsync();
        await Expect(page.GetByText("Initial child protection conference: due by")).ToBeVisibleAsync();

        // The initial conference makes a plan under neglect.
        await FollowAsync(page, "Record a child protection conference");
        await TypeDateAsync(page, "When was it held?", today.AddDays(-1));
        await page.TabToAsync(page.GetByRole(AriaRole.Radio, new() { Name = "A child protection plan" }), 5);
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync(page.GetByRole(AriaRole.Radio, new() { Name = "Neglect" }), 5);
        await page.Keyboard.PressAsync("Space");
        await page.ShouldHaveNoAxeViolationsAsync();
        await SaveAsync(page, "Conference recorded");
        await Expect(page.Locator("#journey-statuses")).ToContainTextAsync("CP plan: neglect");

        // The case summary shows the plan and the next visit due.
        await page.GotoAsync($"/cases/{caseId}");
        await Expect(page.Locator("#case-status")).ToContainTextAsync("CP plan: neglect");
        await Expect(page.Locator("#due")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Child protection visit" })).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    private static async Task FollowAsync(IPage page, string link)
    {
        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = link }), 80);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task TypeDateAsync(IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend });
        await page.TabToAsync(group.GetByLabel("Day"), 40);
        await page.Keyboard.TypeAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task SaveAsync(IPage page, string confirmation)
    {
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save" }), 20);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync(confirmation);
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    private async Task<Guid> NewCaseForAmaraAsync()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "daniel.hughes");
        var api = session.Context.APIRequest;
        var child = await PostAsync(api, "/api/v1/people", new
        {
            kind = "child",
            givenName = "Journey" + Guid.NewGuid().ToString("N")[..6],
            familyName = "Hart",
            dateOfBirth = "2017-02-11",
            sex = "male",
            address = new { line1 = "5 Test Street", town = "Harrowden", postcode = "HD1 2AB" },
        });
        var referral = await PostAsync(api, "/api/v1/referrals", new
        {
            childId = child.GetProperty("id").GetGuid(),
            receivedAt = DateTimeOffset.UtcNow.AddDays(-4),
            referrerName = "DS Lewis",
            referrerAgency = "Harrowden Police",
            reason = "A bruise seen by the school; the child said his father hit him.",
            source = "6",
        });
        var accepted = await PostAsync(api, $"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/accept",
            new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" });
        return accepted.GetProperty("caseId").GetGuid();
    }

    private static async Task<JsonElement> PostAsync(IAPIRequestContext api, string url, object body)
    {
        var response = await api.PostAsync(url, new() { DataObject = body });
        var text = await response.TextAsync();
        Assert.True(response.Ok, $"{url}: {response.Status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
