using System.Net;
using System.Text.RegularExpressions;

namespace Casefile.Web.Tests.Infrastructure;

/// <summary>Drives the HTML pages as a browser would (cookies and antiforgery tokens), without a browser.</summary>
public sealed partial class Browserless(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static async Task<Browserless> SignedInAsync(CasefileApp app, string userName, string password = Demo.DemoSeeder.Password)
    {
        var session = new Browserless(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        var response = await session.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign in should redirect");
        return session;
    }

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Fetches the form page for its antiforgery token, then posts the fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await GetHtmlAsync(formPage ?? url);
        var token = TokenPattern().Match(page);
        token.Success.ShouldBeTrue($"no antiforgery token on {formPage ?? url}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await Client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
