using System.Net;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.Closure;

/// <summary>"Reason for closure" on "Ask to close the case" (issue 16): the DfE reasons by their plain labels.</summary>
public sealed class ReasonForClosurePageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task AskToClose_WithAReasonForClosure_StoresTheCodeAndShowsTheLabel(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        var html = await worker.GetHtmlAsync($"/cases/{caseId}/closure");
        html.ShouldContain(">Reason for closure</legend>");
        html.ShouldContain("value=\"RC8\"");
        html.ShouldContain(">Case closed after assessment, no further action</label>");
        var form = Browserless.FormFields(html, "Input.ReasonForInvolvement")
            .Set("Input.ReasonForInvolvement", "Hunger and a bruise reported by school")
            .Set("Input.ActionsAndOutcomes", "Family support for twelve weeks")
            .Set("Input.OtherProfessionals", "The school agrees")
            .Set("Input.ContinuingSupport", "The school's family support worker")
            .Set("Input.ReasonForClosure", "RC7");

        var response = await worker.PostFieldsAsync($"/cases/{caseId}/closure", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var requestUrl = response.Headers.Location!.OriginalString;
        (await worker.GetHtmlAsync(requestUrl)).ShouldContain("Services ceased for any other reason, including the child no longer in need");
        (await (await app.ClientAsync("amara.osei")).GetJsonAsync("/api/v1" + requestUrl)).Body.Str("reasonForClosure").ShouldBe("RC7");
        // Changing the request starts from the reason given.
        (await worker.GetHtmlAsync($"/cases/{caseId}/closure")).ShouldContain("value=\"RC7\" checked");
    }

    [Fact]
    public async Task AskToClose_WhenRefused_KeepsTheReasonForClosureChosen()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        var form = Browserless.FormFields(await worker.GetHtmlAsync($"/cases/{caseId}/closure"), "Input.ReasonForInvolvement")
            .Set("Input.ReasonForInvolvement", "Hunger and a bruise reported by school")
            .Set("Input.ReasonForClosure", "RC4");

        var response = await worker.PostFieldsAsync($"/cases/{caseId}/closure", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("href=\"#Input_ActionsAndOutcomes\"");
        html.ShouldContain("value=\"RC4\" checked");
    }
}
