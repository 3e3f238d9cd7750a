using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Casefile.Data.Documents;

namespace Casefile.Web.Tests.Documents;

/// <summary>
/// Starts s3rver (the npm package: a small S3-compatible server in Node.js that keeps objects in
/// a folder) on a free loopback port with one bucket, so the S3 content store is tested against
/// a real HTTP S3 API. Finds it through <c>CASEFILE_S3RVER</c> (path to its <c>s3rver</c>
/// script) or PATH; skips without it, unless <c>CASEFILE_REQUIRE_S3=1</c>, when it fails.
/// </summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    public const string Bucket = "casefile-test";

    private static bool Required => Environment.GetEnvironmentVariable("CASEFILE_REQUIRE_S3") == "1";

    private readonly StringBuilder _output = new();
    private Process? _server;
    private string? _unavailable;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "casefile-s3-" + Guid.NewGuid().ToString("N"));

    /// <summary>s3rver's fixed development credentials; never real ones.</summary>
    public S3StorageOptions Options { get; private set; } = new();

    public S3StorageOptions Require()
    {
        if (_unavailable is null) return Options;
        if (Required) Assert.Fail($"CASEFILE_REQUIRE_S3=1 but {_unavailable}");
        Assert.Skip($"{_unavailable} Install it with 'npm install s3rver@3.7.1' and set CASEFILE_S3RVER to node_modules/.bin/s3rver to run the S3 store tests.");
        return null!;
    }

    public async ValueTask InitializeAsync()
    {
        var s3rver = Find();
        if (s3rver is null)
        {
            _unavailable = "s3rver was not found (looked at CASEFILE_S3RVER and PATH).";
            return;
        }
        var data = Path.Combine(Folder, "objects");
        Directory.CreateDirectory(data);
        var port = ClamdFixture.FreePort();
        var start = new ProcessStartInfo(s3rver, ["-d", data, "-a", "127.0.0.1", "-p", port.ToString(), "--configure-bucket", Bucket])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _server.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        Options = new S3StorageOptions
        {
            BucketName = Bucket,
            Prefix = "documents/",
            ServiceUrl = $"http://127.0.0.1:{port}",
            ForcePathStyle = true,
            Region = "us-east-1",
            AccessKeyId = "S3RVER",
            SecretAccessKey = "S3RVER",
        };

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited)
            {
                _unavailable = $"s3rver exited with code {_server.ExitCode} at start-up: {Output()}";
                return;
            }
            // The bucket is created after the port opens; wait for s3rver's "listening" line.
            if (Output().Contains("listening", StringComparison.OrdinalIgnoreCase) && await Listening(port)) return;
            await Task.Delay(200);
        }
        _unavailable = $"s3rver did not start within 30 seconds: {Output()}";
    }

    private static async Task<bool> Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string Output()
    {
        lock (_output) return _output.ToString().Trim();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        try { if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("CASEFILE_S3RVER");
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "s3rver"))
            .FirstOrDefault(File.Exists);
    }
}
