using System.Net;
using Casefile.Domain.Records;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Transfers;

public sealed class TransferApiTests
{
    private const string Riverside = "Riverside Family Support Team";

    private static object Proposal(string? toWorker = null) => new
    {
        toTeam = Riverside,
        toWorker,
        reasonForInvolvement = "Concerns about neglect raised by school.",
        assessment = "Child and family assessment completed 3 March.",
        plan = "Child in need plan: breakfast club, parenting support.",
        actionsUndertaken = "Fortnightly home visits; referral to early help.",
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task Accept_ByReceivingTeamsManager_ReallocatesAndWritesItOnTheRecord(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (proposed, transfer) = await worker.PostAsync($"/api/v1/cases/{caseId}/transfers", Proposal());
        proposed.ShouldBe(HttpStatusCode.Created, transfer.ToString());
        var id = transfer.Id();
        (await worker.PostAsync($"/api/v1/cases/{caseId}/transfers", Proposal())).Status.ShouldBe(HttpStatusCode.Conflict);

        // Daniel manages the sending team, not the receiving one: he reads the transfer of his case but cannot accept it.
        var daniel = await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/transfers/{id}/accept", new { worker = "ben.carter" });
        daniel.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        daniel.Body.Str("rule").ShouldBe("not-receiving-manager");
        var receiving = await app.ClientAsync("hannah.price");
        var (_, queue) = await receiving.GetJsonAsync("/api/v1/transfers/to-accept");
        queue.GetProperty("transfers").EnumerateArray().ShouldContain(t => t.Id() == id);
        (await receiving.PostAsync($"/api/v1/transfers/{id}/accept", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "workerId");

        var (accepted, body) = await receiving.PostAsync($"/api/v1/transfers/{id}/accept", new { worker = "ben.carter" });

        accepted.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.Str("status").ShouldBe("accepted");
        body.Str("toWorker").ShouldBe("Ben Carter");
        var file = await app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == caseId).Select(c => new { c.AllocatedWorkerId, c.TeamId }).SingleAsync());
        var ben = await app.WithDbAsync(d => d.Users.Where(u => u.UserName == "ben.carter").Select(u => u.Id).SingleAsync());
        file.AllocatedWorkerId.ShouldBe(ben);
        var line = await app.WithDbAsync(d => d.Chronology.SingleAsync(e => e.CaseFileId == caseId && e.Kind == ChronologyKind.Transfer));
        line.Title.ShouldContain(Riverside);
        line.Summary!.ShouldContain("Child in need plan");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Accept_WhenAClosureRequestIsOpen_EndsItSoTheNewWorkerCanAskForClosure(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var closure = new
        {
            reasonForInvolvement = "School raised concerns about hunger.",
            actionsAndOutcomes = "Family support for twelve weeks.",
            otherProfessionals = "School agrees the case can close.",
            continuingSupport = "The school's family support worker keeps in touch.",
            checklist = Array.Empty<object>(),
            letterRecipients = Array.Empty<object>(),
        };
        var (requested, request) = await worker.PostAsync($"/api/v1/cases/{caseId}/closure-requests", closure);
        requested.ShouldBe(HttpStatusCode.Created, request.ToString());
        var (_, transfer) = await worker.PostAsync($"/api/v1/cases/{caseId}/transfers", Proposal());
        (await (await app.ClientAsync("hannah.price")).PostAsync($"/api/v1/transfers/{transfer.Id()}/accept", new { worker = "ben.carter" }))
            .Status.ShouldBe(HttpStatusCode.OK);

        var ben = await app.ClientAsync("ben.carter");
        var (_, old) = await ben.GetJsonAsync($"/api/v1/closure-requests/{request.Id()}");
        old.Str("status").ShouldBe("ended-by-transfer");
        var lines = await app.WithDbAsync(d => d.Chronology.Where(e => e.CaseFileId == caseId && e.Kind == ChronologyKind.Transfer).Select(e => e.Title).ToListAsync());
        lines.ShouldContain("Request to close the case ended by the transfer");
        (await worker.PostAsync($"/api/v1/closure-requests/{request.Id()}/withdraw", new { })).Status.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.Forbidden);

