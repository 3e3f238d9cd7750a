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

/// <summary>
/// The action must go through another process of the policy (a move to another team is a transfer,
/// not a reallocation). Answered as 422 with the rule, the field at fault and the process to use.
/// </summary>
public sealed class ProcessRequiredException(string rule, string message, string field, string process)
    : RuleViolationException(rule, message, field)
{
    public string Process { get; } = process;
}

/// <summary>
/// Too many of one kind of action by one person in a short time (a burst of emergency access or
/// exports): refused and reported to their managers. Answered as 429 with the rule.
/// </summary>
public sealed class BurstLimitException(string rule, string message, int limit, TimeSpan window) : RuleViolationException(rule, message)
{
    public int Limit { get; } = limit;
    public TimeSpan Window { get; } = window;
}
