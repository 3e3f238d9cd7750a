using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.AccessRequests;

/// <summary>The access request pages, as a browser without JavaScript uses them.</summary>
public sealed partial class AccessRequestPageTests
{
    // A guardian's request page has two document choices (the court's order and the guardian log):
    // each its own field, so ids do not repeat and an error lands on the right one.
    [Fact]
    public async Task GuardianLog_ThroughThePage_HasItsOwnFieldAndLogsTheCopy()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var s = await AccessScenario.CreateAsync(app);
        var api = await app.ClientAsync("amara.osei");
        var id = await s.RequestAsync(api, "court-guardian");
        var report = await s.UploadAsync(api, "report", "Parenting assessment");
        var order = await s.UploadAsync(api, "courtOrder", "Order for disclosure to the guardian");
        (await api.PostAsync($"/api/v1/access-requests/{id}/court-authority", new { documentId = order })).Status.ShouldBe(HttpStatusCode.NoContent);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");

        var page = await worker.GetHtmlAsync($"/access-requests/{id}");
        Regex.Count(page, "id=\"DocumentId\"").ShouldBe(1);
        Regex.Count(page, "id=\"GuardianDocumentId\"").ShouldBe(1);

        var missing = await worker.PostFormAsync($"/access-requests/{id}?handler=Guardian", new() { ["GuardianDocumentId"] = report.ToString() }, $"/access-requests/{id}");
        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("govuk-error-summary");
        var logged = await worker.PostFormAsync($"/access-requests/{id}?handler=Guardian",
            new() { ["GuardianDocumentId"] = report.ToString(), ["GuardianAction"] = "copied" }, $"/access-requests/{id}");
        logged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, log) = await api.GetJsonAsync($"/api/v1/access-requests/{id}/disclosure-log");
        log.GetProperty("entries").EnumerateArray().Select(e => e.Str("action")).ShouldBe(["guardian-copied"]);
    }

    [Fact]
    public async Task Register_BuildReviewAndRelease_ThroughThePages()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var s = await AccessScenario.CreateAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        (await worker.GetHtmlAsync($"/cases/{s.CaseId}")).ShouldContain($"/cases/{s.CaseId}/access-requests/new");

        // Every missing field at once, and what was typed is kept.
        var received = DateTime.UtcNow.AddDays(-2);
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "subject-access",
            ["Input.RequesterName"] = "Jo Bloggs-Request",
            ["Input.ReceivedOn.Day"] = "31",
            ["Input.ReceivedOn.Month"] = "2",
            ["Input.ReceivedOn.Year"] = "2026",
        };
        var invalid = await worker.PostFormAsync($"/cases/{s.CaseId}/access-requests/new", new(form));
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        invalidHtml.ShouldContain("govuk-error-summary");
        invalidHtml.ShouldContain("Jo Bloggs-Request");
        form["Input.ReceivedOn.Day"] = received.Day.ToString(CultureInfo.InvariantCulture);
        form["Input.ReceivedOn.Month"] = received.Month.ToString(CultureInfo.InvariantCulture);
        form["Input.ReceivedOn.Year"] = received.Year.ToString(CultureInfo.InvariantCulture);
        var stillInvalid = await (await worker.PostFormAsync($"/cases/{s.CaseId}/access-requests/new", new(form))).Content.ReadAsStringAsync();
        stillInvalid.ShouldContain("href=\"#Input_WhatIsAsked\"");
        stillInvalid.ShouldContain("href=\"#Input_IdentityChecks\"");
        stillInvalid.ShouldContain("href=\"#Input_LegalBasis\"");
        form["Input.WhatIsAsked"] = "Everything you hold about my childhood";
        form["Input.IdentityChecks"] = "Passport and council tax bill seen";
        form["Input.LegalBasis"] = "UK GDPR Article 15";
        var created = await worker.PostFormAsync($"/cases/{s.CaseId}/access-requests/new", form);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var requestUrl = created.Headers.Location!.OriginalString;

        var page = await worker.GetHtmlAsync(requestUrl);
        page.ShouldContain("Subject access request");
        page.ShouldContain("Build the disclosure bundle");
        (await worker.GetHtmlAsync("/access-requests")).ShouldContain(requestUrl);

        var built = await worker.PostFormAsync(requestUrl + "/bundle", new() { ["Scope"] = "everything" });
        built.StatusCode.ShouldBe(HttpStatusCode.Redirect, await built.Content.ReadAsStringAsync());
        var review = await worker.GetHtmlAsync(requestUrl + "/redactions");
        review.ShouldContain(WebUtility.HtmlEncode(s.MotherName));
        var proposals = ProposalField().Matches(review).Select(m => m.Groups[1].Value).Distinct().ToList();
        proposals.Count.ShouldBeGreaterThanOrEqualTo(3);

        // Not covering a detail needs a reason.
        var noNote = await worker.PostFormAsync(requestUrl + "/redactions", new() { [$"Decisions[{proposals[0]}]"] = "remove" });
        noNote.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noNote.Content.ReadAsStringAsync()).ShouldContain($"href=\"#Note-{proposals[0]}\"");
        var decisions = proposals.ToDictionary(p => $"Decisions[{p}]", _ => "thirdParty");
        var saved = await worker.PostFormAsync(requestUrl + "/redactions", decisions);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        // Refused until Legal Services advise: the reason is on the page.
        var refused = await worker.PostFormAsync(requestUrl + "?handler=Release", new());
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Legal Services must record their advice first");

        var legal = await Browserless.SignedInAsync(app, "sam.fraser");
        var advised = await legal.PostFormAsync(requestUrl + "?handler=LegalAdvice", new() { ["Advice"] = "Cover the mother's details." }, requestUrl);
        advised.StatusCode.ShouldBe(HttpStatusCode.Redirect, await advised.Content.ReadAsStringAsync());

        var released = await worker.PostFormAsync(requestUrl + "?handler=Release", new());
        released.StatusCode.ShouldBe(HttpStatusCode.Redirect, await released.Content.ReadAsStringAsync());
        var after = await worker.GetHtmlAsync(requestUrl);
        after.ShouldContain("disclosure.pdf");
        after.ShouldContain("disclosure-large-print.pdf");
        after.ShouldContain("disclosure.html");
        (await worker.GetHtmlAsync(requestUrl + "/disclosure-log")).ShouldContain("Jo Bloggs-Request");
    }

    [GeneratedRegex("name=\"Decisions\\[([0-9a-f-]{36})\\]\"")]
    private static partial Regex ProposalField();
}
