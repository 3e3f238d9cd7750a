namespace Casefile.Web.Hosting;

/// <summary>
/// Headers that keep children's records out of caches, frames and other sites. Pages load only
/// their own scripts and styles; the API reference page is the one exception, for its viewer.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Strict =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private const string ApiReference =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/reference") ? ApiReference : Strict;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (!IsStaticAsset(context.Request.Path)) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/govuk") || path.StartsWithSegments("/assets") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js");
}
