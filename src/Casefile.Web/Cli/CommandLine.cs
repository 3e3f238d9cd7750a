using Casefile.Data;
using Casefile.Data.Identity;
using Casefile.Domain.Staff;
using Casefile.Web.Auth;
using Casefile.Web.Demo;
using Casefile.Web.Features.Referrals;
using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Cli;

/// <summary>
/// The command line of the one executable. With no command (or <c>serve</c>) it runs the web
/// service; the other commands work on the same configured database and exit.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: Casefile.Web [command] [options]

        Commands:
          serve                     Run the web service (the default).
          migrate                   Apply database migrations and exit.
          seed-demo                 Add the demo service (users, teams, children) to an empty database.
          users add --username U --display-name N --role R [--team T] [--manager M] --password-stdin
                                    Add a user. --team is needed for every role but legal,
                                    records-manager and administrator; a new team name creates
                                    the team. The password is read
                                    from standard input. Roles: social-worker, practice-manager,
                                    principal-manager, divisional-manager, admin-officer, legal,
                                    records-manager, administrator.
          users disable --username U
                                    Stop a leaver or a lost account signing in: ends their sessions
                                    and revokes their API tokens. Their name stays on the records.
          users enable --username U Let a disabled user sign in again (also lifts a lockout).
          users unlock --username U Lift the lockout after too many failed sign-ins.
          users reset-password --username U --password-stdin
                                    Set a new password (read from standard input); ends their sessions.
          tokens issue --user U [--label L] [--expires-in-days N]
                                    Issue an API token for a user; prints the token alone.
          tokens revoke (--token T | --prefix P | --user U)
                                    Revoke one token, or every token of a user.
          audit verify              Recompute the audit trail's hash chain and check its signed
                                    checkpoints; names the first event altered, removed or reordered
                                    and exits 1 if the chain is broken.
          retention sweep [--dry-run]
                                    Find closed files whose retention date or review date has
                                    come (policy 8) and put them on the records managers' lists;
                                    --dry-run lists them without saving. Prints one line per file.
          help                      Show this text.

        Configuration comes from appsettings.json and environment variables, for example
          Database__Provider=Postgres  ConnectionStrings__Casefile=...  Casefile__DataDirectory=./data
        """;

    /// <param name="settings">Configuration that overrides appsettings and the environment (used by tests).</param>
    public static async Task<int> RunAsync(string[] args, TextReader? stdin = null, TextWriter? stdout = null, TextWriter? stderr = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        Settings.Value = settings;
        stdin ??= Console.In;
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;

        try
        {
            switch (command)
            {
                case "serve":
                    await WebApp.Build(rest).RunAsync();
                    return 0;
                case "help" or "--help" or "-h":
                    await stdout.WriteLineAsync(Usage);
                    return 0;
                case "migrate":
                    return await WithServicesAsync(async (_, _) => { await stderr.WriteLineAsync("Database is up to date."); return 0; });
                case "seed-demo":
                    return await WithServicesAsync(async (sp, ct) =>
                    {
                        var seeded = await sp.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(ct);
                        await stderr.WriteLineAsync(seeded ? "Demo service added." : "The database already has users: nothing was added.");
                        return 0;
                    });
                case "users" when rest.Length > 0 && rest[0] == "add":
                    return await AddUserAsync(Options.Parse(rest[1..]), stdin, stdout, stderr);
                case "users" when rest.Length > 0 && rest[0] is "disable" or "enable" or "unlock" or "reset-password":
                    return await ChangeAccountAsync(rest[0], Options.Parse(rest[1..]), stdin, stderr);
                case "tokens" when rest.Length > 0 && rest[0] == "issue":
                    return await IssueTokenAsync(Options.Parse(rest[1..]), stdout, stderr);
                case "audit" when rest.Length > 0 && rest[0] == "verify":
                    Options.Parse(rest[1..]).EnsureNoneLeft();
                    return await WithServicesAsync(async (sp, ct) =>
                    {
                        var result = await sp.GetRequiredService<Data.Audit.AuditVerifier>().VerifyAsync(ct);
                        await (result.Intact ? stdout : stderr).WriteLineAsync(result.Message);
                        return result.Intact ? 0 : 1;
                    });
                case "retention" when rest.Length > 0 && rest[0] == "sweep":
                    return await RetentionSweepAsync(Options.Parse(rest[1..]), stdout, stderr);
                case "tokens" when rest.Length > 0 && rest[0] == "revoke":
                    return await RevokeTokenAsync(Options.Parse(rest[1..]), stderr);
                default:
                    await stderr.WriteLineAsync($"Unknown command '{string.Join(' ', args.Take(2))}'.");
                    await stderr.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync(e.Message);
            await stderr.WriteLineAsync("Run with 'help' for usage.");
            return 2;
        }
        catch (Data.DatabaseFromBeforeSquashException e)
        {
            // Said plainly, without a stack trace: the fix is to start with a new database.
            await stderr.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task<int> AddUserAsync(Options options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var userName = options.Required("username");
        var displayName = options.Required("display-name");
        var role = options.Required("role");
        var teamName = options.Optional("team");
        var managerName = options.Optional("manager");
        if (!options.Flag("password-stdin"))
            throw new UsageException("Give --password-stdin and type the password on standard input (passwords are never taken as arguments).");
        options.EnsureNoneLeft();
        if (!StaffRole.IsKnown(role))
            throw new UsageException($"Unknown role '{role}'. Roles: {string.Join(", ", StaffRole.All)}.");
        if (teamName is null && role is not (StaffRole.Administrator or StaffRole.Legal or StaffRole.RecordsManager))
            throw new UsageException($"A {role} needs a team: give --team.");
        var password = (await stdin.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password)) throw new UsageException("No password was given on standard input.");

        return await WithServicesAsync(async (sp, ct) =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            if (await users.FindByNameAsync(userName) is not null)
            {
                await stderr.WriteLineAsync($"A user called '{userName}' already exists.");
                return 1;
            }
            Guid? managerId = null;
            if (managerName is not null)
            {
                var manager = await users.FindByNameAsync(managerName);
                if (manager is null)
                {
                    await stderr.WriteLineAsync($"There is no user called '{managerName}' to be the line manager.");
                    return 1;
                }
                managerId = manager.Id;
            }
            // Check the password before anything is created, so a refused password leaves nothing behind.
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, new StaffUser { UserName = userName }, password);
                if (!check.Succeeded)
                {
                    foreach (var error in check.Errors) await stderr.WriteLineAsync(error.Description);
                    return 1;
                }
            }
            Team? team = null;
            if (teamName is not null)
            {
                team = await StaffLookup.FindTeamAsync(db, teamName, ct);
                if (team is null)
                {
                    team = new Team(Guid.NewGuid(), teamName);
                    db.Teams.Add(team);
                    await db.SaveChangesAsync(ct);
                    await stderr.WriteLineAsync($"Created team '{team.Name}'.");
                }
            }
            var result = await UserAccounts.CreateAsync(sp, userName, displayName, role, team?.Id, managerId, password);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) await stderr.WriteLineAsync(error.Description);
                return 1;
            }
            await stderr.WriteLineAsync($"Added {displayName} ({userName}) as {role}.");
            return 0;
        });
    }

    /// <summary>
    /// A leaver is disabled, never deleted: their name stays on every record they wrote. Disabling,
    /// a new password and enabling again each change the security stamp, so sessions end within the
    /// stamp check's interval (five minutes), and disabling revokes every API token at once.
    /// </summary>
    private static async Task<int> ChangeAccountAsync(string action, Options options, TextReader stdin, TextWriter stderr)
    {
        var userName = options.Required("username");
        var fromStdin = action == "reset-password" && options.Flag("password-stdin");
        options.EnsureNoneLeft();
        string? password = null;
        if (action == "reset-password")
        {
            if (!fromStdin)
                throw new UsageException("Give --password-stdin and type the new password on standard input (passwords are never taken as arguments).");
            password = (await stdin.ReadLineAsync())?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password)) throw new UsageException("No password was given on standard input.");
        }
        return await WithServicesAsync(async (sp, ct) =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                await stderr.WriteLineAsync($"There is no user called '{userName}'.");
                return 1;
            }
            IdentityResult result;
            var revoked = 0;
            switch (action)
            {
                case "disable":
                    user.IsActive = false;
                    result = await users.UpdateAsync(user);
                    if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
                    if (result.Succeeded) revoked = await sp.GetRequiredService<ApiTokens>().RevokeAsync(null, user.Id, ct);
                    break;
                case "enable":
                    user.IsActive = true;
                    result = await users.UpdateAsync(user);
                    if (result.Succeeded) result = await users.SetLockoutEndDateAsync(user, null);
                    if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
                    break;
                case "unlock":
                    result = await users.SetLockoutEndDateAsync(user, null);
                    if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
                    break;
                default:
                    // A reset token checks the new password before anything changes (and renews the security stamp).
                    result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password!);
                    break;
            }
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) await stderr.WriteLineAsync(error.Description);
                return 1;
            }
            await stderr.WriteLineAsync(action switch
            {
                "disable" => $"Disabled {user.DisplayName} ({user.UserName}): they cannot sign in, their sessions end within five minutes, and {revoked} API token(s) were revoked.",
                "enable" => $"{user.DisplayName} ({user.UserName}) can sign in again.",
                "unlock" => $"Unlocked {user.DisplayName} ({user.UserName}).",
                _ => $"Set a new password for {user.DisplayName} ({user.UserName}); their sessions end within five minutes.",
            });
            return 0;
        });
    }

    private static async Task<int> IssueTokenAsync(Options options, TextWriter stdout, TextWriter stderr)
    {
        var userName = options.Required("user");
        var label = options.Optional("label");
        var days = options.Optional("expires-in-days");
        options.EnsureNoneLeft();
        TimeSpan? lifetime = null;
        if (days is not null)
        {
            if (!int.TryParse(days, out var d) || d <= 0) throw new UsageException("--expires-in-days must be a whole number of days above 0.");
            lifetime = TimeSpan.FromDays(d);
        }
        return await WithServicesAsync(async (sp, ct) =>
        {
            var user = await sp.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName);
            if (user is null || !user.IsActive)
            {
                await stderr.WriteLineAsync($"There is no active user called '{userName}'.");
                return 1;
            }
            var (_, token) = await sp.GetRequiredService<ApiTokens>().IssueAsync(user.Id, label, lifetime, ct);
            await stdout.WriteLineAsync(token);
            return 0;
        });
    }

    private static async Task<int> RevokeTokenAsync(Options options, TextWriter stderr)
    {
        var token = options.Optional("token");
        var prefix = options.Optional("prefix");
        var userName = options.Optional("user");
        options.EnsureNoneLeft();
        if (new[] { token, prefix, userName }.Count(x => x is not null) != 1)
            throw new UsageException("Give exactly one of --token, --prefix or --user.");
        return await WithServicesAsync(async (sp, ct) =>
        {
            Guid? userId = null;
            if (userName is not null)
            {
                var user = await sp.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName);
                if (user is null)
                {
                    await stderr.WriteLineAsync($"There is no user called '{userName}'.");
                    return 1;
                }
                userId = user.Id;
            }
            var count = await sp.GetRequiredService<ApiTokens>().RevokeAsync(token ?? prefix, userId, ct);
            await stderr.WriteLineAsync(count == 0 ? "No matching active token was found." : $"Revoked {count} token(s).");
            return count == 0 ? 1 : 0;
        });
    }

    private static async Task<int> RetentionSweepAsync(Options options, TextWriter stdout, TextWriter stderr)
    {
        var dryRun = options.Flag("dry-run");
        options.EnsureNoneLeft();
        return await WithServicesAsync(async (sp, ct) =>
        {
            var clock = sp.GetRequiredService<TimeProvider>();
            var result = await sp.GetRequiredService<Features.Retention.RetentionSweep>().RunAsync(Infrastructure.LondonTime.Today(clock), dryRun, ct);
            foreach (var item in result.Items)
            {
                var kind = item.Kind == Domain.Retention.DisposalReviewKind.Disposal ? "disposal" : "review";
                await stdout.WriteLineAsync(FormattableString.Invariant($"{item.CaseReference}\t{kind}\t{item.DueOn:yyyy-MM-dd}\t{item.RuleId}\t{(item.New ? "new" : "listed")}"));
            }
            await stderr.WriteLineAsync(FormattableString.Invariant(
                $"{(dryRun ? "Dry run: nothing saved. " : "")}{result.ClosedFiles} closed files checked in {result.Took.TotalSeconds:0.0} s: {result.DueForDisposal} due for disposal, {result.DueForReview} due for review, {result.NewlyListed} newly listed, {result.NoLongerDue} no longer due."));
            return 0;
        });
    }

    /// <summary>Builds the app's services without serving, migrates the database, and runs one command.</summary>
    private static async Task<int> WithServicesAsync(Func<IServiceProvider, CancellationToken, Task<int>> action)
    {
        var builder = WebApp.CreateBuilder([], Settings.Value);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseMigrator.MigrateAsync(db);
        return await action(scope.ServiceProvider, CancellationToken.None);
    }

    private static readonly AsyncLocal<IReadOnlyDictionary<string, string?>?> Settings = new();

    private sealed class UsageException(string message) : Exception(message);

    /// <summary><c>--name value</c> and <c>--flag</c> options, each used at most once.</summary>
    private sealed class Options
    {
        private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                    throw new UsageException($"Unexpected argument '{arg}'.");
                var name = arg[2..];
                string? value = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
                else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
                if (!options._values.TryAdd(name, value)) throw new UsageException($"--{name} is given more than once.");
            }
            return options;
        }

        public string Required(string name) =>
            Optional(name) ?? throw new UsageException($"--{name} is required.");

        public string? Optional(string name)
        {
            if (!_values.Remove(name, out var value)) return null;
            if (string.IsNullOrWhiteSpace(value)) throw new UsageException($"--{name} needs a value.");
            return value.Trim();
        }

        public bool Flag(string name)
        {
            if (!_values.Remove(name, out var value)) return false;
            if (value is not null) throw new UsageException($"--{name} takes no value.");
            return true;
        }

        public void EnsureNoneLeft()
        {
            if (_values.Count > 0) throw new UsageException($"Unknown option --{_values.Keys.First()}.");
        }
    }
}

/// <summary>Creates staff accounts with their role, used by the command line and the demo seeder.</summary>
public static class UserAccounts
{
    public static async Task<IdentityResult> CreateAsync(IServiceProvider services, string userName, string displayName, string role,
        Guid? teamId, Guid? lineManagerId, string password)
    {
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var name in StaffRole.All)
            if (!await roles.RoleExistsAsync(name)) await roles.CreateAsync(new IdentityRole<Guid>(name) { Id = Guid.NewGuid() });
        var user = new StaffUser
        {
            Id = Guid.NewGuid(),
            UserName = userName.Trim().ToLowerInvariant(),
            DisplayName = displayName.Trim(),
            TeamId = teamId,
            LineManagerId = lineManagerId,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return result;
        return await users.AddToRoleAsync(user, role);
    }
}
