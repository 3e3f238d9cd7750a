namespace Casefile.Web.Infrastructure;

/// <summary>The record does not exist, or the user may not know that it exists (404).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found");

/// <summary>The user knows the record exists but may not do this with it (403), with how to get access.</summary>
public sealed class AccessDeniedException(string reason, string? howToGetAccess = null) : Exception(reason)
{
    public string? HowToGetAccess { get; } = howToGetAccess;
}

/// <summary>One or more inputs are wrong (400). Keys are the API's camelCase field names.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are not valid")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>
/// Collects every problem with a command's input before it is handled, so a form or an API
/// client learns of all of them at once rather than one per attempt.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    /// <summary>Drops a field's errors, where the caller has a more specific message for it.</summary>
    public ValidationErrors Without(string field)
    {
        _errors.Remove(field);
        return this;
    }

    public string? Required(string? value, string field, string message, int maxLength = 4000)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Add(field, message);
            return null;
        }
        if (trimmed.Length > maxLength) Add(field, $"Must be {maxLength} characters or fewer");
        return trimmed;
    }

    public string? Optional(string? value, string field, int maxLength = 4000)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > maxLength) Add(field, $"Must be {maxLength} characters or fewer");
        return trimmed;
    }

    /// <summary>
    /// Runs one of the domain's own checks (a UPN's check letter) with the others, so its refusal is
    /// listed with them by its field rather than alone after they are put right.
    /// </summary>
    public ValidationErrors Check(Action domainCheck)
    {
        ArgumentNullException.ThrowIfNull(domainCheck);
        try
        {
            domainCheck();
        }
        catch (Domain.Common.RuleViolationException e) when (e.Field is not null && e is not Domain.Common.StateConflictException)
        {
            Add(e.Field, e.Message);
        }
        return this;
    }

    public void ThrowIfAny()
    {
        if (Any) throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
