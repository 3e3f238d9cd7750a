using System.Net;
using Casefile.Web.Cli;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Features;

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
}
