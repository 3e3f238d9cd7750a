namespace Casefile.Data.Documents;

/// <summary>Base of the content store's own failures, so a handler can map them to problem details.</summary>
public abstract class DocumentStorageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The upload was larger than allowed; thrown as soon as the limit is passed.</summary>
public sealed class DocumentTooLargeException(long maxBytes)
    : DocumentStorageException($"The file is too large. Files must be {DescribeSize(maxBytes)} or smaller.")
{
    public const string Rule = "file-too-large";
    public long MaxBytes { get; } = maxBytes;

    public static string DescribeSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024} KB",
        _ => $"{bytes} bytes",
    };
}

/// <summary>The upload had no bytes at all.</summary>
public sealed class EmptyDocumentException() : DocumentStorageException("The selected file is empty.")
{
    public const string Rule = "file-empty";
}

public sealed class StoredContentNotFoundException(string hash)
    : DocumentStorageException($"No stored content has the hash {hash}.")
{
    public string Hash { get; } = hash;
}

/// <summary>
/// The bytes in storage no longer have the hash they were stored under: they were changed or
/// damaged outside Casefile. Never serve them; this needs investigating as a data breach or loss.
/// </summary>
public sealed class StoredContentAlteredException(string hash, string actualHash)
    : DocumentStorageException($"The stored content {hash} has been altered: its bytes now hash to {actualHash}.")
{
    public string Hash { get; } = hash;
    public string ActualHash { get; } = actualHash;
}
