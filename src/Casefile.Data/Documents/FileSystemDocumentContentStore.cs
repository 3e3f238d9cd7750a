namespace Casefile.Data.Documents;

/// <summary>
/// Keeps document content as files under one folder (by default <c>{DataDirectory}/documents</c>),
/// each named by its SHA-256 and fanned out as <c>ab/cd/abcd…</c> so no folder grows huge.
/// Uploads are written to <c>.incoming/</c> in the same folder, flushed to disk, then renamed into
/// place, so a file under its hash is always complete; stored files are made read-only.
/// </summary>
public sealed class FileSystemDocumentContentStore : IDocumentContentStore
{
    private static readonly object[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new object())];

    private const string IncomingFolder = ".incoming";

    public FileSystemDocumentContentStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(Root, IncomingFolder));
    }

    public string Root { get; }

    /// <summary>Where content with <paramref name="hash"/> lives (or would live).</summary>
    public string PathFor(string hash)
    {
        ContentHash.Require(hash);
        return Path.Combine(Root, hash[..2], hash[2..4], hash);
    }

    public async Task<StoredContent> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        var incoming = Path.Combine(Root, IncomingFolder);
        Directory.CreateDirectory(incoming);
        var temp = Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            (string Hash, long Size, Casefile.Domain.Documents.DetectedFileType Type) spooled;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                spooled = await ContentHash.SpoolAsync(content, file, maxBytes, cancellationToken);
                file.Flush(flushToDisk: true);
            }
            cancellationToken.ThrowIfCancellationRequested();

            var final = PathFor(spooled.Hash);
            // On Linux a non-overwriting File.Move is an existence check and then a rename, so two
            // uploads of the same bytes in this process could both "win" (CI saw it). The bytes are
            // the same either way; the lock keeps AlreadyStored true to what happened.
            bool alreadyStored;
            lock (Stripes[Convert.ToInt32(spooled.Hash[..2], 16) % Stripes.Length])
            {
                alreadyStored = File.Exists(final);
                if (!alreadyStored)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                    MakeReadOnly(temp);
                    try
                    {
                        File.Move(temp, final, overwrite: false);
                    }
                    catch (IOException) when (File.Exists(final))
                    {
                        // Another process stored the same bytes first: same content, stored once.
                        alreadyStored = true;
                    }
                }
            }
            if (alreadyStored) File.Delete(temp);
            return new StoredContent(spooled.Hash, spooled.Size, spooled.Type, AlreadyStored: alreadyStored);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <remarks>
    /// Verify-then-serve: the whole file is hashed before a single byte is handed out, through
    /// the same open handle that is then rewound and returned. The alternative, a stream that
    /// hashes as it goes and throws before its last bytes, would already have sent most of an
    /// altered document to a worker's browser and could only end the download abruptly; reading
    /// twice costs disk time but an altered record is never shown and the API can answer with a
    /// clear problem instead of a broken download. Using one handle means the file cannot be
    /// swapped (renamed over) between the check and the read.
    /// </remarks>
    public async Task<Stream> OpenReadAsync(string hash, CancellationToken cancellationToken = default)
    {
        var path = PathFor(hash);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StoredContentNotFoundException(hash);
        }
        try
        {
            var actual = await ContentHash.ComputeAsync(stream, cancellationToken);
            if (actual != hash) throw new StoredContentAlteredException(hash, actual);
            stream.Position = 0;
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public Task<bool> ExistsAsync(string hash, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathFor(hash)));

    public Task<bool> DeleteAsync(string hash, CancellationToken cancellationToken = default)
    {
        var path = PathFor(hash);
        if (!File.Exists(path)) return Task.FromResult(false);
        if (OperatingSystem.IsWindows()) File.SetAttributes(path, FileAttributes.Normal);
        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <summary>
    /// Removes uploads left in <c>.incoming/</c> by a process that died mid-upload. Safe to call at
    /// start-up; only files older than <paramref name="olderThan"/> are touched, so uploads in
    /// progress are left alone.
    /// </summary>
    public int RemoveAbandonedUploads(TimeSpan olderThan, TimeProvider clock)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - olderThan;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, IncomingFolder)))
        {
            if (File.GetLastWriteTimeUtc(file) >= cutoff) continue;
            TryDelete(file);
            removed++;
        }
        return removed;
    }

    private static void MakeReadOnly(string path)
    {
        // Guards against careless edits, not determined ones: the hash check on read is the real guard.
        if (OperatingSystem.IsWindows()) File.SetAttributes(path, FileAttributes.ReadOnly);
        else File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path)) return;
            if (OperatingSystem.IsWindows()) File.SetAttributes(path, FileAttributes.Normal);
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: RemoveAbandonedUploads clears anything left.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
