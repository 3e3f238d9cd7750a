using Casefile.Domain.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Data.Documents;

/// <summary>Registers the document content store, the allowed file types and the virus scanner from <c>Casefile:Documents</c>.</summary>
public static class DocumentStorageServices
{
    /// <remarks>
    /// The section is read when the services are first needed, not at registration, so test hosts
    /// and the command line can supply their own settings (as for the database). With no
    /// <paramref name="configuration"/>, the host's own is used.
    /// </remarks>
    public static IServiceCollection AddDocumentStorage(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddSingleton(sp => DocumentStorageOptions.FromConfiguration(configuration ?? sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => sp.GetRequiredService<DocumentStorageOptions>().AllowedTypes());
        services.AddSingleton<IDocumentContentStore>(sp => CreateStore(sp.GetRequiredService<DocumentStorageOptions>()));
        services.AddSingleton<IVirusScanner>(sp =>
        {
            var options = sp.GetRequiredService<DocumentStorageOptions>();
            return string.IsNullOrWhiteSpace(options.ClamAvHost)
                ? new NoVirusScanner()
                : new ClamAvScanner(options.ClamAvHost, options.ClamAvPort);
        });
        return services;
    }

    public static IDocumentContentStore CreateStore(DocumentStorageOptions options) => options.Kind switch
    {
        DocumentStorageKind.FileSystem => new FileSystemDocumentContentStore(options.Root!),
        DocumentStorageKind.S3 => new S3DocumentContentStore(options.S3, Path.Combine(options.Root!, ".incoming")),
        _ => throw new InvalidOperationException($"Unknown document storage kind {options.Kind}."),
    };
}
