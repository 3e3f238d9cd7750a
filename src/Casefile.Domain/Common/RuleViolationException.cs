namespace Casefile.Domain.Common;

/// <summary>
/// Thrown when an action would break a rule of the Case Recording Policy or of the service's
/// own integrity (for example deciding a referral twice). <see cref="Rule"/> is a stable
/// machine-readable name; the message is plain language a worker can act on.
/// </summary>
public class RuleViolationException(string rule, string message, string? field = null) : Exception(message)
{
    public string Rule { get; } = rule;

    /// <summary>The input field at fault, where there is one (camelCase, as the API names it).</summary>
    public string? Field { get; } = field;
}

/// <summary>
/// The action conflicts with the current state of the record (it has already happened, or
/// somebody else changed it first). Answered as 409 by the API.
/// </summary>
public sealed class StateConflictException(string rule, string message) : RuleViolationException(rule, message);
