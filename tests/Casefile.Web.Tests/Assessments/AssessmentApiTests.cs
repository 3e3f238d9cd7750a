using System.Net;
using System.Text.Json;
using Casefile.Domain.Assessments;
using Casefile.Domain.Calendar;
using Casefile.Web.Features.Assessments;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Assessments;

public sealed class AssessmentApiTests
{
    private static object Body(string? kind = null, string? orderSought = null, bool family = true) => new
    {
        kind,
        summary = "Amy is safe at home. School and her grandmother help every day.",
        familyContribution = family ? "Amy wants to stay at home. Her mother agreed and asked for help with housing." : null,
        howShared = "Read through with Amy and her mother at home; a copy given to her mother.",
        orderSought,
    };

    private static async Task<(Guid Id, Guid Version)> SubmittedAsync(HttpClient author, Guid caseId, string segment, object body)
    {
        var (status, created) = await author.PostAsync($"/api/v1/cases/{caseId}/{segment}", body);
        status.ShouldBe(HttpStatusCode.Created, created.ToString());
        var id = created.Id();
        var (submitted, answer) = await author.PostAsync($"/api/v1/{segment}/{id}/submit", new { });
        submitted.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.Str("status").ShouldBe("submitted");
        return (id, answer.GetProperty("version").GetGuid());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Start_ChildAndFamilyAssessment_IsDue45WorkingDaysAfterAcceptanceAndAudited(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (child, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");

        var (status, body) = await worker.PostAsync($"/api/v1/cases/{caseId}/assessments", Body());

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.Str("kind").ShouldBe("childAndFamilyAssessment");
        body.Str("status").ShouldBe("draft");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);
        var due = WorkingDayCalendar.EnglandAndWales.AddWorkingDays(today, 45);
        body.Str("dueBy").ShouldBe(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var id = body.Id();
        var (_, list) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/assessments");
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.Id() == id);
        item.GetProperty("workingDaysLeft").GetInt32().ShouldBe(WorkingDayCalendar.EnglandAndWales.WorkingDaysBetween(today, due));
        (await worker.GetJsonAsync($"/api/v1/assessments/{id}")).Status.ShouldBe(HttpStatusCode.OK);
        // An assessment is not a plan: its id is not found under /plans.
        (await worker.GetJsonAsync($"/api/v1/plans/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var audited = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.RecordId == id.ToString()).Select(e => new { e.Action, e.PersonId }).ToListAsync());
        audited.Select(a => a.Action).ShouldContain("create");
        audited.Select(a => a.Action).ShouldContain("view");
        audited.ShouldAllBe(a => a.PersonId == child);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Submit_WithoutTheFamilysContribution_IsRefusedNamingTheField(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (_, created) = await worker.PostAsync($"/api/v1/cases/{caseId}/plans", Body("childInNeedPlan", family: false));

        (await worker.PostAsync($"/api/v1/plans/{created.Id()}/submit", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "familyContribution");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Authorise_ByTheAuthor_IsRefusedAndAudited(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (id, _) = await SubmittedAsync(worker, caseId, "assessments", Body());

        var answer = await worker.PostAsync($"/api/v1/assessments/{id}/authorise", new { });

        answer.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        answer.Body.Str("rule").ShouldBe("author-cannot-authorise");
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.RecordId == id.ToString() && e.Action == "authorise" && e.Outcome == "refused"))).ShouldBeTrue();
        (await worker.GetJsonAsync($"/api/v1/assessments/{id}")).Body.Str("status").ShouldBe("submitted");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Authorise_ByAManagerOutsideTheAuthorsLine_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (id, _) = await SubmittedAsync(worker, caseId, "plans", Body("childProtectionPlan"));
        // Hannah Price manages Riverside, not Amara (Amara → Daniel Hughes → Priya Shah → Grace Adeyemi).
        var outsider = await app.ClientAsync("hannah.price");

        // Without access to the case she cannot even act on it.
        (await outsider.PostAsync($"/api/v1/plans/{id}/authorise", new { })).Status.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        // With emergency access to the case, the line rule still refuses her.
        var (granted, grant) = await outsider.PostAsync($"/api/v1/cases/{caseId}/emergency-access", new { reason = "Police called out of hours about the child's safety" });
        granted.ShouldBe(HttpStatusCode.Created, grant.ToString());
        var answer = await outsider.PostAsync($"/api/v1/plans/{id}/authorise", new { });
        answer.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        answer.Body.Str("rule").ShouldBe("not-in-authors-line");
        var returned = await outsider.PostAsync($"/api/v1/plans/{id}/return", new { reason = "Not good enough" });
        returned.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        returned.Body.Str("rule").ShouldBe("not-in-authors-line");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Authorise_ByTheLineManager_LocksItAndPutsItInTheChronology(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var manager = await app.ClientAsync("daniel.hughes");
        var (id, _) = await SubmittedAsync(worker, caseId, "assessments", Body());

        var (status, body) = await manager.PostAsync($"/api/v1/assessments/{id}/authorise", new { });

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.Str("status").ShouldBe("authorised");
        var (_, view) = await worker.GetJsonAsync($"/api/v1/assessments/{id}");
        view.GetProperty("locked").GetBoolean().ShouldBeTrue();
        view.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        view.Str("decidedBy").ShouldBe("Daniel Hughes");
        // Locked: no more edits, whoever asks.
        var edit = await worker.PutAsync($"/api/v1/assessments/{id}", Body());
        edit.ShouldBeProblem(HttpStatusCode.Conflict);
        edit.Body.Str("rule").ShouldBe("assessment-or-plan-locked");
        (await manager.PostAsync($"/api/v1/assessments/{id}/return", new { reason = "Too late" })).ShouldBeProblem(HttpStatusCode.Conflict);
        // In the chronology.
        var (_, chronology) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}/chronology");
        var entry = chronology.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("sourceId").ValueKind == JsonValueKind.String && e.Id("sourceId") == id);
        entry.Str("kind").ShouldBe("assessmentOrPlanAuthorised");
        entry.Str("title").ShouldBe("Child and family assessment authorised");
        // No longer blocks closure.
        (await app.WithDbAsync(d => AssessmentQueries.OutstandingForCaseAsync(d, caseId, default))).ShouldBeEmpty();
        var audited = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.RecordId == id.ToString()).Select(e => e.Action).ToListAsync());
        audited.ShouldContain("submit");
        audited.ShouldContain("authorise");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Authorise_FinalCarePlan_NeedsADivisionalManager(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (id, _) = await SubmittedAsync(worker, caseId, "plans", Body("finalCarePlan", "placementOrder"));

        var byPractice = await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/plans/{id}/authorise", new { });
        byPractice.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        byPractice.Body.Str("rule").ShouldBe("divisional-manager-required");

        var (status, body) = await (await app.ClientAsync("grace.adeyemi")).PostAsync($"/api/v1/plans/{id}/authorise", new { });
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.Str("status").ShouldBe("authorised");
        var (_, view) = await worker.GetJsonAsync($"/api/v1/plans/{id}");
        view.GetProperty("content").Str("orderSought").ShouldBe("placementOrder");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Return_NeedsAReason_ThenTheAuthorEditsAndSubmitsAgain(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var manager = await app.ClientAsync("daniel.hughes");
        var (id, _) = await SubmittedAsync(worker, caseId, "plans", Body("childInCarePlan"));

        (await manager.PostAsync($"/api/v1/plans/{id}/return", new { reason = " " })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        var (status, body) = await manager.PostAsync($"/api/v1/plans/{id}/return", new { reason = "Say how the plan was shared with Amy's father" });
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.Str("status").ShouldBe("returned");

        var (_, queues) = await worker.GetJsonAsync("/api/v1/me/assessments-and-plans");
        var mine = queues.GetProperty("returnedToMe").EnumerateArray().Single(i => i.Id() == id);
        mine.Str("returnReason").ShouldBe("Say how the plan was shared with Amy's father");

        var (_, view) = await worker.GetJsonAsync($"/api/v1/plans/{id}");
        // A save over a version the worker did not open is refused.
        (await worker.PutAsync($"/api/v1/plans/{id}", new { summary = "x", version = Guid.NewGuid() })).ShouldBeProblem(HttpStatusCode.Conflict);
        var (saved, savedBody) = await worker.PutAsync($"/api/v1/plans/{id}", new
        {
            summary = "Amy stays with her foster carers; contact with her mother weekly.",
            familyContribution = "Amy and her mother agreed. Her father asked for monthly contact.",
            howShared = "Shared with Amy, her mother and, by phone, her father.",
            version = view.GetProperty("version").GetGuid(),
        });
        saved.ShouldBe(HttpStatusCode.OK, savedBody.ToString());
        (await worker.PostAsync($"/api/v1/plans/{id}/submit", new { })).Status.ShouldBe(HttpStatusCode.OK);
        var (_, managerQueues) = await manager.GetJsonAsync("/api/v1/me/assessments-and-plans");
        managerQueues.GetProperty("awaitingMyAuthorisation").EnumerateArray().Select(i => i.Id()).ShouldContain(id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task OutstandingForCase_ListsUnauthorisedWorkAndPlansNotEnded(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var manager = await app.ClientAsync("daniel.hughes");
        var (_, draft) = await worker.PostAsync($"/api/v1/cases/{caseId}/assessments", Body());
        var (plan, _) = await SubmittedAsync(worker, caseId, "plans", Body("childProtectionPlan"));
        (await manager.PostAsync($"/api/v1/plans/{plan}/authorise", new { })).Status.ShouldBe(HttpStatusCode.OK);

        var outstanding = await app.WithDbAsync(d => AssessmentQueries.OutstandingForCaseAsync(d, caseId, default));
        outstanding.Select(o => (o.Id, o.Status)).ShouldBe([(draft.Id(), AssessmentOrPlanStatus.Draft), (plan, AssessmentOrPlanStatus.Authorised)], ignoreOrder: true);
        outstanding.Single(o => o.Id == plan).Description.ShouldBe("Child protection plan is still in force. End the plan before the case is closed.");

        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await worker.PostAsync($"/api/v1/plans/{plan}/end", new { endedOn = today })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        var (ended, endedBody) = await worker.PostAsync($"/api/v1/plans/{plan}/end", new { endedOn = today, reason = "Child protection plan ended at the review conference" });
        ended.ShouldBe(HttpStatusCode.OK, endedBody.ToString());
        endedBody.Str("status").ShouldBe("ended");
        (await app.WithDbAsync(d => AssessmentQueries.OutstandingForCaseAsync(d, caseId, default))).Select(o => o.Id).ShouldBe([draft.Id()]);
        (await app.WithDbAsync(d => d.Chronology.AnyAsync(e => e.SourceId == plan && e.Kind == Domain.Records.ChronologyKind.PlanEnded))).ShouldBeTrue();
    }
}
