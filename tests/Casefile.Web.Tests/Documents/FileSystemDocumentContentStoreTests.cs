using System.Security.Cryptography;
using Casefile.Data.Documents;
using Casefile.Domain.Documents;
using Microsoft.Extensions.Configuration;

namespace Casefile.Web.Tests.Documents;

public sealed class FileSystemDocumentContentStoreTests : IDisposable
{
    private const long Limit = 1024 * 1024;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "casefile-docs-" + Guid.NewGuid().ToString("N"));
    private readonly FileSystemDocumentContentStore _store;

    public FileSystemDocumentContentStoreTests() => _store = new FileSystemDocumentContentStore(_root);

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(_root, recursive: true);
    }

    private static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private IEnumerable<string> AllFiles() => Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories);

    [Fact]
    public async Task PutAsync_WhenRandomBytes_StoresThemUnderTheirHashAndReadsThemBackExactly()
    {
        var bytes = RandomBytes(300_000);

        var stored = await _store.PutAsync(new MemoryStream(bytes), Limit, TestContext.Current.CancellationToken);

        stored.Hash.ShouldBe(Sha256(bytes));
        stored.Size.ShouldBe(bytes.Length);
        stored.AlreadyStored.ShouldBeFalse();
        File.Exists(Path.Combine(_root, stored.Hash[..2], stored.Hash[2..4], stored.Hash)).ShouldBeTrue();
        await using var read = await _store.OpenReadAsync(stored.Hash, TestContext.Current.CancellationToken);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy, TestContext.Current.CancellationToken);
        copy.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public async Task PutAsync_WhenPdf_DetectsTheTypeFromTheContent()
    {
        var pdf = "%PDF-1.7\n1 0 obj\n<< >>\nendobj\n"u8.ToArray();

        var stored = await _store.PutAsync(new MemoryStream(pdf), Limit, TestContext.Current.CancellationToken);

        stored.DetectedType.Kind.ShouldBe(FileKind.Pdf);
    }

    [Fact]
    public async Task PutAsync_WhenSameBytesTwice_StoresOnceAndSaysAlreadyStored()
    {
        var bytes = RandomBytes(10_000);

        var first = await _store.PutAsync(new MemoryStream(bytes), Limit, TestContext.Current.CancellationToken);
        var second = await _store.PutAsync(new MemoryStream(bytes), Limit, TestContext.Current.CancellationToken);

        second.Hash.ShouldBe(first.Hash);
        second.AlreadyStored.ShouldBeTrue();
        AllFiles().Count().ShouldBe(1);
    }

    [Fact]
    public async Task PutAsync_WhenSameBytesUploadedConcurrently_StoresOnceAndAllAgreeOnTheHash()
    {
        var bytes = RandomBytes(200_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => _store.PutAsync(new MemoryStream(bytes), Limit, TestContext.Current.CancellationToken))));

        results.Select(r => r.Hash).Distinct().ShouldHaveSingleItem().ShouldBe(Sha256(bytes));
        results.Count(r => !r.AlreadyStored).ShouldBeLessThanOrEqualTo(1);
        AllFiles().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task PutAsync_WhenLongTextIsCutMidCharacterByTheSniff_StillDetectsPlainText()
    {
        // "a" then two-byte "é"s: byte 65,535 is the first half of an "é".
        var text = System.Text.Encoding.UTF8.GetBytes("a" + new string('é', 40_000));

        var stored = await _store.PutAsync(new MemoryStream(text), Limit, TestContext.Current.CancellationToken);

        stored.DetectedType.Kind.ShouldBe(FileKind.PlainText);
    }

    [Fact]
    public async Task PutAsync_WhenExactlyAtTheLimit_Stores()
    {
        var stored = await _store.PutAsync(new MemoryStream(RandomBytes(4096)), 4096, TestContext.Current.CancellationToken);

        stored.Size.ShouldBe(4096);
    }

    [Fact]
    public async Task PutAsync_WhenOverTheLimit_RefusesAsSoonAsPassedAndLeavesNothing()
    {
        var source = new CountingStream(new MemoryStream(RandomBytes((int)Limit * 4)));

        var ex = await Should.ThrowAsync<DocumentTooLargeException>(() => _store.PutAsync(source, Limit, TestContext.Current.CancellationToken));

        ex.MaxBytes.ShouldBe(Limit);
        ex.Message.ShouldBe("The file is too large. Files must be 1 MB or smaller.");
        source.BytesRead.ShouldBeLessThan(Limit + 100_000); // stopped reading once past the limit
        AllFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task PutAsync_WhenEmpty_RefusesAndLeavesNothing()
    {
        await Should.ThrowAsync<EmptyDocumentException>(() => _store.PutAsync(new MemoryStream(), Limit, TestContext.Current.CancellationToken));

        AllFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task PutAsync_WhenCancelledPartWay_LeavesNothing()
    {
        using var cancel = new CancellationTokenSource();
        var source = new CancelAfterStream(new MemoryStream(RandomBytes(500_000)), cancel, afterBytes: 100_000);

        await Should.ThrowAsync<OperationCanceledException>(() => _store.PutAsync(source, Limit, cancel.Token));

        AllFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task PutAsync_WhenSourceFailsPartWay_LeavesNothing()
    {
        var source = new FailAfterStream(new MemoryStream(RandomBytes(500_000)), afterBytes: 100_000);

        await Should.ThrowAsync<IOException>(() => _store.PutAsync(source, Limit, TestContext.Current.CancellationToken));

        AllFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task OpenReadAsync_WhenBytesOnDiskWereChanged_ThrowsStoredContentAltered()
    {
        var stored = await _store.PutAsync(new MemoryStream(RandomBytes(50_000)), Limit, TestContext.Current.CancellationToken);
        var path = _store.PathFor(stored.Hash);
        File.SetAttributes(path, FileAttributes.Normal);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Position = 25_000;
            file.WriteByte(0x42);
        }

        var ex = await Should.ThrowAsync<StoredContentAlteredException>(() => _store.OpenReadAsync(stored.Hash, TestContext.Current.CancellationToken));

        ex.Hash.ShouldBe(stored.Hash);
        ex.ActualHash.ShouldNotBe(stored.Hash);
    }

    [Fact]
    public async Task OpenReadAsync_WhenNeverStored_ThrowsNotFound()
    {
        await Should.ThrowAsync<StoredContentNotFoundException>(() => _store.OpenReadAsync(new string('a', 64), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF")]
    [InlineData("")]
    public async Task OpenReadAsync_WhenNotAHash_ThrowsArgumentException(string hash)
    {
        await Should.ThrowAsync<ArgumentException>(() => _store.OpenReadAsync(hash, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PutAsync_WhenStored_MakesTheFileReadOnly()
    {
        var stored = await _store.PutAsync(new MemoryStream(RandomBytes(100)), Limit, TestContext.Current.CancellationToken);

        if (OperatingSystem.IsWindows())
        {
            File.GetAttributes(_store.PathFor(stored.Hash)).HasFlag(FileAttributes.ReadOnly).ShouldBeTrue();
            return;
        }
        var mode = File.GetUnixFileMode(_store.PathFor(stored.Hash));
        (mode & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)).ShouldBe(UnixFileMode.None);
    }

    [Fact]
    public async Task DeleteAsync_WhenStored_RemovesTheContent()
    {
        var stored = await _store.PutAsync(new MemoryStream(RandomBytes(1000)), Limit, TestContext.Current.CancellationToken);
        (await _store.ExistsAsync(stored.Hash, TestContext.Current.CancellationToken)).ShouldBeTrue();

        (await _store.DeleteAsync(stored.Hash, TestContext.Current.CancellationToken)).ShouldBeTrue();

        (await _store.ExistsAsync(stored.Hash, TestContext.Current.CancellationToken)).ShouldBeFalse();
        AllFiles().ShouldBeEmpty();
        await Should.ThrowAsync<StoredContentNotFoundException>(() => _store.OpenReadAsync(stored.Hash, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeleteAsync_WhenNothingStored_ReturnsFalse()
    {
        (await _store.DeleteAsync(new string('0', 64), TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task RemoveAbandonedUploads_WhenOldPartFileLeft_RemovesIt()
    {
        var incoming = Path.Combine(_root, ".incoming");
        var old = Path.Combine(incoming, "dead.part");
        await File.WriteAllBytesAsync(old, [1, 2, 3], TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-2));

        _store.RemoveAbandonedUploads(TimeSpan.FromDays(1), TimeProvider.System).ShouldBe(1);

        File.Exists(old).ShouldBeFalse();
    }

    [Fact]
    public void FromConfiguration_WhenNothingSet_UsesDocumentsUnderTheDataDirectory()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Casefile:DataDirectory"] = _root })
            .Build();

        var options = DocumentStorageOptions.FromConfiguration(config);

        options.Kind.ShouldBe(DocumentStorageKind.FileSystem);
        options.Root.ShouldBe(Path.Combine(_root, "documents"));
        options.MaxUploadBytes.ShouldBe(50L * 1024 * 1024);
        options.AllowedTypes().ShouldBeSameAs(AllowedFileTypes.Default);
    }

    [Fact]
    public void FromConfiguration_WhenS3Set_BindsItsSettings()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Casefile:Documents:Kind"] = "S3",
                ["Casefile:Documents:MaxUploadBytes"] = "1000",
                ["Casefile:Documents:S3:BucketName"] = "records",
                ["Casefile:Documents:S3:ServiceUrl"] = "http://127.0.0.1:9000",
                ["Casefile:Documents:S3:SecretAccessKey"] = "hush",
                ["Casefile:Documents:ClamAvHost"] = "127.0.0.1",
                ["Casefile:Documents:AllowedFileTypes:0"] = "Pdf",
            })
            .Build();

        var options = DocumentStorageOptions.FromConfiguration(config);

        options.Kind.ShouldBe(DocumentStorageKind.S3);
        options.MaxUploadBytes.ShouldBe(1000);
        options.S3.BucketName.ShouldBe("records");
        options.S3.ForcePathStyle.ShouldBeTrue();
        options.S3.ToString().ShouldNotContain("hush");
        options.ClamAvPort.ShouldBe(3310);
        options.AllowedTypes().Kinds.ShouldBe([FileKind.Pdf]);
    }

    private sealed class CountingStream(Stream inner) : DelegatingReadStream(inner)
    {
        public long BytesRead { get; private set; }

        protected override void OnRead(int count) => BytesRead += count;
    }

    private sealed class CancelAfterStream(Stream inner, CancellationTokenSource cancel, long afterBytes) : DelegatingReadStream(inner)
    {
        private long _read;

        protected override void OnRead(int count)
        {
            _read += count;
            if (_read >= afterBytes) cancel.Cancel();
        }
    }

    private sealed class FailAfterStream(Stream inner, long afterBytes) : DelegatingReadStream(inner)
    {
        private long _read;

        protected override void OnRead(int count)
        {
            _read += count;
            if (_read >= afterBytes) throw new IOException("The connection was reset.");
        }
    }
}

/// <summary>A read-only stream over another that lets a test watch or interrupt the reading.</summary>
public abstract class DelegatingReadStream(Stream inner) : Stream
{
    protected abstract void OnRead(int count);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, Math.Min(count, 8192));
        OnRead(read);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var read = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, 8192)], cancellationToken);
        OnRead(read);
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
