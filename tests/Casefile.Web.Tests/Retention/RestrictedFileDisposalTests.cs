using System.Net;
using Casefile.Domain.Retention;
using Casefile.Web.Tests.Emails;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Retention;

/// <summary>
/// Issue 15 item 16 (policy 8 with 3.4): records managers destroyed a restricted file they may not open,
/// under the wrong rule (an adoption file under the 10-year rule). On both databases.
/// </summary>
public sealed class RestrictedFileDisposalTests
{
    private static readonly DateOnly SweepDay = new(2026, 6, 1);

    /// <summary>
    /// A child adopted in 1924 whose file was closed in 1939 and restricted because of adoption, named to
    /// its manager and worker only. Nothing on the record the sweep reads says adoption: the advice on the
    /// adoption order is an email from Legal Services, in the Restricted Access section.
    /// </summary>
    private static async Task<(Guid CaseId, string Reference, string Family)> RestrictedAdoptionFileAsync(CasefileApp app)
    {
        var manager = await app.ClientAsync("daniel.hughes");
        var family = "Adoptfam" + Guid.NewGuid().ToString("N")[..6];
        var child = await Given.ChildAsync(manager, "Hidden", family);
        var referral = await Given.ReferralAsync(manager, child);
        var (accepted, acceptance) = await manager.PostAsync($"/api/v1/referrals/{referral}/accept", new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" });
        accepted.ShouldBe(HttpStatusCode.Created, acceptance.ToString());
        var caseId = acceptance.Id("caseId");
        var (eml, _) = EmailApiTests.Email("solicitor@legal.council.gov.uk", "amara.osei@council.gov.uk", "Adoption order made", "The adoption order was made on 6 May 1924.");
        var (filed, email) = await (await app.ClientAsync("amara.osei")).PostFileAsync($"/api/v1/cases/{caseId}/emails", eml, "order.eml");
        filed.ShouldBe(HttpStatusCode.Created, email.ToString());
        email.Str("section").ShouldBe("restricted");
        await RestrictAsync(app, caseId);
        await app.WithDbAsync(d => d.People.Where(p => p.Id == child).ExecuteUpdateAsync(s => s.SetProperty(p => p.DateOfBirth, new DateOnly(1921, 4, 2))));
        await RetentionApiTests.CloseOnAsync(app, caseId, new DateOnly(1939, 1, 10));
        var reference = await app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Reference).SingleAsync());
        return (caseId, reference, family);
    }

    private static async Task RestrictAsync(CasefileApp app, Guid caseId, params string[] namedUsers)
    {
        var review = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (status, body) = await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/cases/{caseId}/restriction",
            new { reason = "adoption", details = "Adopted", reviewOn = review, namedUsers });
        status.ShouldBe(HttpStatusCode.NoContent, body.ToString());
    }

    private static Task<Guid> ReviewIdAsync(CasefileApp app, Guid caseId) =>
        app.WithDbAsync(d => d.DisposalReviews.Where(r => r.CaseFileId == caseId && r.Kind == DisposalReviewKind.Disposal).Select(r => r.Id).SingleAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task RestrictedAdoptionFile_WhenRecordsManagersAreNotNamed_IsNotListedUnderTheTenYearRuleAndOnlyANamedOneDestroysItUnderTheAdoptionRule(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var sana = await RetentionApiTests.SecondRecordsManagerAsync(app);
        var rita = await app.ClientAsync("rita.kowalski");
        var (caseId, reference, family) = await RestrictedAdoptionFileAsync(app);

        // The sweep: due under "All other files" on what it can read, so listed for review by someone named instead.
        var swept = (await RetentionApiTests.SweepAsync(app, SweepDay)).Items.Single(i => i.CaseId == caseId);
        swept.Kind.ShouldBe(DisposalReviewKind.Disposal);
        swept.RuleId.ShouldBe(RestrictedFileDisposal.NeedsNamedReview);
        swept.Reason.ShouldStartWith("Needs review by someone named on the case: the file is restricted because of adoption");
        swept.Reason.ShouldContain("filed in its Restricted Access section, which records managers cannot open");
        var id = await ReviewIdAsync(app, caseId);

        // A records manager not named on it learns only that a restricted file is due and who is named.
        var (listed, due) = await rita.GetJsonAsync("/api/v1/disposals/due");
        listed.ShouldBe(HttpStatusCode.OK, due.ToString());
        var line = due.GetProperty("files").EnumerateArray().Single(f => f.Id() == id);
        line.GetProperty("withheld").GetBoolean().ShouldBeTrue();
        line.GetProperty("restricted").GetBoolean().ShouldBeTrue();
        line.GetProperty("caseId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        line.GetProperty("caseReference").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        line.GetProperty("closedOn").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        line.Str("ruleId").ShouldBe(RestrictedFileDisposal.NeedsNamedReview);
        line.Str("reason").ShouldBe(RestrictedFileDisposal.Withheld);
        line.GetProperty("namedOnFile").EnumerateArray().Select(n => n.GetString()).ShouldBe(["Amara Osei", "Daniel Hughes"]);
        var (_, one) = await rita.GetJsonAsync($"/api/v1/disposal-reviews/{id}");
        foreach (var seen in new[] { line.ToString(), one.ToString() })
        {
            seen.ShouldNotContain(reference);
            seen.ShouldNotContain(family);
            seen.ShouldNotContain(caseId.ToString());
            seen.ShouldNotContain("adoption", Case.Insensitive);
        }
        (await rita.GetJsonAsync($"/api/v1/cases/{caseId}/retention")).ShouldBeProblem(HttpStatusCode.NotFound);
        var page = await Browserless.SignedInAsync(app, "rita.kowalski");
        var list = await page.GetHtmlAsync("/retention/disposals");
        list.ShouldContain("A restricted file");
        list.ShouldNotContain(reference);
        var decide = await page.GetHtmlAsync($"/retention/disposals/{id}");
        decide.ShouldContain("Named on it: Amara Osei, Daniel Hughes.");
        decide.ShouldNotContain(reference);
        decide.ShouldNotContain($"/cases/{caseId}");

        // Proposing destroys nothing; confirming does, and a records manager not named on the file cannot.
        var (proposed, proposal) = await rita.PostAsync($"/api/v1/disposal-reviews/{id}/propose-destruction", new { reason = "On the list; for a named records manager to check" });
        proposed.ShouldBe(HttpStatusCode.OK, proposal.ToString());
        var (refused, problem) = await sana.PostAsync($"/api/v1/disposal-reviews/{id}/confirm-destruction", new { });
        refused.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Str("rule").ShouldBe(RestrictedFileDisposal.NamedPersonNeeded);
        problem.ToString().ShouldNotContain(reference);
        (await app.WithDbAsync(d => d.CaseFiles.AnyAsync(c => c.Id == caseId))).ShouldBeTrue();
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.Action == "confirm-destruction" && e.Outcome == "refused" && e.CaseFileId == caseId))).ShouldBeTrue();

        // The case's manager names Sana on it: she can open all of it, finds the adoption order and adds the category.
        (await (await app.ClientAsync("daniel.hughes")).SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/cases/{caseId}/restriction")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await RestrictAsync(app, caseId, RetentionApiTests.SecondRecordsManager);
        var (_, named) = await sana.GetJsonAsync($"/api/v1/disposal-reviews/{id}");
        named.GetProperty("withheld").GetBoolean().ShouldBeFalse();
        named.Str("caseReference").ShouldBe(reference);
        named.Str("reason").ShouldContain("All other files (always applies): 10 years from closure on 10 January 1939 = 10 January 1949");
        var (added, category) = await sana.PostAsync($"/api/v1/cases/{caseId}/retention-categories",
            new { category = "adoption", reason = "Adoption order of 6 May 1924, in the Restricted Access section", eventDate = "1924-05-06" });
        added.ShouldBe(HttpStatusCode.Created, category.ToString());
        var (_, retention) = await sana.GetJsonAsync($"/api/v1/cases/{caseId}/retention");
        retention.Str("ruleId").ShouldBe("adoption");
        retention.Str("date").ShouldBe("2024-05-06");
        (await rita.GetJsonAsync($"/api/v1/disposal-reviews/{id}")).Body.GetProperty("withheld").GetBoolean().ShouldBeTrue();
        (await RetentionApiTests.SweepAsync(app, SweepDay, dryRun: true)).Items.Single(i => i.CaseId == caseId).RuleId.ShouldBe(RestrictedFileDisposal.NeedsNamedReview);

        var (done, tombstone) = await sana.PostAsync($"/api/v1/disposal-reviews/{id}/confirm-destruction", new { });

        done.ShouldBe(HttpStatusCode.OK, tombstone.ToString() + string.Join("\n", app.ServerErrors.TakeLast(1)));
        tombstone.Str("ruleId").ShouldBe("adoption");
        tombstone.Str("confirmedBy").ShouldBe("Sana Iqbal");
        tombstone.Str("proposedBy").ShouldBe("Rita Kowalski");
        (await app.WithDbAsync(d => d.CaseFiles.AnyAsync(c => c.Id == caseId))).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Sweep_WhenAListedFileIsRestrictedSince_ListsItForReviewByANamedPerson(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        await RetentionApiTests.CloseOnAsync(app, caseId, new DateOnly(2005, 1, 10));
        (await RetentionApiTests.SweepAsync(app, SweepDay)).Items.Single(i => i.CaseId == caseId).RuleId.ShouldBe("other");
        var id = await ReviewIdAsync(app, caseId);
        await RestrictAsync(app, caseId);

        var swept = (await RetentionApiTests.SweepAsync(app, SweepDay)).Items.Single(i => i.CaseId == caseId);

        swept.RuleId.ShouldBe(RestrictedFileDisposal.NeedsNamedReview);
        swept.New.ShouldBeFalse();
        var row = await app.WithDbAsync(d => d.DisposalReviews.SingleAsync(r => r.Id == id));
        row.RuleId.ShouldBe(RestrictedFileDisposal.NeedsNamedReview);
        row.Status.ShouldBe(DisposalReviewStatus.Due);
        var (_, line) = await (await app.ClientAsync("rita.kowalski")).GetJsonAsync($"/api/v1/disposal-reviews/{id}");
        line.GetProperty("withheld").GetBoolean().ShouldBeTrue();
        line.GetProperty("namedOnFile").EnumerateArray().Select(n => n.GetString()).ShouldBe(["Amara Osei", "Daniel Hughes"]);
    }
}
