using Casefile.Domain.Journey;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casefile.Web.Features.People;

/// <summary>
/// The DfE choices the person forms offer, by their plain labels (policy 3.1): the code is what is
/// posted and stored, the label is what people read.
/// </summary>
public static class PersonFormOptions
{
    private static readonly SelectListGroup White = new() { Name = "White" };
    private static readonly SelectListGroup Mixed = new() { Name = "Mixed or multiple ethnic groups" };
    private static readonly SelectListGroup Asian = new() { Name = "Asian or Asian British" };
    private static readonly SelectListGroup Black = new() { Name = "Black or Black British" };
    private static readonly SelectListGroup Other = new() { Name = "Other ethnic groups" };
    private static readonly SelectListGroup NotGiven = new() { Name = "Not given" };

    /// <summary>
    /// The ethnicity select: "Not recorded", then the DfE categories under the census's headings
    /// ("Caribbean" reads as meant under "Black or Black British"). An older record's words that are
    /// not a DfE category come first, chosen, so saving other details keeps them until someone picks one.
    /// </summary>
    public static IReadOnlyList<SelectListItem> Ethnicities(string? stored)
    {
        var items = new List<SelectListItem> { new("Not recorded", "") };
        if (!string.IsNullOrWhiteSpace(stored) && !DfeCodes.Ethnicity.Contains(stored))
            items.Add(new SelectListItem($"Not a DfE category: {stored}, choose one", stored));
        items.AddRange(DfeCodes.Ethnicity.Codes.Select(c => new SelectListItem(c.Label, c.Code) { Group = EthnicityGroup(c.Code) }));
        return items;
    }

    private static SelectListGroup EthnicityGroup(string code) => code switch
    {
        "REFU" or "NOBT" => NotGiven,
        "CHNE" or "OOTH" => Other,
        _ => code[0] switch
        {
            'W' => White,
            'M' => Mixed,
            'A' => Asian,
            'B' => Black,
            _ => Other,
        },
    };

    /// <summary>The DfE disability categories; "No disability" is the exclusive choice, shown last after "or".</summary>
    public static IReadOnlyList<SelectListItem> Disabilities { get; } =
        [.. DfeCodes.Disability.Codes.Select(c => new SelectListItem(c.Label, c.Code))];

    public const string NoDisability = "NONE";

    /// <summary>"Mobility, Hearing"; "No disability"; or null when none are recorded.</summary>
    public static string? DisabilityLabels(IReadOnlyList<string> codes) =>
        codes.Count == 0 ? null : string.Join(", ", codes.Select(DfeCodes.Disability.Label));

    /// <summary>An NHS number as the NHS writes it for people to read: 943 476 5919.</summary>
    public static string? NhsNumberForReading(string? nhsNumber) =>
        nhsNumber is { Length: 10 } n ? $"{n[..3]} {n[3..6]} {n[6..]}" : nhsNumber;
}
