using Casefile.Domain.Assessments;
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
