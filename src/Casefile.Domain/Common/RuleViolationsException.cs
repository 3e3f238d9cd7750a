namespace Casefile.Domain.Common;

/// <summary>
/// Several fields broke their rules at once: a form shows every one of them in its error summary
/// rather than one at a time.
/// </summary>
public sealed class RuleViolationsException(IReadOnlyList<RuleViolationException> violations)
    : RuleViolationException(violations[0].Rule, string.Join(" ", violations.Select(v => v.Message)), violations[0].Field)
{
    public IReadOnlyList<RuleViolationException> Violations { get; } = violations;
}
