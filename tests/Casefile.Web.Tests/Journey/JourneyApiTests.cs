using System.Globalization;
using System.Net;
using Casefile.Web.Tests.Infrastructure;
using Casefile.Web.Tests.PaperFiles;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Journey;

/// <summary>
/// The statutory journey over HTTP (issue 16), on both databases: each step, each refusal (422
/// naming the rule, nothing saved), and the journey's <c>due</c> list as the days pass.
/// </summary>
public sealed class JourneyApiTests
{
    private static string Day(int daysFromToday) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Guid> PlanAsync(HttpClient worker, Guid caseId, int discussedDaysAgo = 30, string category = "neglect")
    {
        var (discussed, discussion) = await worker.PostAsync($"/api/v1/cases/{caseId}/strategy-discussions",
            new { heldOn = Day(-discussedDaysAgo), attendees = "DS Lewis (police), Ms Patel (school)", decision = "section47" });
        discussed.ShouldBe(HttpStatusCode.Created, discussion.ToString());
        var (started, enquiry) = await worker.PostAsync($"/api/v1/cases/{caseId}/section47-enquiries",
            new { strategyDiscussionId = discussion.Id(), startedOn = Day(-discussedDaysAgo) });
        started.ShouldBe(HttpStatusCode.Created, enquiry.ToString());
        var (held, conference) = await worker.PostAsync($"/api/v1/cases/{caseId}/conferences",
            new { kind = "initial", heldOn = Day(-discussedDaysAgo + 10), decision = "plan", category });
        held.ShouldBe(HttpStatusCode.Created, conference.ToString());
        return conference.Id("planId");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ChildProtection_FromStrategyDiscussionToPlan_ShowsTheStatusTheDueStepsAndTheChronology(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        var (discussed, discussion) = await worker.PostAsync($"/api/v1/cases/{caseId}/strategy-discussions",
            new { heldOn = Day(-3), attendees = "DS Lewis (police), Ms Patel (school), Amara Osei", decision = "section47" });
        discussed.ShouldBe(HttpStatusCode.Created, discussion.ToString());
        var (started, enquiry) = await worker.PostAsync($"/api/v1/cases/{caseId}/section47-enquiries",
            new { strategyDiscussionId = discussion.Id(), startedOn = Day(-3) });
        started.ShouldBe(HttpStatusCode.Created, enquiry.ToString());
        var conferenceDue = enquiry.Str("initialConferenceDueBy");

        var (_, before) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/journey");
        before.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()).ShouldBe(["section47Enquiry"]);
        var initial = before.GetProperty("due").EnumerateArray().Single(d => d.Str("kind") == "initialConference");
        initial.Str("dueBy").ShouldBe(conferenceDue);
        initial.GetProperty("overdue").GetBoolean().ShouldBeFalse();

        var (held, conference) = await worker.PostAsync($"/api/v1/cases/{caseId}/conferences", new { kind = "initial", heldOn = Day(-1), decision = "plan", category = "neglect" });
        held.ShouldBe(HttpStatusCode.Created, conference.ToString());
        conference.Id("planId").ShouldNotBe(Guid.Empty);

        var (_, after) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/journey");
        after.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()).ShouldBe(["childProtectionPlan"]);
        after.GetProperty("tags").EnumerateArray().Select(s => s.GetString()).ShouldBe(["CP plan: neglect"]);
        after.GetProperty("childProtectionPlan").Str("category").ShouldBe("neglect");
        after.GetProperty("due").EnumerateArray().Select(d => d.Str("kind")).ShouldBe(["coreGroup", "statutoryVisit", "reviewConference"], ignoreOrder: true);
        after.GetProperty("due").EnumerateArray().Single(d => d.Str("kind") == "reviewConference").Str("dueBy")
            .ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // A core group meets: it is no longer due.
        (await worker.PostAsync($"/api/v1/cases/{caseId}/core-groups", new { heldOn = Day(0) })).Status.ShouldBe(HttpStatusCode.Created);
        var (_, met) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/journey");
        met.GetProperty("due").EnumerateArray().Select(d => d.Str("kind")).ShouldNotContain("coreGroup");

