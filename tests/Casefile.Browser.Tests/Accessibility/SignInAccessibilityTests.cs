using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Accessibility;

/// <summary>
/// axe-core on the sign-in page. Like the other accessibility tests, each page is checked in
/// the state a worker meets it (with errors shown, with results): automated checks find only
/// part of what a screen reader user meets, but what they find is always a real barrier.
/// </summary>
public sealed class SignInAccessibilityTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task SignIn_WhenFirstShown_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync();
        var signIn = await SignInPage.GotoAsync(session.Page);
        await Expect(signIn.Heading).ToHaveTextAsync("Sign in to Casefile");

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task SignIn_WhenShowingErrors_HasNoAxeViolations()
    {
        await using var session = await fixture.StartSessionAsync();
        var signIn = await SignInPage.GotoAsync(session.Page);
        await signIn.SignInButton.ClickAsync();
        await Expect(signIn.ErrorSummary.Title).ToBeVisibleAsync();

        await session.Page.ShouldHaveNoAxeViolationsAsync();
    }
}
