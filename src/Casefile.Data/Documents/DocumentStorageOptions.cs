using Casefile.Domain.Documents;
using Microsoft.Extensions.Configuration;

namespace Casefile.Data.Documents;

public enum DocumentStorageKind { FileSystem, S3 }

/// <summary>
/// S3-compatible object storage (AWS, MinIO, Ceph...). Credentials come from configuration that
/// is not in the repository (environment variables such as
/// <c>Casefile__Documents__S3__SecretAccessKey</c>, or a secrets file) or, when left empty, from
/// the AWS SDK's own chain (<c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>, instance role).
/// </summary>
public sealed record S3StorageOptions
{
    public string? BucketName { get; init; }

    /// <summary>Key prefix inside the bucket; the content hash follows it.</summary>
    public string Prefix { get; init; } = "documents/";

    /// <summary>Endpoint of a non-AWS server, e.g. <c>https://minio.council.local:9000</c>.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Path-style addressing (<c>host/bucket/key</c>), which most self-hosted servers need.</summary>
    public bool ForcePathStyle { get; init; } = true;

    public string Region { get; init; } = "eu-west-2";

    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    // Never print the secret in logs or exceptions.
    public override string ToString() =>
        $"S3StorageOptions {{ BucketName = {BucketName}, Prefix = {Prefix}, ServiceUrl = {ServiceUrl}, ForcePathStyle = {ForcePathStyle}, Region = {Region}, AccessKeyId = {AccessKeyId} }}";
}

/// <summary>
/// Where document content is kept and what is accepted, bound from <c>Casefile:Documents</c>.
/// File system under the data directory by default; S3 when <c>Kind</c> is <c>S3</c>.
/// </summary>
public sealed record DocumentStorageOptions
{
    public const string SectionName = "Casefile:Documents";
    public const long DefaultMaxUploadBytes = 50L * 1024 * 1024;

    public DocumentStorageKind Kind { get; init; } = DocumentStorageKind.FileSystem;

    /// <summary>The file store's folder; <c>{DataDirectory}/documents</c> when not set. With S3,
    /// uploads are spooled under it before they are sent.</summary>
    public string? Root { get; init; }

    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;

    public S3StorageOptions S3 { get; init; } = new();

    /// <summary>A clamd to scan every upload with; no scanning when not set.</summary>
    public string? ClamAvHost { get; init; }

    public int ClamAvPort { get; init; } = 3310;

    /// <summary>Names of <see cref="FileKind"/>s the council accepts; empty means the default list.</summary>
    public string[] AllowedFileTypes { get; init; } = [];

    /// <summary>Reads the section, filling the root from <c>Casefile:DataDirectory</c> (default <c>data</c>).</summary>
    public static DocumentStorageOptions FromConfiguration(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<DocumentStorageOptions>() ?? new DocumentStorageOptions();
        var dataDirectory = Path.GetFullPath(configuration["Casefile:DataDirectory"] ?? "data");
        var root = string.IsNullOrWhiteSpace(options.Root) ? Path.Combine(dataDirectory, "documents") : Path.GetFullPath(options.Root);
        if (options.MaxUploadBytes <= 0)
            throw new InvalidOperationException($"{SectionName}:MaxUploadBytes must be more than zero.");
        if (options.Kind == DocumentStorageKind.S3 && string.IsNullOrWhiteSpace(options.S3.BucketName))
            throw new InvalidOperationException($"{SectionName}:S3:BucketName is required when {SectionName}:Kind is S3.");
        return options with { Root = root };
    }

    public AllowedFileTypes AllowedTypes() => Domain.Documents.AllowedFileTypes.FromNames(AllowedFileTypes);
}
