using System.Net;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.MyWork;

/// <summary>
/// Issue 17, "Your work": everything waiting for one person in one list, overdue first; each item
/// appears for the right person and disappears when done (both databases).
/// </summary>
public sealed class WorkWaitingApiTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task MyWork_AnOverdueDraftAndAReferralToDecide_AreListedForTheirPeopleAndGoWhenDone(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var manager = await app.ClientAsync("daniel.hughes");

        // A draft of a visit three weeks ago: its 5 working days are long past.
        var (drafted, draft) = await worker.PostAsync($"/api/v1/cases/{caseId}/records",
            new { type = "phoneCall", occurredAt = DateTimeOffset.UtcNow.AddDays(-21), narrative = "Called the school" });
        drafted.ShouldBe(HttpStatusCode.Created, draft.ToString());
        var child = await Given.ChildAsync(manager);
        var referral = await Given.ReferralAsync(manager, child);

        var (_, mine) = await worker.GetJsonAsync("/api/v1/me/work");
        var item = mine.GetProperty("items").EnumerateArray().Single(i => i.Str("href") == $"/records/{draft.Id()}");
        item.Str("kind").ShouldBe("draft");
        item.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        mine.GetProperty("items")[0].GetProperty("overdue").GetBoolean().ShouldBeTrue("overdue items come first");
        mine.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.Str("href") == $"/referrals/{referral}", "a social worker does not decide referrals");

        var (_, theirs) = await manager.GetJsonAsync("/api/v1/me/work");
        theirs.GetProperty("items").EnumerateArray().Single(i => i.Str("href") == $"/referrals/{referral}").Str("kind").ShouldBe("referral");
        theirs.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.Str("href") == $"/records/{draft.Id()}", "another person's draft is theirs to finish");

        // Done: the draft is discarded with a reason, the referral decided.
        var (_, record) = await worker.GetJsonAsync($"/api/v1/records/{draft.Id()}");
        (await worker.PostAsync($"/api/v1/records/{draft.Id()}/discard", new { reason = "Recorded twice", version = record.Id("version") })).Status.ShouldBe(HttpStatusCode.OK);
        (await manager.PostAsync($"/api/v1/referrals/{referral}/no-further-action", new { reason = "Advice given; no further action" })).Status
            .ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        (await worker.GetJsonAsync("/api/v1/me/work")).Body.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.Str("href") == $"/records/{draft.Id()}");
        (await manager.GetJsonAsync("/api/v1/me/work")).Body.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.Str("href") == $"/referrals/{referral}");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task MyWork_TheJourneysVisitDue_IsOnTheAllocatedWorkersList(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/looked-after-episodes",
            new { startedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-20)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), legalStatus = "V2", placementType = "U6", reasonForNewEpisode = "S" }))
            .Status.ShouldBe(HttpStatusCode.Created);

        var (_, mine) = await worker.GetJsonAsync("/api/v1/me/work");

        var visit = mine.GetProperty("items").EnumerateArray().Single(i => i.Str("kind") == "visit" && i.Id("caseId") == caseId);
        visit.GetProperty("overdue").GetBoolean().ShouldBeTrue("a placement's first visit is due within a week");
        visit.Str("href").ShouldBe($"/cases/{caseId}/journey");
    }
}
