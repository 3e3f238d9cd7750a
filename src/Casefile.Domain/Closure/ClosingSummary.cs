using Casefile.Domain.Common;

namespace Casefile.Domain.Closure;

/// <summary>
/// The closing summary the worker writes when a case closes (policy 3.13, 6.3): why Children's
/// Social Care was involved, what was done and what came of it, which other professionals were
/// involved and what they think, and who will go on supporting the child and family.
/// </summary>
public sealed record ClosingSummary
{
    public const int FieldLength = 10_000;

    private ClosingSummary(string reasonForInvolvement, string actionsAndOutcomes, string otherProfessionals, string continuingSupport)
    {
        ReasonForInvolvement = reasonForInvolvement;
        ActionsAndOutcomes = actionsAndOutcomes;
        OtherProfessionals = otherProfessionals;
        ContinuingSupport = continuingSupport;
    }

    public string ReasonForInvolvement { get; }
    public string ActionsAndOutcomes { get; }
    public string OtherProfessionals { get; }
    public string ContinuingSupport { get; }

    /// <summary>Every part is required: a summary without one of them does not meet policy 3.13.</summary>
    public static ClosingSummary Create(string? reasonForInvolvement, string? actionsAndOutcomes, string? otherProfessionals,
        string? continuingSupport)
    {
        var errors = new List<RuleViolationException>();
        var reason = Collect(errors, () => Guard.Required(reasonForInvolvement, "reasonForInvolvement", "the reason for involvement", FieldLength));
        var actions = Collect(errors, () => Guard.Required(actionsAndOutcomes, "actionsAndOutcomes", "the actions taken and their outcomes", FieldLength));
        var others = Collect(errors, () => Guard.Required(otherProfessionals, "otherProfessionals",
            "which other professionals were involved and their views", FieldLength));
        var support = Collect(errors, () => Guard.Required(continuingSupport, "continuingSupport",
            "who will go on supporting the child and family", FieldLength));
        if (errors.Count > 0) throw new RuleViolationsException(errors);
        return new ClosingSummary(reason!, actions!, others!, support!);
    }

    private static string? Collect(List<RuleViolationException> errors, Func<string> read)
    {
        try { return read(); }
        catch (RuleViolationException e) { errors.Add(e); return null; }
    }
}
