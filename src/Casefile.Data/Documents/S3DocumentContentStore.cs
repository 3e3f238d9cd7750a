using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Casefile.Data.Documents;

/// <summary>
/// Keeps document content in an S3-compatible bucket under <c>{prefix}{sha256}</c>. The key is
/// the hash, so the upload is first spooled to a local temporary file (hashing as it goes), then
/// sent with one PutObject; a reader gets a local verified copy, so altered objects are refused
/// before any byte is served (see <see cref="FileSystemDocumentContentStore.OpenReadAsync"/>).
/// </summary>
public sealed class S3DocumentContentStore : IDocumentContentStore, IDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly bool _ownsClient;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly string _spoolFolder;

    public S3DocumentContentStore(S3StorageOptions options, string spoolFolder)
        : this(CreateClient(options), options.BucketName ?? throw new ArgumentException("S3 BucketName is required.", nameof(options)), options.Prefix, spoolFolder, ownsClient: true)
    {
    }

    public S3DocumentContentStore(IAmazonS3 s3, string bucket, string prefix, string spoolFolder, bool ownsClient = false)
    {
        _s3 = s3;
        _ownsClient = ownsClient;
        _bucket = bucket;
        _prefix = prefix ?? "";
        _spoolFolder = Path.GetFullPath(spoolFolder);
        Directory.CreateDirectory(_spoolFolder);
    }

    public static IAmazonS3 CreateClient(S3StorageOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // Flexible checksums are not understood by every S3-compatible server; content
            // integrity is ours to check by hash anyway.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        return string.IsNullOrEmpty(options.AccessKeyId)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config);
    }

    private string KeyFor(string hash) => _prefix + ContentHash.Require(hash);

    public async Task<StoredContent> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        var temp = Path.Combine(_spoolFolder, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            var (hash, size, type) = await ContentHash.SpoolAsync(content, file, maxBytes, cancellationToken);
            if (await ExistsAsync(hash, cancellationToken))
                return new StoredContent(hash, size, type, AlreadyStored: true);
            file.Position = 0;
            // One PutObject is atomic on S3: the object appears whole or not at all.
            await _s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket,
                Key = KeyFor(hash),
                InputStream = file,
                AutoCloseStream = false,
                // Signed in one piece rather than as aws-chunked frames, which not every S3-compatible
                // server decodes (s3rver handed back different bytes); the spooled file can be read twice.
                UseChunkEncoding = false,
                ContentType = "application/octet-stream",
                Headers = { ContentLength = size },
            }, cancellationToken);
            return new StoredContent(hash, size, type, AlreadyStored: false);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public async Task<Stream> OpenReadAsync(string hash, CancellationToken cancellationToken = default)
    {
        var key = KeyFor(hash);
        var temp = Path.Combine(_spoolFolder, Guid.NewGuid().ToString("N") + ".read");
        var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            GetObjectResponse response;
            try
            {
                response = await _s3.GetObjectAsync(_bucket, key, cancellationToken);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw new StoredContentNotFoundException(hash);
            }
            using (response)
                await response.ResponseStream.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            var actual = await ContentHash.ComputeAsync(file, cancellationToken);
            if (actual != hash) throw new StoredContentAlteredException(hash, actual);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> ExistsAsync(string hash, CancellationToken cancellationToken = default)
    {
        try
        {
            await _s3.GetObjectMetadataAsync(_bucket, KeyFor(hash), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string hash, CancellationToken cancellationToken = default)
    {
        if (!await ExistsAsync(hash, cancellationToken)) return false;
        await _s3.DeleteObjectAsync(_bucket, KeyFor(hash), cancellationToken);
        return true;
    }

    public void Dispose()
    {
        if (_ownsClient) _s3.Dispose();
    }
}
