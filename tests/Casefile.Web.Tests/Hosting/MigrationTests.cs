using System.Data.Common;
using Casefile.Data;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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

    [Theory, ClassData(typeof(Databases))]
    public async Task Migrate_WhenDatabaseWasMadeBeforeTheSquash_StopsWithAClearMessageAndChangesNothing(Db db)
    {
        // The first and last ids of the development migrations squashed into Initial (ADR 0023).
        string[] squashedAway = db == Db.Sqlite
            ? ["20261124213918_Initial", "20261207013810_PersonChanges"]
            : ["20261124213938_Initial", "20261207013906_PersonChanges"];
        await using var old = await OldDatabase.CreateAsync(db);
        await old.ExecuteAsync("""
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) NOT NULL PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
            CREATE TABLE "AuditChainHead" ("Id" integer NOT NULL PRIMARY KEY);
            """);
        foreach (var id in squashedAway)
            await old.ExecuteAsync($"""INSERT INTO "__EFMigrationsHistory" VALUES ('{id}', '10.0.15');""");

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await Cli.CommandLine.RunAsync(["migrate"], new StringReader(""), stdout, stderr, old.Settings);

        exit.ShouldBe(1, stderr.ToString());
        stderr.ToString().ShouldContain("This database was made by a development build before the migrations were squashed; delete ./data (or drop the database) and start again.");
        stderr.ToString().ShouldContain(squashedAway[0]);
        (await old.ScalarAsync("""SELECT count(*) FROM "__EFMigrationsHistory" """)).ShouldBe(2L);
    }

    /// <summary>An empty database of either provider, outside the shared test apps, dropped afterwards.</summary>
    private sealed class OldDatabase : IAsyncDisposable
    {
        private readonly Db _db;
        private readonly string _connectionString;
        private readonly string _dataDirectory;
        private readonly string? _postgresName;

        private OldDatabase(Db db, string connectionString, string dataDirectory, string? postgresName)
        {
            _db = db;
            _connectionString = connectionString;
            _dataDirectory = dataDirectory;
            _postgresName = postgresName;
        }

        public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = _db == Db.Postgres ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Casefile"] = _connectionString,
            ["Casefile:DataDirectory"] = _dataDirectory,
        };

        public static async Task<OldDatabase> CreateAsync(Db db)
        {
            var dataDirectory = Directory.CreateTempSubdirectory("casefile-presquash-").FullName;
            if (db == Db.Sqlite)
                return new OldDatabase(db, DatabaseSettings.ForSqliteFile(Path.Combine(dataDirectory, "casefile.db")).ConnectionString, dataDirectory, null);
            _ = await TestApps.GetAsync(Db.Postgres); // skips, or fails in CI, when there is no PostgreSQL server
            var name = "casefile_presquash_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }
            var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Database = name };
            return new OldDatabase(db, builder.ConnectionString, dataDirectory, name);
        }

        public async Task ExecuteAsync(string sql)
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        public async Task<object?> ScalarAsync(string sql)
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync();
        }

        private async Task<DbConnection> OpenAsync()
        {
            DbConnection connection = _db == Db.Sqlite ? new SqliteConnection(_connectionString) : new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            return connection;
        }

        public async ValueTask DisposeAsync()
        {
            if (_postgresName is not null)
            {
                using (var own = new NpgsqlConnection(_connectionString)) NpgsqlConnection.ClearPool(own);
                await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            else
            {
                using var own = new SqliteConnection(_connectionString);
                SqliteConnection.ClearPool(own);
            }
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
