using Casefile.Web.Cli;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Web.Tests.Hosting;

public sealed class CommandLineTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(CasefileApp app, string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, new StringReader(stdin), output, error, app.Settings);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UsersAdd_WhenNewTeam_CreatesTheUserAndTheTeam(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var name = "cli." + Guid.NewGuid().ToString("N")[..8];

        var (exit, _, err) = await RunAsync(app, "a long enough password\n", "users", "add", "--username", name, "--display-name", "Cli Person",
            "--role", "social-worker", "--team", "Eastbrook Team " + name, "--manager", "daniel.hughes", "--password-stdin");

        exit.ShouldBe(0, err);
        var user = await app.WithServicesAsync(sp => sp.GetRequiredService<UserManager<Data.Identity.StaffUser>>().FindByNameAsync(name));
        user.ShouldNotBeNull();
        user.DisplayName.ShouldBe("Cli Person");
        var roles = await app.WithServicesAsync(sp => sp.GetRequiredService<UserManager<Data.Identity.StaffUser>>().GetRolesAsync(user));
        roles.ShouldBe(["social-worker"]);

        var again = await RunAsync(app, "a long enough password\n", "users", "add", "--username", name, "--display-name", "Cli Person",
            "--role", "social-worker", "--team", "Eastbrook Team " + name, "--password-stdin");
        again.Exit.ShouldNotBe(0);
        again.Err.ShouldContain("already exists");
    }

    [Theory]
    [InlineData("users", "add", "--username", "x", "--display-name", "X", "--role", "wizard", "--team", "T", "--password-stdin")]
    [InlineData("users", "add", "--display-name", "X", "--role", "social-worker", "--team", "T", "--password-stdin")]
    [InlineData("users", "add", "--username", "x", "--display-name", "X", "--role", "social-worker", "--team", "T", "--password", "secret")]
    [InlineData("users", "add", "--username", "x", "--display-name", "X", "--role", "social-worker", "--password-stdin")]
    [InlineData("tokens", "revoke")]
    [InlineData("frobnicate")]
    public async Task Commands_WhenArgumentsAreWrong_ExitNonZeroWithUsage(params string[] args)
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (exit, _, err) = await RunAsync(app, "a long enough password\n", args);
        exit.ShouldBe(2);
        err.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task UsersAdd_WhenPasswordTooShort_SaysWhyAndAddsNobody()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (exit, _, err) = await RunAsync(app, "short\n", "users", "add", "--username", "too.short", "--display-name", "X",
            "--role", "social-worker", "--team", "Team That Must Not Appear", "--password-stdin");
        exit.ShouldBe(1);
        err.ShouldContain("12");
        (await app.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(d.Teams, t => t.Name == "Team That Must Not Appear"))).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task TokensIssue_WhenUserExists_PrintsTheTokenAloneAndItWorksUntilRevoked(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (exit, output, err) = await RunAsync(app, "", "tokens", "issue", "--user", "hannah.price", "--label", "test");
        exit.ShouldBe(0, err);
        var token = output.Trim();
        output.ShouldBe(token + Environment.NewLine);
        token.ShouldStartWith("cf_");

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await client.GetJsonAsync("/api/v1/me")).Body.Str("userName").ShouldBe("hannah.price");

        (await RunAsync(app, "", "tokens", "revoke", "--token", token)).Exit.ShouldBe(0);
        (await client.GetJsonAsync("/api/v1/me")).Status.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        (await RunAsync(app, "", "tokens", "issue", "--user", "nobody.at.all")).Exit.ShouldBe(1);
    }

    private static async Task<System.Net.HttpStatusCode> SignInAsync(CasefileApp app, string userName, string password)
    {
        var session = new Browserless(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        var response = await session.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        return response.StatusCode;
    }

    private static async Task<string> NewUserAsync(CasefileApp app, string password)
    {
        var name = "leaver." + Guid.NewGuid().ToString("N")[..8];
        var (exit, _, err) = await RunAsync(app, password + "\n", "users", "add", "--username", name, "--display-name", "Lee Ver",
            "--role", "social-worker", "--team", "Northgate Children's Team", "--manager", "daniel.hughes", "--password-stdin");
        exit.ShouldBe(0, err);
        return name;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UsersDisable_WhenAWorkerLeaves_TheyCannotSignInAndTheirTokensStopUntilEnabled(Db db)
    {
        var app = await TestApps.GetAsync(db);
        const string password = "a long enough password";
        var name = await NewUserAsync(app, password);
        var (_, token, _) = await RunAsync(app, "", "tokens", "issue", "--user", name);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Trim());
        (await client.GetJsonAsync("/api/v1/me")).Status.ShouldBe(System.Net.HttpStatusCode.OK);

        var (exit, _, err) = await RunAsync(app, "", "users", "disable", "--username", name);

        exit.ShouldBe(0, err);
        err.ShouldContain("1 API token(s) were revoked");
        (await client.GetJsonAsync("/api/v1/me")).Status.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        (await SignInAsync(app, name, password)).ShouldBe(System.Net.HttpStatusCode.OK); // the form again, with an error
        (await RunAsync(app, "", "tokens", "issue", "--user", name)).Exit.ShouldBe(1);

        (await RunAsync(app, "", "users", "enable", "--username", name)).Exit.ShouldBe(0);
        (await SignInAsync(app, name, password)).ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await RunAsync(app, "", "users", "disable", "--username", "nobody.at.all")).Exit.ShouldBe(1);
    }

    [Fact]
    public async Task UsersResetPassword_WhenNewPasswordIsGiven_OnlyItWorksAndAShortOneIsRefused()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var name = await NewUserAsync(app, "the first long password");

        var refused = await RunAsync(app, "short\n", "users", "reset-password", "--username", name, "--password-stdin");
        refused.Exit.ShouldBe(1);
        refused.Err.ShouldNotBeNullOrWhiteSpace();
        (await SignInAsync(app, name, "the first long password")).ShouldBe(System.Net.HttpStatusCode.Redirect);

        var (exit, _, err) = await RunAsync(app, "the second long password\n", "users", "reset-password", "--username", name, "--password-stdin");

        exit.ShouldBe(0, err);
        (await SignInAsync(app, name, "the first long password")).ShouldBe(System.Net.HttpStatusCode.OK);
        (await SignInAsync(app, name, "the second long password")).ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await RunAsync(app, "", "users", "reset-password", "--username", name)).Exit.ShouldBe(2);
    }

    [Fact]
    public async Task UsersUnlock_AfterTooManyFailedSignIns_LetsThemSignInAgain()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        const string password = "a long enough password";
        var name = await NewUserAsync(app, password);
        for (var i = 0; i < 5; i++) await SignInAsync(app, name, "wrong password " + i);
        (await SignInAsync(app, name, password)).ShouldBe(System.Net.HttpStatusCode.OK);

        var (exit, _, err) = await RunAsync(app, "", "users", "unlock", "--username", name);

        exit.ShouldBe(0, err);
        (await SignInAsync(app, name, password)).ShouldBe(System.Net.HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SeedDemo_WhenDatabaseHasUsers_AddsNothing()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (exit, _, err) = await RunAsync(app, "", "seed-demo");
        exit.ShouldBe(0);
        err.ShouldContain("nothing was added");
        (await app.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(d.Teams, t => t.Name == Demo.DemoTeam.Division))).ShouldBe(1);
    }

    [Fact]
    public async Task Help_Always_ListsEveryCommand()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (exit, output, _) = await RunAsync(app, "", "help");
        exit.ShouldBe(0);
        foreach (var command in new[] { "serve", "migrate", "seed-demo", "users add", "users disable", "users enable", "users unlock", "users reset-password", "tokens issue", "tokens revoke" })
            output.ShouldContain(command);
    }
}
