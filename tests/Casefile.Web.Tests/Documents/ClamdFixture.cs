using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Casefile.Data.Documents;

namespace Casefile.Web.Tests.Documents;

/// <summary>
/// Starts a real clamd (Debian's clamav-daemon) on a free loopback port in a temporary folder,
/// with a database holding only one signature: the SHA-256 of the 68-byte EICAR test file (a .hsb hash signature). No
/// internet and no freshclam needed. When clamd is not installed the tests skip, unless
/// <c>CASEFILE_REQUIRE_CLAMAV=1</c>, when they fail. As root, clamd is told to run as the
/// <c>clamav</c> user.
/// </summary>
public sealed class ClamdFixture : IAsyncLifetime
{
    public const string SignatureName = "Casefile.Test.EICAR";
    public const int StreamMaxBytes = 2 * 1024 * 1024;

    public static readonly byte[] Eicar = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    private static bool Required => Environment.GetEnvironmentVariable("CASEFILE_REQUIRE_CLAMAV") == "1";

    private readonly StringBuilder _output = new();
    private Process? _clamd;
    private string? _folder;
    private string? _unavailable;

    public ClamAvScanner Scanner { get; private set; } = null!;

    /// <summary>Call first in each test: skips (or fails, when required) without clamd.</summary>
    public ClamAvScanner Require()
    {
        if (_unavailable is null) return Scanner;
        if (Required) Assert.Fail($"CASEFILE_REQUIRE_CLAMAV=1 but {_unavailable}");
        Assert.Skip($"{_unavailable} Install Debian's clamav-daemon (or set CASEFILE_CLAMD) to run the virus scanner tests.");
        return null!;
    }

    public async ValueTask InitializeAsync()
    {
        var clamd = FindClamd();
        if (clamd is null)
        {
            _unavailable = "clamd was not found (looked at CASEFILE_CLAMD, /usr/sbin/clamd and PATH).";
            return;
        }

        _folder = Path.Combine(Path.GetTempPath(), "casefile-clamd-" + Guid.NewGuid().ToString("N"));
        var db = Path.Combine(_folder, "db");
        Directory.CreateDirectory(db);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Eicar));
        await File.WriteAllTextAsync(Path.Combine(db, "casefile.hsb"), $"{sha256}:{Eicar.Length}:{SignatureName}\n");

        var port = FreePort();
        var asRoot = !OperatingSystem.IsWindows() && Environment.UserName == "root";
        var config = new StringBuilder()
            .AppendLine($"DatabaseDirectory {db}")
            .AppendLine($"TemporaryDirectory {_folder}")
            .AppendLine("TCPAddr 127.0.0.1")
            .AppendLine($"TCPSocket {port}")
            .AppendLine("Foreground yes")
            .AppendLine($"StreamMaxLength {StreamMaxBytes}")
            .AppendLine("SelfCheck 0");
        if (asRoot && UserExists("clamav"))
        {
            config.AppendLine("User clamav");
            // clamd drops to clamav before it reads the database and writes temporary files.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
                File.SetUnixFileMode(db, (UnixFileMode)0b111_101_101);
            }
        }
        var configPath = Path.Combine(_folder, "clamd.conf");
        await File.WriteAllTextAsync(configPath, config.ToString());

        var start = new ProcessStartInfo(clamd, ["--config-file", configPath, "--foreground"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _clamd = Process.Start(start)!;
        _clamd.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _clamd.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _clamd.BeginOutputReadLine();
        _clamd.BeginErrorReadLine();

        Scanner = new ClamAvScanner("127.0.0.1", port, TimeSpan.FromSeconds(30));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_clamd.HasExited)
            {
                _unavailable = $"clamd exited with code {_clamd.ExitCode} at start-up: {Output()}";
                return;
            }
            if (await Scanner.PingAsync()) return;
            await Task.Delay(200);
        }
        _unavailable = $"clamd did not answer PING within 60 seconds: {Output()}";
    }

    private string Output()
    {
        lock (_output) return _output.ToString().Trim();
    }

    public async ValueTask DisposeAsync()
    {
        if (_clamd is { HasExited: false })
        {
            _clamd.Kill(entireProcessTree: true);
            await _clamd.WaitForExitAsync();
        }
        _clamd?.Dispose();
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { }
        }
    }

    private static string? FindClamd()
    {
        var configured = Environment.GetEnvironmentVariable("CASEFILE_CLAMD");
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
        if (File.Exists("/usr/sbin/clamd")) return "/usr/sbin/clamd";
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "clamd"))
            .FirstOrDefault(File.Exists);
    }

    private static bool UserExists(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
