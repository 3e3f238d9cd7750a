using System.Net;
using System.Text.RegularExpressions;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Transfers;

/// <summary>The transfer pages and the "Your work" page, as a browser without JavaScript uses them.</summary>
public sealed partial class TransferPageTests
{
    private const string Riverside = "Riverside Family Support Team";

    private static Dictionary<string, string> Proposal(string team = Riverside, string plan = "Child in need plan with breakfast club and parenting support") => new()
    {
        ["Input.ToTeam"] = team,
        ["Input.ToWorker"] = "",
        ["Input.ReasonForInvolvement"] = "Concerns about neglect raised by the school",
        ["Input.Assessment"] = "Child and family assessment completed in March",
        ["Input.Plan"] = plan,
        ["Input.ActionsUndertaken"] = "Fortnightly home visits and a referral to early help",
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task ProposeThenAccept_WhenTheReceivingManagerChoosesTheWorker_ReallocatesTheCase(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");

        var form = await worker.GetHtmlAsync($"/cases/{caseId}/transfer");
        form.ShouldContain("Propose a transfer");
        form.ShouldContain($"<option value=\"{Riverside}\">");
        form.ShouldContain("<optgroup label=\"Riverside Family Support Team\">");

        // No team and no plan: both errors in the summary, and what was typed is still there.
        var wrong = await worker.PostFormAsync($"/cases/{caseId}/transfer", Proposal(team: "", plan: ""));
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await wrong.Content.ReadAsStringAsync();
        errors.ShouldContain("govuk-error-summary");
        errors.ShouldContain("Select the team the case is moving to");
        errors.ShouldContain("href=\"#Input_Plan\"");
        errors.ShouldContain("Concerns about neglect raised by the school</textarea>");
        errors.ShouldContain("Fortnightly home visits and a referral to early help</textarea>");
        errors.ShouldContain("<title>Error: ");

        var proposed = await worker.PostFormAsync($"/cases/{caseId}/transfer", Proposal());
        proposed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await proposed.Content.ReadAsStringAsync());
        var transferUrl = proposed.Headers.Location!.OriginalString;
        transferUrl.ShouldStartWith("/transfers/");
        var transferPage = await worker.GetHtmlAsync(transferUrl);
        transferPage.ShouldContain("Transfer proposed");
        transferPage.ShouldContain("Waiting for the receiving manager");
        transferPage.ShouldContain("Withdraw the transfer");
        transferPage.ShouldNotContain("Accept the transfer");
        (await worker.GetHtmlAsync($"/cases/{caseId}/transfer")).ShouldContain("already waiting");

        var manager = await Browserless.SignedInAsync(app, "hannah.price");
        var myWork = await manager.GetHtmlAsync("/my-work");
        myWork.ShouldContain("Transfers to accept (");
        myWork.ShouldContain($"href=\"{transferUrl}\"");
        transferPage = await manager.GetHtmlAsync(transferUrl);
        transferPage.ShouldContain("Accept the transfer");
        transferPage.ShouldContain("Child in need plan with breakfast club and parenting support");
        transferPage.ShouldContain("<option value=\"ben.carter\">Ben Carter</option>");

        // Accepting without choosing the worker says so, in the summary.
        var noWorker = await manager.PostFormAsync($"{transferUrl}?handler=Accept", new() { ["Decision.Worker"] = "" }, transferUrl);
        noWorker.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noWorker.Content.ReadAsStringAsync()).ShouldContain("govuk-error-summary");

        var accepted = await manager.PostFormAsync($"{transferUrl}?handler=Accept", new() { ["Decision.Worker"] = "ben.carter" }, transferUrl);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await accepted.Content.ReadAsStringAsync());
        accepted.Headers.Location!.OriginalString.ShouldBe($"/cases/{caseId}");
        (await manager.GetHtmlAsync($"/cases/{caseId}")).ShouldContain("Transfer accepted");
        var ben = await app.WithDbAsync(d => d.Users.Where(u => u.UserName == "ben.carter").Select(u => u.Id).SingleAsync());
        (await app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == caseId).Select(c => c.AllocatedWorkerId).SingleAsync())).ShouldBe(ben);
        (await manager.GetHtmlAsync("/my-work")).ShouldNotContain($"href=\"{transferUrl}\"");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Return_WithoutAReason_ShowsTheErrorAndTheCaseStays(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        var proposed = await worker.PostFormAsync($"/cases/{caseId}/transfer", Proposal());
        var transferUrl = proposed.Headers.Location!.OriginalString;
        var manager = await Browserless.SignedInAsync(app, "hannah.price");

        var noReason = await manager.PostFormAsync($"{transferUrl}?handler=Return", new() { ["Decision.Reason"] = " " }, transferUrl);
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("href=\"#Decision_Reason\"");
        var returned = await manager.PostFormAsync($"{transferUrl}?handler=Return", new() { ["Decision.Reason"] = "No capacity until January" }, transferUrl);
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect, await returned.Content.ReadAsStringAsync());

        var page = await worker.GetHtmlAsync(transferUrl);
        page.ShouldContain("No capacity until January");
        page.ShouldNotContain("Withdraw the transfer");
        // A returned transfer leaves the case free for a new proposal.
        (await worker.GetHtmlAsync($"/cases/{caseId}/transfer")).ShouldNotContain("already waiting");
    }

    [Fact]
    public async Task Withdraw_ByTheProposer_GoesBackToTheCase()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");
        var transferUrl = (await worker.PostFormAsync($"/cases/{caseId}/transfer", Proposal())).Headers.Location!.OriginalString;

        var withdrawn = await worker.PostFormAsync($"{transferUrl}?handler=Withdraw", [], transferUrl);

        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await withdrawn.Content.ReadAsStringAsync());
        withdrawn.Headers.Location!.OriginalString.ShouldBe($"/cases/{caseId}");
        (await worker.GetHtmlAsync($"/cases/{caseId}")).ShouldContain("Transfer withdrawn");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task MyWork_ShowsTheLineManagerTheClosureRequestAndEachRoleOnlyItsSections(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var (asked, closure) = await (await app.ClientAsync("amara.osei")).PostAsync($"/api/v1/cases/{caseId}/closure-requests", new
        {
            reasonForInvolvement = "Concerns about school attendance",
            actionsAndOutcomes = "Attendance support; attendance now 96%",
            otherProfessionals = "The school agrees",
            continuingSupport = "School nurse",
        });
        asked.ShouldBe(HttpStatusCode.Created, closure.ToString());

        var manager = await (await Browserless.SignedInAsync(app, "daniel.hughes")).GetHtmlAsync("/my-work");
        manager.ShouldContain("Your work");
        manager.ShouldContain("Closure requests to decide (");
        manager.ShouldContain($"href=\"/closure-requests/{closure.Id()}\"");
        manager.ShouldContain("Assessments and plans to authorise (");
        manager.ShouldContain("Transfers to accept (");
        manager.ShouldNotContain("Admin tasks (");

        var worker = await (await Browserless.SignedInAsync(app, "amara.osei")).GetHtmlAsync("/my-work");
        worker.ShouldContain("Returned to you (");
        worker.ShouldNotContain("Closure requests to decide");
        worker.ShouldNotContain("Transfers to accept");

        var admin = await (await Browserless.SignedInAsync(app, "olu.bello")).GetHtmlAsync("/my-work");
        admin.ShouldContain("Admin tasks (");
        admin.ShouldNotContain("Returned to you");
        CountIn().IsMatch(admin).ShouldBeTrue();
    }

    [GeneratedRegex(@"Admin tasks \(\d+\)")]
    private static partial Regex CountIn();
}
