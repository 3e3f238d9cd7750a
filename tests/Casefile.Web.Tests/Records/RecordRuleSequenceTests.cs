using System.Net;
using System.Text.Json;
using Casefile.Domain.Records;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Records;

/// <summary>Issue 15: every rule of a case record holds in every order of events (policy 3.2, 3.8, 4.4, 6.6).</summary>
public sealed class RecordRuleSequenceTests
{
    private static Dictionary<string, object?> Visit(DateTimeOffset at, string type = "homeVisit", object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = type,
            ["occurredAt"] = at,
            ["purpose"] = "Check how the children are after the school's concern",
            ["outcome"] = "Children safe at home; mother agreed to a follow-up visit",
            ["narrative"] = "I visited the family home. The child showed me their bedroom.",
            ["childSeen"] = true,
            ["childSeenAlone"] = true,
            ["interpreter"] = "notNeeded",
        };
        if (extra is not null)
            foreach (var p in JsonSerializer.SerializeToElement(extra).EnumerateObject()) body[p.Name] = p.Value;
        return body;
    }

    private static async Task<(Guid Id, Guid Version)> DraftAsync(HttpClient client, Guid caseId, object body)
    {
        var (status, created) = await client.PostAsync($"/api/v1/cases/{caseId}/records", body);
        status.ShouldBe(HttpStatusCode.Created, created.ToString());
        return (created.Id(), created.Id("version"));
    }

    private static async Task<Guid> CaseForChildAsync(CasefileApp app, Guid child)
    {
        var manager = await app.ClientAsync("daniel.hughes");
        var referral = await Given.ReferralAsync(manager, child);
        var (status, body) = await manager.PostAsync($"/api/v1/referrals/{referral}/accept", new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" });
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.Id("caseId");
    }

    // Item 2: drafts are not stranded when a case moves.
    [Theory, ClassData(typeof(Databases))]
    public async Task Drafts_WhenTheCaseMovesToAnotherWorker_AreFinishedDiscardedOrReassignedAndClosureIsPossible(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var amara = await app.ClientAsync("amara.osei");
        var now = DateTimeOffset.UtcNow;
        var (s47, _) = await DraftAsync(amara, caseId, Visit(now.AddHours(-2), "childProtectionEnquiryVisit"));
        var (duplicate, duplicateVersion) = await DraftAsync(amara, caseId, Visit(now.AddHours(-6)));
        var (call, _) = await DraftAsync(amara, caseId, new { type = "phoneCall", occurredAt = now.AddHours(-9), narrative = "Called the school" });

        // Their divisional manager moves the case to another team and worker: across teams, by a transfer with its summary (3.12).
        var (proposed, transfer) = await (await app.ClientAsync("priya.shah")).PostAsync($"/api/v1/cases/{caseId}/transfers", new
        {
            toTeam = "Riverside Family Support Team",
            reasonForInvolvement = "Concerns about neglect raised by school.",
            assessment = "Section 47 enquiry under way.",
            plan = "Complete the enquiry; strategy discussion next week.",
            actionsUndertaken = "Visits by the allocated worker.",
        });
        proposed.ShouldBe(HttpStatusCode.Created, transfer.ToString());
        var (moved, movedBody) = await (await app.ClientAsync("hannah.price")).PostAsync($"/api/v1/transfers/{transfer.Id()}/accept", new { worker = "ben.carter" });
        moved.ShouldBe(HttpStatusCode.OK, movedBody.ToString());

        // The author finishes her section 47 visit: the responsible worker is judged as at the visit.
        var (read, record) = await amara.GetJsonAsync($"/api/v1/records/{s47}");
        read.ShouldBe(HttpStatusCode.OK, record.ToString());
        record.GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        var (revised, saved) = await amara.PutAsync($"/api/v1/records/{s47}", Visit(now.AddHours(-2), "childProtectionEnquiryVisit", new { version = record.Id("version") }));
        revised.ShouldBe(HttpStatusCode.OK, saved.ToString());
        var (finalised, final) = await amara.PostAsync($"/api/v1/records/{s47}/finalise", new { });
        finalised.ShouldBe(HttpStatusCode.OK, final.ToString());

        // The new worker cannot write up a section 47 visit he was not responsible for.
        var ben = await app.ClientAsync("ben.carter");
        (await ben.PostAsync($"/api/v1/cases/{caseId}/records", Visit(now.AddHours(-3), "childProtectionEnquiryVisit", new { confirmedNotDuplicate = true })))
            .Body.Str("rule").ShouldBe("responsible-worker-only");

        // She discards the duplicate with a reason; the chronology keeps a line.
        (await amara.PostAsync($"/api/v1/records/{duplicate}/discard", new { version = duplicateVersion })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        var (discarded, discardBody) = await amara.PostAsync($"/api/v1/records/{duplicate}/discard", new { reason = "The school's record covers this visit", version = duplicateVersion });
        discarded.ShouldBe(HttpStatusCode.OK, discardBody.ToString());
        discardBody.Str("status").ShouldBe("discarded");
        (await app.WithDbAsync(d => d.Chronology.CountAsync(e => e.SourceId == duplicate && e.Kind == ChronologyKind.RecordDiscarded))).ShouldBe(1);
        // Once discarded it is no longer her draft to open: the case has moved away from her.
        (await amara.PostAsync($"/api/v1/records/{duplicate}/finalise", new { })).ShouldBeProblem(HttpStatusCode.Forbidden);

        // The old team's manager no longer manages the case; the new one gives the last draft to Ben.
        var refused = await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/records/{call}/reassign", new { reason = "Amara has moved on" });
        refused.Status.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        var hannah = await app.ClientAsync("hannah.price");
        (await hannah.PostAsync($"/api/v1/records/{call}/reassign", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        var (reassigned, reassignBody) = await hannah.PostAsync($"/api/v1/records/{call}/reassign", new { reason = "Amara is on long-term leave" });
        reassigned.ShouldBe(HttpStatusCode.OK, reassignBody.ToString());
        (await amara.PostAsync($"/api/v1/records/{call}/finalise", new { })).Status.ShouldBe(HttpStatusCode.Forbidden);
        var (benRevised, benSaved) = await ben.PutAsync($"/api/v1/records/{call}",
            new { type = "phoneCall", occurredAt = now.AddHours(-9), purpose = "Check attendance", outcome = "Attending", narrative = "Called the school" });
        benRevised.ShouldBe(HttpStatusCode.OK, benSaved.ToString());
        (await ben.PostAsync($"/api/v1/records/{call}/finalise", new { })).Status.ShouldBe(HttpStatusCode.OK);
        var (_, view) = await ben.GetJsonAsync($"/api/v1/records/{call}");
        view.GetProperty("reassigned").Str("reason").ShouldBe("Amara is on long-term leave");

        // Nothing is left in draft: the closure check has no draft to refuse on.
        (await app.WithDbAsync(d => d.CaseRecords.CountAsync(r => r.CaseFileId == caseId && r.Status == CaseRecordStatus.Draft))).ShouldBe(0);
    }

    // Item 4: the joint-visit check catches the same visit recorded as another in-person kind.
    [Theory, ClassData(typeof(Databases))]
    public async Task Create_WhenTheSameVisitIsRecordedAsAMeetingByAnother_AsksFirst(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        var (first, _) = await DraftAsync(await app.ClientAsync("amara.osei"), caseId, Visit(at));
        var manager = await app.ClientAsync("daniel.hughes");

        var asked = await manager.PostAsync($"/api/v1/cases/{caseId}/records", Visit(at.AddMinutes(45), "meeting"));

        asked.ShouldBeProblem(HttpStatusCode.Conflict);
        asked.Body.Str("rule").ShouldBe("possible-duplicate");
        asked.Body.GetProperty("existing").Id().ShouldBe(first);
        (await manager.PostAsync($"/api/v1/cases/{caseId}/records", Visit(at.AddMinutes(-60), "interview"))).Status.ShouldBe(HttpStatusCode.Conflict);
        (await manager.PostAsync($"/api/v1/cases/{caseId}/records", Visit(at.AddMinutes(45), "phoneCall"))).Status.ShouldBe(HttpStatusCode.Created);
    }

    // Item 5: the deadline never moves later, and every change of event date is kept.
    [Theory, ClassData(typeof(Databases))]
    public async Task Revise_WhenTheEventDateMovesLater_KeepsTheEarliestDeadlineAndShowsTheHistory(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var amara = await app.ClientAsync("amara.osei");
        // Thursday 4 December 2025: due Thursday 11 December.
        var (id, version) = await DraftAsync(amara, caseId, Visit(new DateTimeOffset(2025, 12, 4, 10, 0, 0, TimeSpan.Zero)));

        var (status, saved) = await amara.PutAsync($"/api/v1/records/{id}", Visit(new DateTimeOffset(2025, 12, 8, 10, 0, 0, TimeSpan.Zero), extra: new { version }));

        status.ShouldBe(HttpStatusCode.OK, saved.ToString());
        saved.Str("recordBy").ShouldBe("2025-12-11");
        var (_, record) = await amara.GetJsonAsync($"/api/v1/records/{id}");
        record.Str("recordBy").ShouldBe("2025-12-11");
        var history = record.GetProperty("eventDateHistory");
        history.GetArrayLength().ShouldBe(1);
        history[0].GetProperty("from").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2025, 12, 4, 10, 0, 0, TimeSpan.Zero));
        history[0].GetProperty("to").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2025, 12, 8, 10, 0, 0, TimeSpan.Zero));
        history[0].Str("changedBy").ShouldBe("Amara Osei");
        var page = await (await Browserless.SignedInAsync(app, "amara.osei")).GetHtmlAsync($"/records/{id}");
        page.ShouldContain("event-date-history");
    }

    // Item 6: where the child needs an interpreter, the record says whether one was used.
    [Theory, ClassData(typeof(Databases))]
    public async Task Finalise_WhenTheChildNeedsAnInterpreter_MustSayWhetherOneWasUsed(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var manager = await app.ClientAsync("daniel.hughes");
        var (made, child) = await manager.PostAsync("/api/v1/people", new
        {
            kind = "child",
            givenName = "Ola" + Guid.NewGuid().ToString("N")[..5],
            familyName = "Nowak",
            dateOfBirth = "2016-05-04",
            sex = "female",
            firstLanguage = "Polish",
            needsInterpreter = true,
            address = new { line1 = "1 Test Street", town = "Harrowden", postcode = "HD1 2AB" },
        });
        made.ShouldBe(HttpStatusCode.Created, child.ToString());
        var caseId = await CaseForChildAsync(app, child.Id());
        var amara = await app.ClientAsync("amara.osei");
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        var (id, _) = await DraftAsync(amara, caseId, Visit(at));

        var refused = await amara.PostAsync($"/api/v1/records/{id}/finalise", new { });

        refused.ShouldBeProblem(HttpStatusCode.BadRequest, "interpreter");
        refused.Body.Str("rule").ShouldBe("interpreter-needed");
        (await amara.PutAsync($"/api/v1/records/{id}", Visit(at, extra: new { interpreter = "dispensed" }))).ShouldBeProblem(HttpStatusCode.BadRequest, "interpreterDispensedReason");
        (await amara.PutAsync($"/api/v1/records/{id}", Visit(at, extra: new { interpreter = "dispensed", interpreterDispensedReason = "Ola chose to speak English with me" }))).Status.ShouldBe(HttpStatusCode.OK);
        (await amara.PostAsync($"/api/v1/records/{id}/finalise", new { })).Status.ShouldBe(HttpStatusCode.OK);
    }

    // Item 7: another child on the register named in a record is pointed out before it is finalised.
    [Theory, ClassData(typeof(Databases))]
    public async Task Finalise_WhenTheRecordNamesAnotherChild_Answers409UntilConfirmed(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var family = "Kowal" + Guid.NewGuid().ToString("N")[..5];
        await Given.ChildAsync(await app.ClientAsync("daniel.hughes"), "Tomasz", family);
        var amara = await app.ClientAsync("amara.osei");
        var (id, _) = await DraftAsync(amara, caseId, Visit(DateTimeOffset.UtcNow.AddHours(-2), extra: new { narrative = $"At the door I met Tomasz {family}, a friend from school." }));

        var (status, problem) = await amara.PostAsync($"/api/v1/records/{id}/finalise", new { });

        status.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.Str("rule").ShouldBe("other-child-named");
        problem.GetProperty("children")[0].Str("text").ShouldBe($"Tomasz {family}");
        (await amara.PostAsync($"/api/v1/records/{id}/finalise", new { confirmOtherChildren = true })).Status.ShouldBe(HttpStatusCode.OK);
    }
}
