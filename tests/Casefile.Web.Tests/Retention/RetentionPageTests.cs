using System.Net;
using System.Text;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Retention;

/// <summary>The retention pages, as a browser without JavaScript uses them.</summary>
public sealed class RetentionPageTests
{
    [Fact]
    public async Task CareEvent_WhenRecordedOnThePage_BecomesACategoryAndBadInputIsKept()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        (await worker.GetHtmlAsync($"/cases/{caseId}")).ShouldContain($"href=\"/cases/{caseId}/retention\"");

        var bad = await worker.PostFormAsync($"/cases/{caseId}/retention?handler=Care", new()
        {
            ["Care.Kind"] = "LookedAfterPeriod",
            ["Care.Note"] = "Section 20 accommodation",
        }, $"/cases/{caseId}/retention");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join("\n", app.ServerErrors.TakeLast(1)));
        var html = await bad.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("Enter the date the child became looked after");
        html.ShouldContain("Section 20 accommodation");

        var good = await worker.PostFormAsync($"/cases/{caseId}/retention?handler=Care", new()
        {
            ["Care.Kind"] = "LookedAfterPeriod",
            ["Care.From.Day"] = "3",
            ["Care.From.Month"] = "5",
            ["Care.From.Year"] = "2021",
        }, $"/cases/{caseId}/retention");
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect, await good.Content.ReadAsStringAsync());
        var page = await worker.GetHtmlAsync($"/cases/{caseId}/retention");
        page.ShouldContain("looked after from 3 May 2021");
        page.ShouldContain("No date yet");
        page.ShouldNotContain("Place a legal hold");
    }

    [Fact]
    public async Task Disposal_ThroughThePages_NeedsASecondRecordsManagerAndLeavesACertificate()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        await RetentionApiTests.CloseOnAsync(app, caseId, new DateOnly(2004, 3, 2));
        await RetentionApiTests.SweepAsync(app, new DateOnly(2026, 6, 1));
        var reference = await app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Reference).SingleAsync());
        var reviewId = await RetentionApiTests.ListedAsync(app, caseId);
        await RetentionApiTests.SecondRecordsManagerAsync(app);

        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        (await worker.Client.GetAsync("/retention/disposals")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var rita = await Browserless.SignedInAsync(app, "rita.kowalski");
        var list = await rita.GetHtmlAsync("/retention/disposals");
        list.ShouldContain(reference);
        list.ShouldContain("All other files (always applies): 10 years from closure on 2 March 2004 = 2 March 2014");
        (await rita.GetHtmlAsync($"/cases/{caseId}/retention")).ShouldContain("Place a legal hold", Case.Insensitive, string.Join("\n", app.ServerErrors.TakeLast(1)));

        var noReason = await rita.PostFormAsync($"/retention/disposals/{reviewId}?handler=Propose", new() { ["Propose.Reason"] = "" }, $"/retention/disposals/{reviewId}");
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("govuk-error-summary");
        var proposed = await rita.PostFormAsync($"/retention/disposals/{reviewId}?handler=Propose", new() { ["Propose.Reason"] = "Past its date" }, $"/retention/disposals/{reviewId}");
        proposed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await proposed.Content.ReadAsStringAsync());
        var own = await rita.GetHtmlAsync($"/retention/disposals/{reviewId}");
        own.ShouldContain("A second records manager must confirm it");
        own.ShouldNotContain("Confirm destruction");

        var sana = await Browserless.SignedInAsync(app, RetentionApiTests.SecondRecordsManager, "a long enough password");
        var confirmed = await sana.PostFormAsync($"/retention/disposals/{reviewId}?handler=Confirm", [], $"/retention/disposals/{reviewId}");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await confirmed.Content.ReadAsStringAsync());
        confirmed.Headers.Location!.ToString().ShouldBe("/retention/destroyed");
        var destroyed = await sana.GetHtmlAsync("/retention/destroyed");
        destroyed.ShouldContain(reference);
        destroyed.ShouldContain("Proposed by Rita Kowalski, confirmed by Sana Iqbal");
        var tombstoneId = await app.WithDbAsync(d => d.DestructionTombstones.Where(t => t.CaseFileId == caseId).Select(t => t.Id).SingleAsync());
        using var pdf = await sana.Client.GetAsync($"/retention/destroyed?handler=Pdf&id={tombstoneId}");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var csv = await sana.Client.GetAsync($"/retention/destroyed?handler=Csv&id={tombstoneId}");
        (await csv.Content.ReadAsStringAsync()).ShouldContain(reference);
        (await worker.Client.GetAsync($"/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Schedule_WhenABadFileIsUploaded_ShowsTheRuleAtFault()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        var seen = await worker.GetHtmlAsync("/retention/schedule");
        seen.ShouldContain("75 years from the 18th birthday");
        seen.ShouldContain("75th anniversary of birth");
        seen.ShouldNotContain("Upload the changed schedule");

        var rita = await Browserless.SignedInAsync(app, "rita.kowalski");
        var page = await rita.GetHtmlAsync("/retention/schedule");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("Testing a typo"), "Input.Reason" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Domain.Retention.DefaultRetentionSchedule.Json.Replace("\"years\": 75,", "\"years\": 750,", StringComparison.Ordinal))), "Input.File", "schedule.json" },
        };
        var answer = await rita.Client.PostAsync("/retention/schedule", form);

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await answer.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("Rule &#x27;looked-after-child&#x27;: years must be a whole number from 1 to 200");
    }
}
