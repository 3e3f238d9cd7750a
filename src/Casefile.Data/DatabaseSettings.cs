using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Casefile.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Where the data lives. SQLite in a file under the data directory by default; PostgreSQL
/// when <c>Database__Provider=Postgres</c> and <c>ConnectionStrings__Casefile</c> are set.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteMigrationsAssembly = "Casefile.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Casefile.Migrations.Postgres";

    public static DatabaseSettings ForSqliteFile(string path) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString());

    /// <summary>
    /// The connection pool's default when the connection string does not set one: a few connections
    /// per core serve the database as fast as many, and a server's <c>max_connections</c> (100 by
    /// default) is shared with other clients. Beyond it requests wait for a connection rather
    /// than fail with "too many clients".
    /// </summary>
    public const int DefaultPostgresPoolSize = 32;

    public static DatabaseSettings ForPostgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!HasKey(connectionString, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize")) builder.MaxPoolSize = DefaultPostgresPoolSize;
        return new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString);

        static bool HasKey(string cs, params string[] names) => cs.Split(';').Select(p => p.Split('=')[0].Trim())
            .Any(k => names.Any(n => k.Equals(n, StringComparison.OrdinalIgnoreCase)));
    }

    public void Apply(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {Provider}.");
        }
    }
}

/// <summary>
/// Sets SQLite up for a case record on every connection: full disk sync so a saved record
/// survives a power cut, and a wait rather than an error when another writer holds the lock.
/// WAL mode is persistent and set once when the database is migrated.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Run(connection);
        return Task.CompletedTask;
    }

    private static void Run(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
