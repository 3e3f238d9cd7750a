using System.Security.Cryptography;
using Amazon.S3.Model;
using Casefile.Data.Documents;
using Casefile.Domain.Documents;

namespace Casefile.Web.Tests.Documents;

public sealed class S3DocumentContentStoreTests(S3rverFixture s3) : IClassFixture<S3rverFixture>
{
    private const long Limit = 1024 * 1024;

    private (S3DocumentContentStore Store, string Spool) NewStore()
    {
        var options = s3.Require() with { Prefix = $"run-{Guid.NewGuid():N}/" };
        var spool = Path.Combine(s3.Folder, "spool-" + Guid.NewGuid().ToString("N"));
        return (new S3DocumentContentStore(options, spool), spool);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task PutAsync_WhenRandomBytes_StoresUnderHashAndReadsBackExactly()
    {
        var (store, spool) = NewStore();
        using var _ = store;
        var bytes = RandomNumberGenerator.GetBytes(200_000);

        var stored = await store.PutAsync(new MemoryStream(bytes), Limit, TestContext.Current.CancellationToken);

        stored.Hash.ShouldBe(Sha256(bytes));
        stored.AlreadyStored.ShouldBeFalse();
        (await store.ExistsAsync(stored.Hash, TestContext.Current.CancellationToken)).ShouldBeTrue();
        await using (var read = await store.OpenReadAsync(stored.Hash, TestContext.Current.CancellationToken))
        {
            var copy = new MemoryStream();
            await read.CopyToAsync(copy, TestContext.Current.CancellationToken);
            copy.ToArray().ShouldBe(bytes);
        }
        Directory.EnumerateFiles(spool).ShouldBeEmpty();
    }

    [Fact]
    public async Task PutAsync_WhenSameBytesTwice_SaysAlreadyStored()
    {
        var (store, _) = NewStore();
        using var __ = store;
        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();

        var first = await store.PutAsync(new MemoryStream(pdf), Limit, TestContext.Current.CancellationToken);
        var second = await store.PutAsync(new MemoryStream(pdf), Limit, TestContext.Current.CancellationToken);

        first.DetectedType.Kind.ShouldBe(FileKind.Pdf);
        second.Hash.ShouldBe(first.Hash);
        second.AlreadyStored.ShouldBeTrue();
    }

    [Fact]
    public async Task PutAsync_WhenOverTheLimit_RefusesAndLeavesNothing()
    {
        var (store, spool) = NewStore();
        using var _ = store;
        var bytes = RandomNumberGenerator.GetBytes((int)Limit + 1);

        await Should.ThrowAsync<DocumentTooLargeException>(() => store.PutAsync(new MemoryStream(bytes), Limit, TestContext.Current.CancellationToken));

        (await store.ExistsAsync(Sha256(bytes), TestContext.Current.CancellationToken)).ShouldBeFalse();
        Directory.EnumerateFiles(spool).ShouldBeEmpty();
    }

    [Fact]
    public async Task OpenReadAsync_WhenObjectWasReplaced_ThrowsStoredContentAltered()
    {
        var options = s3.Require() with { Prefix = $"run-{Guid.NewGuid():N}/" };
        using var client = S3DocumentContentStore.CreateClient(options);
        using var store = new S3DocumentContentStore(client, options.BucketName!, options.Prefix, Path.Combine(s3.Folder, "spool-altered"));
        var stored = await store.PutAsync(new MemoryStream(RandomNumberGenerator.GetBytes(5000)), Limit, TestContext.Current.CancellationToken);
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.BucketName,
            Key = options.Prefix + stored.Hash,
            ContentBody = "someone changed this",
        }, TestContext.Current.CancellationToken);

        await Should.ThrowAsync<StoredContentAlteredException>(() => store.OpenReadAsync(stored.Hash, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeleteAsync_WhenStored_RemovesItAndReadsFindNothing()
    {
        var (store, _) = NewStore();
        using var __ = store;
        var stored = await store.PutAsync(new MemoryStream(RandomNumberGenerator.GetBytes(1000)), Limit, TestContext.Current.CancellationToken);

        (await store.DeleteAsync(stored.Hash, TestContext.Current.CancellationToken)).ShouldBeTrue();

        (await store.ExistsAsync(stored.Hash, TestContext.Current.CancellationToken)).ShouldBeFalse();
        (await store.DeleteAsync(stored.Hash, TestContext.Current.CancellationToken)).ShouldBeFalse();
        await Should.ThrowAsync<StoredContentNotFoundException>(() => store.OpenReadAsync(stored.Hash, TestContext.Current.CancellationToken));
    }
}
