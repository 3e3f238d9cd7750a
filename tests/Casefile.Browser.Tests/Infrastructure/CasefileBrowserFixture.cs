using System.Collections.Concurrent;
using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
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
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> signIns = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        // Without a browser there is nothing to test: each test then skips or fails in BrowserRequirement.
        if (!BrowserRequirement.IsChromiumInstalled) return;

        Assertions.SetDefaultExpectTimeout(20_000); // headroom for a loaded 2-core CI machine
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

    /// <summary>
    /// A fresh browser context and page on the shared server; skips or fails first if there is no
    /// browser. With <paramref name="signedInAs"/> the context starts with that demo user's sign-in
    /// cookie, taken from one real sign-in through the sign-in page per user and test run, so the
    /// tests that are not about signing in do not each pay for it.
    /// </summary>
    public async Task<BrowserSession> StartSessionAsync(string? signedInAs = null)
    {
        BrowserRequirement.EnsureChromium();
        if (browser is null || server is null)
            throw new InvalidOperationException("The browser fixture did not start: see the assembly fixture's error.");

        var storageState = signedInAs is null
            ? null
            : await signIns.GetOrAdd(signedInAs, user => new Lazy<Task<string>>(() => SignInOnceAsync(user))).Value;

        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            StorageState = storageState,
        });
        // Generous for a busy two-core CI machine that runs the other test projects alongside.
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, server);
    }

    private async Task<string> SignInOnceAsync(string userName)
    {
        await using var session = await StartSessionAsync();
        await SignInPage.SignInAsync(session.Page, userName);
        return await session.Context.StorageStateAsync();
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

/// <summary>
/// One test's browser context and page; disposing it closes the context. Every answer of 400 or
/// more, and what the server logged as failed meanwhile, goes to the test's output, so a failure
/// on a loaded CI machine says what the server saw.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly CasefileServer server;
    private readonly int serverOutputAtStart;

    internal BrowserSession(IBrowserContext context, IPage page, CasefileServer server)
    {
        Context = context;
        Page = page;
        this.server = server;
        serverOutputAtStart = server.Output.Length;
        context.Response += (_, response) =>
        {
            if (response.Status >= 400)
                TestContext.Current.TestOutputHelper?.WriteLine($"HTTP {response.Status} for {response.Request.Method} {response.Url}");
        };
    }

    public IPage Page { get; }

    public IBrowserContext Context { get; }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        var output = server.Output;
        var since = output.Length > serverOutputAtStart ? output[serverOutputAtStart..] : "";
        var failures = since.Split('\n').Where(line => line.Contains("fail:", StringComparison.Ordinal) || line.Contains("Exception", StringComparison.Ordinal)).Take(40).ToList();
        if (failures.Count > 0)
            TestContext.Current.TestOutputHelper?.WriteLine("The server logged while this test ran:\n" + string.Join('\n', failures));
    }
}
