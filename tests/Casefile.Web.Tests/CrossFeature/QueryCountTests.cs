using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Casefile.Web.Tests.CrossFeature;

[CollectionDefinition(nameof(QueryCountTests), DisableParallelization = true)]
public sealed class QueryCountCollection;

/// <summary>
/// How many SQL statements the hottest reads make (issue 5): each costs a round trip and EF's own
/// work, so a new one on these paths should be a decision. Runs alone, so only its own requests are counted.
/// </summary>
[Collection(nameof(QueryCountTests))]
public sealed class QueryCountTests
{
    private static async Task<List<string>> StatementsAsync(CasefileApp app, Func<Task> action)
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

    [Theory, ClassData(typeof(Databases))]
    public async Task ChronologyFirstPage_OverBearer_ReadsFourTimesAndWritesOnlyTheAudit(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        (await worker.GetAsync($"/api/v1/cases/{caseId}/chronology")).StatusCode.ShouldBe(HttpStatusCode.OK); // warm up; notes the token's use

        var statements = await StatementsAsync(app, async () =>
            (await worker.GetAsync($"/api/v1/cases/{caseId}/chronology")).StatusCode.ShouldBe(HttpStatusCode.OK));

        // Before issue 5: 13 reads (8 of them signing the token's user in). Now: the user with their roles and team;
        // the case's access facts with its heading; the count; the page. The audit chain's own statements are not counted.
        var reads = statements.Where(s => s.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !s.Contains("\"Audit", StringComparison.Ordinal)).ToList();
        reads.Count.ShouldBe(4, string.Join("\n---\n", statements));
        statements.Count(s => !s.Contains("\"Audit", StringComparison.Ordinal)).ShouldBe(4, "no writes but the audit's: " + string.Join("\n---\n", statements));
    }

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
