using Casefile.Data.Documents;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Casefile.Web.Features.Documents;

/// <summary>
/// Reads a multipart upload one section at a time, straight off the request: the text fields are
/// collected and the one file is handed to <c>onFile</c> as a stream while it arrives, so a
/// 50 MB document never sits whole in memory (nor in ASP.NET's form buffer). The request's size
/// limit is raised to the configured maximum on these endpoints only.
/// </summary>
public static class MultipartUpload
{
    /// <summary>Room for the other fields and the multipart framing around the file.</summary>
    private const long Overhead = 1024 * 1024;

    private const int MaxFieldLength = 10_000;

    public sealed record Fields(IReadOnlyDictionary<string, string> Values, string? FileName)
    {
        public string? this[string name] => Values.TryGetValue(name, out var v) ? v : null;
    }

    public static async Task<Fields> ReadAsync(HttpRequest request, long maxFileBytes, Func<Stream, string, Task> onFile, CancellationToken ct)
    {
        var sizeLimit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false }) sizeLimit.MaxRequestBodySize = maxFileBytes + Overhead;
        if (request.ContentLength > maxFileBytes + Overhead)
            throw new UploadRefusedException(StatusCodes.Status413PayloadTooLarge, DocumentTooLargeException.Rule,
                new DocumentTooLargeException(maxFileBytes).Message);

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, "multipart-required", "Send the file as multipart/form-data with the file in the field named 'file'.");
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary))
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, "multipart-required", "The upload has no multipart boundary.");

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? fileName = null;
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
            {
                // IsFormDisposition() means a plain field (no file name); a file is form-data too.
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (!name.Equals("file", StringComparison.OrdinalIgnoreCase) || fileName is not null)
                        throw new UploadRefusedException(StatusCodes.Status400BadRequest, "one-file", "Send one file, in the field named 'file'.");
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    await onFile(section.Body, fileName);
                }
                else
                {
                    using var text = new StreamReader(section.Body);
                    var buffer = new char[MaxFieldLength + 1];
                    var read = await text.ReadBlockAsync(buffer, ct);
                    if (read > MaxFieldLength)
                        throw new UploadRefusedException(StatusCodes.Status400BadRequest, "too-long", $"Must be {MaxFieldLength} characters or fewer", name);
                    values[name] = new string(buffer, 0, read);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new UploadRefusedException(StatusCodes.Status413PayloadTooLarge, DocumentTooLargeException.Rule,
                new DocumentTooLargeException(maxFileBytes).Message);
        }
        catch (InvalidDataException e)
        {
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, "multipart-invalid", $"The upload could not be read: {e.Message}");
        }
        if (fileName is null)
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, "required", "Choose a file to upload");
        return new Fields(values, fileName);
    }
}
