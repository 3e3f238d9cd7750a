using System.Net.Http.Headers;
using Casefile.Data.Documents;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Casefile.Web.Features.Documents;

/// <summary>
/// Lets a page call the same upload handler as the API. The page's form has to be read first
/// (antiforgery checks the token inside it), so the handler is given a request of its own whose
/// body is the page's fields and file in the API's multipart shape. The file is streamed from
/// ASP.NET's form buffer (a temporary file for anything but a small upload), not copied to memory.
/// </summary>
public static class PageUpload
{
    public static async Task<T> SendAsync<T>(HttpContext page, IFormFile? file, IEnumerable<KeyValuePair<string, string?>> fields,
        Func<HttpRequest, Task<T>> handler)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            if (value is not null) content.Add(new StringContent(value), name);
        Stream? fileStream = null;
        try
        {
            if (file is not null && !string.IsNullOrEmpty(file.FileName))
            {
                fileStream = file.OpenReadStream();
                var part = new StreamContent(fileStream);
                part.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
                content.Add(part, "file", file.FileName);
            }
            var context = new DefaultHttpContext { RequestServices = page.RequestServices };
            context.Request.Method = HttpMethods.Post;
            context.Request.ContentType = content.Headers.ContentType!.ToString();
            context.Request.Body = await content.ReadAsStreamAsync(page.RequestAborted);
            return await handler(context.Request);
        }
        finally
        {
            if (fileStream is not null) await fileStream.DisposeAsync();
        }
    }
}

/// <summary>
/// Raises the request size limits of an upload page to the configured document limit before the
/// form is read (antiforgery reads it before the page's handler runs).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the other fields and the multipart framing around the file.</summary>
    private const long Overhead = 1024 * 1024;

    public int Order => 0;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.HttpContext.RequestServices.GetRequiredService<DocumentStorageOptions>().MaxUploadBytes + Overhead;
        var size = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is { IsReadOnly: false }) size.MaxRequestBodySize = limit;
        var request = context.HttpContext.Request;
        if (request.HasFormContentType && context.HttpContext.Features.Get<IFormFeature>()?.Form is null)
            context.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
