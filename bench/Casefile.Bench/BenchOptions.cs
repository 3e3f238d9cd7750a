using System.Globalization;
using Casefile.Data;

namespace Casefile.Bench;

/// <summary>
/// The command line of one benchmark run: <c>COMMAND [--option value | --flag]...</c>.
/// Kept as the words given, so a report can quote the exact command that produced its figures.
/// </summary>
public sealed class BenchOptions
{
    private static readonly HashSet<string> Flags = ["--report", "--keep"];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private BenchOptions(string command, IReadOnlyList<string> words)
    {
        Command = command;
        Words = words;
    }

    public string Command { get; }

    /// <summary>Everything after <c>--</c> on the <c>dotnet run</c> line, as given.</summary>
    public IReadOnlyList<string> Words { get; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) throw new UsageException("No command given.");
        var options = new BenchOptions(args[0], [.. args]);
        for (var i = 1; i < args.Count; i++)
        {
            var word = args[i];
            if (!word.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"Unexpected argument '{word}'.");
            if (Flags.Contains(word))
            {
                options._flags.Add(word);
                continue;
            }
            if (i + 1 >= args.Count) throw new UsageException($"{word} needs a value.");
            options._values[word] = args[++i];
        }
        return options;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? String(string name) => _values.GetValueOrDefault(name);

    public long Long(string name, long fallback)
    {
        if (!_values.TryGetValue(name, out var text)) return fallback;
        // Accept 1000000, 1_000_000 and 1,000,000 alike.
        var digits = text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new UsageException($"{name} must be a positive whole number, not '{text}'.");
    }

    public int Int(string name, int fallback) => checked((int)Long(name, fallback));

    public DatabaseProvider Provider() => String("--provider")?.ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        null => throw new UsageException("--provider sqlite|postgres is required."),
        var other => throw new UsageException($"Unknown provider '{other}': use sqlite or postgres."),
    };

    /// <summary>The command as a reader could run it again, from the repository root.</summary>
    public string CommandLine()
    {
        var words = Words.Select((w, i) => i > 0 && Words[i - 1] == "--connection" ? Redact(w) : w)
            .Select(w => w.Contains(' ', StringComparison.Ordinal) || w.Contains(';', StringComparison.Ordinal) ? $"\"{w}\"" : w);
        return "dotnet run -c Release --project bench/Casefile.Bench -- " + string.Join(' ', words);
    }

    private static string Redact(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase) ? "Password=***" : p);
        return string.Join(';', parts);
    }
}

public sealed class UsageException(string message) : Exception(message);
