using Casefile.Domain.Assessments;
using Casefile.Web.Govuk;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casefile.Web.Features.Assessments;

/// <summary>What the start and edit pages post: the same fields as the API's command.</summary>
public sealed class AssessmentInput
{
    public string? Kind { get; set; }
    public string? Summary { get; set; }
    public string? FamilyContribution { get; set; }
    public string? HowShared { get; set; }
    public string? OrderSought { get; set; }

    /// <summary>The DfE factors ticked (child and family assessments); null when the form did not offer them.</summary>
    public List<string?>? Factors { get; set; }
    public bool RecommendsNoFurtherAction { get; set; }
    public Guid? Version { get; set; }

    public AssessmentOrPlanCommand ToCommand() => new()
    {
        Kind = Enum.TryParse<AssessmentOrPlanKind>(Kind, out var k) ? k : null,
        Summary = Summary,
        FamilyContribution = FamilyContribution,
        HowShared = HowShared,
        OrderSought = Enum.TryParse<CourtOrderSought>(OrderSought, out var o) ? o : null,
        RecommendsNoFurtherAction = RecommendsNoFurtherAction,
        Factors = GovukCheckboxes.Ticked(Factors),
        Version = Version,
    };

    public static AssessmentInput From(AssessmentOrPlanView v) => new()
    {
        Kind = v.Kind.ToString(),
        Summary = v.Content.Summary,
        FamilyContribution = v.Content.FamilyContribution,
        HowShared = v.Content.HowShared,
        OrderSought = v.Content.OrderSought?.ToString(),
        RecommendsNoFurtherAction = v.Content.RecommendsNoFurtherAction,
        Factors = [.. v.Factors],
        Version = v.Version,
    };

    /// <summary>API field names to form keys.</summary>
    public static string? FormKey(string field) => field switch
    {
        "kind" => "Input.Kind",
        "summary" => "Input.Summary",
        "familyContribution" => "Input.FamilyContribution",
        "howShared" => "Input.HowShared",
        "orderSought" => "Input.OrderSought",
        "recommendsNoFurtherAction" => "Input.RecommendsNoFurtherAction",
        "factors" => "Input.Factors",
        _ => "",
    };
}

/// <summary>The choices the forms offer, in plain words.</summary>
public static class AssessmentFormOptions
{
    public static IEnumerable<SelectListItem> PlanKinds(string? selected) =>
        Enum.GetValues<AssessmentOrPlanKind>().Where(k => !AssessmentOrPlanKinds.IsAssessment(k))
            .Select(k => new SelectListItem(AssessmentOrPlanKinds.Name(k), k.ToString(), k.ToString() == selected));

    public static IEnumerable<SelectListItem> Orders(string? selected) =>
        Enum.GetValues<CourtOrderSought>().Select(o => new SelectListItem(
            char.ToUpperInvariant(AssessmentOrPlanKinds.Name(o)[0]) + AssessmentOrPlanKinds.Name(o)[1..], o.ToString(), o.ToString() == selected));

    /// <summary>"No factors identified": the exclusive choice, shown last after "or".</summary>
    public const string NoFactors = "21";

    // The census's factors under plain headings, so a worker finds them without reading all forty;
    // each label still says what it is on its own ("Alcohol misuse: parent").
    private static readonly (string Group, string[] Codes)[] FactorGroups =
    [
        ("Alcohol and drugs", ["1A", "1B", "1C", "2A", "2B", "2C"]),
        ("Domestic abuse", ["3A", "3B", "3C"]),
        ("Mental health, learning disability and physical health", ["4A", "4B", "4C", "5A", "5B", "5C", "6A", "6B", "6C"]),
        ("Abuse and neglect", ["16A", "17A", "18B", "18C", "19B", "19C", "20"]),
        ("Harm outside the home", ["10A", "11A", "23A", "12A", "13A", "24A"]),
        ("The child's behaviour", ["14A", "15A"]),
        ("Caring, private fostering and seeking asylum", ["7A", "8B", "8C", "8D", "8E", "8F", "9A"]),
        ("Other", ["22A"]),
    ];

    /// <summary>The factors a child and family assessment may record, grouped, with "No factors identified" last.</summary>
    public static IReadOnlyList<SelectListItem> Factors { get; } = BuildFactors();

    private static List<SelectListItem> BuildFactors()
    {
        var set = Casefile.Domain.Journey.DfeCodes.AssessmentFactor;
        var items = new List<SelectListItem>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var group = new SelectListGroup();
        foreach (var (name, codes) in FactorGroups)
        {
            group = new SelectListGroup { Name = name };
            foreach (var code in codes.Where(set.Contains))
            {
                items.Add(new SelectListItem(set.Label(code), code) { Group = group });
                listed.Add(code);
            }
        }
        // Any code the set gains later still shows, in the last group ("Other").
        var other = group;
        items.AddRange(set.Codes.Where(c => c.Code != NoFactors && !listed.Contains(c.Code)).Select(c => new SelectListItem(c.Label, c.Code) { Group = other }));
        items.Add(new SelectListItem(set.Label(NoFactors), NoFactors));
        return items;
    }

    /// <summary>The labels of the factors recorded, in the order the form shows them.</summary>
    public static IReadOnlyList<string> FactorLabels(IReadOnlyList<string> codes) =>
        [.. Factors.Where(f => codes.Contains(f.Value, StringComparer.OrdinalIgnoreCase)).Select(f => f.Text)];

    public static string TagClass(AssessmentOrPlanStatus status) => status switch
    {
        AssessmentOrPlanStatus.Draft => "govuk-tag--grey",
        AssessmentOrPlanStatus.Submitted => "govuk-tag--blue",
        AssessmentOrPlanStatus.Returned => "govuk-tag--orange",
        AssessmentOrPlanStatus.Authorised => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };

    /// <summary>"12 working days left", "due today", "3 working days overdue".</summary>
    public static string DaysLeft(int? left) => left switch
    {
        null => "",
        0 => "due today",
        1 => "1 working day left",
        > 1 => $"{left} working days left",
        -1 => "1 working day overdue",
        _ => $"{-left} working days overdue",
    };
}
