using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Casefile.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Casefile.Web.Tests.Hosting;

/// <summary>
/// Where the server listens is decided by the standard hosting settings; Casefile's own address
/// (localhost:5080) is only the fallback when none of them is given.
/// </summary>
public sealed class ListenAddressTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Serve_WhenOnlyAspNetCoreUrlsIsSet_ListensThere()
    {
        var dll = LocateWebDll();
        var dataDirectory = Directory.CreateTempSubdirectory("casefile-listen-").FullName;
        var port = FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("serve");
        // Nothing of the test runner's hosting settings may leak in: the one setting is ASPNETCORE_URLS.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("DOTNET_HTTP", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase)
                || key.Equals("URLS", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(key);
        }
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Casefile__DataDirectory"] = dataDirectory;
        start.Environment["Database__Provider"] = "Sqlite";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var status = await WaitForHealthAsync(process, address, () => { lock (output) return output.ToString(); });

            status.ShouldBe(HttpStatusCode.OK);
            string printed;
            lock (output) printed = output.ToString();
            printed.ShouldContain($"Now listening on: {address.ToString().TrimEnd('/')}");
            printed.ShouldNotContain("localhost:5080");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try { await process.WaitForExitAsync(timeout.Token); } catch (OperationCanceledException) { }
            }
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:5999")]
    [InlineData("http_ports", "8080")]
    [InlineData("https_ports", "8443")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:5999")]
    public void HasListenSettings_WhenAStandardSettingIsGiven_IsTrue(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        WebApp.HasListenSettings(configuration).ShouldBeTrue();
    }

    [Fact]
    public void HasListenSettings_WhenNothingIsGiven_IsFalse()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Casefile:DataDirectory"] = "data" }).Build();
        WebApp.HasListenSettings(configuration).ShouldBeFalse();
    }

    [Fact]
    public void AppSettings_SayNothingAboutWhereToListen()
    {
        // appsettings.json is read after the environment, so a Urls there would beat ASPNETCORE_URLS.
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Path.GetDirectoryName(LocateWebDll())!)
            .AddJsonFile("appsettings.json", optional: false)
            .Build();
        WebApp.HasListenSettings(configuration).ShouldBeFalse();
    }

    private static async Task<HttpStatusCode> WaitForHealthAsync(Process process, Uri address, Func<string> output)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        string last = "no answer";
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"Casefile.Web exited with code {process.ExitCode} before GET /health answered.\n{output()}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return response.StatusCode;
                last = $"GET /health answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException e)
            {
                last = e.Message;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Casefile.Web did not answer GET {address}health within {StartTimeout.TotalSeconds:0} s (last: {last}).\n{output()}");
    }

    /// <summary>src/Casefile.Web/bin/{Configuration}/net10.0/Casefile.Web.dll, built with this test project (which references it).</summary>
    private static string LocateWebDll()
    {
        var configuration = typeof(ListenAddressTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        if (string.IsNullOrEmpty(configuration)) configuration = "Debug";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Casefile.slnx"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No Casefile.slnx in {AppContext.BaseDirectory} or any folder above it.");
        var dll = Path.Combine(root.FullName, "src", "Casefile.Web", "bin", configuration, "net10.0", "Casefile.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Casefile.Web is not built in {configuration}.", dll);
        return dll;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
