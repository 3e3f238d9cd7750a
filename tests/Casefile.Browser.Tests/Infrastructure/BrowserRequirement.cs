namespace Casefile.Browser.Tests.Infrastructure;

/// <summary>
/// The one place that decides what happens when there is no browser to drive. A developer
/// without Chromium sees the browser tests skipped; CI sets CASEFILE_REQUIRE_BROWSER=1 so that a
/// missing browser fails the run instead of passing it silently.
/// </summary>
public static class BrowserRequirement
{
    /// <summary>Debian's Chromium (apt-get install chromium). Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string RequireVariable = "CASEFILE_REQUIRE_BROWSER";

    public static bool IsChromiumInstalled => File.Exists(ChromiumPath);

    public static bool IsRequired =>
        Environment.GetEnvironmentVariable(RequireVariable)?.Trim().ToLowerInvariant() is "1" or "true";

    /// <summary>Skips the calling test when Chromium is missing, or fails it when the browser is required.</summary>
    public static void EnsureChromium()
    {
        if (IsChromiumInstalled) return;

        if (IsRequired)
        {
            Assert.Fail($"Chromium is not installed at {ChromiumPath}, and {RequireVariable} is set, so the browser tests " +
                "must run. Install it with 'apt-get install chromium'.");
        }

        Assert.Skip($"Chromium not installed at {ChromiumPath} (apt-get install chromium). " +
            $"Set {RequireVariable}=1 to make this a failure instead of a skip.");
    }
}
