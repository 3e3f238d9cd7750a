using System.Net;
using Casefile.Domain.Closure;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.Closure;

public sealed class ClosurePageTests
{
    [Fact]
    public async Task AskToClose_WhenSummaryMissingAndReasonMissing_ShowsEveryErrorAndKeepsWhatWasTyped()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var session = await Browserless.SignedInAsync(app, "amara.osei");

        var response = await session.PostFormAsync($"/cases/{caseId}/closure", new Dictionary<string, string>
        {
            ["Input.ReasonForInvolvement"] = "Hunger and a bruise reported by school",
            // A browser posts every row; lists bind from index 0.
            ["Input.Checklist[0].Item"] = "front-sheet",
            ["Input.Checklist[0].Answer"] = "not-applicable",
            ["Input.Recipients[0].Name"] = "Ms Walker",
            ["Input.Recipients[0].Kind"] = "parent-or-carer",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("href=\"#Input_ActionsAndOutcomes\"");
        html.ShouldContain("href=\"#Input_ContinuingSupport\"");
        html.ShouldContain("Hunger and a bruise reported by school");
        html.ShouldContain("value=\"Ms Walker\"");
        // "Does not apply" needs a reason: the error is on that item's reason box.
        var row = ClosureChecklist.Items.Select(i => i.Id).ToList().IndexOf("front-sheet");
        html.ShouldContain($"href=\"#Input_Checklist_{row}__Reason\"");
    }

    [Fact]
    public async Task RequestPage_WhenIncompleteAndManagerAuthorises_ListsWhatIsMissing()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var (created, request) = await (await app.ClientAsync("amara.osei")).PostAsync($"/api/v1/cases/{caseId}/closure-requests", new
        {
            reasonForInvolvement = "a",
            actionsAndOutcomes = "b",
            otherProfessionals = "c",
            continuingSupport = "d",
        });
        created.ShouldBe(HttpStatusCode.Created, request.ToString());
        var manager = await Browserless.SignedInAsync(app, "daniel.hughes");

        var response = await manager.PostFormAsync($"/closure-requests/{request.Id()}?handler=Authorise", [], $"/closure-requests/{request.Id()}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("The case cannot close until the record is complete");
        html.ShouldContain("No consent form is saved on the record");
    }
}
