namespace Casefile.Data.Documents;

/// <summary>The outcome of scanning one upload.</summary>
public abstract record VirusScanResult
{
    private VirusScanResult() { }

    public sealed record Clean : VirusScanResult;

    /// <summary>The scanner found malware; <see cref="SignatureName"/> is its name for it.</summary>
    public sealed record Infected(string SignatureName) : VirusScanResult;

    /// <summary>The scan could not be done (scanner down, limit exceeded...). Not a clean bill of health.</summary>
    public sealed record Failed(string Reason) : VirusScanResult;
}

/// <summary>Scans uploaded content for malware before it joins a record.</summary>
public interface IVirusScanner
{
    /// <summary>False for the stand-in used when no scanner is configured.</summary>
    bool IsConfigured { get; }

    Task<VirusScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default);
}

/// <summary>Used when no ClamAV host is configured: every scan is reported as clean.</summary>
public sealed class NoVirusScanner : IVirusScanner
{
    public bool IsConfigured => false;

    public Task<VirusScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default) =>
        Task.FromResult<VirusScanResult>(new VirusScanResult.Clean());
}
