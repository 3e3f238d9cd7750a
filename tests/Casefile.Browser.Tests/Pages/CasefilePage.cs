using Microsoft.Playwright;

namespace Casefile.Browser.Tests.Pages;

/// <summary>What every Casefile page has: the GOV.UK template's skip link, header, h1, error summary and banners.</summary>
public abstract class CasefilePage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator SkipLink => Page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator SignOutButton => Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });

    public ErrorSummary ErrorSummary => new(Page);

    /// <summary>The green GOV.UK notification banner shown after a successful post (Post/Redirect/Get).</summary>
    public ILocator SuccessBanner => Page.GetByRole(AriaRole.Alert, new() { Name = "Success" });

    /// <summary>The field a GOV.UK summary list shows against <paramref name="key"/> (its dd).</summary>
    public ILocator SummaryValue(string key) =>
        Page.Locator(".govuk-summary-list__row")
            .Filter(new() { Has = Page.GetByRole(AriaRole.Term).GetByText(key, new() { Exact = true }) })
            .GetByRole(AriaRole.Definition);

    /// <summary>The summary list key (dt) <paramref name="key"/>.</summary>
    public ILocator SummaryKey(string key) => Page.GetByRole(AriaRole.Term).GetByText(key, new() { Exact = true });

    /// <summary>Path of the page now shown, for example "/people/3f2…".</summary>
    public string Path => new Uri(Page.Url).AbsolutePath;
}

/// <summary>The GOV.UK error summary: "There is a problem", then a link to each field in error.</summary>
public sealed class ErrorSummary(IPage page)
{
    public ILocator Root { get; } = page.GetByRole(AriaRole.Alert)
        .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" }) });

    public ILocator Title => Root.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" });

    public ILocator Links => Root.GetByRole(AriaRole.Link);

    public ILocator Link(string message) => Root.GetByRole(AriaRole.Link, new() { Name = message, Exact = true });
}