        var (_, chronology) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/chronology?significantOnly=true");
        var text = chronology.ToString();
        text.ShouldContain("Strategy discussion");
        text.ShouldContain("Section 47 enquiry started");
        text.ShouldContain("Initial child protection conference");
        text.ShouldContain("Core group meeting");
        (await app.WithDbAsync(d => d.AuditEvents.CountAsync(e => e.CaseFileId == caseId && e.RecordType == "child-protection-conference" && e.Action == "create")))
            .ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task StatutoryVisit_WithTheChildSeen_ResetsTheVisitClock(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        await PlanAsync(worker, caseId, discussedDaysAgo: 40);
        var (_, before) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/journey");
        var visit = before.GetProperty("due").EnumerateArray().Single(d => d.Str("kind") == "statutoryVisit");
        visit.GetProperty("overdue").GetBoolean().ShouldBeTrue("the plan started 30 days ago and nobody has visited");

        var (recorded, record) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", new
        {
            type = "statutoryVisit",
            occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
            purpose = "Child protection visit",
            outcome = "Child safe; plan going well",
            narrative = "Saw the child at home with her mother.",
            seen = "The child",
            spokenTo = "The child alone",
            childSeen = true,
            childSeenAlone = true,
        });
        recorded.ShouldBe(HttpStatusCode.Created, record.ToString());
        (await worker.PostAsync($"/api/v1/records/{record.Id()}/finalise", new { })).Status.ShouldBe(HttpStatusCode.OK);

        var (_, after) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/journey");
        var next = after.GetProperty("due").EnumerateArray().Single(d => d.Str("kind") == "statutoryVisit");
        next.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        DateOnly.Parse(next.Str("dueBy")!, CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(9));

