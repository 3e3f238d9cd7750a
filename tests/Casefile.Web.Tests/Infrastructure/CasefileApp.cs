using System.Net.Http.Headers;
using Casefile.Data;
using Casefile.Data.Identity;
using Casefile.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Casefile.Web.Tests.Infrastructure;

public enum Db { Sqlite, Postgres }

/// <summary>
/// The real application on a real, freshly migrated database (a temporary SQLite file, or a new
/// PostgreSQL database on the server named by CASEFILE_TEST_POSTGRES), seeded with the demo service.
/// </summary>
public sealed class CasefileApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _tokens = [];
    private readonly SemaphoreSlim _tokenLock = new(1, 1);

    private CasefileApp(Db db, string connectionString, string dataDirectory, string? postgresDatabase)
    {
        Database = db;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        PostgresDatabase = postgresDatabase;
    }

    /// <summary>The upload limit of every test app: small, so a test can go over it cheaply.</summary>
    public const long MaxUploadBytes = 256 * 1024;

    public Db Database { get; }
    public string ConnectionString { get; }
    public string DataDirectory { get; }
    private string? PostgresDatabase { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Database == Db.Postgres ? "Postgres" : "Sqlite",
        ["ConnectionStrings:Casefile"] = ConnectionString,
        ["Casefile:DataDirectory"] = DataDirectory,
        ["Casefile:SeedDemo"] = "true",
        ["Casefile:Documents:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Mail to or from this domain is filed in the Restricted Access section (policy 4.3 guidance).
        ["Casefile:Emails:LegalServicesAddresses:0"] = "@legal.council.gov.uk",
        // Tests run the retention sweep themselves, on the day they choose.
        ["Casefile:Retention:DailySweep"] = "false",
    };

    public static async Task<CasefileApp> StartAsync(Db db)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("casefile-test-").FullName;
        CasefileApp app;
        if (db == Db.Sqlite)
        {
            app = new CasefileApp(db, DatabaseSettings.ForSqliteFile(Path.Combine(dataDirectory, "casefile.db")).ConnectionString, dataDirectory, null);
        }
        else
        {
            var admin = TestEnvironment.PostgresAdminConnectionString ?? throw new InvalidOperationException("CASEFILE_TEST_POSTGRES is not set.");
            var name = "casefile_test_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }
            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            app = new CasefileApp(db, builder.ConnectionString, dataDirectory, name);
        }
        _ = app.Server; // starts the host: migrations and demo seeding run now
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorCapture(ServerErrors)));
    }

    /// <summary>Errors the server logged (with their exceptions), newest last: what a failing test prints to explain a 500.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ServerErrors { get; } = new();

    private sealed class ErrorCapture(System.Collections.Concurrent.ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) errors.Enqueue($"{formatter(state, exception)}\n{exception}");
        }
    }

    /// <summary>An API client acting as the named user, with a bearer token issued for them.</summary>
    public async Task<HttpClient> ClientAsync(string userName)
    {
        string? token;
        await _tokenLock.WaitAsync();
        try
        {
            if (!_tokens.TryGetValue(userName, out token))
            {
                await using var scope = Services.CreateAsyncScope();
                var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName)
                    ?? throw new InvalidOperationException($"No user {userName}");
                (_, token) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(user.Id, "test", null, default);
                _tokens[userName] = token;
            }
        }
        finally
        {
            _tokenLock.Release();
        }
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (PostgresDatabase is not null && TestEnvironment.PostgresAdminConnectionString is { } admin)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {PostgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}

public static class TestEnvironment
{
    public static string? PostgresAdminConnectionString => Environment.GetEnvironmentVariable("CASEFILE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static bool RequirePostgres => IsTrue("CASEFILE_REQUIRE_POSTGRES");

    private static bool IsTrue(string name) => Environment.GetEnvironmentVariable(name) is "1" or "true" or "True";
}

/// <summary>
/// One application per database for the whole test run, started on first use. PostgreSQL tests
/// are skipped when no server is configured, and fail instead when CASEFILE_REQUIRE_POSTGRES is set (CI).
/// </summary>
public sealed class TestApps : IAsyncDisposable
{
    private static readonly Dictionary<Db, Lazy<Task<CasefileApp>>> Apps = new()
    {
        [Db.Sqlite] = new(() => CasefileApp.StartAsync(Db.Sqlite)),
        [Db.Postgres] = new(() => CasefileApp.StartAsync(Db.Postgres)),
    };

    public static Task<CasefileApp> GetAsync(Db db)
    {
        if (db == Db.Postgres && TestEnvironment.PostgresAdminConnectionString is null)
        {
            if (TestEnvironment.RequirePostgres)
                Assert.Fail("CASEFILE_REQUIRE_POSTGRES is set but CASEFILE_TEST_POSTGRES (a connection string to a PostgreSQL server) is not.");
            Assert.Skip("PostgreSQL tests need CASEFILE_TEST_POSTGRES (see README: running the PostgreSQL tests).");
        }
        return Apps[db].Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in Apps.Values.Where(l => l.IsValueCreated))
        {
            try { await (await lazy.Value).DisposeAsync(); } catch (Exception) { /* a failed start was already reported by its tests */ }
        }
    }
}

/// <summary>Every data test runs once per database.</summary>
public sealed class Databases : TheoryData<Db>
{
    public Databases()
    {
        Add(Db.Sqlite);
        Add(Db.Postgres);
    }
}
