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
        // An IOException is the request's fault when the multipart reader raised it (the body ended
        // before the closing boundary: cut off, or empty); one from the store while it takes the
        // file in (a full disk) is the server's, and stays a 500.
        var inFile = false;
        SectionBody? file = null;
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
                    inFile = true;
                    await onFile(file = new SectionBody(section.Body), fileName);
                    inFile = false;
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
        catch (Exception e) when ((e is IOException && !inFile) || file?.Failed == true)
        {
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, "multipart-incomplete",
                "The upload ended before the whole file arrived (the request was empty or cut off). Send it again.");
        }
        if (fileName is null)
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, "required", "Choose a file to upload");
        return new Fields(values, fileName);
    }

    /// <summary>The file's part of the request, noting when reading it failed because the request ended too soon.</summary>
    private sealed class SectionBody(Stream inner) : Stream
    {
        public bool Failed { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return inner.Read(buffer, offset, count);
            }
            catch (IOException)
            {
                Failed = true;
                throw;
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException)
            {
                Failed = true;
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
