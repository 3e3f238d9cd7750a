using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Casefile.Data;

namespace Casefile.Bench.Measurement;

/// <summary>
/// The real service as a process of its own: <c>dotnet src/Casefile.Web/bin/{Configuration}/net10.0/Casefile.Web.dll serve</c>,
/// configured by environment variables as a deployment is, on the benchmark's database and a
/// loopback port. Its memory is then the service's alone, read from <c>/proc/{pid}</c>, with none
/// of the benchmark's own (the generator, the HTTP client) mixed in.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address, string dll)
    {
        _process = process;
        Address = address;
        Dll = dll;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>The service's entry assembly as run, relative to the repository root.</summary>
    public string Dll { get; }

    /// <summary>The service built in the benchmark's own configuration (Release for figures), next to its appsettings.json.</summary>
    public static string FindDll()
    {
        var configuration = typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var path = Path.Combine(Reporting.Repository.Root, "src", "Casefile.Web", "bin", configuration, "net10.0", "Casefile.Web.dll");
        if (!File.Exists(path))
            throw new UsageException($"{path} is missing: build the service first (dotnet build -c {configuration} src/Casefile.Web).");
        return path;
    }

    /// <summary>The service's configuration as environment variables, the way a deployment sets it.</summary>
    public static Dictionary<string, string> Environment(BenchDatabase database, string dataDirectory) => new()
    {
        ["Database__Provider"] = database.Provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite",
        ["ConnectionStrings__Casefile"] = database.Settings.ConnectionString,
        ["Casefile__DataDirectory"] = dataDirectory,
        ["Casefile__SeedDemo"] = "false",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
    };

    /// <summary>Runs a command line tool of the service (<c>tokens issue ...</c>) to completion and returns what it printed.</summary>
    public static async Task<string> RunToolAsync(IReadOnlyDictionary<string, string> environment, IEnumerable<string> args, CancellationToken ct)
    {
        var dll = FindDll();
        var info = Start(dll, environment, args);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the service's command line.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Casefile.Web {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        return (await output).Trim();
    }

    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var dll = FindDll();
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = Start(dll, environment, ["serve"]);
        info.Environment["Urls"] = address.ToString().TrimEnd('/');
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the service.");
        // Its log is read and dropped, so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        var errors = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (errors) errors.Add(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, address, Path.GetRelativePath(Reporting.Repository.Root, dll));

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                lock (errors)
                    throw new InvalidOperationException($"The service exited with {process.ExitCode} before it answered: {string.Join('\n', errors.TakeLast(20))}");
            }
            try
            {
                using var response = await http.GetAsync("/health", ct);
                if (response.StatusCode == HttpStatusCode.OK) return service;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                await service.DisposeAsync();
                throw new TimeoutException("The service did not answer /health within two minutes.");
            }
            await Task.Delay(200, ct);
        }
    }

    /// <summary>The process's memory now, from <c>/proc/{pid}/status</c>.</summary>
    public ProcessMemory ReadMemory() => ProcessMemory.Read(_process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static ProcessStartInfo Start(string dll, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A process's memory as Linux counts it (<c>/proc/{pid}/status</c>, in bytes): the resident set
/// (working set), its anonymous part (the process's private memory: GC heap, native buffers;
/// not mapped files), the kernel's own record of the peak resident set, and the resident pages of
/// mapped files (the runtime's and the application's code, native libraries) and of shared memory.
/// </summary>
public sealed record ProcessMemory(long ResidentBytes, long AnonymousBytes, long PeakResidentBytes, long FileBytes = 0, long SharedBytes = 0)
{
    public static ProcessMemory Read(int pid)
    {
        long rss = 0, anon = 0, hwm = 0, file = 0, shared = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anon = Kilobytes(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kilobytes(line);
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal)) file = Kilobytes(line);
            else if (line.StartsWith("RssShmem:", StringComparison.Ordinal)) shared = Kilobytes(line);
        }
        return new ProcessMemory(rss, anon, hwm, file, shared);

        static long Kilobytes(string line) =>
            long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
