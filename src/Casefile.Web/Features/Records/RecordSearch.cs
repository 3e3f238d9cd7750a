using System.Globalization;
using System.Text.RegularExpressions;
using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Casefile.Domain.Records;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Records;

public enum RecordSearchScope { Caseload, Service }

/// <summary>What was asked: the words, where (<c>caseload</c>, the default, or <c>service</c>) and, for a later page, the cursor.</summary>
public sealed record RecordSearchQuery(string? Q, string? Scope, string? After);

public sealed record RecordSearchHit(Guid RecordId, Guid CaseId, string CaseReference, Guid ChildId, string ChildName, CaseRecordType Type,
    string TypeName, DateTimeOffset OccurredAt, string Snippet);

public sealed record RecordSearchResult(string Words, RecordSearchScope Scope, IReadOnlyList<RecordSearchHit> Records, string? Next);

/// <summary>
/// Finds finalised case records by the words in them (purpose, outcome, narrative, the child's and
/// the family's views), newest first, 25 at a time. Only cases the access policy lets the user
/// read are searched (<see cref="ReadableCases"/> is <see cref="CaseAccessPolicy"/>'s read rules
/// as a query); <c>caseload</c> narrows that to their own cases and, for managers, their teams'.
/// The words go to a real text index (SQLite FTS5, PostgreSQL full-text search: ADR 0011) as
/// parameters, each quoted as a plain word, so nothing typed can change the query. Audited as one event.
/// </summary>
public sealed partial class SearchRecords(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public const int PageSize = 25;
    public const int MaxWords = 12;
    private const int SnippetLength = 200;

    /// <summary>PostgreSQL's stored text-search vector of a record (Sql/RecordSearch.sql of the PostgreSQL migrations), GIN-indexed; not in EF's model.</summary>
    public const string PostgresDocument = "\"SearchVector\"";

    public async Task<RecordSearchResult> HandleAsync(RecordSearchQuery query, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var text = errors.Required(query.Q, "q", "Enter the words to search for", 200);
        var words = text is null ? [] : Words(text);
        if (text is not null && words.Count == 0) errors.Add("q", "Enter words made of letters or numbers");
        if (words.Count > MaxWords) errors.Add("q", $"Search for at most {MaxWords} words");
        var after = ParseCursor(query.After, errors);
        var scope = RecordSearchScope.Caseload;
        if (!string.IsNullOrWhiteSpace(query.Scope) && (!Enum.TryParse(query.Scope, ignoreCase: true, out scope) || !Enum.IsDefined(scope)
            || int.TryParse(query.Scope, CultureInfo.InvariantCulture, out _)))
            errors.Add("scope", "Search either your caseload or the service");
        errors.ThrowIfAny();

        var viewer = await user.ViewerAsync(ct);
        var cases = ReadableCases(viewer);
        if (scope == RecordSearchScope.Caseload)
        {
            var userId = viewer.UserId;
            var overseen = StaffPolicy.TeamsManaged(viewer).ToList();
            cases = cases.Where(c => c.AllocatedWorkerId == userId || overseen.Contains(c.TeamId));
        }

        var matches = Matching(words, scope == RecordSearchScope.Caseload ? viewer : null);
        var records = db.CaseRecords.AsNoTracking().Where(r => r.Status == CaseRecordStatus.Final && matches.Contains(r.Id));
        if (after is { } cursor)
        {
            var (at, id) = cursor;
            records = records.Where(r => r.Content.OccurredAt < at || (r.Content.OccurredAt == at && r.Id.CompareTo(id) < 0));
        }
        var rows = await (from r in records
                          join c in cases on r.CaseFileId equals c.Id
                          join p in db.People on c.ChildId equals p.Id
                          orderby r.Content.OccurredAt descending, r.Id descending
                          select new
                          {
                              r.Id,
                              CaseId = c.Id,
                              c.Reference,
                              c.ChildId,
                              Child = p.GivenName + " " + p.FamilyName,
                              r.Content.Type,
                              r.Content.OccurredAt,
                              r.Content.Purpose,
                              r.Content.Outcome,
                              r.Content.Narrative,
                              r.Content.ChildViews,
                              r.Content.FamilyViews,
                          }).Take(PageSize + 1).ToListAsync(ct);
        var more = rows.Count > PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        var hits = rows.Select(r => new RecordSearchHit(r.Id, r.CaseId, r.Reference, r.ChildId, r.Child, r.Type, CaseRecordTypeNames.Of(r.Type), r.OccurredAt,
            Snippet(words, r.Narrative, r.Purpose, r.Outcome, r.ChildViews, r.FamilyViews))).ToList();
        var next = more ? $"{hits[^1].OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{hits[^1].RecordId:N}" : null;

        // One event for the search, not one per record: what was asked, where, and how many were shown.
        audit.Record(AuditAction.Search, "record", null,
            reason: $"Words \"{string.Join(' ', words)}\" in {(scope == RecordSearchScope.Service ? "the service" : "caseload")}{(after is null ? "" : " (a later page)")}: {hits.Count} {(hits.Count == 1 ? "record" : "records")} shown");
        await db.SaveChangesAsync(ct);
        return new RecordSearchResult(string.Join(' ', words), scope, hits, next);
    }

    /// <summary>
    /// The case files <see cref="CaseAccessPolicy.Decide"/> lets this viewer read, as a query
    /// (<see cref="CaseAccessPolicy.ReadScope"/>, applied by <see cref="Data.Access.CaseFactsQueries.Readable"/>).
    /// </summary>
    public IQueryable<CaseFile> ReadableCases(Viewer viewer) =>
        Data.Access.CaseFactsQueries.Readable(db, CaseAccessPolicy.ReadScope(viewer, user.AccessOptions), clock.GetUtcNow());

    /// <summary>
    /// Ids of records (draft or final) whose text holds every word, from the provider's text index;
    /// with a <paramref name="caseload"/> viewer, only on their own cases and their teams' (the
    /// policy's read rules still apply on top). On SQLite which side drives was measured (issue 5):
    /// a caseload's few thousand records are reached through the case files' index and each tested
    /// against the matches (<c>+rowid</c> keeps SQLite from looking every match up instead), 25 times
    /// faster at tier M; across the service the matches drive. On PostgreSQL likewise, with the
    /// caseload's test written so that the GIN index cannot serve it.
    /// </summary>
    private IQueryable<Guid> Matching(IReadOnlyList<string> words, Viewer? caseload)
    {
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // plainto_tsquery reads the words as plain words joined by AND: no operators, whatever they contain.
            var plain = string.Join(' ', words);
            if (caseload is null)
                return db.Database.SqlQueryRaw<Guid>(
                    "SELECT \"Id\" AS \"Value\" FROM \"CaseRecords\" WHERE " + PostgresDocument + " @@ plainto_tsquery('english'::regconfig, {0})", plain);
            // coalesce(...) is PostgreSQL's +rowid: the GIN index cannot serve it, so the caseload drives (4.5 times faster at tier S).
            Guid[] overseen = [.. StaffPolicy.TeamsManaged(caseload)];
            return db.Database.SqlQuery<Guid>(
                $"""
                SELECT r."Id" AS "Value" FROM "CaseFiles" c JOIN "CaseRecords" r ON r."CaseFileId" = c."Id"
                WHERE (c."AllocatedWorkerId" = {caseload.UserId} OR c."TeamId" = ANY({overseen}))
                  AND coalesce(r."SearchVector", ''::tsvector) @@ plainto_tsquery('english'::regconfig, {plain})
                """);
        }
        var match = FtsMatch(words);
        if (caseload is null)
            return db.Database.SqlQuery<Guid>(
                $"""SELECT "Id" AS "Value" FROM "CaseRecords" WHERE rowid IN (SELECT rowid FROM "CaseRecordSearch" WHERE "CaseRecordSearch" MATCH {match})""");
        // GUIDs as EF Core stores them on SQLite (upper-case text); each a parameter.
        var teams = StaffPolicy.TeamsManaged(caseload).ToList();
        var parameters = new List<object> { match, caseload.UserId.ToString().ToUpperInvariant() };
        parameters.AddRange(teams.Select(t => (object)t.ToString().ToUpperInvariant()));
        var inTeams = teams.Count == 0 ? "" : $" OR c.\"TeamId\" IN ({string.Join(", ", teams.Select((_, i) => $"{{{i + 2}}}"))})";
        // Only placeholders ({2}, {3}, ...) are concatenated; every value is a parameter.
#pragma warning disable EF1003
        return db.Database.SqlQueryRaw<Guid>(
            "SELECT r.\"Id\" AS \"Value\" FROM \"CaseFiles\" c JOIN \"CaseRecords\" r ON r.\"CaseFileId\" = c.\"Id\" " +
            $"WHERE (c.\"AllocatedWorkerId\" = {{1}}{inTeams}) AND +r.rowid IN (SELECT rowid FROM \"CaseRecordSearch\" WHERE \"CaseRecordSearch\" MATCH {{0}})",
            [.. parameters]);
#pragma warning restore EF1003
    }

    /// <summary>
    /// The FTS5 MATCH expression: every word as a quoted string (a quote inside doubled), joined by
    /// spaces (AND). Quoted, <c>OR</c>, <c>NEAR</c>, <c>*</c>, <c>-</c> and <c>:</c> are only text.
    /// </summary>
    public static string FtsMatch(IReadOnlyList<string> words) =>
        string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>The words of what was typed: runs of letters and digits, lower case, each once.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    /// <summary>About <see cref="SnippetLength"/> characters around the first word found (by its start, so "visit" finds "visited").</summary>
    public static string Snippet(IReadOnlyList<string> words, params string?[] fields)
    {
        foreach (var field in fields)
        {
            if (string.IsNullOrWhiteSpace(field)) continue;
            var at = words.Select(w => field.IndexOf(w.Length > 4 ? w[..4] : w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (at < 0) continue;
            var start = Math.Max(0, at - SnippetLength / 3);
            if (start > 0 && field.LastIndexOf(' ', start) is var space and > 0 && start - space < 20) start = space + 1;
            var length = Math.Min(SnippetLength, field.Length - start);
            return (start > 0 ? "…" : "") + field.Substring(start, length).Trim() + (start + length < field.Length ? "…" : "");
        }
        var first = fields.FirstOrDefault(f => !string.IsNullOrWhiteSpace(f)) ?? "";
        return first.Length > SnippetLength ? first[..SnippetLength].Trim() + "…" : first;
    }

    private static (DateTimeOffset, Guid)? ParseCursor(string? cursor, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(cursor)) return null;
        var parts = cursor.Split('.');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParseExact(parts[1], "N", out var id))
            return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        errors.Add("after", "This page link is not valid. Search again");
        return null;
    }
}
