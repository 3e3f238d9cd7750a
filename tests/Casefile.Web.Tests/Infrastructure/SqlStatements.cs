using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Casefile.Web.Tests.Infrastructure;

/// <summary>
/// The SQL statements EF Core sends to one test app's database while an action runs, read from EF
/// Core's diagnostic events (the audit group commit's own statements, sent on a raw connection, are
/// not among them). For tests that pin what a request costs; run them alone, so only their requests count.
/// </summary>
public static class SqlStatements
{
    public static async Task<List<string>> DuringAsync(CasefileApp app, Func<Task> action)
    {
        var seen = new ConcurrentQueue<string>();
        using var listeners = new Observer(listener =>
        {
            if (listener.Name != DbLoggerCategory.Name) return null;
            return new Observer<KeyValuePair<string, object?>>(e =>
            {
                if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData data
                    && data.Command.Connection?.ConnectionString is { } cs && SameDatabase(app, cs))
                    seen.Enqueue(data.Command.CommandText);
            });
        });
        using (DiagnosticListener.AllListeners.Subscribe(listeners)) await action();
        return [.. seen];
    }

    private static bool SameDatabase(CasefileApp app, string connectionString) =>
        app.Database == Db.Sqlite ? connectionString.Contains(app.DataDirectory, StringComparison.Ordinal) : connectionString.Contains(new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString).Database!, StringComparison.Ordinal);

    private sealed class Observer(Func<DiagnosticListener, IObserver<KeyValuePair<string, object?>>?> subscribe) : IObserver<DiagnosticListener>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        public void Dispose() => _subscriptions.ForEach(s => s.Dispose());
        public void OnNext(DiagnosticListener value)
        {
            if (subscribe(value) is { } observer) _subscriptions.Add(value.Subscribe(observer));
        }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnNext(T value) => next(value);
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
