using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Casefile.Browser.Tests.Infrastructure;

/// <summary>
/// Casefile.Web run as its own process, the way it is deployed (<c>dotnet Casefile.Web.dll serve</c>),
/// on a free loopback port with a fresh SQLite data directory and the demo service seeded.
/// </summary>
/// <remarks>
/// Development environment, because that is when ASP.NET Core serves the static web assets
/// (GOV.UK Frontend's CSS, JavaScript and fonts) from the project folder rather than a publish
/// folder. Its output is kept so that a failed start says why.
/// </remarks>
public sealed class CasefileServer : IAsyncDisposable
{
    // Generous: first start migrates and seeds the demo service, and a loaded 2-core machine (a CI run
    // beside other builds) once took over a minute to answer after seeding.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private const int MaxOutputChars = 200_000;

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string dataDirectory;

    private CasefileServer(Process process, Uri baseAddress, string dataDirectory)
    {
        this.process = process;
        BaseAddress = baseAddress;
        this.dataDirectory = dataDirectory;
        process.OutputDataReceived += (_, e) => Append("out", e.Data);
        process.ErrorDataReceived += (_, e) => Append("err", e.Data);
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process has printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    public static async Task<CasefileServer> StartAsync(CancellationToken ct = default)
    {
        var dll = LocateWebDll();
        var dataDirectory = Directory.CreateTempSubdirectory("casefile-browser-").FullName;
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "serve", "--urls", baseAddress.ToString().TrimEnd('/') }) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Casefile__DataDirectory"] = dataDirectory;
        start.Environment["Casefile__SeedDemo"] = "true";
        // The test runner's own settings must not leak into the app.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new CasefileServer(process, baseAddress, dataDirectory);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await server.WaitUntilHealthyAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        Exception? lastError = null;
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(ct); // let the output readers finish
                throw new InvalidOperationException(
                    $"Casefile.Web exited with code {process.ExitCode} before GET /health answered.{Describe()}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK) return;
                lastError = new HttpRequestException($"GET /health answered {(int)response.StatusCode}");
            }
            catch (HttpRequestException e)
            {
                lastError = e;
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                lastError = e;
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException(
            $"Casefile.Web did not answer GET {BaseAddress}health with 200 within {StartTimeout.TotalSeconds:0} s " +
            $"(last: {lastError?.Message ?? "no answer"}).{Describe()}");
    }

    private string Describe() =>
        $"{Environment.NewLine}Command: {process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)}" +
        $"{Environment.NewLine}--- output ---{Environment.NewLine}{Output}--- end of output ---";

    private void Append(string stream, string? line)
    {
        if (line is null) return;
        lock (output)
        {
            if (output.Length < MaxOutputChars) output.Append('[').Append(stream).Append("] ").AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
        catch (OperationCanceledException)
        {
            // Did not exit in time; nothing more a test can do.
        }
        finally
        {
            process.Dispose();
            DeleteDataDirectory();
        }
    }

    private void DeleteDataDirectory()
    {
        // SQLite may hold the file for a moment after the process ends.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(200);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>
    /// src/Casefile.Web/bin/{Configuration}/net10.0/Casefile.Web.dll, found from the repository root
    /// (the folder with Casefile.slnx above this test assembly), in this test assembly's configuration.
    /// </summary>
    public static string LocateWebDll()
    {
        var configuration = typeof(CasefileServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        if (string.IsNullOrEmpty(configuration)) configuration = "Debug";

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Casefile.slnx"))) root = root.Parent;
        if (root is null)
            throw new InvalidOperationException($"No Casefile.slnx in {AppContext.BaseDirectory} or any folder above it.");

        var dll = Path.Combine(root.FullName, "src", "Casefile.Web", "bin", configuration, "net10.0", "Casefile.Web.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException(
                $"Casefile.Web is not built in {configuration}: build it first (dotnet build -c {configuration}).", dll);
        return dll;
    }

    /// <summary>The dotnet that runs these tests when there is one (the SDK sets DOTNET_HOST_PATH), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
