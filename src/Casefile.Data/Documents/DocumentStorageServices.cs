using Casefile.Domain.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Data.Documents;

/// <summary>Registers the document content store, the allowed file types and the virus scanner from <c>Casefile:Documents</c>.</summary>
public static class DocumentStorageServices
{
    public static IServiceCollection AddDocumentStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DocumentStorageOptions.FromConfiguration(configuration);
        services.AddSingleton(options);
        services.AddSingleton(options.AllowedTypes());
        services.AddSingleton<IDocumentContentStore>(_ => CreateStore(options));
        services.AddSingleton<IVirusScanner>(_ => string.IsNullOrWhiteSpace(options.ClamAvHost)
            ? new NoVirusScanner()
            : new ClamAvScanner(options.ClamAvHost, options.ClamAvPort));
        return services;
    }

    public static IDocumentContentStore CreateStore(DocumentStorageOptions options) => options.Kind switch
    {
        DocumentStorageKind.FileSystem => new FileSystemDocumentContentStore(options.Root!),
        DocumentStorageKind.S3 => new S3DocumentContentStore(options.S3, Path.Combine(options.Root!, ".incoming")),
        _ => throw new InvalidOperationException($"Unknown document storage kind {options.Kind}."),
    };
}
