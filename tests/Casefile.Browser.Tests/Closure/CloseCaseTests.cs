using System.Text.Json;
using Casefile.Browser.Tests.Infrastructure;
using Casefile.Domain.Closure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Closure;

/// <summary>
/// Policy 6.3 to 6.6 with the keyboard alone: the worker writes the closing summary and the
/// checklist, their line manager authorises, the case closes, and the admin officer works through
/// the tasks it created, sending the closure letter Casefile wrote.
/// </summary>
public sealed class CloseCaseTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task Closure_FromSummaryToAdminTasks_ByKeyboardAlone()
    {
        var (caseId, childName) = await NewCaseForAmaraAsync();

        // The worker asks to close the case.
        await using (var worker = await fixture.StartSessionAsync(signedInAs: "amara.osei"))
        {
            var page = worker.Page;
            await page.GotoAsync($"/cases/{caseId}");
            var ask = page.GetByRole(AriaRole.Link, new() { Name = "Ask to close the case" });
            await page.TabToAsync(ask, 80);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ask to close the case", Level = 1 })).ToBeVisibleAsync();
            await page.ShouldHaveNoAxeViolationsAsync();

            await TypeInto(page, "Why we were involved", "The school said the child came in hungry with a bruise.");
            await TypeInto(page, "What we did and what changed", "Family support for twelve weeks. Breakfast club place. No more bruises.");
            await TypeInto(page, "Other professionals and their views", "The school and health visitor agree the case can close.");
            await TypeInto(page, "Who will go on supporting the child and family", "The school's family support worker.");

            foreach (var item in ClosureChecklist.Items.Where(i => i.Source == ChecklistSource.Worker))
            {
                var group = page.GetByRole(AriaRole.Group, new() { Name = item.Text, Exact = true });
                await page.TabToAsync(group.GetByRole(AriaRole.Radio, new() { Name = "Not done yet" }), 10);
                // Arrow keys move the choice within a radio group: up twice from "Not done yet" is "Done".
                await page.Keyboard.PressAsync("ArrowUp");
                await page.Keyboard.PressAsync("ArrowUp");
                await Expect(group.GetByRole(AriaRole.Radio, new() { Name = "Done", Exact = true })).ToBeCheckedAsync();
            }
            var consent = page.GetByRole(AriaRole.Group, new() { Name = "Casefile checks this: " + ClosureChecklist.Item(ClosureChecklist.ConsentForm).Text });
            await page.TabToAsync(consent.GetByRole(AriaRole.Radio, new() { Name = "Casefile checks it" }), 80);
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("The signed consent is on paper volume 1.");

            var name = page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).First;
            await page.TabToAsync(name, 80);
            await page.Keyboard.TypeAsync("Ms Joanne Walker");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("1 Test Street");
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.TypeAsync("Harrowden HD1 2AB");

            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send to my line manager" }), 80);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Request to close the case", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("gone to your line manager");
            await page.ShouldHaveNoAxeViolationsAsync();
        }

        // Her line manager authorises it.
        await using (var manager = await fixture.StartSessionAsync(signedInAs: "daniel.hughes"))
        {
            var page = manager.Page;
            await page.GotoAsync($"/cases/{caseId}");
            await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "See the request" }), 80);
            await page.Keyboard.PressAsync("Enter");
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Authorise closure" }), 80);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Closure authorised");
            await Expect(page.GetByText("Authorised: case closed")).ToBeVisibleAsync();
            await page.ShouldHaveNoAxeViolationsAsync();
        }

        // The admin officer sends the letter and does the rest.
        await using (var admin = await fixture.StartSessionAsync(signedInAs: "olu.bello"))
        {
            var page = admin.Page;
            await page.GotoAsync("/");
            await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Admin tasks" }), 30);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin tasks", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = childName + ", case file" })).ToBeVisibleAsync();
            var tasks = page.Locator($"[data-case='{caseId}'] .govuk-summary-card");
            await Expect(tasks).ToHaveCountAsync(4);
            await Expect(tasks.Filter(new() { HasText = "Ms Joanne Walker" })).ToHaveCountAsync(1);
            await page.ShouldHaveNoAxeViolationsAsync();
            for (var left = 4; left > 0; left--)
            {
                await page.TabToAsync(tasks.First.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }), 80);
                await page.Keyboard.PressAsync("Enter");
                await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Marked as done");
                await Expect(tasks).ToHaveCountAsync(left - 1);
            }

            await page.GotoAsync($"/cases/{caseId}");
            await Expect(page.GetByText("The case closed on")).ToBeVisibleAsync();
            await page.ShouldHaveNoAxeViolationsAsync();
        }
    }

    private static async Task TypeInto(IPage page, string label, string text)
    {
        await page.TabToAsync(page.GetByLabel(label, new() { Exact = true }), 20);
        await page.Keyboard.TypeAsync(text);
    }

    // The case is set up through the API as its manager: a new child, so nothing else is outstanding on it.
    private async Task<(Guid CaseId, string ChildName)> NewCaseForAmaraAsync()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "daniel.hughes");
        var api = session.Context.APIRequest;
        var given = "Closure" + Guid.NewGuid().ToString("N")[..6];
        var child = await PostAsync(api, "/api/v1/people", new
        {
            kind = "child",
            givenName = given,
            familyName = "Walker",
            dateOfBirth = "2016-05-04",
            sex = "female",
            ethnicity = "White British",
            religion = "No religion",
            school = "Harrowden Primary School",
            address = new { line1 = "1 Test Street", town = "Harrowden", postcode = "HD1 2AB" },
        });
        var referral = await PostAsync(api, "/api/v1/referrals", new
        {
            childId = child.GetProperty("id").GetGuid(),
            receivedAt = DateTimeOffset.UtcNow.AddHours(-3),
            referrerName = "Ms J Patel",
            referrerAgency = "Harrowden Primary School",
            reason = "Child came to school hungry with a bruise.",
        });
        var accepted = await PostAsync(api, $"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/accept",
            new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" });
        var caseId = accepted.GetProperty("caseId").GetGuid();

        // Amara's assessment recommends no further action, and Daniel authorises it (policy 6.1, 6.2).
        Guid assessment;
        await using (var amara = await fixture.StartSessionAsync(signedInAs: "amara.osei"))
        {
            var started = await PostAsync(amara.Context.APIRequest, $"/api/v1/cases/{caseId}/assessments", new
            {
                summary = "Breakfast club and family support have met the child's needs.",
                familyContribution = "Her mother agreed with the plan and asked for the school's support to go on.",
                howShared = "Read through with the family at home; a copy given to her mother.",
                recommendsNoFurtherAction = true,
            });
            assessment = started.GetProperty("id").GetGuid();
            await PostAsync(amara.Context.APIRequest, $"/api/v1/assessments/{assessment}/submit", new { });
        }
        await PostAsync(api, $"/api/v1/assessments/{assessment}/authorise", new { });
        return (caseId, given + " Walker");
    }

    private static async Task<JsonElement> PostAsync(IAPIRequestContext api, string url, object body)
    {
        var response = await api.PostAsync(url, new() { DataObject = body });
        var text = await response.TextAsync();
        Assert.True(response.Ok, $"{url}: {response.Status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
