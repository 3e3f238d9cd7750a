using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Casefile.Data;

/// <summary>Applies the provider's migrations. Never <c>EnsureCreated</c>: both providers always migrate.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.IsSqlite)
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
                await RefuseSquashedAwayMigrationsAsync(db, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await RefuseSquashedAwayMigrationsAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A database migrated by a development build before the migrations were squashed (ADR 0023)
    /// has their ids in its history, all older than the first migration this build has. EF would
    /// apply the squashed <c>Initial</c> over its tables and fail on the first of them with a SQL
    /// error; say what happened instead. Ids newer than this build's (a database made by a later
    /// build) are left to EF, as before.
    /// </summary>
    private static async Task RefuseSquashedAwayMigrationsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var known = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).ToList();
        if (known.Count == 0) return;
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        var squashedAway = applied
            .Where(id => StringComparer.Ordinal.Compare(id, known[0]) < 0)
            .ToList();
        if (squashedAway.Count > 0)
        {
            var where = db.IsSqlite
                ? "SQLite file " + Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource)
                : "PostgreSQL database " + db.Database.GetDbConnection().Database;
            throw new DatabaseFromBeforeSquashException(where, squashedAway);
        }
    }
}

/// <summary>The database was migrated by a development build whose migrations have since been squashed.</summary>
public sealed class DatabaseFromBeforeSquashException(string where, IReadOnlyList<string> squashedAway) : InvalidOperationException(
    "This database was made by a development build before the migrations were squashed; delete ./data (or drop the database) and start again. "
    + $"({where} holds {squashedAway.Count} migration(s) this build no longer has, the first {squashedAway[0]}.)")
{
    public IReadOnlyList<string> SquashedAway { get; } = squashedAway;
}
