using System.Net;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.Referrals;

public sealed class ReferralApiTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task AcceptReferral_WhenChildHasNoFile_OpensCaseFileAllocatedToTheWorker(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);

        var worker = await app.ClientAsync("amara.osei");
        var (status, file) = await worker.GetJsonAsync($"/api/v1/cases/{caseId}");

        status.ShouldBe(HttpStatusCode.OK, file.ToString());
        file.Id().ShouldBe(caseId);
        file.Id("childId").ShouldBe(childId);
        file.Str("status").ShouldBe("open");
        file.Str("team").ShouldBe("Northgate Children's Team");
        file.Str("allocatedWorker").ShouldBe("amara.osei");
        file.Str("reference").ShouldMatch(@"^CF-\d{6}-[A-Z]$");
        DateOnly.Parse(file.Str("openedOn"), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)));
        file.GetProperty("closedOn").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    // An accepted referral is part of the case file: the list shows it only to those who may read the case.
    [Theory, ClassData(typeof(Databases))]
    public async Task List_WhenAReferralWasAcceptedIntoACaseTheViewerCannotRead_LeavesItOut(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var manager = await app.ClientAsync("daniel.hughes");
        var waiting = await Given.ReferralAsync(manager, await Given.ChildAsync(manager));

        var (_, forOtherTeam) = await (await app.ClientAsync("ben.carter")).GetJsonAsync("/api/v1/referrals");
        var (_, forWorker) = await (await app.ClientAsync("amara.osei")).GetJsonAsync("/api/v1/referrals");

        var otherTeamSees = forOtherTeam.GetProperty("results").EnumerateArray().ToList();
        otherTeamSees.ShouldNotContain(r => r.Id("childId") == childId);
        otherTeamSees.ShouldContain(r => r.Id() == waiting);
        forWorker.GetProperty("results").EnumerateArray().ShouldContain(r => r.Id("childId") == childId && r.Id("caseId") == caseId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AcceptReferral_WhenAcceptedTwice_Answers409(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var manager = await app.ClientAsync("daniel.hughes");
        var referral = await Given.ReferralAsync(manager, await Given.ChildAsync(manager));
        var accept = new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" };
        (await manager.PostAsync($"/api/v1/referrals/{referral}/accept", accept)).Status.ShouldBe(HttpStatusCode.Created);

        (await manager.PostAsync($"/api/v1/referrals/{referral}/accept", accept)).ShouldBeProblem(HttpStatusCode.Conflict);
        (await manager.PostAsync($"/api/v1/referrals/{referral}/no-further-action", new { reason = "x" })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AcceptReferral_WhenTeamOrWorkerUnknown_Answers400NamingTheField(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var manager = await app.ClientAsync("daniel.hughes");
        var referral = await Given.ReferralAsync(manager, await Given.ChildAsync(manager));

        (await manager.PostAsync($"/api/v1/referrals/{referral}/accept", new { team = "No Such Team", allocatedWorker = "amara.osei" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "team");
        (await manager.PostAsync($"/api/v1/referrals/{referral}/accept", new { team = "Northgate Children's Team", allocatedWorker = "nobody.here" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "allocatedWorker");
        (await manager.PostAsync($"/api/v1/referrals/{referral}/accept", new { team = "Northgate Children's Team", allocatedWorker = "ben.carter" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "allocatedWorker");
        (await manager.PostAsync($"/api/v1/referrals/{referral}/accept", new { }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "team", "allocatedWorker");

        var (_, still) = await manager.GetJsonAsync($"/api/v1/referrals/{referral}");
        still.Str("decision").ShouldBe("awaiting");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task NoFurtherAction_WhenDecided_OpensNoCaseFile(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var manager = await app.ClientAsync("daniel.hughes");
        var child = await Given.ChildAsync(manager);
        var referral = await Given.ReferralAsync(manager, child);

        (await manager.PostAsync($"/api/v1/referrals/{referral}/no-further-action", new { reason = " " }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        var (status, _) = await manager.PostAsync($"/api/v1/referrals/{referral}/no-further-action", new { reason = "Needs met by school support." });
        status.ShouldBe(HttpStatusCode.NoContent);

        var (_, decided) = await manager.GetJsonAsync($"/api/v1/referrals/{referral}");
        decided.Str("decision").ShouldBe("noFurtherAction");
        var (_, person) = await manager.GetJsonAsync($"/api/v1/people/{child}");
        person.GetProperty("caseFile").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RecordReferral_WhenInputIsWrong_Answers400NamingEachField(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var worker = await app.ClientAsync("amara.osei");
        var adult = (await worker.PostAsync("/api/v1/people", new { kind = "adult", givenName = "Grown", familyName = "Up" })).Body.Id();

        (await worker.PostAsync("/api/v1/referrals", new { childId = Guid.NewGuid(), receivedAt = DateTimeOffset.UtcNow.AddDays(2) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "childId", "receivedAt", "referrerName", "reason");
        (await worker.PostAsync("/api/v1/referrals", new { childId = adult, receivedAt = DateTimeOffset.UtcNow, referrerName = "X", reason = "Y" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "childId");
        (await worker.PostRawAsync("/api/v1/referrals", """{"childId":"not-a-guid","receivedAt":"yesterday"}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task DecideReferral_WhenSocialWorker_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var worker = await app.ClientAsync("amara.osei");
        var referral = await Given.ReferralAsync(worker, await Given.ChildAsync(worker));

        (await worker.PostAsync($"/api/v1/referrals/{referral}/accept", new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AcceptReferral_WhenChildHasOpenFile_AddsToItWithoutReallocating(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var manager = await app.ClientAsync("daniel.hughes");
        var second = await Given.ReferralAsync(manager, childId);

        var (status, body) = await manager.PostAsync($"/api/v1/referrals/{second}/accept", new { });

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.Id("caseId").ShouldBe(caseId);
        body.GetProperty("addedToOpenCase").GetBoolean().ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AcceptReferral_WhenChildsFileIsClosed_ReopensItAsANewVolume(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        await app.WithDbAsync(async d =>
        {
            var file = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(d.CaseFiles, c => c.Volumes), c => c.Id == caseId);
            file.RecordClosure(file.OpenedOn);
            return await d.SaveChangesAsync();
        });
        var manager = await app.ClientAsync("daniel.hughes");
        var referral = await Given.ReferralAsync(manager, childId);

        var (status, body) = await manager.PostAsync($"/api/v1/referrals/{referral}/accept", new { team = "Northgate Children's Team", allocatedWorker = "daniel.hughes" });

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.Id("caseId").ShouldBe(caseId);
        body.GetProperty("reopened").GetBoolean().ShouldBeTrue();
        var (_, file) = await manager.GetJsonAsync($"/api/v1/cases/{caseId}");
        file.Str("status").ShouldBe("open");
        file.GetProperty("volume").GetInt32().ShouldBe(2);
        file.Str("allocatedWorker").ShouldBe("daniel.hughes");
        file.GetProperty("allocations").GetArrayLength().ShouldBe(2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task GetReferral_WhenAcceptedIntoACaseTheViewerCannotOpen_IsRefusedLikeTheCase(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var manager = await app.ClientAsync("daniel.hughes");
        var referral = await Given.ReferralAsync(manager, await Given.ChildAsync(manager));
        var other = await app.ClientAsync("ben.carter");
        (await other.GetJsonAsync($"/api/v1/referrals/{referral}")).Status.ShouldBe(HttpStatusCode.OK, "awaiting a decision: open to the front door");

        (await manager.PostAsync($"/api/v1/referrals/{referral}/accept", new { team = "Northgate Children's Team", allocatedWorker = "amara.osei" })).Status.ShouldBe(HttpStatusCode.Created);

        (await other.GetJsonAsync($"/api/v1/referrals/{referral}")).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await (await app.ClientAsync("amara.osei")).GetJsonAsync($"/api/v1/referrals/{referral}")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