        // The manager's list of due visits shows it, and the worker's own list too.
        var (_, due) = await (await app.ClientAsync("daniel.hughes")).GetJsonAsync("/api/v1/visits/due");
        due.EnumerateArray().Single(v => v.Id("caseId") == caseId).GetProperty("overdue").GetBoolean().ShouldBeFalse();
        var (_, mine) = await worker.GetJsonAsync("/api/v1/visits/due");
        mine.EnumerateArray().Select(v => v.Id("caseId")).ShouldContain(caseId);
        var (_, other) = await (await app.ClientAsync("hannah.price")).GetJsonAsync("/api/v1/visits/due");
        other.EnumerateArray().Select(v => v.Id("caseId")).ShouldNotContain(caseId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Steps_OutOfOrder_AreRefusedNamingTheRuleAndSaveNothing(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        (await worker.PostAsync($"/api/v1/cases/{caseId}/conferences", new { kind = "review", heldOn = Day(-1), decision = "continue" }))
            .ShouldBeRule(HttpStatusCode.UnprocessableEntity, "review-before-initial-conference");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/conferences", new { kind = "initial", heldOn = Day(-1), decision = "plan", category = "neglect" }))
            .ShouldBeRule(HttpStatusCode.UnprocessableEntity, "no-section47-enquiry");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/looked-after-episodes", new { startedOn = Day(-1), legalStatus = "X9", placementType = "U6", reasonForNewEpisode = "S" }))
            .ShouldBeRule(HttpStatusCode.UnprocessableEntity, "unknown-code");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/core-groups", new { heldOn = Day(-1) })).ShouldBeRule(HttpStatusCode.UnprocessableEntity, "no-plan-in-force");

        var (_, discussion) = await worker.PostAsync($"/api/v1/cases/{caseId}/strategy-discussions",
            new { heldOn = Day(-10), attendees = "DS Lewis (police)", decision = "section47" });
        (await worker.PostAsync($"/api/v1/cases/{caseId}/section47-enquiries", new { strategyDiscussionId = discussion.Id(), startedOn = Day(-5) }))
            .Status.ShouldBe(HttpStatusCode.Created);
        (await worker.PostAsync($"/api/v1/cases/{caseId}/conferences", new { kind = "initial", heldOn = Day(-7), decision = "plan", category = "neglect" }))
            .ShouldBeRule(HttpStatusCode.UnprocessableEntity, "conference-before-enquiry");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/conferences", new { kind = "initial", heldOn = Day(-1), decision = "plan" }))
            .ShouldBeRule(HttpStatusCode.UnprocessableEntity, "category-required");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/conferences", new { kind = "initial", decision = "plan" })).ShouldBeProblem(HttpStatusCode.BadRequest, "heldOn");

        (await app.WithDbAsync(d => d.ChildProtectionConferences.CountAsync(c => c.CaseFileId == caseId))).ShouldBe(0);
        (await app.WithDbAsync(d => d.ChildProtectionPlans.CountAsync(c => c.CaseFileId == caseId))).ShouldBe(0);
        (await app.WithDbAsync(d => d.LookedAfterEpisodes.CountAsync(c => c.CaseFileId == caseId))).ShouldBe(0);
        (await app.WithDbAsync(d => d.Section47Enquiries.SingleAsync(c => c.CaseFileId == caseId))).Outcome.ShouldBeNull();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task LookedAfter_EpisodesReviewsAndEnd_FollowTheSsda903Rows(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        var (started, first) = await worker.PostAsync($"/api/v1/cases/{caseId}/looked-after-episodes",
            new { startedOn = Day(-60), legalStatus = "V2", placementType = "U6", reasonForNewEpisode = "S", placementProvider = "Harrowden Fostering" });
        started.ShouldBe(HttpStatusCode.Created, first.ToString());
        (await worker.PostAsync($"/api/v1/cases/{caseId}/looked-after-reviews", new { heldOn = Day(-40) })).Status.ShouldBe(HttpStatusCode.Created);
        var (moved, second) = await worker.PostAsync($"/api/v1/cases/{caseId}/looked-after-episodes",
            new { startedOn = Day(-10), legalStatus = "C2", placementType = "U6", reasonForNewEpisode = "L" });
        moved.ShouldBe(HttpStatusCode.Created, second.ToString());

        var (_, journey) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/journey");
        journey.GetProperty("tags").EnumerateArray().Select(s => s.GetString()).ShouldBe(["Looked after: C2"]);
        journey.GetProperty("lookedAfterEpisode").Str("legalStatusName").ShouldBe("Full care order");
        // The second review is three months after the first, counted from the period's start, not the new episode's.
        journey.GetProperty("due").EnumerateArray().Single(d => d.Str("kind") == "lookedAfterReview").Str("dueBy")
            .ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40).AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var episodes = await app.WithDbAsync(d => d.LookedAfterEpisodes.Where(e => e.CaseFileId == caseId).OrderBy(e => e.StartedOn).ToListAsync());
        episodes[0].ReasonEnded.ShouldBe("X1");
        episodes[0].EndedOn.ShouldBe(episodes[1].StartedOn);

        (await worker.PostAsync($"/api/v1/looked-after-episodes/{second.Id()}/end", new { endedOn = Day(0), reason = "X1" }))
            .ShouldBeRule(HttpStatusCode.UnprocessableEntity, "x1-is-for-a-new-episode");
        (await worker.PostAsync($"/api/v1/looked-after-episodes/{second.Id()}/end", new { endedOn = Day(0), reason = "E4A" })).Status.ShouldBe(HttpStatusCode.OK);
        var (_, ended) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/journey");
        ended.GetProperty("statuses").GetArrayLength().ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Steps_ByThoseWhoMayNotRecordOnTheCase_AreRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var body = new { heldOn = Day(-1), attendees = "DS Lewis", decision = "section47" };

        foreach (var user in new[] { "ben.carter", "hannah.price", "olu.bello", "sam.fraser", "rita.kowalski", "alex.morgan" })
        {
            var (status, _) = await (await app.ClientAsync(user)).PostAsync($"/api/v1/cases/{caseId}/strategy-discussions", body);
            status.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], user);
        }
        (await app.WithDbAsync(d => d.StrategyDiscussions.CountAsync(s => s.CaseFileId == caseId))).ShouldBe(0);
        (await (await app.ClientAsync("ben.carter")).GetJsonAsync($"/api/v1/cases/{caseId}/journey")).Status.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task People_UpnNhsNumberEthnicityAndDisabilities_AreCheckedAndStoredAsDfeCodes(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var client = await app.ClientAsync("amara.osei");
        object Child(string upn, string nhs, string ethnicity, string[] disabilities) => new
        {
            kind = "child",
            givenName = "Ula",
            familyName = "Coded" + Guid.NewGuid().ToString("N")[..6],
            dateOfBirth = "2016-05-04",
            sex = "female",
            upn,
            nhsNumber = nhs,
            ethnicity,
            disabilities,
        };

        (await client.PostAsync("/api/v1/people", Child("A820200100101", "9434765919", "WBRI", ["NONE"]))).ShouldBeProblem(HttpStatusCode.BadRequest, "upn");
        (await client.PostAsync("/api/v1/people", Child("V820200100101", "9434765918", "WBRI", ["NONE"]))).ShouldBeProblem(HttpStatusCode.BadRequest, "nhsNumber");
        (await client.PostAsync("/api/v1/people", Child("V820200100101", "9434765919", "Martian", ["NONE"]))).ShouldBeProblem(HttpStatusCode.BadRequest, "ethnicity");
        (await client.PostAsync("/api/v1/people", Child("V820200100101", "9434765919", "WBRI", ["NONE", "MOB"]))).ShouldBeProblem(HttpStatusCode.BadRequest, "disabilities");

        var (status, created) = await client.PostAsync("/api/v1/people", Child("v820200100101", "943 476 5919", "White and Black Caribbean", ["MOB", "HAND"]));
        status.ShouldBe(HttpStatusCode.Created, created.ToString());
        var (_, person) = await client.GetJsonAsync($"/api/v1/people/{created.Id()}");
        person.Str("upn").ShouldBe("V820200100101");
        person.Str("nhsNumber").ShouldBe("9434765919");
        person.Str("ethnicity").ShouldBe("MWBC");
        person.Str("ethnicityName").ShouldBe("White and Black Caribbean");
        person.GetProperty("disabilities").EnumerateArray().Select(d => d.GetString()).ShouldBe(["MOB", "HAND"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Referral_SourceAndPrimaryNeed_AreDfeCodes(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var client = await app.ClientAsync("daniel.hughes");
        var child = await Given.ChildAsync(client);
        object Referral(string source, string need) => new
        {
            childId = child,
            receivedAt = DateTimeOffset.UtcNow.AddHours(-2),
            referrerName = "Ms J Patel",
            referrerAgency = "Harrowden Primary School",
            reason = "Came to school hungry",
            source,
            primaryNeed = need,
        };

        (await client.PostAsync("/api/v1/referrals", Referral("11", "N1"))).ShouldBeProblem(HttpStatusCode.BadRequest, "source");
        (await client.PostAsync("/api/v1/referrals", Referral("2A", "N10"))).ShouldBeProblem(HttpStatusCode.BadRequest, "primaryNeed");
        var (status, created) = await client.PostAsync("/api/v1/referrals", Referral("2a", "N1"));
        status.ShouldBe(HttpStatusCode.Created, created.ToString());
        var stored = await app.WithDbAsync(d => d.Referrals.SingleAsync(r => r.Id == created.Id()));
        (stored.Source, stored.PrimaryNeed).ShouldBe(("2A", "N1"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ChildInNeedReviewsAndPrivateFostering_AreDueAtTheirIntervals(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        (await worker.PostAsync($"/api/v1/cases/{caseId}/child-in-need-reviews", new { heldOn = Day(0) }))
            .ShouldBeRule(HttpStatusCode.UnprocessableEntity, "no-child-in-need-plan");
        var (started, plan) = await worker.PostAsync($"/api/v1/cases/{caseId}/plans", new
        {
            kind = "childInNeedPlan",
            summary = "Breakfast club and parenting support.",
            familyContribution = "Mum agreed.",
            howShared = "Read through at home.",
        });
        started.ShouldBe(HttpStatusCode.Created, plan.ToString());
        (await worker.PostAsync($"/api/v1/plans/{plan.Id()}/submit", new { })).Status.ShouldBe(HttpStatusCode.OK);
        (await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/plans/{plan.Id()}/authorise", new { })).Status.ShouldBe(HttpStatusCode.OK);

        var (_, inNeed) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/journey");
        inNeed.GetProperty("statuses").EnumerateArray().Select(x => x.GetString()).ShouldBe(["childInNeed"]);
        inNeed.GetProperty("due").EnumerateArray().Select(d => d.Str("kind")).ShouldBe(["statutoryVisit", "childInNeedReview"], ignoreOrder: true);
        (await worker.PostAsync($"/api/v1/cases/{caseId}/child-in-need-reviews", new { heldOn = Day(0) })).Status.ShouldBe(HttpStatusCode.Created);
        var (_, reviewed) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/journey");
        reviewed.GetProperty("due").EnumerateArray().Single(d => d.Str("kind") == "childInNeedReview").Str("dueBy")
            .ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var (_, other) = await Given.OpenCaseAsync(app);
        var (recorded, arrangement) = await worker.PostAsync($"/api/v1/cases/{other}/private-fostering", new { startedOn = Day(-10) });
        recorded.ShouldBe(HttpStatusCode.Created, arrangement.ToString());
        (await worker.PostAsync($"/api/v1/cases/{other}/private-fostering", new { startedOn = Day(-1) })).ShouldBeRule(HttpStatusCode.UnprocessableEntity, "arrangement-already-open");
        var (_, fostered) = await worker.GetJsonAsync($"/api/v1/cases/{other}/journey");
        fostered.GetProperty("tags").EnumerateArray().Select(x => x.GetString()).ShouldBe(["Privately fostered"]);
        var visit = fostered.GetProperty("due").EnumerateArray().Single(d => d.Str("kind") == "statutoryVisit");
        visit.Str("dueBy").ShouldBe(Day(-3));
        visit.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        (await worker.PostAsync($"/api/v1/private-fostering/{arrangement.Id()}/end", new { endedOn = Day(0), reason = "The child went home to her mother" }))
            .Status.ShouldBe(HttpStatusCode.OK);
        (await worker.GetJsonAsync($"/api/v1/cases/{other}/journey")).Body.GetProperty("statuses").GetArrayLength().ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Journey_OfARestrictedCase_IsUnknownToThoseNotNamedOnIt(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.RestrictedCaseAsync(app, "amara.osei", "daniel.hughes");
        var body = new { heldOn = Day(-1), attendees = "DS Lewis", decision = "section47" };

        foreach (var user in new[] { "priya.shah", "sam.fraser", "rita.kowalski", "olu.bello" })
        {
            var client = await app.ClientAsync(user);
            (await client.PostAsync($"/api/v1/cases/{caseId}/strategy-discussions", body)).Status.ShouldBe(HttpStatusCode.NotFound, user);
            (await client.GetJsonAsync($"/api/v1/cases/{caseId}/journey")).Status.ShouldBe(HttpStatusCode.NotFound, user);
        }
        (await (await app.ClientAsync("amara.osei")).PostAsync($"/api/v1/cases/{caseId}/strategy-discussions", body)).Status.ShouldBe(HttpStatusCode.Created);
        var (_, due) = await (await app.ClientAsync("priya.shah")).GetJsonAsync("/api/v1/visits/due");
        due.EnumerateArray().Select(v => v.Id("caseId")).ShouldNotContain(caseId);
    }
}
