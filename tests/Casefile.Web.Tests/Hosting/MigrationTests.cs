using Casefile.Data;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Hosting;

public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_WhenComparedWithTheModel_HaveNoPendingChanges()
    {
        using var db = new Casefile.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().ShouldBeFalse("run: dotnet ef migrations add <Name> --project src/Casefile.Migrations.Sqlite --startup-project src/Casefile.Migrations.Sqlite");
    }

    [Fact]
    public void PostgresMigrations_WhenComparedWithTheModel_HaveNoPendingChanges()
    {
        using var db = new Casefile.Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().ShouldBeFalse("run: dotnet ef migrations add <Name> --project src/Casefile.Migrations.Postgres --startup-project src/Casefile.Migrations.Postgres");
    }

    [Theory, ClassData(typeof(Infrastructure.Databases))]
    public async Task Startup_WhenDatabaseIsNew_AppliesEveryMigration(Infrastructure.Db db)
    {
        var app = await Infrastructure.TestApps.GetAsync(db);
        var pending = await app.WithDbAsync(async d => (await d.Database.GetPendingMigrationsAsync()).ToList());
        pending.ShouldBeEmpty();
        var applied = await app.WithDbAsync(async d => (await d.Database.GetAppliedMigrationsAsync()).ToList());
        applied.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Sqlite_WhenOpened_UsesWalFullSyncAndForeignKeys()
    {
        var app = await Infrastructure.TestApps.GetAsync(Infrastructure.Db.Sqlite);
        var (journal, sync, keys) = await app.WithDbAsync(async d =>
        {
            var connection = d.Database.GetDbConnection();
            await d.Database.OpenConnectionAsync();
            async Task<string> Pragma(string name)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {name}";
                return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
            }
            return (await Pragma("journal_mode"), await Pragma("synchronous"), await Pragma("foreign_keys"));
        });
        journal.ShouldBe("wal");
        sync.ShouldBe("2"); // FULL
        keys.ShouldBe("1");
    }
}
