using Casefile.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(CasefileBrowserFixture))]

namespace Casefile.Browser.Tests.Infrastructure;

/// <summary>
/// One Casefile server and one Chromium for the whole test assembly: starting them is the slow
/// part, so every test shares them and gets its own browser context (its own cookies) instead.
/// </summary>
public sealed class CasefileBrowserFixture : IAsyncLifetime
{
    /// <summary>Chromium's switches for a headless run in a container, with nothing that calls home.</summary>
    public static readonly IReadOnlyList<string> ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private CasefileServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async ValueTask InitializeAsync()
    {
        // Without a browser there is nothing to test: each test then skips or fails in BrowserRequirement.
        if (!BrowserRequirement.IsChromiumInstalled) return;

        var ct = TestContext.Current.CancellationToken;
        // The browser starts while the server migrates and seeds its database.
        var starting = CasefileServer.StartAsync(ct);
        try
        {
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserRequirement.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        catch
        {
            // Report the browser's error, but leave no server process behind.
            try { await (await starting).DisposeAsync(); }
            catch (Exception) { /* the server's own failure is secondary here */ }
            await DisposeAsync();
            throw;
        }

        try
        {
            server = await starting;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh browser context and page on the shared server; skips or fails first if there is no browser.</summary>
    public async Task<BrowserSession> StartSessionAsync()
    {
        BrowserRequirement.EnsureChromium();
        if (browser is null || server is null)
            throw new InvalidOperationException("The browser fixture did not start: see the assembly fixture's error.");

        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // A missing element should fail a test in seconds, not hang it for Playwright's default 30.
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(20_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, server);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        browser = null;
        playwright?.Dispose();
        playwright = null;
        if (server is not null) await server.DisposeAsync();
        server = null;
    }
}

/// <summary>One test's browser context and page; disposing it closes the context.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page, CasefileServer server) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public IBrowserContext Context { get; } = context;

    /// <summary>The server's output so far, for a failure message that needs it.</summary>
    public string ServerOutput => server.Output;

    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}
