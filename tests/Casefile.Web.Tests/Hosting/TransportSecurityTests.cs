using System.Net;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Casefile.Web.Tests.Hosting;

/// <summary>Behind a TLS-ending proxy: the proxy's headers are believed only when configured, and only from it.</summary>
public sealed class TransportSecurityTests
{
    private static async Task<HttpResponseMessage> SignInPageThroughProxyAsync(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://casefile.council.example") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task SignInPage_WhenForwardedHeadersAreEnabled_IsTreatedAsHttpsWithHstsAndSecureCookies()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        await using var proxied = app.WithWebHostBuilder(b => b.UseSetting("Casefile:ForwardedHeaders:Enabled", "true"));

        using var response = await SignInPageThroughProxyAsync(proxied);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
        response.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignInPage_WhenForwardedHeadersAreNotEnabled_IgnoresTheClaimedHttps()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);

        using var response = await SignInPageThroughProxyAsync(app);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        response.Headers.GetValues("Set-Cookie").ShouldNotContain(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
