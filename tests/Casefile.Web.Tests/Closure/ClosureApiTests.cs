using System.Net;
using System.Text;
using System.Text.Json;
using Casefile.Domain.Cases;
using Casefile.Domain.Closure;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Casefile.Web.Tests.Closure;

public sealed class ClosureApiTests
{
    private static object[] AllWorkerItemsDone(params string[] except) =>
        ClosureChecklist.Items.Where(i => i.Source == ChecklistSource.Worker && !except.Contains(i.Id))
            .Select(i => (object)new { item = i.Id, answer = "done" }).ToArray();

    /// <summary>The items Casefile checks that the test's bare case cannot meet, explained as a worker would.</summary>
    private static readonly object[] Explained =
    [
        new { item = "consent-form", answer = "not-applicable", reason = "Consent is on the paper file, volume 1" },
        new { item = "basic-details", answer = "not-applicable", reason = "The family declined to give ethnicity and religion" },
        new { item = "assessment-authorised", answer = "not-applicable", reason = "The family moved away before the assessment began" },
    ];

    private static object Request(object[]? checklist = null, object[]? recipients = null) => new
    {
        reasonForInvolvement = "School raised concerns about hunger and a bruise.",
        actionsAndOutcomes = "Family support for twelve weeks. Breakfast club place; no further injuries.",
        otherProfessionals = "School and health visitor agree the case can close.",
        continuingSupport = "The school's family support worker will keep in touch.",
        checklist = checklist ?? [.. AllWorkerItemsDone(), .. Explained],
        letterRecipients = recipients ?? [],
    };

    private static async Task<Guid> RequestedAsync(HttpClient client, Guid caseId, object? body = null)
    {
        var (status, created) = await client.PostAsync($"/api/v1/cases/{caseId}/closure-requests", body ?? Request());
        status.ShouldBe(HttpStatusCode.Created, created.ToString());
        created.Str("status").ShouldBe("submitted");
        return created.Id();
    }

    private static Task<CaseStatus> StatusOf(CasefileApp app, Guid caseId) =>
        app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task Authorise_WhenWorkerAsksForOwnClosure_IsRefusedAndCaseStaysOpen(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var id = await RequestedAsync(worker, caseId);

        (await worker.PostAsync($"/api/v1/closure-requests/{id}/authorise", new { })).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);

