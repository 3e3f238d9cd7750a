using System.Net;
using System.Text.Json;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Web.Tests.Records;

public sealed class RecordApiTests
{
    private static object HomeVisit(DateTimeOffset? at = null, string type = "homeVisit", bool cp = false, object? present = null) => new
    {
        type,
        occurredAt = at ?? DateTimeOffset.UtcNow.AddHours(-2),
        childProtectionEnquiry = cp,
        purpose = "Check how the children are after the school's concern",
        outcome = "Children safe at home; mother agreed to a follow-up visit",
        narrative = "I visited the family home. Amy showed me her bedroom and told me she likes her new school.",
        seen = "Amy and her mother",
        spokenTo = "Amy (alone, in her bedroom) and her mother",
        childSeen = true,
        childSeenAlone = true,
        present = present ?? new object[] { new { name = "Sara Brown", role = "Mother" } },
    };

    private static async Task<Guid> DraftAsync(HttpClient client, Guid caseId, object body)
    {
        var (status, created) = await client.PostAsync($"/api/v1/cases/{caseId}/records", body);
        status.ShouldBe(HttpStatusCode.Created, created.ToString());
        return created.Id();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Create_WhenValid_AnswersADraftWithItsDeadlineAndIsAudited(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (child, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        var (status, body) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", HomeVisit(new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero)));

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.Str("status").ShouldBe("draft");
        // Friday 2 January 2026: five working days on is Friday 9 January.
        body.Str("recordBy").ShouldBe("2026-01-09");
        var id = body.Id();
        var (_, record) = await worker.GetJsonAsync($"/api/v1/records/{id}");
        record.GetProperty("content").Str("narrative").ShouldContain("new school");
        record.GetProperty("present")[0].Str("name").ShouldBe("Sara Brown");
        var audited = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.RecordId == id.ToString()).Select(e => e.Action).ToListAsync());
        audited.ShouldContain("create");
        audited.ShouldContain("view");
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.RecordId == id.ToString() && e.PersonId == child))).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Create_WhenChildProtectionEnquiry_IsDueTheNextWorkingDay(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        // Thursday 24 December 2026: Christmas Day and Boxing Day (substitute Monday 28th) are not working days.
        var (_, body) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", HomeVisit(new DateTimeOffset(2025, 12, 24, 15, 0, 0, TimeSpan.Zero), "childProtectionEnquiryVisit"));
        body.Str("recordBy").ShouldBe("2025-12-29");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Finalise_WhenOnTime_IsNotLateAndLocksTheRecord(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var id = await DraftAsync(worker, caseId, HomeVisit());

        var (status, done) = await worker.PostAsync($"/api/v1/records/{id}/finalise", new { });

        status.ShouldBe(HttpStatusCode.OK, done.ToString());
        done.GetProperty("late").GetBoolean().ShouldBeFalse();
        done.GetProperty("workingDaysLate").GetInt32().ShouldBe(0);
        var edit = await worker.PutAsync($"/api/v1/records/{id}", HomeVisit());
        edit.ShouldBeProblem(HttpStatusCode.Conflict);
        (await worker.PostAsync($"/api/v1/records/{id}/finalise", new { })).ShouldBeProblem(HttpStatusCode.Conflict);
        var (_, record) = await worker.GetJsonAsync($"/api/v1/records/{id}");
        record.Str("status").ShouldBe("final");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Finalise_WhenPastTheDeadline_SaysHowManyWorkingDaysLate(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var at = DateTimeOffset.UtcNow.AddDays(-30);
        var (_, created) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", HomeVisit(at));
        var expected = await app.WithServicesAsync(async s =>
        {
            var calendar = await s.GetRequiredService<Web.Features.Calendar.BankHolidayCalendar>().CurrentAsync(default);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Web.Infrastructure.LondonTime.Zone).DateTime);
            return Domain.Calendar.RecordingDeadline.WorkingDaysLate(DateOnly.Parse(created.Str("recordBy"), System.Globalization.CultureInfo.InvariantCulture), today, calendar);
        });

        var (status, done) = await worker.PostAsync($"/api/v1/records/{created.Id()}/finalise", new { });

        status.ShouldBe(HttpStatusCode.OK, done.ToString());
        done.GetProperty("late").GetBoolean().ShouldBeTrue();
        done.GetProperty("workingDaysLate").GetInt32().ShouldBe(expected);
        expected.ShouldBeGreaterThan(10);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Finalise_WhenIncomplete_NamesEveryMissingFieldAndKeepsTheDraft(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var id = await DraftAsync(worker, caseId, new { type = "homeVisit", occurredAt = DateTimeOffset.UtcNow.AddHours(-1), narrative = "Started writing" });

        (await worker.PostAsync($"/api/v1/records/{id}/finalise", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "purpose", "outcome", "childSeen");

        var (_, record) = await worker.GetJsonAsync($"/api/v1/records/{id}");
        record.Str("status").ShouldBe("draft");
        record.GetProperty("content").Str("narrative").ShouldBe("Started writing");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Addendum_WhenRecordIsFinal_IsKeptBesideTheUnchangedOriginal(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var id = await DraftAsync(worker, caseId, HomeVisit());
        (await worker.PostAsync($"/api/v1/records/{id}/addenda", new { text = "Too early" })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await worker.PostAsync($"/api/v1/records/{id}/finalise", new { });

        var (status, _) = await worker.PostAsync($"/api/v1/records/{id}/addenda", new { text = "Correction: the visit was with Amy's aunt, not her mother." });
        (await worker.PostAsync($"/api/v1/records/{id}/addenda", new { text = " " })).ShouldBeProblem(HttpStatusCode.BadRequest, "text");

        status.ShouldBe(HttpStatusCode.Created);
        var (_, record) = await worker.GetJsonAsync($"/api/v1/records/{id}");
        record.GetProperty("addenda").GetArrayLength().ShouldBe(1);
        record.GetProperty("addenda")[0].Str("addedBy").ShouldBe("Amara Osei");
        record.GetProperty("content").Str("spokenTo").ShouldContain("her mother");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Create_WhenStatutoryVisitByAnotherWorker_IsRefusedButTheResponsibleWorkerMay(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var manager = await app.ClientAsync("daniel.hughes");

        var refused = await manager.PostAsync($"/api/v1/cases/{caseId}/records", HomeVisit(type: "statutoryVisit"));

        refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        refused.Body.Str("rule").ShouldBe("responsible-worker-only");
        var (status, _) = await (await app.ClientAsync("amara.osei")).PostAsync($"/api/v1/cases/{caseId}/records", HomeVisit(type: "statutoryVisit"));
        status.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Create_WhenTheSameVisitIsAlreadyRecorded_ShowsTheFirstAndAsks(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        var first = await DraftAsync(await app.ClientAsync("amara.osei"), caseId, HomeVisit(at));
        var manager = await app.ClientAsync("daniel.hughes");

        var asked = await manager.PostAsync($"/api/v1/cases/{caseId}/records", HomeVisit(at.AddMinutes(30)));

        asked.ShouldBeProblem(HttpStatusCode.Conflict);
        asked.Body.Str("rule").ShouldBe("possible-duplicate");
        asked.Body.GetProperty("existing").Id().ShouldBe(first);
        asked.Body.GetProperty("existing").Str("recordedBy").ShouldBe("Amara Osei");
        var (status, _) = await manager.PostAsync($"/api/v1/cases/{caseId}/records", Merge(HomeVisit(at.AddMinutes(30)), new { confirmedNotDuplicate = true }));
        status.ShouldBe(HttpStatusCode.Created);
        // A phone call the same afternoon is a different event.
        (await manager.PostAsync($"/api/v1/cases/{caseId}/records", HomeVisit(at, "phoneCall"))).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Revise_WhenSomeoneSavedSinceYouOpenedIt_Answers409AndKeepsTheirVersion(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (_, created) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", HomeVisit());
        var opened = created.Id("version");
        var (okStatus, saved) = await worker.PutAsync($"/api/v1/records/{created.Id()}", Merge(HomeVisit(), new { version = opened, narrative = "Second window's text" }));
        okStatus.ShouldBe(HttpStatusCode.OK, saved.ToString());

        var stale = await worker.PutAsync($"/api/v1/records/{created.Id()}", Merge(HomeVisit(), new { version = opened, narrative = "First window's text" }));

        stale.ShouldBeProblem(HttpStatusCode.Conflict);
        stale.Body.Str("rule").ShouldBe("stale-edit");
        var (_, record) = await worker.GetJsonAsync($"/api/v1/records/{created.Id()}");
        record.GetProperty("content").Str("narrative").ShouldBe("Second window's text");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Revise_WhenNotTheAuthor_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var id = await DraftAsync(await app.ClientAsync("amara.osei"), caseId, HomeVisit());

        (await (await app.ClientAsync("daniel.hughes")).PutAsync($"/api/v1/records/{id}", HomeVisit())).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/records/{id}/finalise", new { })).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Create_WhenInputIsWrong_NamesTheFieldAndSavesNothing(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var url = $"/api/v1/cases/{caseId}/records";

        (await worker.PostAsync(url, HomeVisit(DateTimeOffset.UtcNow.AddDays(2)))).ShouldBeProblem(HttpStatusCode.BadRequest, "occurredAt");
        (await worker.PostAsync(url, Merge(HomeVisit(), new { interpreter = "dispensed" }))).ShouldBeProblem(HttpStatusCode.BadRequest, "interpreterDispensedReason");
        (await worker.PostAsync(url, HomeVisit(present: new object[] { new { personId = Guid.NewGuid(), role = "Aunt" } }))).ShouldBeProblem(HttpStatusCode.BadRequest, "present[0].personId");
        (await worker.PostAsync(url, HomeVisit(present: new object[] { new { role = "Aunt" } }))).ShouldBeProblem(HttpStatusCode.BadRequest, "present[0].name");
        (await worker.PostAsync(url, HomeVisit(type: "seance"))).ShouldBeProblem(HttpStatusCode.BadRequest, "type");
        (await worker.PostAsync(url, Merge(HomeVisit(type: "referralToAnotherAgency"), new { referralAgency = "CAMHS" }))).ShouldBeProblem(HttpStatusCode.BadRequest, "referralPurpose");
        (await worker.PostAsync(url, new { narrative = "no type" })).ShouldBeProblem(HttpStatusCode.BadRequest, "type", "occurredAt");
        (await worker.PostAsync($"/api/v1/cases/{Guid.NewGuid()}/records", HomeVisit())).ShouldBeProblem(HttpStatusCode.NotFound);

        (await app.WithDbAsync(d => d.CaseRecords.CountAsync(r => r.CaseFileId == caseId))).ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Create_WhenPresentPersonIsOnTheRegister_LinksThemByName(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (child, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var id = await DraftAsync(worker, caseId, HomeVisit(present: new object[] { new { personId = child, role = "Child" }, new { name = "PC Jones", role = "Police" } }));

        var (_, record) = await worker.GetJsonAsync($"/api/v1/records/{id}");

        record.GetProperty("present")[0].Id("personId").ShouldBe(child);
        record.GetProperty("present")[0].Str("name").ShouldStartWith("Kid");
        record.GetProperty("present")[1].Str("name").ShouldBe("PC Jones");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Records_WhenTheAccessPolicyRefuses_Answer403Or404(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var id = await DraftAsync(await app.ClientAsync("amara.osei"), caseId, HomeVisit());
        var otherTeam = await app.ClientAsync("ben.carter");

        (await otherTeam.GetJsonAsync($"/api/v1/records/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await otherTeam.PostAsync($"/api/v1/cases/{caseId}/records", HomeVisit())).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await otherTeam.GetJsonAsync($"/api/v1/cases/{caseId}/chronology")).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await (await app.ClientAsync("alex.morgan")).GetJsonAsync($"/api/v1/records/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await otherTeam.GetJsonAsync($"/api/v1/records/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ManagementDecision_WhenRecordedByAWorker_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);

        var refused = await (await app.ClientAsync("amara.osei")).PostAsync($"/api/v1/cases/{caseId}/records", HomeVisit(type: "managementDecision"));

        refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        (await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/cases/{caseId}/records", HomeVisit(type: "managementDecision"))).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Outstanding_ListsTheWorkersDraftsAndTheTeamsForTheManager(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var overdue = await DraftAsync(worker, caseId, HomeVisit(DateTimeOffset.UtcNow.AddDays(-20)));

        var (_, mine) = await worker.GetJsonAsync("/api/v1/me/outstanding-records");
        var (_, managers) = await (await app.ClientAsync("daniel.hughes")).GetJsonAsync("/api/v1/me/outstanding-records");

        var item = mine.GetProperty("mine").EnumerateArray().Single(x => x.Id("recordId") == overdue);
        item.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        managers.GetProperty("team").EnumerateArray().ShouldContain(x => x.Id("recordId") == overdue);
        var (_, otherManager) = await (await app.ClientAsync("hannah.price")).GetJsonAsync("/api/v1/me/outstanding-records");
        otherManager.GetProperty("team").EnumerateArray().ShouldNotContain(x => x.Id("recordId") == overdue);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Move_WhenAManagerApproves_MovesTheRecordAndMarksBothFiles(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, wrongCase) = await Given.OpenCaseAsync(app);
        var (_, rightCase) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var id = await DraftAsync(worker, wrongCase, HomeVisit());
        await worker.PostAsync($"/api/v1/records/{id}/finalise", new { });
        var rightReference = (await worker.GetJsonAsync($"/api/v1/cases/{rightCase}")).Body.Str("reference");

        var (status, move) = await worker.PostAsync($"/api/v1/records/{id}/move", new { toCaseReference = rightReference, reason = "Filed on the sister's record by mistake" });
        status.ShouldBe(HttpStatusCode.Created, move.ToString());
        (await worker.PostAsync($"/api/v1/record-moves/{move.Id()}/decision", new { approve = true })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        (await worker.GetJsonAsync($"/api/v1/records/{id}")).Body.Id("caseId").ShouldBe(wrongCase);

        var decided = await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/record-moves/{move.Id()}/decision", new { approve = true, note = "Agreed" });

        decided.Status.ShouldBe(HttpStatusCode.NoContent, string.Join("\n", app.ServerErrors));
        (await worker.GetJsonAsync($"/api/v1/records/{id}")).Body.Id("caseId").ShouldBe(rightCase);
        var (_, oldFile) = await worker.GetJsonAsync($"/api/v1/cases/{wrongCase}/chronology");
        oldFile.GetProperty("entries").EnumerateArray().ShouldContain(e => e.Str("kind") == "recordMovedOut");
        oldFile.GetProperty("entries").EnumerateArray().ShouldNotContain(e => e.Str("kind") == "record");
        var (_, newFile) = await worker.GetJsonAsync($"/api/v1/cases/{rightCase}/chronology");
        newFile.GetProperty("entries").EnumerateArray().ShouldContain(e => e.Str("kind") == "recordMovedIn");
        newFile.GetProperty("entries").EnumerateArray().ShouldContain(e => e.Str("kind") == "record" && e.Id("sourceId") == id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Chronology_ReadsOldestFirstWithFiltersSearchAndPages(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var start = DateTimeOffset.UtcNow.AddDays(-10);
        for (var i = 0; i < 5; i++)
        {
            var body = Merge(HomeVisit(start.AddDays(i), i % 2 == 0 ? "homeVisit" : "phoneCall"), new { narrative = i == 3 ? "Talked about the trampoline in the garden" : "Routine contact" });
            var id = await DraftAsync(worker, caseId, body);
            (await worker.PostAsync($"/api/v1/records/{id}/finalise", new { })).Status.ShouldBe(HttpStatusCode.OK);
        }
        var decisionId = await DraftAsync(await app.ClientAsync("daniel.hughes"), caseId, Merge(HomeVisit(start.AddDays(6), "managementDecision"), new { outcome = "Step down to early help" }));
        await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/records/{decisionId}/finalise", new { });

        var (status, all) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/chronology");
        status.ShouldBe(HttpStatusCode.OK, all.ToString());
        var times = all.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        times.ShouldBe(times.Order().ToList());
        all.GetProperty("entries").EnumerateArray().ShouldContain(e => e.Str("kind") == "referral");
        all.GetProperty("entries").EnumerateArray().Single(e => e.Str("title") == "Management decision").GetProperty("managementDecision").GetBoolean().ShouldBeTrue();

        var calls = (await worker.GetJsonAsync($"/api/v1/cases/{caseId}/chronology?type=phoneCall")).Body.GetProperty("entries");
        calls.GetArrayLength().ShouldBe(2);
        var significant = (await worker.GetJsonAsync($"/api/v1/cases/{caseId}/chronology?significantOnly=true")).Body.GetProperty("entries");
        significant.EnumerateArray().ShouldAllBe(e => e.GetProperty("significant").GetBoolean());
        significant.EnumerateArray().ShouldContain(e => e.Str("title") == "Management decision");
        var found = (await worker.GetJsonAsync($"/api/v1/cases/{caseId}/chronology?q=TRAMPOLINE")).Body.GetProperty("entries");
        found.GetArrayLength().ShouldBe(1);

        var seen = new List<long>();
        string? next = null;
        do
        {
            var (_, page) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/chronology?pageSize=2" + (next is null ? "" : $"&after={next}"));
            seen.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            next = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.Str("next") : null;
        } while (next is not null);
        seen.ShouldBe(all.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList());

        (await worker.GetJsonAsync($"/api/v1/cases/{caseId}/chronology?type=nonsense")).ShouldBeProblem(HttpStatusCode.BadRequest, "type");
        (await worker.GetJsonAsync($"/api/v1/cases/{caseId}/chronology?after=garbage")).ShouldBeProblem(HttpStatusCode.BadRequest, "after");
        (await worker.GetJsonAsync($"/api/v1/cases/{caseId}/chronology?pageSize=0")).ShouldBeProblem(HttpStatusCode.BadRequest, "pageSize");
        (await app.WithDbAsync(d => d.AuditEvents.CountAsync(e => e.CaseFileId == caseId && e.RecordType == "chronology"))).ShouldBeGreaterThan(3);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ChronologyPdf_IsAPdfOfTheEntriesAndIsAudited(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        using var response = await worker.GetAsync($"/api/v1/cases/{caseId}/chronology.pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.CaseFileId == caseId && e.RecordType == "chronology" && e.Action == "export"))).ShouldBeTrue();
    }

    internal static Dictionary<string, object?> Merge(object a, object b)
    {
        var result = JsonSerializer.SerializeToElement(a, JsonSerializerOptions.Web).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        foreach (var p in JsonSerializer.SerializeToElement(b, JsonSerializerOptions.Web).EnumerateObject()) result[p.Name] = p.Value;
        return result;
    }
}