        var (again, fresh) = await ben.PostAsync($"/api/v1/cases/{caseId}/closure-requests", closure);
        again.ShouldBe(HttpStatusCode.Created, fresh.ToString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RestrictedCase_OnlyNamedManagersSeeAndAcceptItsTransfer_AndTheNewWorkerIsNamed(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.RestrictedCaseAsync(app, "hannah.price");
        var worker = await app.ClientAsync("amara.osei");
        var (proposed, transfer) = await worker.PostAsync($"/api/v1/cases/{caseId}/transfers", Proposal());
        proposed.ShouldBe(HttpStatusCode.Created, transfer.ToString());
        var id = transfer.Id();

        // Priya manages Riverside too, but is not named on the case: she cannot see or decide its transfer.
        var priya = await app.ClientAsync("priya.shah");
        (await priya.GetJsonAsync($"/api/v1/transfers/{id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        var (_, queue) = await priya.GetJsonAsync("/api/v1/transfers/to-accept");
        queue.GetProperty("transfers").EnumerateArray().ShouldNotContain(t => t.Id() == id);
        (await priya.PostAsync($"/api/v1/transfers/{id}/accept", new { worker = "ben.carter" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await priya.PostAsync($"/api/v1/transfers/{id}/return", new { reason = "Not ours" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await (await app.ClientAsync("ben.carter")).GetJsonAsync($"/api/v1/transfers/{id}")).ShouldBeProblem(HttpStatusCode.NotFound);

        // Hannah is named: she sees it, accepts it, and Ben (not named before) is named and can open his case.
        var hannah = await app.ClientAsync("hannah.price");
        (await hannah.GetJsonAsync($"/api/v1/transfers/{id}")).Status.ShouldBe(HttpStatusCode.OK);
        var (accepted, body) = await hannah.PostAsync($"/api/v1/transfers/{id}/accept", new { worker = "ben.carter" });
        accepted.ShouldBe(HttpStatusCode.OK, body.ToString());

        var (read, file) = await (await app.ClientAsync("ben.carter")).GetJsonAsync($"/api/v1/cases/{caseId}");
        read.ShouldBe(HttpStatusCode.OK, file.ToString());
        file.GetProperty("restricted").GetBoolean().ShouldBeTrue();
        (await priya.GetJsonAsync($"/api/v1/cases/{caseId}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Propose_WithoutSummary_NamesEachMissingPart(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);

        var answer = await (await app.ClientAsync("amara.osei")).PostAsync($"/api/v1/cases/{caseId}/transfers", new { toTeam = "Nowhere", toWorker = "x" });

        answer.ShouldBeProblem(HttpStatusCode.BadRequest, "toTeam", "reasonForInvolvement", "assessment", "plan", "actionsUndertaken");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Return_NeedsAReasonAndLeavesTheCaseWhereItWas(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var (_, transfer) = await (await app.ClientAsync("amara.osei")).PostAsync($"/api/v1/cases/{caseId}/transfers", Proposal("ben.carter"));
        var receiving = await app.ClientAsync("hannah.price");

        (await receiving.PostAsync($"/api/v1/transfers/{transfer.Id()}/return", new { reason = " " })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        var (returned, body) = await receiving.PostAsync($"/api/v1/transfers/{transfer.Id()}/return", new { reason = "No capacity until January" });

        returned.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.Str("status").ShouldBe("returned");
        var amara = await app.WithDbAsync(d => d.Users.Where(u => u.UserName == "amara.osei").Select(u => u.Id).SingleAsync());
        (await app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == caseId).Select(c => c.AllocatedWorkerId).SingleAsync())).ShouldBe(amara);
    }
}
