using Casefile.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Casefile.Bench;

/// <summary>
/// A fresh database for one benchmark run, migrated with the application's own migrations: a
/// SQLite file in a new temporary folder, or a new database on a PostgreSQL server. It is
/// deleted (dropped) when the run ends, unless kept for inspection.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresEnvironmentVariable = "CASEFILE_TEST_POSTGRES";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresAdmin;
    private readonly bool _keep;

    private BenchDatabase(DatabaseSettings settings, string location, string? sqliteFolder, string? postgresAdmin, bool keep)
    {
        Settings = settings;
        Location = location;
        _sqliteFolder = sqliteFolder;
        _postgresAdmin = postgresAdmin;
        _keep = keep;
    }

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string Location { get; }

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, string? connection, bool keep, CancellationToken ct)
    {
        BenchDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = connection is null ? Path.Combine(Path.GetTempPath(), "casefile-bench-" + Guid.NewGuid().ToString("N")[..12]) : null;
            var path = connection is null ? Path.Combine(folder!, "casefile.db") : new SqliteConnectionStringBuilder(connection).DataSource;
            if (connection is null) Directory.CreateDirectory(folder!);
            else if (File.Exists(path)) throw new UsageException($"{path} exists: the benchmark needs a fresh database file.");
            database = new BenchDatabase(DatabaseSettings.ForSqliteFile(path), path, folder, null, keep);
        }
        else
        {
            var admin = connection ?? Environment.GetEnvironmentVariable(PostgresEnvironmentVariable)
                ?? throw new UsageException($"PostgreSQL needs --connection or {PostgresEnvironmentVariable}: a server where the user may create databases.");
            var name = "casefile_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var c = new NpgsqlConnection(admin))
            {
                await c.OpenAsync(ct);
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", c);
                await create.ExecuteNonQueryAsync(ct);
            }
            // The application's own pool size (DatabaseSettings.ForPostgres), as a deployment without its own setting has.
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            database = new BenchDatabase(DatabaseSettings.ForPostgres(cs), name, null, admin, keep);
        }

        await using (var db = database.NewContext())
            await DatabaseMigrator.MigrateAsync(db, ct);
        return database;
    }

    /// <summary>A context configured as the application configures it, plus any interceptors given (the audit chain).</summary>
    public AppDbContext NewContext(params IInterceptor[] interceptors) => new(Options(interceptors));

    /// <summary>The database's size on disk: the SQLite file and its write-ahead log, or PostgreSQL's database size.</summary>
    public async Task<long> SizeAsync(CancellationToken ct)
    {
        if (Provider == DatabaseProvider.Sqlite)
            return new[] { "", "-wal" }.Select(s => new FileInfo(Location + s)).Where(f => f.Exists).Sum(f => f.Length);
        await using var connection = new NpgsqlConnection(Settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public DbContextOptions<AppDbContext> Options(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Settings.Apply(builder);
        if (interceptors.Length > 0) builder.AddInterceptors(interceptors);
        return builder.Options;
    }

    public async ValueTask DisposeAsync()
    {
        if (_keep)
        {
            Console.WriteLine($"Kept the database: {Location}");
            return;
        }
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            if (_sqliteFolder is not null && Directory.Exists(_sqliteFolder)) Directory.Delete(_sqliteFolder, recursive: true);
            else if (_sqliteFolder is null)
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Location + suffix);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(_postgresAdmin);
            await c.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Location} WITH (FORCE)", c);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
