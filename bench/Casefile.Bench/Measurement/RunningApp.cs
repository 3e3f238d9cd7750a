using Casefile.Data;
using Casefile.Data.Identity;
using Casefile.Web.Auth;
using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Bench.Measurement;

/// <summary>
/// The real application, built by <see cref="WebApp"/> exactly as <c>Casefile.Web serve</c> builds
/// it (same services, same pipeline, production environment, its appsettings.json and so its
/// logging), listening with Kestrel on a free loopback port, on the benchmark's database.
/// Requests go to it over HTTP, as a browser's or an API client's would.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private RunningApp(WebApplication app, Uri address, string dataDirectory)
    {
        _app = app;
        Address = address;
        _dataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningApp> StartAsync(BenchDatabase database, CancellationToken ct) => await StartAsync(database, null, ct);

    /// <summary>With the audit signing key given (base64), so a trail generated and signed beforehand verifies in the application.</summary>
    public static Task<RunningApp> StartAsync(BenchDatabase database, string? auditSigningKey, CancellationToken ct) =>
        StartAsync(database, auditSigningKey, null, ct);

    /// <summary>With the document content store in <paramref name="documentsRoot"/> (<c>Casefile:Documents:Root</c>), where the generator put it.</summary>
    public static async Task<RunningApp> StartAsync(BenchDatabase database, string? auditSigningKey, string? documentsRoot, CancellationToken ct)
    {
        // The audit signing key lives in the data directory, as in production.
        var dataDirectory = Directory.CreateTempSubdirectory("casefile-bench-data-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Casefile"] = database.Settings.ConnectionString,
            ["Casefile:DataDirectory"] = dataDirectory,
            ["Casefile:SeedDemo"] = "false",
            // The daily retention sweep would run during the measurements; the sweep has its own benchmark (retention-sweep).
            ["Casefile:Retention:DailySweep"] = "false",
            ["Urls"] = "http://127.0.0.1:0",
            ["Casefile:Audit:SigningKey"] = auditSigningKey,
            ["Casefile:Documents:Root"] = documentsRoot,
        };
        var builder = WebApp.CreateBuilder([], settings);
        // The pages live in Casefile.Web, which MVC finds by itself only when it is the entry assembly (or a web project's
        // generated ApplicationPart attribute names it); here the entry assembly is the benchmark or its test host.
        // Its compiled pages are a part of their own (CompiledRazorAssemblyPart), which the assembly's part factory makes.
        builder.Services.AddMvcCore().ConfigureApplicationPartManager(parts =>
        {
            var web = typeof(WebApp).Assembly;
            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(web).GetApplicationParts(web))
            {
                if (!parts.ApplicationParts.Any(p => p.GetType() == part.GetType() && p.Name == part.Name)) parts.ApplicationParts.Add(part);
            }
        });
        var app = builder.Build();
        WebApp.UsePipeline(app);
        await app.StartAsync(ct);
        var address = new Uri(app.Urls.First(u => u.StartsWith("http://127.0.0.1", StringComparison.Ordinal)));
        return new RunningApp(app, address, dataDirectory);
    }

    /// <summary>An API token for a user, issued as <c>tokens issue</c> issues it.</summary>
    public async Task<string> IssueTokenAsync(Guid userId, CancellationToken ct)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var (_, token) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(userId, "benchmark", TimeSpan.FromHours(4), ct);
        return token;
    }

    /// <summary>
    /// Gives a generated user (made without a password) a password, through the application's own
    /// <see cref="UserManager{TUser}"/> as an administrator would, so they can sign in with the form.
    /// </summary>
    public async Task SetPasswordAsync(Guid userId, string password, CancellationToken ct)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"No user {userId}.");
        ct.ThrowIfCancellationRequested();
        var result = user.PasswordHash is null ? await users.AddPasswordAsync(user, password) : IdentityResult.Success;
        if (!result.Succeeded) throw new InvalidOperationException($"Setting {user.UserName}'s password: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
