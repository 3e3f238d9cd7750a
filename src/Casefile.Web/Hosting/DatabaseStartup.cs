using Casefile.Data;
using Casefile.Web.Demo;
using Casefile.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Hosting;

/// <summary>
/// Before the server takes requests: apply migrations, then seed the demo service if that is
/// switched on and the database has no users yet.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, IOptions<CasefileOptions> options, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseMigrator.MigrateAsync(db, cancellationToken);
        logger.LogInformation("Database is up to date ({Provider})", db.Database.ProviderName);
        if (options.Value.SeedDemo)
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
            if (seeded) logger.LogInformation("Seeded the demo service: see README.md for the demo sign-ins");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
