using Casefile.Domain.Records;
using Casefile.Web.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casefile.Web.Features.Chronology;

/// <summary>The case as one story in date order, filtered and searched; printable and downloadable as PDF.</summary>
public sealed class IndexModel(GetChronology chronology, Infrastructure.CaseScope scope) : CasefilePageModel
{
    /// <summary>Whether the viewer may export the case (the policy table's E column): only then is the PDF offered.</summary>
    public bool MayExport { get; private set; }

    [BindProperty(SupportsGet = true)]
    public List<string> Type { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool SignificantOnly { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool NewestFirst { get; set; }

    public ChronologyPage? Result { get; private set; }
    public Guid CaseId { get; private set; }

    /// <summary>The kinds a reader can filter by: each record type, then the other events.</summary>
    public static IReadOnlyList<(string Value, string Text)> Kinds { get; } =
    [
        .. Enum.GetValues<CaseRecordType>().Select(t => (ToCamel(t.ToString()), CaseRecordTypeNames.Of(t))),
        ("referral", "Referrals"), ("caseOpened", "Case opened or reopened"), ("allocation", "Changes of worker or team"), ("recordMovedOut", "Records moved between files"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        CaseId = caseId;
        var query = Query(includeCursor: true);
        if (query is null) return Page();
        await TryAsync(async () =>
        {
            Result = await chronology.HandleAsync(caseId, query, ct);
            return Page();
        }, field => field switch { "type" => "Type", "q" => "Q", "from" => "From", "to" => "To", _ => "" });
        // A bad filter shows its error above the whole chronology; a refusal is answered by the page error filter.
        Result ??= await chronology.HandleAsync(caseId, new ChronologyQuery(), ct);
        // The case was opened by the read above: this asks the memoised decision, not the database.
        MayExport = (await scope.PermissionsAsync(caseId, ct))?.Export.Allowed == true;
        return Page();
    }

    /// <summary>The filters as a query string, without the cursor: for the PDF link and paging links.</summary>
    public string FilterQuery(string? extra = null)
    {
        var parts = new List<string>();
        foreach (var t in Type) parts.Add("Type=" + Uri.EscapeDataString(t));
        if (SignificantOnly) parts.Add("SignificantOnly=true");
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add("Q=" + Uri.EscapeDataString(Q));
        AddDate("From", From);
        AddDate("To", To);
        if (NewestFirst) parts.Add("NewestFirst=true");
        if (extra is not null) parts.Add(extra);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);

        void AddDate(string name, DateParts d)
        {
            if (d.IsEmpty) return;
            parts.Add($"{name}.Day={Uri.EscapeDataString(d.Day ?? "")}&{name}.Month={Uri.EscapeDataString(d.Month ?? "")}&{name}.Year={Uri.EscapeDataString(d.Year ?? "")}");
        }
    }

    /// <summary>The same filters in the API's words, for the PDF download.</summary>
    public string ApiFilterQuery()
    {
        var q = Query(includeCursor: false);
        if (q is null) return "";
        var parts = new List<string>();
        if (q.Type is not null) parts.Add("type=" + Uri.EscapeDataString(q.Type));
        if (q.SignificantOnly == true) parts.Add("significantOnly=true");
        if (q.Q is not null) parts.Add("q=" + Uri.EscapeDataString(q.Q));
        if (q.From is { } f) parts.Add("from=" + f.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (q.To is { } t) parts.Add("to=" + t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (q.NewestFirst == true) parts.Add("newestFirst=true");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private ChronologyQuery? Query(bool includeCursor)
    {
        DateOnly? from = null, to = null;
        if (!From.IsEmpty)
        {
            if (From.TryGetDate("the start date", out var f, out var error)) from = f;
            else ModelState.AddModelError("From", error!);
        }
        if (!To.IsEmpty)
        {
            if (To.TryGetDate("the end date", out var t, out var error)) to = t;
            else ModelState.AddModelError("To", error!);
        }
        if (!ModelState.IsValid && includeCursor) return new ChronologyQuery();
        return new ChronologyQuery
        {
            Type = Type.Count == 0 ? null : string.Join(',', Type),
            SignificantOnly = SignificantOnly,
            Q = Q,
            From = from,
            To = to,
            After = includeCursor ? After : null,
            Before = includeCursor ? Before : null,
            NewestFirst = NewestFirst,
        };
    }

    private static string ToCamel(string s) => char.ToLowerInvariant(s[0]) + s[1..];

    public static IEnumerable<SelectListItem> Orders(bool newestFirst) =>
        [new SelectListItem("Oldest first", "false", !newestFirst), new SelectListItem("Newest first", "true", newestFirst)];
}
