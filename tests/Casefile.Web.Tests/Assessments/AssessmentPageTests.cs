using System.Net;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.Assessments;

public sealed class AssessmentPageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task StartSubmitAndAuthorise_ThroughThePages_ShowsOnTheCasePageAndInTheQueues(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");

        // Without the family's contribution it is saved as a draft, and the worker is told what is missing.
        var newUrl = $"/cases/{caseId}/assessments/new";
        var started = await worker.PostFormAsync(newUrl + "?handler=Submit", new()
        {
            ["Input.Kind"] = "ChildAndFamilyAssessment",
            ["Input.Summary"] = "Amy is safe at home with help from school.",
            ["Input.HowShared"] = "Read through with Amy and her mother at home.",
        }, newUrl);
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var editUrl = started.Headers.Location!.OriginalString;
        editUrl.ShouldContain("/edit?submit=true");
        var edit = await worker.GetHtmlAsync(editUrl);
        edit.ShouldContain("govuk-error-summary");
        edit.ShouldContain("Record the child&#x27;s and family&#x27;s contribution");

        var id = editUrl.Split('/')[2];
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "ChildAndFamilyAssessment",
            ["Input.Summary"] = "Amy is safe at home with help from school.",
            ["Input.FamilyContribution"] = "Amy wants to stay at home; her mother agreed.",
            ["Input.HowShared"] = "Read through with Amy and her mother at home.",
        };
        var submitted = await worker.PostFormAsync($"/assessments-and-plans/{id}/edit?handler=Submit", form, $"/assessments-and-plans/{id}/edit");
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await worker.GetHtmlAsync($"/cases/{caseId}")).ShouldContain("Waiting for authorisation");

        var manager = await Browserless.SignedInAsync(app, "daniel.hughes");
        (await manager.GetHtmlAsync("/assessments-and-plans")).ShouldContain($"/assessments-and-plans/{id}");
        // Returning needs a reason: the error summary says so.
        var noReason = await manager.PostFormAsync("/assessments-and-plans?handler=Return", new() { ["Decision.Id"] = id, ["Decision.Reason"] = "" }, "/assessments-and-plans");
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await noReason.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("Enter why you are returning it");

        var authorised = await manager.PostFormAsync("/assessments-and-plans?handler=Authorise", new() { ["Decision.Id"] = id }, "/assessments-and-plans");
        authorised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var casePage = await worker.GetHtmlAsync($"/cases/{caseId}");
        casePage.ShouldContain("Authorised");
        (await worker.GetHtmlAsync($"/assessments-and-plans/{id}")).ShouldContain("Locked");
    }
}
