using Casefile.Domain.Common;

namespace Casefile.Domain.Journey;

/// <summary>
/// A step of the statutory journey the rules do not allow as asked: a review before an initial
/// conference, a plan with no category, an unknown DfE code. Answered 422 naming the field and the
/// rule, nothing saved; a malformed identifier (<paramref name="badRequest"/>) is a 400.
/// </summary>
public sealed class JourneyStepRefusedException(string rule, string message, string? field = null, bool badRequest = false)
    : RuleViolationException(rule, message, field)
{
    public bool IsBadRequest { get; } = badRequest;
}
