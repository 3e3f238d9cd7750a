using Microsoft.Playwright;

namespace Casefile.Browser.Tests.Pages;

public sealed class SignInPage(IPage page) : CasefilePage(page)
{
    /// <summary>Every demo user's password (DemoSeeder.Password).</summary>
    public const string DemoPassword = "casefile-demo";

    public ILocator UserName => Page.GetByLabel("Username", new() { Exact = true });

    public ILocator Password => Page.GetByLabel("Password", new() { Exact = true });

    public ILocator SignInButton => Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public static async Task<SignInPage> GotoAsync(IPage page)
    {
        await page.GotoAsync("/account/sign-in");
        return new SignInPage(page);
    }

    public async Task<MyCasesPage> SignInAsync(string userName, string password = DemoPassword)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        return new MyCasesPage(Page);
    }

    /// <summary>Signs in from a fresh page and lands on My cases.</summary>
    public static async Task<MyCasesPage> SignInAsync(IPage page, string userName) =>
        await (await GotoAsync(page)).SignInAsync(userName);
}
