using System.Globalization;
using System.Net;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Referrals;

/// <summary>
/// The DfE referral source and primary need (issue 16): chosen by their plain labels when the referral
/// is recorded, shown on the referral, and the primary need recorded later once it is known, by the
/// page or by POST /api/v1/referrals/{id}/classification, for whoever may work the referral or its case.
/// </summary>
public sealed class ReferralClassificationTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task RecordReferral_WithSourceAndPrimaryNeed_StoresTheCodesAndShowsTheLabels(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var childId = await Given.ChildAsync(await app.ClientAsync("amara.osei"));
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var url = $"/referrals/new?childId={childId}";
        var html = await session.GetHtmlAsync(url);
        html.ShouldContain("<option value=\"2A\">Schools</option>");
        html.ShouldContain("<option value=\"\">Not known yet</option>");
        html.ShouldContain("<option value=\"N1\">Abuse or neglect</option>");
        var form = Browserless.FormFields(html, "Input.Source");
        Fill(form);
        form.Set("Input.Source", "2A");
        form.Set("Input.PrimaryNeed", "N1");

        var response = await session.PostFieldsAsync(url, form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var referralUrl = response.Headers.Location!.OriginalString;
        var page = await session.GetHtmlAsync(referralUrl);
        page.ShouldContain("Schools");
        page.ShouldContain("Abuse or neglect");
        var id = Guid.Parse(referralUrl.Split('/')[2]);
        var stored = await app.WithDbAsync(d => d.Referrals.SingleAsync(r => r.Id == id));
        (stored.Source, stored.PrimaryNeed).ShouldBe(("2A", "N1"));
    }

    [Fact]
    public async Task RecordReferral_WhenRefused_KeepsTheSourceAndPrimaryNeedChosen()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var childId = await Given.ChildAsync(await app.ClientAsync("amara.osei"));
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var url = $"/referrals/new?childId={childId}";
        var form = Browserless.FormFields(await session.GetHtmlAsync(url), "Input.Source");
        Fill(form);
        form.Set("Input.Reason", "");
        form.Set("Input.Source", "6");
        form.Set("Input.PrimaryNeed", "N4");

        var response = await session.PostFieldsAsync(url, form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<a href=\"#Input_Reason\">Enter the reason for the referral</a>");
        html.ShouldContain("<option value=\"6\" selected>Police</option>");
        html.ShouldContain("<option value=\"N4\" selected>Family in acute stress</option>");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ReferralPage_RecordsThePrimaryNeedLater_KeepingTheSource(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var manager = await app.ClientAsync("daniel.hughes");
        var referral = await Given.ReferralAsync(manager, await Given.ChildAsync(manager));
        (await manager.PostAsync($"/api/v1/referrals/{referral}/classification", new { source = "2A" })).Status.ShouldBe(HttpStatusCode.NoContent);
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var page = await session.GetHtmlAsync($"/referrals/{referral}");
        page.ShouldContain("Not known yet");
        var form = Browserless.FormFields(page, "Classification.PrimaryNeed");
        form.Set("Classification.PrimaryNeed", "N3");

        var response = await session.PostFieldsAsync($"/referrals/{referral}?handler=Classify", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await session.GetHtmlAsync($"/referrals/{referral}");
        page.ShouldContain("Parental illness or disability");
        page.ShouldContain("Schools");
        var body = (await manager.GetJsonAsync($"/api/v1/referrals/{referral}")).Body;
        (body.Str("source"), body.Str("primaryNeed")).ShouldBe(("2A", "N3"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Classification_WhenCodeUnknownOrCaseNotWritable_IsRefusedLikeTheCase(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var manager = await app.ClientAsync("daniel.hughes");
        var referral = await Given.ReferralAsync(manager, await Given.ChildAsync(manager));
        var other = await app.ClientAsync("ben.carter");

        (await manager.PostAsync($"/api/v1/referrals/{referral}/classification", new { primaryNeed = "N10" })).ShouldBeProblem(HttpStatusCode.BadRequest, "primaryNeed");
        (await manager.PostAsync($"/api/v1/referrals/{referral}/classification", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "primaryNeed");
        (await manager.PostAsync($"/api/v1/referrals/{Guid.NewGuid()}/classification", new { primaryNeed = "N1" })).ShouldBeProblem(HttpStatusCode.NotFound);
        // Awaiting a decision, the referral is open to the front door.
        (await other.PostAsync($"/api/v1/referrals/{referral}/classification", new { primaryNeed = "N1" })).Status.ShouldBe(HttpStatusCode.NoContent);

        (await manager.PostAsync($"/api/v1/referrals/{referral}/accept", new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" }))
            .Status.ShouldBe(HttpStatusCode.Created);

        // Accepted, it is part of the case file: only those who may write to the case change it.
        (await other.PostAsync($"/api/v1/referrals/{referral}/classification", new { primaryNeed = "N2" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await (await app.ClientAsync("amara.osei")).PostAsync($"/api/v1/referrals/{referral}/classification", new { primaryNeed = "N2" }))
            .Status.ShouldBe(HttpStatusCode.NoContent);
        (await manager.GetJsonAsync($"/api/v1/referrals/{referral}")).Body.Str("primaryNeed").ShouldBe("N2");
    }

    // A browser's answers to the rest of the form: received yesterday at 10:00, from a named referrer.
    private static void Fill(List<KeyValuePair<string, string>> form)
    {
        var yesterday = DateTime.UtcNow.AddDays(-1);
        form.Set("Input.ReceivedOn.Day", yesterday.Day.ToString(CultureInfo.InvariantCulture));
        form.Set("Input.ReceivedOn.Month", yesterday.Month.ToString(CultureInfo.InvariantCulture));
        form.Set("Input.ReceivedOn.Year", yesterday.Year.ToString(CultureInfo.InvariantCulture));
        form.Set("Input.ReceivedTime", "10:00");
        form.Set("Input.ReferrerName", "Ms J Patel");
        form.Set("Input.ReferrerAgency", "Harrowden Primary School");
        form.Set("Input.Reason", "Came to school hungry.");
    }
}
