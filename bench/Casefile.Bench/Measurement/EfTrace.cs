using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Casefile.Bench.Measurement;

/// <summary>One database call EF Core made while serving a request: what, when it started, and how long it took.</summary>
public sealed record TracedCall(string Kind, DateTimeOffset StartedAt, double Milliseconds, string? Sql, IReadOnlyList<KeyValuePair<string, object?>>? Parameters,
    IReadOnlyList<DbParameter>? Copies = null)
{
    public string Label { get; } = Sql is null ? Kind.ToUpperInvariant() : EfTrace.Label(Sql);
}

/// <summary>
/// Listens to EF Core's diagnostic events in this process while switched on, to say where a
/// request's time goes: each command (with its text and parameters, to explain its plan), how
/// long it ran until its reader was closed, each commit and each connection opened. Off, it is
/// not subscribed at all, so the timed runs pay nothing for it; on, it asks EF Core for those
/// four events only and does as little as it can in each, but traced requests are still a
/// little slower.
/// </summary>
public sealed partial class EfTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<TracedCall> _calls = new();
    private readonly ConcurrentDictionary<Guid, (string Sql, List<KeyValuePair<string, object?>>? Parameters, List<DbParameter>? Copies, DateTimeOffset At, double Ms)> _open = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly bool _copyParameters;

    private EfTrace(bool copyParameters)
    {
        _copyParameters = copyParameters;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public static EfTrace Start() => new(false);

    /// <summary>Also keeps a copy of every command's parameters (<see cref="TracedCall.Copies"/>), so the statements can be run again by hand.</summary>
    public static EfTrace StartCopying() => new(true);

    /// <summary>
    /// A parameter to add to another command, with its value bound as the application bound it. A SQLite parameter is
    /// the same object: its collection does not own it, and a copy made from its public properties does not bind the same
    /// (a Guid the application sends as text went as a blob, and every statement found no row).
    /// </summary>
    public static DbParameter Copy(DbParameter p) => p switch
    {
        SqliteParameter s => s,
        ICloneable c => (DbParameter)c.Clone(),
        _ => throw new NotSupportedException($"Cannot copy a {p.GetType().Name}."),
    };

    /// <summary>The calls made since the last time this was asked.</summary>
    public List<TracedCall> Take()
    {
        var calls = new List<TracedCall>();
        while (_calls.TryDequeue(out var call)) calls.Add(call);
        return calls;
    }

    private static readonly HashSet<string> Events =
    [
        RelationalEventId.CommandExecuted.Name!, RelationalEventId.DataReaderDisposing.Name!,
        RelationalEventId.TransactionCommitted.Name!, RelationalEventId.ConnectionOpened.Name!,
    ];

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, (name, _, _) => Events.Contains(name)));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        switch (e.Value)
        {
            case CommandExecutedEventData executed:
                // A reader is timed until it is closed (DataReaderDisposing); other commands end here. Parameters are kept
                // only for the chronology's queries, whose plans are asked for; labels are made later, off the request's path.
                var sql = executed.Command.CommandText;
                var parameters = sql.Contains("ChronologyEntries", StringComparison.Ordinal)
                    ? executed.Command.Parameters.Cast<System.Data.Common.DbParameter>()
                        .Select(p => new KeyValuePair<string, object?>(p.ParameterName, p.Value is DBNull ? null : p.Value)).ToList()
                    : null;
                var copies = _copyParameters ? executed.Command.Parameters.Cast<DbParameter>().Select(Copy).ToList() : null;
                if (executed.ExecuteMethod == DbCommandMethod.ExecuteReader)
                    _open[executed.CommandId] = (sql, parameters, copies, executed.StartTime, executed.Duration.TotalMilliseconds);
                else
                    _calls.Enqueue(new TracedCall("command", executed.StartTime, executed.Duration.TotalMilliseconds, sql, parameters, copies));
                break;
            case DataReaderDisposingEventData disposing when _open.TryRemove(disposing.CommandId, out var open):
                _calls.Enqueue(new TracedCall("command", open.At, Math.Max(open.Ms, disposing.Duration.TotalMilliseconds), open.Sql, open.Parameters, open.Copies));
                break;
            case TransactionEndEventData committed when e.Key == RelationalEventId.TransactionCommitted.Name:
                _calls.Enqueue(new TracedCall("commit", committed.StartTime, committed.Duration.TotalMilliseconds, null, null));
                break;
            case ConnectionEndEventData opened when e.Key == RelationalEventId.ConnectionOpened.Name:
                _calls.Enqueue(new TracedCall("open", opened.StartTime, opened.Duration.TotalMilliseconds, null, null));
                break;
        }
    }

    /// <summary>A short name for a statement: its verb and its main table (and COUNT, EXISTS or a limit where it has one).</summary>
    public static string Label(string sql)
    {
        var flat = Whitespace().Replace(sql, " ").Trim();
        var statements = flat.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("; ", statements.Select(One));

        static string One(string s)
        {
            var verb = s.Split(' ')[0].ToUpperInvariant();
            var table = verb switch
            {
                "INSERT" => Table().Match(s[s.IndexOf("INTO", StringComparison.OrdinalIgnoreCase)..]).Groups[1].Value,
                "UPDATE" => Table().Match(s).Groups[1].Value,
                _ => FromTable().Match(s).Groups[1].Value,
            };
            var extra = s.Contains("COUNT(", StringComparison.OrdinalIgnoreCase) ? " COUNT" : "";
            if (s.Contains("LIMIT", StringComparison.OrdinalIgnoreCase)) extra += " LIMIT";
            if (verb == "SELECT" && s.Contains("lower(", StringComparison.OrdinalIgnoreCase)) extra += " (text filter)";
            return $"{verb} {table}{extra}".Trim();
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("\"(\\w+)\"")]
    private static partial Regex Table();

    [GeneratedRegex("FROM \"(\\w+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FromTable();

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var s in _subscriptions) s.Dispose();
            _subscriptions.Clear();
        }
    }
}
