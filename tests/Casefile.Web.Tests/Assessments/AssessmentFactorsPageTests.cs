using System.Net;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.Assessments;

/// <summary>
/// "Factors identified" on the child and family assessment form (issue 16): the DfE factors by their
/// plain labels under headings, "No factors identified" on its own, shown on the assessment page.
/// </summary>
public sealed class AssessmentFactorsPageTests
{
    [Fact]
    public async Task AssessmentForm_OffersTheFactorsByLabel_AndPlansDoNot()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");

        var html = await worker.GetHtmlAsync($"/cases/{caseId}/assessments/new");

        html.ShouldContain(">Factors identified</legend>");
        html.ShouldContain(">Alcohol and drugs</p>");
        html.ShouldContain("value=\"1B\"");
        html.ShouldContain(">Alcohol misuse: parent</label>");
        html.ShouldContain("<div class=\"govuk-checkboxes__divider\">or</div>");
        html.ShouldContain("value=\"21\" data-behaviour=\"exclusive\"");
        (await worker.GetHtmlAsync($"/cases/{caseId}/plans/new")).ShouldNotContain("name=\"Input.Factors\"");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task StartAndChangeAssessment_WithFactors_StoresTheCodesAndShowsTheLabels(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        var newUrl = $"/cases/{caseId}/assessments/new";
        var form = Browserless.FormFields(await worker.GetHtmlAsync(newUrl), "Input.Summary");
        form.Set("Input.Summary", "Amy is safe at home with help from school.");
        form.Add(new("Input.Factors", "1B"));
        form.Add(new("Input.Factors", "3A"));

        var started = await worker.PostFieldsAsync(newUrl, form);

        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = started.Headers.Location!.OriginalString.Split('/')[2];
        var details = await worker.GetHtmlAsync($"/assessments-and-plans/{id}");
        details.ShouldContain("<li>Alcohol misuse: parent</li>");
        details.ShouldContain("<li>Domestic abuse: child</li>");
        var api = await app.ClientAsync("amara.osei");
        (await api.GetJsonAsync($"/api/v1/assessments/{id}")).Body.GetProperty("factors").EnumerateArray().Select(f => f.GetString()).ShouldBe(["1B", "3A"]);

        // Changing the assessment keeps the factors the form shows ticked; saving with "No factors identified" alone replaces them.
        var edit = await worker.GetHtmlAsync($"/assessments-and-plans/{id}/edit");
        edit.ShouldContain("value=\"1B\" checked");
        form = Browserless.FormFields(edit, "Input.Summary");
        form.Set("Input.HowShared", "Read through with Amy and her mother.");
        (await worker.PostFieldsAsync($"/assessments-and-plans/{id}/edit", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await api.GetJsonAsync($"/api/v1/assessments/{id}")).Body.GetProperty("factors").GetArrayLength().ShouldBe(2);

        form = Browserless.FormFields(await worker.GetHtmlAsync($"/assessments-and-plans/{id}/edit"), "Input.Summary");
        form.RemoveAll(f => f.Key == "Input.Factors" && f.Value.Length > 0);
        form.Add(new("Input.Factors", "21"));
        (await worker.PostFieldsAsync($"/assessments-and-plans/{id}/edit", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await worker.GetHtmlAsync($"/assessments-and-plans/{id}")).ShouldContain("<li>No factors identified</li>");
    }

    [Fact]
    public async Task StartAssessment_WhenNoFactorsAndAFactorAreBothTicked_ShowsTheErrorOnTheFactorsAndKeepsWhatWasTyped()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        var newUrl = $"/cases/{caseId}/assessments/new";
        var form = Browserless.FormFields(await worker.GetHtmlAsync(newUrl), "Input.Summary");
        form.Set("Input.Summary", "Kept summary");
        form.Add(new("Input.Factors", "4B"));
        form.Add(new("Input.Factors", "21"));

        var response = await worker.PostFieldsAsync(newUrl, form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<a href=\"#Input_Factors\">Choose &#x27;No factors identified&#x27;, or the factors identified, not both</a>");
        html.ShouldContain("value=\"4B\" checked");
        html.ShouldContain("Kept summary");
    }
}
