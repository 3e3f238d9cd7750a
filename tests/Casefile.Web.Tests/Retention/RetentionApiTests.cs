using System.Net;
using System.Text;
using Casefile.Data.Audit;
using Casefile.Data.Documents;
using Casefile.Domain.Cases;
using Casefile.Domain.Retention;
using Casefile.Web.Cli;
using Casefile.Web.Features.Retention;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Casefile.Web.Tests.Retention;

/// <summary>Retention and disposal through the API (policy 8), on both databases.</summary>
public sealed class RetentionApiTests
{
    internal const string SecondRecordsManager = "sana.iqbal";
    private static readonly SemaphoreSlim UserLock = new(1, 1);

    /// <summary>The demo has one records manager; destruction needs a second.</summary>
    internal static async Task<HttpClient> SecondRecordsManagerAsync(CasefileApp app)
    {
        await UserLock.WaitAsync();
        try
        {
            await app.WithServicesAsync(async sp =>
            {
                if (await sp.GetRequiredService<UserManager<Data.Identity.StaffUser>>().FindByNameAsync(SecondRecordsManager) is null)
                    (await UserAccounts.CreateAsync(sp, SecondRecordsManager, "Sana Iqbal", Domain.Staff.StaffRole.RecordsManager, null, null, "a long enough password"))
                        .Succeeded.ShouldBeTrue();
                return 0;
            });
        }
        finally
        {
            UserLock.Release();
        }
        return await app.ClientAsync(SecondRecordsManager);
    }

