using System.Globalization;
using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Records;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Chronology;

/// <summary>What the reader asked for: filters, and where the page starts (a cursor, never an offset).</summary>
public sealed record ChronologyQuery
{
    /// <summary>Kinds of event, comma separated: record types (<c>homeVisit</c>) or other events (<c>referral</c>, <c>allocation</c>).</summary>
    public string? Type { get; init; }
    public bool? SignificantOnly { get; init; }
    public string? Q { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? After { get; init; }
    public string? Before { get; init; }
    public bool? NewestFirst { get; init; }
    public int? PageSize { get; init; }
}

public sealed record ChronologyItem(long Id, DateTimeOffset OccurredAt, ChronologyKind Kind, CaseRecordType? RecordType, string Title, string? Summary,
    Guid? SourceId, string? By, bool Significant, bool ManagementDecision, bool Late, int AddendumCount);

public sealed record ChronologyPage(Guid CaseId, string CaseReference, Guid ChildId, string ChildName, DateOnly? ChildDateOfBirth,
    IReadOnlyList<ChronologyItem> Entries, int? Total, string? Next, string? Previous)
{
    /// <summary>The filters applied, in words (for the printout and the audit), or null for everything.</summary>
    public string? Filters { get; init; }
}

/// <summary>
/// A child's chronology: the case file as one story in date order (policy 3.6, 9.1), a page at a
/// time by keyset (the 200th page costs what the first does), filtered by kind, significance,
/// dates and words. Every look is audited.
/// </summary>
public sealed class GetChronology(AppDbContext db, CaseScope access, AuditTrail audit, BurstGuard bursts)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxExport = 10_000;

    public async Task<ChronologyPage> HandleAsync(Guid caseId, ChronologyQuery query, CancellationToken ct) =>
        await ReadAsync(caseId, query, export: false, ct);

    /// <summary>Every matching entry, in order, for printing or PDF (up to <see cref="MaxExport"/>).</summary>
    public async Task<ChronologyPage> ExportAsync(Guid caseId, ChronologyQuery query, CancellationToken ct) =>
        await ReadAsync(caseId, query with { After = null, Before = null, PageSize = MaxExport }, export: true, ct);

