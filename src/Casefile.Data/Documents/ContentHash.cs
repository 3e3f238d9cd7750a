using System.Security.Cryptography;
using Casefile.Domain.Documents;

namespace Casefile.Data.Documents;

/// <summary>Hashing and spooling shared by every content store.</summary>
public static class ContentHash
{
    private const int BufferSize = 81920;

    /// <summary>True for a lower-case 64-digit hex SHA-256, the only shape a content address may have
    /// (which also keeps a caller's string from ever naming a path outside the store).</summary>
    public static bool IsValid(string? hash) =>
        hash is { Length: 64 } && hash.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static string Require(string hash) =>
        IsValid(hash) ? hash : throw new ArgumentException("A content hash is 64 lower-case hexadecimal digits.", nameof(hash));

    /// <summary>
    /// Copies <paramref name="content"/> to <paramref name="destination"/> a buffer at a time,
    /// hashing and counting as it goes and keeping the first bytes for type detection.
    /// </summary>
    public static async Task<(string Hash, long Size, DetectedFileType Type)> SpoolAsync(
        Stream content, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[FileTypeDetector.SniffLength];
        var headLength = 0;
        var buffer = new byte[BufferSize];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes) throw new DocumentTooLargeException(maxBytes);
            if (headLength < head.Length)
            {
                var take = Math.Min(read, head.Length - headLength);
                Buffer.BlockCopy(buffer, 0, head, headLength, take);
                headLength += take;
            }
            sha.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        if (total == 0) throw new EmptyDocumentException();
        var type = FileTypeDetector.Detect(head.AsSpan(0, headLength), isWholeFile: total == headLength);
        return (Convert.ToHexStringLower(sha.GetHashAndReset()), total, type);
    }

    /// <summary>Hashes a whole stream (reading it to the end).</summary>
    public static async Task<string> ComputeAsync(Stream content, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            sha.AppendData(buffer, 0, read);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