    /// <summary>Closes the case on a given day, as if the closure had been authorised then.</summary>
    internal static Task CloseOnAsync(CasefileApp app, Guid caseId, DateOnly closedOn) => app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == caseId)
        .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed).SetProperty(c => c.ClosedOn, closedOn).SetProperty(c => c.OpenedOn, closedOn.AddYears(-1))));

    internal static Task<SweepResult> SweepAsync(CasefileApp app, DateOnly today, bool dryRun = false) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<RetentionSweep>().RunAsync(today, dryRun, default));

    internal static async Task<Guid> ListedAsync(CasefileApp app, Guid caseId)
    {
        var (status, due) = await (await app.ClientAsync("rita.kowalski")).GetJsonAsync("/api/v1/disposals/due");
        status.ShouldBe(HttpStatusCode.OK, due.ToString());
        return due.GetProperty("files").EnumerateArray().Single(f => CaseOf(f) == caseId).Id();
    }

    /// <summary>The case a line of the list is about, or null when it is withheld (a restricted file the viewer is not named on).</summary>
    internal static Guid? CaseOf(System.Text.Json.JsonElement line) =>
        line.GetProperty("caseId").ValueKind == System.Text.Json.JsonValueKind.Null ? null : line.Id("caseId");

    private static readonly DateOnly SweepDay = new(2026, 6, 1);

    [Theory, ClassData(typeof(Databases))]
    public async Task Sweep_WhenOtherFileClosed_IsDueExactlyTenYearsAfterClosureAndNotADayBefore(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        await CloseOnAsync(app, caseId, new DateOnly(2016, 6, 1));

        var before = await SweepAsync(app, new DateOnly(2026, 5, 31), dryRun: true);
        before.Items.ShouldNotContain(i => i.CaseId == caseId);
        var on = await SweepAsync(app, SweepDay);
        var item = on.Items.Single(i => i.CaseId == caseId);
        item.Kind.ShouldBe(DisposalReviewKind.Disposal);
        item.DueOn.ShouldBe(SweepDay);
        item.RuleId.ShouldBe("other");

        var rita = await app.ClientAsync("rita.kowalski");
        var (status, retention) = await rita.GetJsonAsync($"/api/v1/cases/{caseId}/retention");
        status.ShouldBe(HttpStatusCode.OK, retention.ToString());
        retention.Str("action").ShouldBe("destroy");
        retention.Str("date").ShouldBe("2026-06-01");
        retention.Str("ruleId").ShouldBe("other");
        retention.Str("explanation").ShouldBe("All other files (always applies): 10 years from closure on 1 June 2016 = 1 June 2026");
        retention.GetProperty("categories").EnumerateArray().Select(c => c.Str("category")).ShouldBe(["other"]);
        await ListedAsync(app, caseId);
        // Listed once, however often the sweep runs.
        (await SweepAsync(app, SweepDay)).Items.Single(i => i.CaseId == caseId).New.ShouldBeFalse();
        (await app.WithDbAsync(d => d.DisposalReviews.CountAsync(r => r.CaseFileId == caseId))).ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Retention_WhenSection47AndCategoryAdded_LongestWinsAndSaysWhy(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (created, record) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", new
        {
            type = "childProtectionEnquiryVisit",
            occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
            childProtectionEnquiry = true,
            confirmedNotDuplicate = true,
            purpose = "Section 47 enquiry",
            outcome = "Child seen",
            narrative = "Visited with the police",
            seen = "Child",
            spokenTo = "Child",
            childSeen = true,
            childSeenAlone = true,
        });
        created.ShouldBe(HttpStatusCode.Created, record.ToString());
        (await worker.PostAsync($"/api/v1/cases/{caseId}/care-events", new { kind = "lookedAfterPeriod", to = "2020-01-01" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "from");
        var (open, openView) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/retention");
        open.ShouldBe(HttpStatusCode.OK, openView.ToString());
        openView.Str("action").ShouldBe("not-yet-known");
        openView.GetProperty("date").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        await CloseOnAsync(app, caseId, new DateOnly(2020, 6, 1));

        var rita = await app.ClientAsync("rita.kowalski");
        (await worker.PostAsync($"/api/v1/cases/{caseId}/retention-categories", new { category = "financial", reason = "Payments" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await rita.PostAsync($"/api/v1/cases/{caseId}/retention-categories", new { category = "pets", reason = " " }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "category");
        (await rita.PostAsync($"/api/v1/cases/{caseId}/retention-categories", new { category = "cpr-missing-persons", reason = "Reported missing" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "eventDate");
        var (added, body) = await rita.PostAsync($"/api/v1/cases/{caseId}/retention-categories", new { category = "adult-posing-risk", reason = "Convicted of offences against children" });
        added.ShouldBe(HttpStatusCode.Created, body.ToString());

        var (_, view) = await rita.GetJsonAsync($"/api/v1/cases/{caseId}/retention");
        view.Str("action").ShouldBe("retain-permanently");
        view.GetProperty("date").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        view.Str("ruleId").ShouldBe("adult-posing-risk");
        var categories = view.GetProperty("categories").EnumerateArray().ToList();
        categories.Select(c => c.Str("category")).ShouldBe(["child-protection", "adult-posing-risk", "other"]);
        categories[0].Str("source").ShouldStartWith("section 47 enquiry on ");
        categories[1].Str("source").ShouldBe("added by Rita Kowalski: Convicted of offences against children");
        view.Str("explanation").ShouldContain("'Child protection': 35 years from closure (1 June 2055)");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory, ClassData(typeof(Databases))]
    public async Task Retention_WhenAPlanIsRecordedThroughTheJourney_IsKeptAsAChildProtectionFile(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (discussed, discussion) = await worker.PostAsync($"/api/v1/cases/{caseId}/strategy-discussions",
            new { heldOn = Day(today.AddDays(-30)), attendees = "DS Lewis (police), Ms Patel (school)", decision = "section47" });
        discussed.ShouldBe(HttpStatusCode.Created, discussion.ToString());
        var (started, enquiry) = await worker.PostAsync($"/api/v1/cases/{caseId}/section47-enquiries",
            new { strategyDiscussionId = discussion.Id(), startedOn = Day(today.AddDays(-30)) });
        started.ShouldBe(HttpStatusCode.Created, enquiry.ToString());
        var (held, conference) = await worker.PostAsync($"/api/v1/cases/{caseId}/conferences",
            new { kind = "initial", heldOn = Day(today.AddDays(-20)), decision = "plan", category = "neglect" });
        held.ShouldBe(HttpStatusCode.Created, conference.ToString());
        // The file has no section 47 record and no authorised plan document: only the journey says it is a child protection file.
        var closedOn = today.AddDays(-1);
        await CloseOnAsync(app, caseId, closedOn);

        var (status, view) = await (await app.ClientAsync("rita.kowalski")).GetJsonAsync($"/api/v1/cases/{caseId}/retention");

        status.ShouldBe(HttpStatusCode.OK, view.ToString());
        view.Str("action").ShouldBe("destroy");
        view.Str("ruleId").ShouldBe("child-protection");
        view.Str("date").ShouldBe(Day(Anniversary.AddYears(closedOn, 35)));
        var categories = view.GetProperty("categories").EnumerateArray().ToList();
        categories.Select(c => c.Str("category")).ShouldBe(["child-protection", "child-protection", "other"]);
        categories[0].Str("source").ShouldStartWith("section 47 enquiry started on ");
        categories[1].Str("source").ShouldStartWith("child protection plan (neglect) from ");
        view.Str("explanation").ShouldStartWith("Child protection (section 47 enquiry started on ");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Retention_WhenLookedAfterThroughTheJourney_IsKeptAsALookedAfterChildsFile(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (started, episode) = await worker.PostAsync($"/api/v1/cases/{caseId}/looked-after-episodes",
            new { startedOn = Day(today.AddDays(-40)), legalStatus = "V2", placementType = "U6" });
        started.ShouldBe(HttpStatusCode.Created, episode.ToString());
        var (ended, end) = await worker.PostAsync($"/api/v1/looked-after-episodes/{episode.Id()}/end", new { endedOn = Day(today.AddDays(-5)), reason = "E4A" });
        ended.ShouldBe(HttpStatusCode.OK, end.ToString());
        await CloseOnAsync(app, caseId, today.AddDays(-1));
        var born = await app.WithDbAsync(d => d.People.Where(p => p.Id == childId).Select(p => p.DateOfBirth).SingleAsync());

        var (_, view) = await (await app.ClientAsync("rita.kowalski")).GetJsonAsync($"/api/v1/cases/{caseId}/retention");

        view.Str("ruleId").ShouldBe("looked-after-child", view.ToString());
        view.Str("date").ShouldBe(Day(Anniversary.AddYears(Anniversary.EighteenthBirthday(born!.Value), 75)));
        view.GetProperty("categories").EnumerateArray().Select(c => c.Str("source")).ShouldContain(s => s!.StartsWith("looked after from ", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Destroy_WhenTheFileHasAJourney_RemovesEveryStep(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var manager = await app.ClientAsync("daniel.hughes");
        var childId = await Given.ChildAsync(manager, "Oldest", "Journeyman");
        var referral = await Given.ReferralAsync(manager, childId);
        var (accepted, acceptance) = await manager.PostAsync($"/api/v1/referrals/{referral}/accept", new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" });
        accepted.ShouldBe(HttpStatusCode.Created, acceptance.ToString());
        var caseId = acceptance.Id("caseId");
        var worker = await app.ClientAsync("amara.osei");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var discussion = (await worker.PostAsync($"/api/v1/cases/{caseId}/strategy-discussions",
            new { heldOn = Day(today.AddDays(-60)), attendees = "Police, school", decision = "section47" })).Body.Id();
        (await worker.PostAsync($"/api/v1/cases/{caseId}/section47-enquiries", new { strategyDiscussionId = discussion, startedOn = Day(today.AddDays(-60)) }))
            .Status.ShouldBe(HttpStatusCode.Created);
        (await worker.PostAsync($"/api/v1/cases/{caseId}/conferences", new { kind = "initial", heldOn = Day(today.AddDays(-50)), decision = "plan", category = "physical" }))
            .Status.ShouldBe(HttpStatusCode.Created);
        (await worker.PostAsync($"/api/v1/cases/{caseId}/core-groups", new { heldOn = Day(today.AddDays(-45)) })).Status.ShouldBe(HttpStatusCode.Created);
        (await worker.PostAsync($"/api/v1/cases/{caseId}/conferences", new { kind = "review", heldOn = Day(today.AddDays(-30)), decision = "end" }))
            .Status.ShouldBe(HttpStatusCode.Created);
        (await worker.PostAsync($"/api/v1/cases/{caseId}/looked-after-episodes", new { startedOn = Day(today.AddDays(-20)), legalStatus = "C1", placementType = "U6" }))
            .Status.ShouldBe(HttpStatusCode.Created);
        (await worker.PostAsync($"/api/v1/cases/{caseId}/looked-after-reviews", new { heldOn = Day(today.AddDays(-5)) })).Status.ShouldBe(HttpStatusCode.Created);
        (await worker.PostAsync($"/api/v1/cases/{caseId}/private-fostering", new { startedOn = Day(today.AddDays(-70)) })).Status.ShouldBe(HttpStatusCode.Created);
        // An old file: born in 1930 and closed in 1990, so even the looked after child's 75 years have passed.
        await app.WithDbAsync(d => d.People.Where(p => p.Id == childId).ExecuteUpdateAsync(x => x.SetProperty(p => p.DateOfBirth, new DateOnly(1930, 1, 1))));
        await CloseOnAsync(app, caseId, new DateOnly(1990, 1, 1));
        await SweepAsync(app, SweepDay);
        var id = await ListedAsync(app, caseId);
        (await (await app.ClientAsync("rita.kowalski")).PostAsync($"/api/v1/disposal-reviews/{id}/propose-destruction", new { reason = "Past its date; no hold" }))
            .Status.ShouldBe(HttpStatusCode.OK);

        var (done, tombstone) = await (await SecondRecordsManagerAsync(app)).PostAsync($"/api/v1/disposal-reviews/{id}/confirm-destruction", new { });

        done.ShouldBe(HttpStatusCode.OK, tombstone.ToString() + string.Join("\n", app.ServerErrors.TakeLast(1)));
        tombstone.Str("ruleId").ShouldBe("child-protection");
        (await app.WithDbAsync(async d => await d.StrategyDiscussions.CountAsync(x => x.CaseFileId == caseId) + await d.Section47Enquiries.CountAsync(x => x.CaseFileId == caseId)
            + await d.ChildProtectionConferences.CountAsync(x => x.CaseFileId == caseId) + await d.ChildProtectionPlans.CountAsync(x => x.CaseFileId == caseId)
            + await d.CoreGroupMeetings.CountAsync(x => x.CaseFileId == caseId) + await d.LookedAfterEpisodes.CountAsync(x => x.CaseFileId == caseId)
            + await d.LookedAfterReviews.CountAsync(x => x.CaseFileId == caseId) + await d.PrivateFosteringArrangements.CountAsync(x => x.CaseFileId == caseId)))
            .ShouldBe(0);
        (await app.WithDbAsync(d => d.CaseFiles.AnyAsync(c => c.Id == caseId))).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Destroy_ByOneRecordsManagerAlone_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        await CloseOnAsync(app, caseId, new DateOnly(2005, 1, 10));
        await SweepAsync(app, SweepDay);
        var id = await ListedAsync(app, caseId);
        var rita = await app.ClientAsync("rita.kowalski");

        (await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/disposal-reviews/{id}/propose-destruction", new { reason = "Due" }))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
        (await rita.PostAsync($"/api/v1/disposal-reviews/{id}/propose-destruction", new { reason = " " })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        var (proposed, body) = await rita.PostAsync($"/api/v1/disposal-reviews/{id}/propose-destruction", new { reason = "Past its date; nothing outstanding" });
        proposed.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.Str("status").ShouldBe("destructionProposed");

        var (status, problem) = await rita.PostAsync($"/api/v1/disposal-reviews/{id}/confirm-destruction", new { });

        status.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Str("rule").ShouldBe("second-records-manager-needed");
        (await app.WithDbAsync(d => d.CaseFiles.AnyAsync(c => c.Id == caseId))).ShouldBeTrue();
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.Action == "confirm-destruction" && e.Outcome == "refused" && e.CaseFileId == caseId))).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Destroy_WhenHeld_IsNeverDestroyedUntilTheHoldIsLifted(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        await CloseOnAsync(app, caseId, new DateOnly(2005, 1, 10));
        await SweepAsync(app, SweepDay);
        var id = await ListedAsync(app, caseId);
        var rita = await app.ClientAsync("rita.kowalski");
        var sana = await SecondRecordsManagerAsync(app);
        (await rita.PostAsync($"/api/v1/disposal-reviews/{id}/propose-destruction", new { reason = "Past its date" })).Status.ShouldBe(HttpStatusCode.OK);

        (await rita.PostAsync($"/api/v1/cases/{caseId}/legal-holds", new { kind = "litigation" })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        var (placed, hold) = await rita.PostAsync($"/api/v1/cases/{caseId}/legal-holds", new { kind = "litigation", reason = "Claim HD-2026-114 against the council" });
        placed.ShouldBe(HttpStatusCode.Created, hold.ToString());

        var (refused, problem) = await sana.PostAsync($"/api/v1/disposal-reviews/{id}/confirm-destruction", new { });
        refused.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Str("rule").ShouldBe("legal-hold");
        (await app.WithDbAsync(d => d.CaseFiles.AnyAsync(c => c.Id == caseId))).ShouldBeTrue();
        var (_, due) = await rita.GetJsonAsync("/api/v1/disposals/due");
        due.GetProperty("files").EnumerateArray().Single(f => f.Id() == id).GetProperty("held").GetBoolean().ShouldBeTrue();

        var (lifted, _) = await rita.PostAsync($"/api/v1/legal-holds/{hold.Id()}/lift", new { reason = "Claim settled" });
        lifted.ShouldBe(HttpStatusCode.OK);
        var (done, tombstone) = await sana.PostAsync($"/api/v1/disposal-reviews/{id}/confirm-destruction", new { });
        done.ShouldBe(HttpStatusCode.OK, tombstone.ToString() + string.Join("\n", app.ServerErrors.TakeLast(1)));
        (await app.WithDbAsync(d => d.CaseFiles.AnyAsync(c => c.Id == caseId))).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Keep_WithReasonAndNextReview_TakesTheFileOffTheListUntilThen(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        await CloseOnAsync(app, caseId, new DateOnly(2005, 1, 10));
        await SweepAsync(app, SweepDay);
        var id = await ListedAsync(app, caseId);
        var rita = await app.ClientAsync("rita.kowalski");

        (await rita.PostAsync($"/api/v1/disposal-reviews/{id}/keep", new { reason = "", nextReviewOn = "2000-01-01" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "reason", "nextReviewOn");
        var (kept, body) = await rita.PostAsync($"/api/v1/disposal-reviews/{id}/keep", new { reason = "Subject access request expected", nextReviewOn = "2099-01-01" });
        kept.ShouldBe(HttpStatusCode.OK, body.ToString());

        (await SweepAsync(app, SweepDay)).Items.ShouldNotContain(i => i.CaseId == caseId);
        (await SweepAsync(app, new DateOnly(2099, 1, 1), dryRun: true)).Items.ShouldContain(i => i.CaseId == caseId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Destroy_WhenConfirmedBySecondRecordsManager_LeavesNothingOfThePersonButTheTombstone(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var manager = await app.ClientAsync("daniel.hughes");
        var worker = await app.ClientAsync("amara.osei");
        var family = "Zorvath" + Guid.NewGuid().ToString("N")[..6];
        var childId = await Given.ChildAsync(manager, "Perrin", family);
        var referral = await Given.ReferralAsync(manager, childId);
        var (accepted, acceptance) = await manager.PostAsync($"/api/v1/referrals/{referral}/accept", new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" });
        accepted.ShouldBe(HttpStatusCode.Created, acceptance.ToString());
        var caseId = acceptance.Id("caseId");
        // A mother linked only to this child goes with it; an aunt linked to another child stays.
        var mother = (await manager.PostAsync("/api/v1/people", new { kind = "adult", givenName = "Marla", familyName = family })).Body.Id();
        var aunt = (await manager.PostAsync("/api/v1/people", new { kind = "adult", givenName = "Auntie", familyName = family })).Body.Id();
        var cousin = await Given.ChildAsync(manager, "Cousin", "Keepme" + family);
        (await manager.PostAsync($"/api/v1/people/{childId}/relationships", new { relatedPersonId = mother, kind = "mother" })).Status.ShouldBe(HttpStatusCode.Created);
        (await manager.PostAsync($"/api/v1/people/{childId}/relationships", new { relatedPersonId = aunt, kind = "auntOrUncle" })).Status.ShouldBe(HttpStatusCode.Created);
        (await manager.PostAsync($"/api/v1/people/{cousin}/relationships", new { relatedPersonId = aunt, kind = "auntOrUncle" })).Status.ShouldBe(HttpStatusCode.Created);

        var word = "quorblex" + Guid.NewGuid().ToString("N")[..6];
        var (created, record) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", new
        {
            type = "homeVisit",
            occurredAt = DateTimeOffset.UtcNow.AddHours(-3),
            confirmedNotDuplicate = true,
            purpose = "Visit",
            outcome = "Seen",
            narrative = $"Perrin talked about {word}.",
            seen = "Perrin",
            spokenTo = "Perrin",
            childSeen = true,
            childSeenAlone = true,
        });
        created.ShouldBe(HttpStatusCode.Created, record.ToString());
        (await worker.PostAsync($"/api/v1/records/{record.Id()}/finalise", new { })).Status.ShouldBe(HttpStatusCode.OK);
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {word} {Guid.NewGuid()}\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var (uploaded, document) = await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", pdf, "order.pdf",
            new Dictionary<string, string> { ["type"] = "courtOrder", ["title"] = "Interim care order", ["author"] = "Harrowden Family Court" });
        uploaded.ShouldBe(HttpStatusCode.Created, document.ToString());
        var hash = document.Str("sha256");
        // The same bytes on another child's case: stored once, and kept for that case.
        var (_, otherCase) = await Given.OpenCaseAsync(app);
        var shared = Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% shared {Guid.NewGuid()}\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var sharedHash = (await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", shared, "a.pdf",
            new Dictionary<string, string> { ["type"] = "courtOrder", ["title"] = "Order", ["author"] = "Court" })).Body.Str("sha256");
        (await worker.PostFileAsync($"/api/v1/cases/{otherCase}/documents", shared, "a.pdf",
            new Dictionary<string, string> { ["type"] = "courtOrder", ["title"] = "Order", ["author"] = "Court" })).Status.ShouldBe(HttpStatusCode.Created);
        (await manager.GetJsonAsync($"/api/v1/people?query={family}")).Body.GetProperty("results").GetArrayLength().ShouldBeGreaterThan(0);

        await CloseOnAsync(app, caseId, new DateOnly(2005, 1, 10));
        await SweepAsync(app, SweepDay);
        var id = await ListedAsync(app, caseId);
        var rita = await app.ClientAsync("rita.kowalski");
        var sana = await SecondRecordsManagerAsync(app);
        (await rita.PostAsync($"/api/v1/disposal-reviews/{id}/propose-destruction", new { reason = "Past its date; no hold" })).Status.ShouldBe(HttpStatusCode.OK);

        var (done, tombstone) = await sana.PostAsync($"/api/v1/disposal-reviews/{id}/confirm-destruction", new { });

        done.ShouldBe(HttpStatusCode.OK, tombstone.ToString() + string.Join("\n", app.ServerErrors.TakeLast(1)));
        var reference = tombstone.Str("caseReference");
        tombstone.Str("proposedBy").ShouldBe("Rita Kowalski");
        tombstone.Str("confirmedBy").ShouldBe("Sana Iqbal");
        tombstone.Str("ruleId").ShouldBe("other");
        tombstone.GetProperty("documentsRemoved").GetInt32().ShouldBe(2);
        tombstone.GetProperty("contentItemsRemoved").GetInt32().ShouldBe(1);

        // Nothing of the person by search, page, API or export.
        (await manager.GetJsonAsync($"/api/v1/people?query={family}")).Body.GetProperty("results").EnumerateArray().Select(r => r.Id())
            .ShouldBe([aunt], ignoreOrder: true); // only the aunt, linked to another child, is left
        (await manager.GetJsonAsync($"/api/v1/records/search?q={word}&scope=service")).Body.GetProperty("records").GetArrayLength().ShouldBe(0);
        (await manager.GetJsonAsync($"/api/v1/cases/{caseId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetJsonAsync($"/api/v1/people/{childId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetJsonAsync($"/api/v1/people/{mother}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetJsonAsync($"/api/v1/people/{aunt}")).Status.ShouldBe(HttpStatusCode.OK);
        (await manager.GetJsonAsync($"/api/v1/records/{record.Id()}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetJsonAsync($"/api/v1/documents/{document.Id()}")).Status.ShouldBe(HttpStatusCode.NotFound);
        using (var export = await manager.GetAsync($"/api/v1/cases/{caseId}/chronology.pdf")) export.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await Browserless.SignedInAsync(app, "daniel.hughes");
        using (var casePage = await page.Client.GetAsync($"/cases/{caseId}")) casePage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var search = await page.Client.GetAsync($"/people?query={family}"))
            (await search.Content.ReadAsStringAsync()).ShouldNotContain("Perrin");
        (await rita.GetJsonAsync("/api/v1/disposals/due")).Body.GetProperty("files").EnumerateArray().ShouldNotContain(f => CaseOf(f) == caseId);

        // The stored content is gone from disk, unless another case uses the same bytes.
        var store = app.Services.GetRequiredService<IDocumentContentStore>();
        (await store.ExistsAsync(hash)).ShouldBeFalse();
        File.Exists(Path.Combine(app.DataDirectory, "documents", hash[..2], hash[2..4], hash)).ShouldBeFalse();
        (await store.ExistsAsync(sharedHash)).ShouldBeTrue();

        // The audit trail stays, its reasons on this case redacted, and still verifies.
        (await app.WithDbAsync(d => d.AuditEvents.CountAsync(e => e.CaseFileId == caseId && e.Reason != null && e.Action != "destroy"))).ShouldBe(0);
        (await app.WithDbAsync(d => d.AuditEvents.CountAsync(e => e.CaseFileId == caseId))).ShouldBeGreaterThan(3);
        var output = new StringWriter();
        (await CommandLine.RunAsync(["audit", "verify"], new StringReader(""), output, output, app.Settings)).ShouldBe(0, output.ToString());

        // The tombstone and its certificate.
        var (_, list) = await rita.GetJsonAsync("/api/v1/tombstones");
        list.GetProperty("tombstones").EnumerateArray().ShouldContain(t => t.Str("caseReference") == reference);
        using (var certificate = await rita.GetAsync($"/api/v1/tombstones/{tombstone.Id()}/certificate.pdf"))
        {
            certificate.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var pdfDoc = PdfDocument.Open(await certificate.Content.ReadAsByteArrayAsync());
            var text = string.Join(" ", pdfDoc.GetPages().Select(p => p.Text));
            text.ShouldContain(reference);
            text.ShouldContain("Sana Iqbal");
            text.ShouldNotContain("Perrin");
        }
        using (var csv = await rita.GetAsync($"/api/v1/tombstones/{tombstone.Id()}/certificate.csv"))
        {
            var text = await csv.Content.ReadAsStringAsync();
            text.ShouldContain(reference);
            text.ShouldContain("Rita Kowalski");
        }
        (await manager.GetJsonAsync($"/api/v1/tombstones/{tombstone.Id()}")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Schedule_WhenChanged_IsANewVersionAndBadRulesAreNamed(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var rita = await app.ClientAsync("rita.kowalski");
        var (_, current) = await rita.GetJsonAsync("/api/v1/retention/schedule");
        var rules = System.Text.Json.Nodes.JsonNode.Parse(current.GetProperty("rules").GetRawText())!.AsArray();

        var bad = System.Text.Json.Nodes.JsonNode.Parse(rules.ToJsonString())!.AsArray();
        bad[3]!["years"] = -1;
        var (status, problem) = await rita.PutAsync("/api/v1/retention/schedule", new { reason = "Typo", rules = bad });
        (status, problem).ShouldBeProblem(HttpStatusCode.BadRequest, "rules[3].years");
        problem.ToString().ShouldContain("adoption");
        (await (await app.ClientAsync("daniel.hughes")).PutAsync("/api/v1/retention/schedule", new { reason = "x", rules })).Status.ShouldBe(HttpStatusCode.Forbidden);

        // Follow the regulation for looked after children: to the 75th anniversary of birth (57 years after the 18th birthday).
        var changed = System.Text.Json.Nodes.JsonNode.Parse(rules.ToJsonString())!.AsArray();
        changed[0]!["years"] = 57;
        var (saved, body) = await rita.PutAsync("/api/v1/retention/schedule", new { reason = "Follow the 1991 regulation: 75th anniversary of birth", rules = changed });
        saved.ShouldBe(HttpStatusCode.OK, body.ToString());
        var version = body.GetProperty("version").GetInt32();
        version.ShouldBeGreaterThan(current.GetProperty("version").GetInt32());
        body.Str("changedBy").ShouldBe("Rita Kowalski");
        body.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).ShouldContain(1);
        body.GetProperty("rules")[0].GetProperty("years").GetInt32().ShouldBe(57);
        using var file = await rita.GetAsync("/api/v1/retention/schedule/versions/1");
        (await file.Content.ReadAsStringAsync()).ShouldContain("\"years\": 75");

        // Back to the policy as written, for the other tests.
        var (restored, _) = await rita.PutAsync("/api/v1/retention/schedule", new { reason = "Back to the policy as written", rules });
        restored.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RetentionSweep_FromTheCommandLine_DryRunListsAndSavesNothing()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        await CloseOnAsync(app, caseId, new DateOnly(2001, 2, 3));
        var reference = await app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Reference).SingleAsync());
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(["retention", "sweep", "--dry-run"], new StringReader(""), stdout, stderr, app.Settings);

        exit.ShouldBe(0, stderr.ToString());
        stdout.ToString().ShouldContain($"{reference}\tdisposal\t2011-02-03\tother\tnew");
        stderr.ToString().ShouldContain("Dry run: nothing saved.");
        (await app.WithDbAsync(d => d.DisposalReviews.AnyAsync(r => r.CaseFileId == caseId))).ShouldBeFalse();
    }
}