    private async Task<ChronologyPage> ReadAsync(Guid caseId, ChronologyQuery query, bool export, CancellationToken ct)
    {
        var filter = Parse(query, export);
        // The access facts and the heading (reference, child) come in one query.
        // Exporting follows the policy table's export column (never by emergency access), and a burst of exports is refused.
        var (_, head) = await access.DemandWithHeadingAsync(caseId, export ? AccessAction.Export : AccessAction.Read, export ? "export" : AuditAction.View, ct);
        if (export) await bursts.CheckAsync(BurstKind.Export, caseId, ct);

        var matching = Filtered(caseId, filter);
        // A page after the first came from a link on an earlier one, which gave the total: counting again
        // would scan every matching entry on each page, and page 200 must cost what page 1 does.
        int? total = filter.After is null && filter.Before is null ? await matching.CountAsync(ct) : null;
        var backwards = filter.Before is not null;
        var ascending = filter.NewestFirst == backwards;
        var page = matching;
        if ((filter.After ?? filter.Before) is { } cursor)
        {
            var (at, id) = cursor;
            page = ascending
                ? page.Where(e => e.OccurredAt > at || (e.OccurredAt == at && e.Id > id))
                : page.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Id < id));
        }
        page = ascending ? page.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id) : page.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
        var rows = await (from e in page.Take(filter.PageSize + 1)
                          join u in db.Users on e.By equals u.Id into authors
                          from u in authors.DefaultIfEmpty()
                          select new ChronologyItem(e.Id, e.OccurredAt, e.Kind, e.RecordType, e.Title, e.Summary, e.SourceId,
                              u == null ? null : u.DisplayName, e.Significant, e.RecordType == CaseRecordType.ManagementDecision, e.Late, e.AddendumCount))
            .ToListAsync(ct);
        // The join can lose the order on some providers; the cursor order is the contract.
        rows = ascending ? [.. rows.OrderBy(r => r.OccurredAt).ThenBy(r => r.Id)] : [.. rows.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id)];
        var more = rows.Count > filter.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (backwards) rows.Reverse();

        string? next = null, previous = null;
        if (rows.Count > 0)
        {
            if (backwards ? true : more) next = Cursor(rows[^1]);
            if (backwards ? more : filter.After is not null) previous = Cursor(rows[0]);
        }
        audit.Record(export ? "export" : AuditAction.View, "chronology", caseId, caseId, head.ChildId,
            reason: filter.Description is { } d ? $"Filtered: {d}" : null);
        await db.SaveChangesAsync(ct);
        return new ChronologyPage(caseId, head.Reference, head.ChildId, head.ChildName, head.ChildDateOfBirth, rows, total, next, previous) { Filters = filter.Description };
    }

    private IQueryable<ChronologyEntry> Filtered(Guid caseId, Filter f)
    {
        var q = db.Chronology.AsNoTracking().Where(e => e.CaseFileId == caseId);
        if (f.Kinds.Count > 0 || f.RecordTypes.Count > 0)
        {
            var kinds = f.Kinds;
            var types = f.RecordTypes;
            q = q.Where(e => kinds.Contains(e.Kind) || (e.RecordType != null && types.Contains(e.RecordType.Value)));
        }
        if (f.SignificantOnly) q = q.Where(e => e.Significant);
        if (f.From is { } from) q = q.Where(e => e.OccurredAt >= from);
        if (f.To is { } to) q = q.Where(e => e.OccurredAt < to);
        if (f.Text is { } text)
        {
            q = q.Where(e => e.Title.ToLower().Contains(text) || (e.Summary != null && e.Summary.ToLower().Contains(text))
                || db.CaseRecords.Any(r => r.Id == e.SourceId && (
                    (r.Content.Narrative != null && r.Content.Narrative.ToLower().Contains(text))
                    || (r.Content.Seen != null && r.Content.Seen.ToLower().Contains(text))
                    || (r.Content.SpokenTo != null && r.Content.SpokenTo.ToLower().Contains(text))
                    || (r.Content.ChildViews != null && r.Content.ChildViews.ToLower().Contains(text))
                    || (r.Content.FamilyViews != null && r.Content.FamilyViews.ToLower().Contains(text))
                    || r.Addenda.Any(a => a.Text.ToLower().Contains(text)))));
        }
        return q;
    }

    private sealed record Filter(List<ChronologyKind> Kinds, List<CaseRecordType> RecordTypes, bool SignificantOnly, string? Text,
        DateTimeOffset? From, DateTimeOffset? To, (DateTimeOffset, long)? After, (DateTimeOffset, long)? Before, bool NewestFirst, int PageSize, string? Description);

    private static Filter Parse(ChronologyQuery query, bool export)
    {
        var errors = new ValidationErrors();
        var kinds = new List<ChronologyKind>();
        var types = new List<CaseRecordType>();
        var described = new List<string>();
        foreach (var part in (query.Type ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = part.Replace("-", "", StringComparison.Ordinal);
            if (Enum.TryParse<CaseRecordType>(name, ignoreCase: true, out var t) && !int.TryParse(name, CultureInfo.InvariantCulture, out _)) types.Add(t);
            else if (Enum.TryParse<ChronologyKind>(name, ignoreCase: true, out var k) && !int.TryParse(name, CultureInfo.InvariantCulture, out _))
            {
                kinds.Add(k);
                if (k == ChronologyKind.RecordMovedOut) kinds.Add(ChronologyKind.RecordMovedIn);
            }
            else errors.Add("type", $"'{part}' is not a kind of event. Use record types such as homeVisit, or referral, caseOpened, allocation, recordMovedOut");
        }
        if (types.Count + kinds.Count > 0) described.Add("kinds: " + string.Join(", ", types.Select(CaseRecordTypeNames.Of).Concat(kinds.Select(k => k.ToString()))));
        var text = errors.Optional(query.Q, "q", 200)?.ToLowerInvariant();
        if (text is not null) described.Add($"words \"{text}\"");
        if (query.SignificantOnly == true) described.Add("significant events only");
        // The chronology is kept in London time: a date far outside the service's years has no instant (and 9999-12-31 has no next day).
        if (query.From is { Year: < 1900 or > 2999 }) errors.Add("from", "The start date must be between the years 1900 and 2999");
        if (query.To is { Year: < 1900 or > 2999 }) errors.Add("to", "The end date must be between the years 1900 and 2999");
        if (query.From is { } f && query.To is { } t2 && t2 < f) errors.Add("to", "The end date must be the same as or after the start date");
        if (query.From is not null || query.To is not null) described.Add($"dates {query.From?.Display() ?? "any"} to {query.To?.Display() ?? "any"}");
        var size = query.PageSize ?? DefaultPageSize;
        if (!export && size is < 1 or > MaxPageSize) errors.Add("pageSize", $"The page size must be between 1 and {MaxPageSize}");
        if (query.After is not null && query.Before is not null) errors.Add("before", "Give either after or before, not both");
        var after = ParseCursor(query.After, "after", errors);
        var before = ParseCursor(query.Before, "before", errors);
        errors.ThrowIfAny();
        return new Filter(kinds, types, query.SignificantOnly == true, text,
            query.From is { } from ? LondonTime.FromLondon(from, TimeOnly.MinValue) : null,
            query.To is { } to ? LondonTime.FromLondon(to.AddDays(1), TimeOnly.MinValue) : null,
            after, before, query.NewestFirst == true, size, described.Count > 0 ? string.Join("; ", described) : null);
    }

    private static string Cursor(ChronologyItem item) => $"{item.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{item.Id.ToString(CultureInfo.InvariantCulture)}";

    private static (DateTimeOffset, long)? ParseCursor(string? cursor, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(cursor)) return null;
        var parts = cursor.Split('.');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        errors.Add(field, "This page link is not valid. Go back to the start of the chronology");
        return null;
    }
}
