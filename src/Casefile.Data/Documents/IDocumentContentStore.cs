using Casefile.Domain.Documents;

namespace Casefile.Data.Documents;

/// <summary>What was stored: the content's SHA-256 (its address), its length and its real type.</summary>
/// <param name="AlreadyStored">True when the same bytes were stored before, so nothing new was written.</param>
public sealed record StoredContent(string Hash, long Size, DetectedFileType DetectedType, bool AlreadyStored);

/// <summary>
/// The bytes of documents on a child's record, addressed by their SHA-256 so the same file is kept
/// once however often it is attached, and so any change to stored bytes is detectable. Knows
/// nothing of cases or people: the database records which document points at which hash.
/// </summary>
public interface IDocumentContentStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into the store without holding it in memory. Throws
    /// <see cref="DocumentTooLargeException"/> as soon as more than <paramref name="maxBytes"/>
    /// arrive and <see cref="EmptyDocumentException"/> for no bytes at all; on any failure or
    /// cancellation nothing is left behind.
    /// </summary>
    Task<StoredContent> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens stored content for reading after checking it still has the hash it was stored under.
    /// Throws <see cref="StoredContentNotFoundException"/> or <see cref="StoredContentAlteredException"/>.
    /// </summary>
    Task<Stream> OpenReadAsync(string hash, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string hash, CancellationToken cancellationToken = default);

    /// <summary>Removes the content (lawful disposal). Returns false when there was nothing to remove.</summary>
    Task<bool> DeleteAsync(string hash, CancellationToken cancellationToken = default);
}
