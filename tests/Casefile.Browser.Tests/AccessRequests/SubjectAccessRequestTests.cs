using System.Text.Json;
using Casefile.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.AccessRequests;

/// <summary>
/// Policy 10.1 to 10.3 in a browser, with axe-core on every page: the worker registers a subject
/// access request (first with mistakes), builds the bundle and reviews the proposed redactions
/// (covering some, leaving one uncovered with a reason); a manager approves, Legal Services advise
/// on the people named, and the worker releases it and opens the disclosure log.
/// </summary>
public sealed class SubjectAccessRequestTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task SubjectAccess_RegisterBuildRedactApproveRelease_AxeCleanOnEveryPage()
    {
        var (caseId, motherName) = await NewCaseWithMotherAsync();
        string requestUrl;

        await using (var worker = await fixture.StartSessionAsync(signedInAs: "amara.osei"))
        {
            var page = worker.Page;
            await page.GotoAsync($"/cases/{caseId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Register an access request" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register an access request", Level = 1 })).ToBeVisibleAsync();
            await page.ShouldHaveNoAxeViolationsAsync();

            // Mistakes first: the error summary names what is missing and what was typed is kept.
            var subjectAccess = page.GetByRole(AriaRole.Radio, new() { Name = "Subject access request" });
            await subjectAccess.CheckAsync();
            await Expect(subjectAccess).ToBeCheckedAsync();
            await page.TabToAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Who is asking?" }), 10);
            await page.Keyboard.TypeAsync("Jo Bloggs");
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Register request" }), 20);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
            await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Who is asking?" })).ToHaveValueAsync("Jo Bloggs");
            await page.ShouldHaveNoAxeViolationsAsync();

            await page.GetByRole(AriaRole.Textbox, new() { Name = "What are they asking for?" }).FillAsync("Everything you hold about my childhood");
            var received = DateTime.UtcNow.AddDays(-2);
            var date = page.GetByRole(AriaRole.Group, new() { Name = "When did we receive the request?" });
            await date.GetByRole(AriaRole.Textbox, new() { Name = "Day" }).FillAsync(received.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await date.GetByRole(AriaRole.Textbox, new() { Name = "Month" }).FillAsync(received.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await date.GetByRole(AriaRole.Textbox, new() { Name = "Year" }).FillAsync(received.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Textbox, new() { Name = "How did you check who they are?" }).FillAsync("Passport and council tax bill seen");
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Legal basis" }).FillAsync("UK GDPR Article 15");
            await page.GetByRole(AriaRole.Button, new() { Name = "Register request" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subject access request", Level = 1 })).ToBeVisibleAsync();
            requestUrl = new Uri(page.Url).AbsolutePath;
            await page.ShouldHaveNoAxeViolationsAsync();

            // The bundle: everything on the record.
            await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Build the bundle" }), 80);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Build the bundle", Level = 1 })).ToBeVisibleAsync();
            await page.ShouldHaveNoAxeViolationsAsync();
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Build the bundle" }), 80);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review redactions", Level = 1 })).ToBeVisibleAsync();
            await page.ShouldHaveNoAxeViolationsAsync();

            // The mother's details are proposed for redaction. Leave one uncovered without a reason: refused.
            var decisions = page.Locator("form fieldset").Filter(new() { Has = page.GetByRole(AriaRole.Radio, new() { Name = "Do not cover it" }) });
            var count = await decisions.CountAsync();
            Assert.True(count >= 3, $"expected at least 3 proposed redactions, found {count}");
            await Expect(page.GetByText(motherName).First).ToBeVisibleAsync();
            var first = decisions.First;
            await first.GetByRole(AriaRole.Radio, new() { Name = "Do not cover it" }).CheckAsync();
            for (var i = 1; i < count; i++)
            {
                await decisions.Nth(i).GetByRole(AriaRole.Radio, new() { Name = "Cover it: third party" }).CheckAsync();
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Save decisions" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
            await page.ShouldHaveNoAxeViolationsAsync();

            first = decisions.First;
            await first.GetByRole(AriaRole.Radio, new() { Name = "Do not cover it" }).CheckAsync();
            for (var i = 1; i < count; i++)
            {
                await decisions.Nth(i).GetByRole(AriaRole.Radio, new() { Name = "Cover it: third party" }).CheckAsync();
            }
            await first.GetByRole(AriaRole.Textbox, new() { Name = "If you do not cover it, why can it be shared?" })
                .FillAsync("The requester already knows this: it is in a letter she sent us.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save decisions" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subject access request", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Legal Services must record their advice first" })).ToContainTextAsync("To do");
        }

        // A manager approves what is released.
        await using (var manager = await fixture.StartSessionAsync(signedInAs: "daniel.hughes"))
        {
            var page = manager.Page;
            await page.GotoAsync(requestUrl);
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Approve for release" }), 80);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByText("Approved by")).ToBeVisibleAsync();
            await page.ShouldHaveNoAxeViolationsAsync();
        }

        // Legal Services advise on the people named.
        await using (var legal = await fixture.StartSessionAsync(signedInAs: "sam.fraser"))
        {
            var page = legal.Page;
            await page.GotoAsync(requestUrl);
            await page.TabToAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Your advice on the people named (policy 10.2)" }), 80);
            await page.Keyboard.TypeAsync("Cover the mother's address and phone number.");
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record advice" }), 10);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByText("Legal Services' advice")).ToBeVisibleAsync();
            await page.ShouldHaveNoAxeViolationsAsync();
        }

        // The worker releases it and opens the log.
        await using (var worker = await fixture.StartSessionAsync(signedInAs: "amara.osei"))
        {
            var page = worker.Page;
            await page.GotoAsync(requestUrl);
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Release" }), 80);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Download the bundle" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Large print PDF" })).ToBeVisibleAsync();
            await page.ShouldHaveNoAxeViolationsAsync();
            await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Printable log for the court" }), 80);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Disclosure log", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Jo Bloggs");
            await page.ShouldHaveNoAxeViolationsAsync();
        }
    }

    // A new child allocated to amara.osei, their mother on the register, and one finalised record naming her.
    private async Task<(Guid CaseId, string MotherName)> NewCaseWithMotherAsync()
    {
        Guid caseId;
        Guid childId;
        await using (var session = await fixture.StartSessionAsync(signedInAs: "daniel.hughes"))
        {
            var api = session.Context.APIRequest;
            var child = await PostAsync(api, "/api/v1/people", new
            {
                kind = "child",
                givenName = "Access" + Guid.NewGuid().ToString("N")[..6],
                familyName = "Okonjo",
                dateOfBirth = "2012-05-04",
                sex = "female",
                address = new { line1 = "1 Test Street", town = "Harrowden", postcode = "HD1 2AB" },
            });
            childId = child.GetProperty("id").GetGuid();
            var referral = await PostAsync(api, "/api/v1/referrals", new
            {
                childId,
                receivedAt = DateTimeOffset.UtcNow.AddDays(-10),
                referrerName = "Ms J Patel",
                referrerAgency = "Harrowden Primary School",
                reason = "Child came to school hungry.",
            });
            var accepted = await PostAsync(api, $"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/accept",
                new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" });
            caseId = accepted.GetProperty("caseId").GetGuid();
        }

        await using var worker = await fixture.StartSessionAsync(signedInAs: "amara.osei");
        var w = worker.Context.APIRequest;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var mother = await PostAsync(w, "/api/v1/people", new
        {
            kind = "adult",
            givenName = "Marguerite",
            familyName = "Vance" + suffix,
            dateOfBirth = "1988-02-14",
            address = new { line1 = $"12 Larkspur{suffix} Road", town = "Harrowden", postcode = "HD9 9XY" },
        });
        await PostAsync(w, $"/api/v1/people/{childId}/relationships", new { relatedPersonId = mother.GetProperty("id").GetGuid(), kind = "mother" });
        var motherName = "Marguerite Vance" + suffix;
        var record = await PostAsync(w, $"/api/v1/cases/{caseId}/records", new
        {
            type = "homeVisit",
            occurredAt = DateTimeOffset.UtcNow.AddDays(-3),
            childProtectionEnquiry = false,
            purpose = "Check how things are at home",
            outcome = "Child safe; next visit in two weeks",
            narrative = $"I visited the home. {motherName} said she had been unwell and now lives at 12 Larkspur{suffix} Road. Her number is 07700 900456.",
            seen = "The child and her mother",
            spokenTo = "The child alone",
            childSeen = true,
            childSeenAlone = true,
        });
        await PostAsync(w, $"/api/v1/records/{record.GetProperty("id").GetGuid()}/finalise", new { });
        return (caseId, motherName);
    }

    private static async Task<JsonElement> PostAsync(IAPIRequestContext api, string url, object body)
    {
        var response = await api.PostAsync(url, new() { DataObject = body });
        var text = await response.TextAsync();
        Assert.True(response.Ok, $"{url}: {response.Status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
