using System.Net;
using System.Net.Http.Headers;
using Casefile.Web.Auth;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Web.Tests.Auth;

public sealed class AuthTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Api_WhenNoToken_Answers401ProblemDetails(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        (await client.GetJsonAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await client.GetJsonAsync($"/api/v1/cases/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Api_WhenTokenIsWrongOrRevoked_Answers401(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "cf_not-a-real-token");
        (await client.GetJsonAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);

        var token = await app.WithServicesAsync(async sp =>
        {
            var user = await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Identity.StaffUser>>().FindByNameAsync("ben.carter");
            return (await sp.GetRequiredService<ApiTokens>().IssueAsync(user!.Id, "revoke me", null, default)).Token;
        });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.GetJsonAsync("/api/v1/me")).Status.ShouldBe(HttpStatusCode.OK);

        (await app.WithServicesAsync(sp => sp.GetRequiredService<ApiTokens>().RevokeAsync(token, null, default))).ShouldBe(1);
        (await client.GetJsonAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Api_WhenTokenExpiredOrUserDeactivated_Answers401(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var userName = "temp." + Guid.NewGuid().ToString("N")[..8];
        var (expiring, lasting) = await app.WithServicesAsync(async sp =>
        {
            (await Cli.UserAccounts.CreateAsync(sp, userName, "Temp Worker", Domain.Staff.StaffRole.SocialWorker, null, null, "a long enough password")).Succeeded.ShouldBeTrue();
            var user = await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Identity.StaffUser>>().FindByNameAsync(userName);
            var tokens = sp.GetRequiredService<ApiTokens>();
            return ((await tokens.IssueAsync(user!.Id, "short", TimeSpan.FromSeconds(1), default)).Token, (await tokens.IssueAsync(user.Id, "long", null, default)).Token);
        });
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", lasting);
        var (status, me) = await client.GetJsonAsync("/api/v1/me");
        status.ShouldBe(HttpStatusCode.OK);
        me.Str("userName").ShouldBe(userName);
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["social-worker"]);
        // Use is noted on the token (at most once a minute).
        (await app.WithDbAsync(d => d.ApiTokens.Where(t => t.Label == "long" && t.LastUsedAt != null).CountAsync(t => t.TokenHash == ApiTokens.Hash(lasting)))).ShouldBe(1);

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", expiring);
        (await client.GetJsonAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);

        await app.WithDbAsync(d => d.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", lasting);
        (await client.GetJsonAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Me_WhenToken_ActsAsExactlyThatUser(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (status, me) = await (await app.ClientAsync("daniel.hughes")).GetJsonAsync("/api/v1/me");
        status.ShouldBe(HttpStatusCode.OK);
        me.Str("userName").ShouldBe("daniel.hughes");
        me.Str("team").ShouldBe("Northgate Children's Team");
        me.Str("lineManager").ShouldBe("priya.shah");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["practice-manager"]);
    }

    [Fact]
    public async Task Tokens_WhenStored_AreHashesNotTheToken()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (record, token) = await app.WithServicesAsync(async sp =>
        {
            var user = await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Identity.StaffUser>>().FindByNameAsync("olu.bello");
            return await sp.GetRequiredService<ApiTokens>().IssueAsync(user!.Id, null, null, default);
        });
        record.TokenHash.ShouldNotContain(token[3..]);
        record.TokenHash.ShouldBe(ApiTokens.Hash(token));
        record.TokenHash.Length.ShouldBe(64);
    }

    [Fact]
    public async Task OpenApi_WhenSignedIn_DescribesTheApi()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        (await anonymous.GetAsync("/openapi/v1.json")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);

        var client = await app.ClientAsync("amara.osei");
        var (status, doc) = await client.GetJsonAsync("/openapi/v1.json");
        status.ShouldBe(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/referrals/{id}/accept");
        paths.ShouldContain("/api/v1/cases/{caseId}");
        (await client.GetAsync("/api/reference/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_WhenAnonymous_RedirectToSignIn_AndHealthIsOpen()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var page in new[] { "/", "/people", "/referrals", $"/cases/{Guid.NewGuid()}", "/people/new" })
        {
            var response = await client.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Headers.Location!.ToString().ShouldStartWith("http://localhost/account/sign-in");
        }
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/account/sign-in")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Responses_Always_CarrySecurityHeaders()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var response = await app.CreateClient().GetAsync("/account/sign-in");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Api_WhenUnknownPath_Answers404ProblemDetails()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        (await (await app.ClientAsync("amara.osei")).GetJsonAsync("/api/v1/no-such-thing")).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