        (await StatusOf(app, caseId)).ShouldBe(CaseStatus.Open);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Authorise_WhenManagerAskedForClosure_OnlyAManagerAboveThemMay(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var manager = await app.ClientAsync("daniel.hughes");
        var id = await RequestedAsync(manager, caseId);

        var (own, problem) = await manager.PostAsync($"/api/v1/closure-requests/{id}/authorise", new { });
        own.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Str("rule").ShouldBe("own-request");
        (await StatusOf(app, caseId)).ShouldBe(CaseStatus.Open);

        var (above, body) = await (await app.ClientAsync("priya.shah")).PostAsync($"/api/v1/closure-requests/{id}/authorise", new { });
        above.ShouldBe(HttpStatusCode.OK, body.ToString());
        (await StatusOf(app, caseId)).ShouldBe(CaseStatus.Closed);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Authorise_WhenRecordIncomplete_RefusesWithEverythingMissing(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (drafted, record) = await worker.PostAsync($"/api/v1/cases/{caseId}/records",
            new { type = "phoneCall", occurredAt = DateTimeOffset.UtcNow.AddHours(-1), narrative = "Called the school" });
        drafted.ShouldBe(HttpStatusCode.Created, record.ToString());
        var (started, assessment) = await worker.PostAsync($"/api/v1/cases/{caseId}/assessments", new { summary = "Draft" });
        started.ShouldBe(HttpStatusCode.Created, assessment.ToString());
        var id = await RequestedAsync(worker, caseId, Request(checklist: AllWorkerItemsDone(except: "front-sheet")));

        var (status, problem) = await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/closure-requests/{id}/authorise", new { });

        status.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Str("rule").ShouldBe("record-incomplete");
        var missing = problem.GetProperty("missing").EnumerateArray().Select(m => m.Str("item")).ToList();
        missing.ShouldBe([ClosureChecklist.AssessmentsAndPlans, ClosureChecklist.RecordsFinalised, ClosureChecklist.ConsentForm,
            ClosureChecklist.BasicDetails, ClosureChecklist.AssessmentAuthorised, "front-sheet"], ignoreOrder: true);
        (await StatusOf(app, caseId)).ShouldBe(CaseStatus.Open);

        // The request shows the same, item by item, while it waits.
        var (_, view) = await worker.GetJsonAsync($"/api/v1/closure-requests/{id}");
        view.GetProperty("checklist").EnumerateArray().Where(c => c.Str("answer") == "outstanding").Select(c => c.Str("item"))
            .ShouldBe(missing, ignoreOrder: true);
    }

    /// <summary>
    /// Appendix 2's basic details, the referral and an authorised assessment are Casefile's to check:
    /// a tick cannot stand in for them, a case with none of them does not close, and once the record
    /// has them the same request closes.
    /// </summary>
    [Theory, ClassData(typeof(Databases))]
    public async Task Authorise_BasicDetailsAndAssessment_AreCheckedOnTheRecordNotTicked(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var manager = await app.ClientAsync("daniel.hughes");
        var consent = new { item = "consent-form", answer = "not-applicable", reason = "Consent is on the paper file, volume 1" };

        var (ticked, refusal) = await worker.PostAsync($"/api/v1/cases/{caseId}/closure-requests",
            Request(checklist: [.. AllWorkerItemsDone(), consent, new { item = "basic-details", answer = "done" }]));
        ticked.ShouldBe(HttpStatusCode.BadRequest, refusal.ToString());
        refusal.ToString().ShouldContain("checklist.basic-details");

        var id = await RequestedAsync(worker, caseId, Request(checklist: [.. AllWorkerItemsDone(), consent]));
        var (status, problem) = await manager.PostAsync($"/api/v1/closure-requests/{id}/authorise", new { });
        status.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        var missing = problem.GetProperty("missing").EnumerateArray().ToDictionary(m => m.Str("item"), m => m.Str("detail"));
        missing.Keys.ShouldBe([ClosureChecklist.BasicDetails, ClosureChecklist.AssessmentAuthorised], ignoreOrder: true);
        missing[ClosureChecklist.BasicDetails].ShouldBe("The child's record has no ethnicity, religion or school");
        (await StatusOf(app, caseId)).ShouldBe(CaseStatus.Open);

        // The worker completes the child's details, and the manager authorises an assessment recommending no further action.
        var (_, person) = await worker.GetJsonAsync($"/api/v1/people/{childId}");
        var (updated, answer) = await worker.PutAsync($"/api/v1/people/{childId}", new
        {
            givenName = person.Str("givenName"),
            familyName = person.Str("familyName"),
            dateOfBirth = person.Str("dateOfBirth"),
            sex = "female",
            ethnicity = "White British",
            religion = "No religion",
            school = "Harrowden Primary School",
            version = person.Id("version"),
        });
        updated.ShouldBe(HttpStatusCode.OK, answer.ToString());
        var (started, assessment) = await worker.PostAsync($"/api/v1/cases/{caseId}/assessments", new
        {
            summary = "Needs met by the school's breakfast club.",
            familyContribution = "Her mother agreed.",
            howShared = "Read through at home.",
            recommendsNoFurtherAction = true,
        });
        started.ShouldBe(HttpStatusCode.Created, assessment.ToString());
        (await worker.PostAsync($"/api/v1/assessments/{assessment.Id()}/submit", new { })).Status.ShouldBe(HttpStatusCode.OK);
        (await manager.PostAsync($"/api/v1/assessments/{assessment.Id()}/authorise", new { })).Status.ShouldBe(HttpStatusCode.OK);

        var (closed, body) = await manager.PostAsync($"/api/v1/closure-requests/{id}/authorise", new { });
        closed.ShouldBe(HttpStatusCode.OK, body.ToString());
        (await StatusOf(app, caseId)).ShouldBe(CaseStatus.Closed);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Authorise_ByManagerOutsideTheWorkersLine_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var id = await RequestedAsync(await app.ClientAsync("amara.osei"), caseId);

        var (status, _) = await (await app.ClientAsync("hannah.price")).PostAsync($"/api/v1/closure-requests/{id}/authorise", new { });

        ((int)status).ShouldBeGreaterThanOrEqualTo(400);
        (await StatusOf(app, caseId)).ShouldBe(CaseStatus.Open);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Authorise_WhenComplete_ClosesFilesLettersAndGivesAdminTasks(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var childName = await app.WithDbAsync(d => d.People.Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync());
        var (_, other) = await Given.OpenCaseAsync(app);
        var otherName = await app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == other).Join(d.People, c => c.ChildId, p => p.Id, (c, p) => p.GivenName).SingleAsync());
        var worker = await app.ClientAsync("amara.osei");
        var id = await RequestedAsync(worker, caseId, Request(recipients:
        [
            new { kind = "parent-or-carer", name = "Ms Joanne Testchild", address = "1 Test Street\nHarrowden\nHD1 2AB" },
            new { kind = "professional", name = "Mr Tom Reid, Harrowden Primary School", address = (string?)null },
        ]));

        var (status, body) = await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/closure-requests/{id}/authorise", new { });

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.Str("status").ShouldBe("authorised");
        (await StatusOf(app, caseId)).ShouldBe(CaseStatus.Closed);
        (await app.WithDbAsync(d => d.Chronology.AnyAsync(e => e.CaseFileId == caseId && e.Kind == Domain.Records.ChronologyKind.CaseClosed))).ShouldBeTrue();

        var admin = await app.ClientAsync("olu.bello");
        var (_, mine) = await admin.GetJsonAsync("/api/v1/admin-tasks");
        var tasks = mine.GetProperty("tasks").EnumerateArray().Where(t => t.Id("caseId") == caseId).ToList();
        tasks.Select(t => t.Str("kind")).ShouldBe(
            ["close-activities", "financial-information", "send-assessments", "letter-to-parent-or-carer", "letter-to-professional"], ignoreOrder: true);

        var letterTask = tasks.Single(t => t.Str("kind") == "letter-to-parent-or-carer");
        var documentId = letterTask.Id("documentId");
        using var download = await admin.GetAsync($"/api/v1/documents/{documentId}/content");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = PdfText(await download.Content.ReadAsByteArrayAsync());
        text.ShouldContain(childName);
        text.ShouldContain("Ms Joanne Testchild");
        text.ShouldNotContain(otherName);

        var (notNeeded, refusal) = await admin.PostAsync($"/api/v1/admin-tasks/{tasks.Single(t => t.Str("kind") == "financial-information").Id()}/not-needed", new { note = " " });
        notNeeded.ShouldBe(HttpStatusCode.BadRequest, refusal.ToString());
        foreach (var task in tasks)
        {
            var (done, answer) = await admin.PostAsync($"/api/v1/admin-tasks/{task.Id()}/done", new { note = "Posted second class" });
            done.ShouldBe(HttpStatusCode.OK, answer.ToString());
            answer.Str("status").ShouldBe("done");
        }
        var (_, after) = await admin.GetJsonAsync("/api/v1/admin-tasks");
        after.GetProperty("tasks").EnumerateArray().ShouldNotContain(t => t.Id("caseId") == caseId);
        // A worker is not the admin officer.
        (await worker.PostAsync($"/api/v1/admin-tasks/{letterTask.Id()}/done", new { })).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    // Policy 6.1, 6.2: authorising an assessment that recommends no further action is the manager's
    // agreement to close; the request shows it and the closing line in the chronology says so.
    [Theory, ClassData(typeof(Databases))]
    public async Task Authorise_AfterAnAuthorisedNoFurtherActionAssessment_ShowsTheAgreementToClose(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var manager = await app.ClientAsync("daniel.hughes");
        var (created, assessment) = await worker.PostAsync($"/api/v1/cases/{caseId}/assessments", new
        {
            summary = "The family are managing well with the school's support.",
            familyContribution = "Her mother agreed with the assessment.",
            howShared = "Read through with the family at home.",
            recommendsNoFurtherAction = true,
        });
        created.ShouldBe(HttpStatusCode.Created, assessment.ToString());
        (await worker.PostAsync($"/api/v1/assessments/{assessment.Id()}/submit", new { })).Status.ShouldBe(HttpStatusCode.OK);
        (await manager.PostAsync($"/api/v1/assessments/{assessment.Id()}/authorise", new { })).Status.ShouldBe(HttpStatusCode.OK);

        var id = await RequestedAsync(worker, caseId);
        var (_, request) = await worker.GetJsonAsync($"/api/v1/closure-requests/{id}");
        var agreement = request.GetProperty("agreementToClose");
        agreement.Id("assessmentId").ShouldBe(assessment.Id());
        agreement.Str("authorisedBy").ShouldBe("Daniel Hughes");

        (await manager.PostAsync($"/api/v1/closure-requests/{id}/authorise", new { })).Status.ShouldBe(HttpStatusCode.OK);
        var closedLine = await app.WithDbAsync(d => d.Chronology.Where(e => e.CaseFileId == caseId && e.Kind == Domain.Records.ChronologyKind.CaseClosed).Select(e => e.Summary ?? "").SingleAsync());
        closedLine.ShouldContain("Daniel Hughes agreed to close when authorising the assessment that recommended no further action");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Request_WhenNoNoFurtherActionAssessment_HasNoAgreementYet(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var id = await RequestedAsync(worker, caseId);

        var (_, request) = await worker.GetJsonAsync($"/api/v1/closure-requests/{id}");

        request.GetProperty("agreementToClose").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Request_WhenCareLeaverGetsAdultServices_IsRefusedAndFileStaysOpen(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        using (var set = await worker.PutAsync($"/api/v1/cases/{caseId}/care-leaver-adult-services", JsonContent(new { value = true })))
            set.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var (status, problem) = await worker.PostAsync($"/api/v1/cases/{caseId}/closure-requests", Request());

        status.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.Str("rule").ShouldBe("care-leaver-stays-open");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Request_WithMissingSummaryAndBadAnswers_NamesEveryField(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);

        var answer = await (await app.ClientAsync("amara.osei")).PostAsync($"/api/v1/cases/{caseId}/closure-requests", new
        {
            checklist = new object[] { new { item = "records-finalised", answer = "done" }, new { item = "front-sheet", answer = "maybe" } },
            letterRecipients = new object[] { new { kind = "neighbour", name = "X" } },
        });

        answer.ShouldBeProblem(HttpStatusCode.BadRequest, "reasonForInvolvement", "actionsAndOutcomes", "otherProfessionals", "continuingSupport",
            "checklist[1].answer", "letterRecipients[0].kind");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Return_ThenRevise_GoesBackToTheManagerAndOneOpenRequestPerCase(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var manager = await app.ClientAsync("daniel.hughes");
        var id = await RequestedAsync(worker, caseId);
        (await worker.PostAsync($"/api/v1/cases/{caseId}/closure-requests", Request())).Status.ShouldBe(HttpStatusCode.Conflict);

        (await manager.PostAsync($"/api/v1/closure-requests/{id}/return", new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        var (returned, body) = await manager.PostAsync($"/api/v1/closure-requests/{id}/return", new { reason = "Add the health visitor's view" });
        returned.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.Str("status").ShouldBe("returned");

        var (revised, again) = await worker.PutAsync($"/api/v1/closure-requests/{id}", Request());
        revised.ShouldBe(HttpStatusCode.OK, again.ToString());
        again.Str("status").ShouldBe("submitted");
        var (_, queue) = await manager.GetJsonAsync("/api/v1/closure-requests/awaiting-me");
        queue.GetProperty("requests").EnumerateArray().ShouldContain(r => r.Id() == id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reopen_AfterClosure_ANewAcceptedReferralOpensVolumeTwo(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var id = await RequestedAsync(await app.ClientAsync("amara.osei"), caseId);
        var manager = await app.ClientAsync("daniel.hughes");
        (await manager.PostAsync($"/api/v1/closure-requests/{id}/authorise", new { })).Status.ShouldBe(HttpStatusCode.OK);

        var referral = await Given.ReferralAsync(manager, childId);
        var (accepted, body) = await manager.PostAsync($"/api/v1/referrals/{referral}/accept",
            new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" });

        accepted.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.Id("caseId").ShouldBe(caseId);
        (await StatusOf(app, caseId)).ShouldBe(CaseStatus.Open);
        (await app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == caseId).Select(c => c.CurrentVolume).SingleAsync())).ShouldBe(2);
        // The new volume needs its own closure request; the old one stays as it was decided.
        (await RequestedAsync(await app.ClientAsync("amara.osei"), caseId)).ShouldNotBe(id);
    }

    private static StringContent JsonContent(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = new StringBuilder();
        foreach (var page in document.GetPages()) text.AppendJoin(' ', page.GetWords().Select(w => w.Text)).Append('\n');
        return text.ToString();
    }
}
