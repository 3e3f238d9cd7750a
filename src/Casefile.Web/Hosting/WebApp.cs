using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Casefile.Data;
using Casefile.Data.Audit;
using Casefile.Data.Documents;
using Casefile.Data.Identity;
using Casefile.Domain.Access;
using Casefile.Domain.Emails;
using Casefile.Web.Auth;
using Casefile.Web.Demo;
using Casefile.Web.Features;
using Casefile.Web.Features.Emails;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Casefile.Web.Hosting;

/// <summary>Builds the one executable's web application: services, then the request pipeline.</summary>
public static class WebApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        if (!HasListenSettings(builder.Configuration)) builder.WebHost.UseUrls(DefaultUrl);
        builder.WebHost.UseStaticWebAssets();
        AddServices(builder.Services, builder.Configuration);
        return builder;
    }

    /// <summary>Where the server listens when nothing says otherwise: the same address as <c>dotnet run</c>'s launch profile.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// Whether the standard hosting settings say where to listen: <c>ASPNETCORE_URLS</c> or
    /// <c>DOTNET_URLS</c>, <c>--urls</c> or <c>Urls</c> (all the key <c>urls</c>),
    /// <c>ASPNETCORE_HTTP_PORTS</c> and <c>ASPNETCORE_HTTPS_PORTS</c>, or Kestrel endpoints. Those
    /// win; <see cref="DefaultUrl"/> is only the fallback, so it is set in code rather than in
    /// appsettings.json (where it would override the environment).
    /// </summary>
    public static bool HasListenSettings(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    public static WebApplication Build(string[] args)
    {
        var app = CreateBuilder(args).Build();
        UsePipeline(app);
        return app;
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CasefileOptions>(configuration.GetSection("Casefile"));
        // Read when first needed, not now, so test hosts and the command line can supply their own settings.
        services.AddSingleton(sp => DatabaseConfiguration.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            return AuditSigner.FromKeyOrFile(config["Casefile:Audit:SigningKey"], Path.GetFullPath(config["Casefile:DataDirectory"] ?? "data"));
        });
        services.AddSingleton<AuditChainInterceptor>();
        services.AddScoped<AuditVerifier>();
        services.AddDbContext<AppDbContext>((sp, o) =>
        {
            sp.GetRequiredService<DatabaseSettings>().Apply(o);
            o.AddInterceptors(sp.GetRequiredService<AuditChainInterceptor>());
        });
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        AddProxyAndTransportSecurity(services, configuration);

        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<CaseScope>();
        services.AddScoped<BurstGuard>();
        services.AddScoped<BurstAlerts>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<DemoSeeder>();
        services.AddFeatureHandlers();
        // Read when first needed, like the database settings: test hosts supply their own.
        services.AddDocumentStorage();
        services.AddSingleton(sp => new EmailMessageReader(sp.GetRequiredService<DocumentStorageOptions>().MaxUploadBytes));
        services.AddSingleton(sp => new LegalServicesAddresses(
            sp.GetRequiredService<IConfiguration>().GetSection("Casefile:Emails:LegalServicesAddresses").Get<string[]>() ?? []));
        services.AddHostedService<DatabaseStartup>();
        services.Configure<Features.Retention.RetentionOptions>(configuration.GetSection("Casefile:Retention"));
        services.AddHostedService<Features.Retention.RetentionSweepJob>();

        AddSignIn(services);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Casefile API";
            doc.Info.Description = "The electronic case record for Children and Family Services. Authenticate with `Authorization: Bearer <token>`; tokens are issued with `tokens issue --user U`.";
            return Task.CompletedTask;
        }));

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
            o.Conventions.AllowAnonymousToPage("/Errors/Status");
        }).AddMvcOptions(o =>
        {
            o.Filters.Add<PageErrorFilter>();
        });
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "casefile-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is HTTPS (directly or through a trusted proxy); the default never marks it.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
    }

    private static void AddSignIn(IServiceCollection services)
    {
        services.AddIdentity<StaffUser, IdentityRole<Guid>>(o =>
            {
                // NCSC guidance: length over composition rules, and a lockout against guessing.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789.-_@";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "casefile";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/errors/403";
            o.ReturnUrlParameter = "returnUrl";
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = c => ApiAware(c, StatusCodes.Status403Forbidden),
                OnValidatePrincipal = SessionLimits.ValidateAsync,
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<CasefileOptions>>((o, casefile) => o.ExpireTimeSpan = TimeSpan.FromMinutes(casefile.Value.IdleTimeoutMinutes));
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            o.OnRefreshingPrincipal = SessionLimits.KeepSignInTime;
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "casefile";
                o.DefaultAuthenticateScheme = "casefile";
                o.DefaultChallengeScheme = "casefile";
                o.DefaultForbidScheme = "casefile";
            })
            .AddPolicyScheme("casefile", "Cookie or bearer token", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        // Deny by default: every endpoint and page needs a signed-in, active user unless it says otherwise.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.CaseWork, p => p.RequireAuthenticatedUser().AddRequirements(new StaffCapabilityRequirement(StaffCapability.WorkWithCases)))
            .AddPolicy(Policies.FrontDoor, p => p.RequireAuthenticatedUser().AddRequirements(new StaffCapabilityRequirement(StaffCapability.WorkWithCases)))
            .AddPolicy(Policies.Administer, p => p.RequireAuthenticatedUser().AddRequirements(new StaffCapabilityRequirement(StaffCapability.Administer)))
            .AddPolicy(Policies.AdminTasks, p => p.RequireAuthenticatedUser().AddRequirements(new StaffCapabilityRequirement(StaffCapability.DoAdminTasks)));
        // Role gates are the domain's (StaffPolicy), asked of the roles read from the database, not the cookie's claims.
        services.AddScoped<IAuthorizationHandler, StaffCapabilityHandler>();
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(statusCode: status,
                title: status == 401 ? "Sign in needed" : "You do not have access",
                detail: status == 401 ? "Send an API token as 'Authorization: Bearer <token>'." : "Your role does not allow this.")
                .ExecuteAsync(context.HttpContext);
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Behind a reverse proxy that ends TLS, the proxy's X-Forwarded-For and X-Forwarded-Proto are
    /// believed only when <c>Casefile:ForwardedHeaders:Enabled</c> is set, and only from the proxies
    /// listed in <c>Casefile:ForwardedHeaders:KnownProxies</c> (loopback when none are listed), so the
    /// sign-in cookie is marked Secure and the audit trail sees the user's address. HSTS is sent on
    /// HTTPS outside Development; <c>Casefile:RequireHttps</c> redirects plain HTTP.
    /// </summary>
    private static void AddProxyAndTransportSecurity(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            var proxies = configuration.GetSection("Casefile:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
            foreach (var proxy in proxies)
            {
                if (!IPAddress.TryParse(proxy, out var address))
                    throw new InvalidOperationException($"Casefile:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.");
                o.KnownProxies.Add(address);
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    public static void UsePipeline(WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Casefile:ForwardedHeaders:Enabled")) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        if (app.Configuration.GetValue<bool>("Casefile:RequireHttps")) app.UseHttpsRedirection();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/errors/500",
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(ApiStatusProblem));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), web => web.UseStatusCodePagesWithReExecute("/errors/{0}"));
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("Casefile API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
        app.MapApi();
    }

    /// <summary>API errors without a body get problem details.</summary>
    private static async Task ApiStatusProblem(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = http.Response.StatusCode,
                Title = http.Response.StatusCode switch
                {
                    404 => "Not found",
                    405 => "That method is not allowed here",
                    415 => "Send the request body as JSON (Content-Type: application/json)",
                    _ => "The request could not be completed",
                },
            },
        });
    }
}

public static class Policies
{
    public const string CaseWork = "case-work";
    public const string FrontDoor = "front-door";
    public const string Administer = "administer";
    public const string AdminTasks = "admin-tasks";
}

/// <summary>An endpoint or page open only to staff with a capability of <see cref="StaffPolicy"/>.</summary>
public sealed record StaffCapabilityRequirement(StaffCapability Capability) : IAuthorizationRequirement;

/// <summary>
/// Decides <see cref="StaffCapabilityRequirement"/> from the viewer's roles as the database holds them
/// now (<see cref="CurrentUser.ViewerAsync"/>), so a change of role takes effect at the next request.
/// </summary>
public sealed class StaffCapabilityHandler(CurrentUser user) : AuthorizationHandler<StaffCapabilityRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffCapabilityRequirement requirement)
    {
        if (!user.IsSignedIn) return;
        if ((await user.ViewerAsync()).May(requirement.Capability)) context.Succeed(requirement);
    }
}
