using Casefile.Data;

namespace Casefile.Web.Hosting;

/// <summary>Reads <c>Database:Provider</c>, <c>ConnectionStrings:Casefile</c> and <c>Casefile:DataDirectory</c>.</summary>
public static class DatabaseConfiguration
{
    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Casefile");
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Casefile is not set.");
            return DatabaseSettings.ForPostgres(connectionString);
        }
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{provider}'.");
        if (!string.IsNullOrWhiteSpace(connectionString)) return new DatabaseSettings(DatabaseProvider.Sqlite, connectionString);
        var folder = Path.GetFullPath(configuration["Casefile:DataDirectory"] ?? "data");
        return DatabaseSettings.ForSqliteFile(Path.Combine(folder, "casefile.db"));
    }
}
