using System.Net;
using Casefile.Data;
using Casefile.Data.Audit;
using Casefile.Domain.Staff;
using Casefile.Web.Cli;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Web.Tests.Audit;

/// <summary>
/// The audit chain against someone with direct access to the database. Each test has its own
/// database, because it breaks the chain on purpose.
/// </summary>
public sealed class AuditTrailTests
{
    private static async Task<CasefileApp> AppWithEventsAsync(Db db)
    {
        if (db == Db.Postgres) await TestApps.GetAsync(db); // skips or fails as configured
        var app = await CasefileApp.StartAsync(db);
        for (var i = 0; i < 3; i++) await Given.OpenCaseAsync(app);
        return app;
    }

    private static async Task<(int Exit, string Output)> VerifyAsync(CasefileApp app)
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(["audit", "verify"], new StringReader(""), output, output, app.Settings);
        return (exit, output.ToString());
    }

    private static Task ExecAsync(CasefileApp app, string sql) => app.WithDbAsync(d => d.Database.ExecuteSqlRawAsync(sql));

    private static Task DropAppendOnlyTriggersAsync(CasefileApp app) => app.Database == Db.Sqlite
        ? ExecAsync(app, "DROP TRIGGER \"AuditEvents_NoDelete\"; DROP TRIGGER \"AuditEvents_NoUpdate\";")
        : ExecAsync(app, "DROP TRIGGER \"AuditEvents_AppendOnly\" ON \"AuditEvents\";");

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_WhenUntouched_IsIntact_AndAppendOnlyRulesHold(Db db)
    {
        await using var app = await AppWithEventsAsync(db);
        var (exit, output) = await VerifyAsync(app);
        exit.ShouldBe(0, output);
        output.ShouldContain("intact");

        await Should.ThrowAsync<Exception>(() => ExecAsync(app, "DELETE FROM \"AuditEvents\" WHERE \"Id\" = 2"));
        await Should.ThrowAsync<Exception>(() => ExecAsync(app, "UPDATE \"AuditEvents\" SET \"Action\" = 'nothing' WHERE \"Id\" = 2"));

        // Redacting a reason (on lawful destruction) is the one change allowed, and the chain still verifies.
        var withReason = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.Reason != null).Select(e => e.Id).FirstAsync());
        await ExecAsync(app, $"UPDATE \"AuditEvents\" SET \"Reason\" = NULL WHERE \"Id\" = {withReason}");
        (await VerifyAsync(app)).Exit.ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_WhenAnEventIsEdited_NamesIt(Db db)
    {
        await using var app = await AppWithEventsAsync(db);
        await DropAppendOnlyTriggersAsync(app);
        await ExecAsync(app, "UPDATE \"AuditEvents\" SET \"UserName\" = 'someone.else' WHERE \"Id\" = 5");

        var (exit, output) = await VerifyAsync(app);

        exit.ShouldBe(1);
        output.ShouldContain("Event 5 was altered");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_WhenAnEventIsDeleted_NamesIt(Db db)
    {
        await using var app = await AppWithEventsAsync(db);
        await DropAppendOnlyTriggersAsync(app);
        await ExecAsync(app, "DELETE FROM \"AuditEvents\" WHERE \"Id\" = 7");

        var (exit, output) = await VerifyAsync(app);

        exit.ShouldBe(1);
        output.ShouldContain("Event 7 is missing");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_WhenEventsAreReordered_NamesTheFirst(Db db)
    {
        await using var app = await AppWithEventsAsync(db);
        await DropAppendOnlyTriggersAsync(app);
        await ExecAsync(app, "UPDATE \"AuditEvents\" SET \"Id\" = -3 WHERE \"Id\" = 3");
        await ExecAsync(app, "UPDATE \"AuditEvents\" SET \"Id\" = 3 WHERE \"Id\" = 4");
        await ExecAsync(app, "UPDATE \"AuditEvents\" SET \"Id\" = 4 WHERE \"Id\" = -3");

        var (exit, output) = await VerifyAsync(app);

        exit.ShouldBe(1);
        output.ShouldContain("Event 3");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_WhenTheEndIsCutOff_SaysEventsAreMissing(Db db)
    {
        await using var app = await AppWithEventsAsync(db);
        await DropAppendOnlyTriggersAsync(app);
        var last = await app.WithDbAsync(d => d.AuditEvents.MaxAsync(e => e.Id));
        await ExecAsync(app, $"DELETE FROM \"AuditEvents\" WHERE \"Id\" >= {last - 1}");

        var (exit, output) = await VerifyAsync(app);

        exit.ShouldBe(1);
        output.ShouldContain($"Events {last - 1} to {last} are missing");
    }

    [Fact]
    public async Task Verify_WhenManyEvents_WritesSignedCheckpointsThatMatch()
    {
        await using var app = await CasefileApp.StartAsync(Db.Sqlite);
        var client = await app.ClientAsync("amara.osei");
        var tasks = Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = 0; i < 140; i++) (await client.GetJsonAsync("/api/v1/me/cases")).Status.ShouldBe(HttpStatusCode.OK);
        });
        await Task.WhenAll(tasks);

        (await app.WithDbAsync(d => d.AuditCheckpoints.CountAsync())).ShouldBeGreaterThanOrEqualTo(1);
        var (exit, output) = await VerifyAsync(app);
        exit.ShouldBe(0, output);
        output.ShouldContain("1 signed checkpoints match");

        // A forger with database access but not the signing key cannot rewrite history past a checkpoint.
        await ExecAsync(app, "UPDATE \"AuditCheckpoints\" SET \"Hash\" = '0000000000000000000000000000000000000000000000000000000000000000'");
        (await VerifyAsync(app)).Output.ShouldContain("does not carry a valid signature");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AuditedReads_WhenManyArriveWithWrites_AreEachChainedOnceInOrder(Db db)
    {
        // Reads' events are committed in groups (ADR 0012); writes' in their own transactions. Both on one chain.
        await using var app = await AppWithEventsAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var before = await app.WithDbAsync(d => d.AuditEvents.CountAsync());
        var worker = await app.ClientAsync("amara.osei");
        var reads = Enumerable.Range(0, 60).Select(async _ => (await worker.GetJsonAsync($"/api/v1/cases/{caseId}")).Status.ShouldBe(HttpStatusCode.OK));
        var writes = Enumerable.Range(0, 6).Select(async i =>
        {
            var (status, body) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", new
            {
                type = "phoneCall",
                occurredAt = DateTimeOffset.UtcNow.AddDays(-i - 1),
                purpose = $"Call {i} about the school's concern",
                outcome = "Mother will call back",
                narrative = "I rang the mother to ask how the week had gone.",
                spokenTo = "Mother",
            });
            status.ShouldBe(HttpStatusCode.Created, body.ToString());
        });
        await Task.WhenAll(reads.Concat(writes));

        var (count, first, last) = await app.WithDbAsync(async d => (await d.AuditEvents.CountAsync(), await d.AuditEvents.MinAsync(e => e.Id), await d.AuditEvents.MaxAsync(e => e.Id)));
        (first, last).ShouldBe((1L, (long)count), "the chain's numbers have no gaps");
        (await app.WithDbAsync(d => d.AuditEvents.CountAsync(e => e.CaseFileId == caseId && e.Action == "view" && e.RecordType == "case"))).ShouldBe(60);
        (count - before).ShouldBeGreaterThanOrEqualTo(66);
        var (exit, output) = await VerifyAsync(app);
        exit.ShouldBe(0, output);
    }

    private static async Task<AuditVerification> VerifyWithAsync(CasefileApp app, int parallelism) =>
        await app.WithServicesAsync(sp => new AuditVerifier(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<AuditSigner>())
        {
            Parallelism = parallelism,
        }.VerifyAsync());

    private static AuditEvent Event(string action, DateTimeOffset at, long placeholder) => new()
    {
        Id = placeholder,
        OccurredAt = at,
        UserName = "amara.osei",
        Action = action,
        RecordType = "case",
        Channel = "web",
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_WhenRangesAreCheckedInParallel_NamesTheSameEventAsOnePass(Db db)
    {
        await using var app = await AppWithEventsAsync(db);
        var at = DateTimeOffset.UtcNow;
        await app.WithDbAsync(d =>
        {
            for (var i = 1; i <= 3_500; i++) d.AuditEvents.Add(Event("view", at.AddTicks(i * 10), -i));
            return d.SaveChangesAsync();
        });

        var parallel = await VerifyWithAsync(app, 4);
        parallel.Intact.ShouldBeTrue(parallel.Message);
        parallel.CheckpointsChecked.ShouldBe(3);
        parallel.ShouldBe(await VerifyWithAsync(app, 1));

        // In the middle of a later range: every range but the first starts from a signed checkpoint.
        await DropAppendOnlyTriggersAsync(app);
        await ExecAsync(app, "UPDATE \"AuditEvents\" SET \"UserName\" = 'someone.else' WHERE \"Id\" = 2500");
        parallel = await VerifyWithAsync(app, 4);
        parallel.FirstBadEvent.ShouldBe(2500);
        parallel.Message.ShouldContain("Event 2500 was altered");
        parallel.EventsChecked.ShouldBe(2499);
        parallel.ShouldBe(await VerifyWithAsync(app, 1));

        // Removing a checkpointed event, where one range ends and the next begins, is named as in one pass too.
        await ExecAsync(app, "DELETE FROM \"AuditEvents\" WHERE \"Id\" = 2000");
        parallel = await VerifyWithAsync(app, 4);
        parallel.Message.ShouldContain("Event 2000 is missing: it was removed (the next event is 2001)");
        parallel.ShouldBe(await VerifyWithAsync(app, 1));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Save_WhenEventsShareAUnitOfWork_ChainsThemInTheOrderRecorded(Db db)
    {
        await using var app = await AppWithEventsAsync(db);
        var at = DateTimeOffset.UtcNow;
        await app.WithDbAsync(d =>
        {
            // As AuditTrail numbers them: -1, -2, -3 in the order recorded, all at the same moment.
            foreach (var (action, placeholder) in new[] { ("first", -1L), ("second", -2L), ("third", -3L) })
                d.AuditEvents.Add(Event(action, at, placeholder));
            return d.SaveChangesAsync();
        });

        var saved = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.OccurredAt == new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero))
            .OrderBy(e => e.Id).ToListAsync());
        saved.Select(e => e.Action).ShouldBe(["first", "second", "third"]);
        saved[1].PreviousHash.ShouldBe(saved[0].Hash);
        saved[2].PreviousHash.ShouldBe(saved[1].Hash);
        (await VerifyAsync(app)).Exit.ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Save_WhenItFails_LeavesTheChainAsItWasAndRechainsTheEventsOnRetry(Db db)
    {
        await using var app = await AppWithEventsAsync(db);
        var team = new Team(Guid.NewGuid(), $"Audit retry team {Guid.NewGuid():N}");
        await app.WithDbAsync(d =>
        {
            d.Teams.Add(team);
            return d.SaveChangesAsync();
        });
        var headBefore = await app.WithDbAsync(d => d.AuditChainHeads.AsNoTracking().SingleAsync());

        var (ids, retried) = await app.WithDbAsync(async d =>
        {
            var at = DateTimeOffset.UtcNow;
            d.AuditEvents.Add(Event("first", at, -1));
            d.AuditEvents.Add(Event("second", at, -2));
            var clash = d.Teams.Add(new Team(team.Id, "A team whose id is taken"));
            await Should.ThrowAsync<DbUpdateException>(() => d.SaveChangesAsync());
            var ids = d.AuditEvents.Local.OrderBy(e => e.Id).Select(e => (e.Action, e.Id)).ToList();
            d.ChangeTracker.Entries<AuditChainHead>().Where(e => e.State != EntityState.Unchanged).ShouldBeEmpty();

            clash.State = EntityState.Detached;
            await d.SaveChangesAsync();
            return (ids, d.AuditEvents.Local.OrderBy(e => e.Id).ToList());
        });

        ids.ShouldBe([("first", AuditChainInterceptor.RetryPlaceholder + 1), ("second", AuditChainInterceptor.RetryPlaceholder + 2)]);
        retried.Select(e => e.Id).ShouldBe([headBefore.LastSequence + 1, headBefore.LastSequence + 2]);
        retried.Select(e => e.Action).ShouldBe(["first", "second"]);
        retried[0].PreviousHash.ShouldBe(headBefore.LastHash);
        var (exit, output) = await VerifyAsync(app);
        exit.ShouldBe(0, output);
    }
}
