namespace Casefile.Domain.Common;

internal static class Guard
{
    public static string Required(string? value, string field, string label, int maxLength = 4000)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new RuleViolationException("required", $"Enter {label}", field);
        if (trimmed.Length > maxLength)
            throw new RuleViolationException("too-long", $"{Capitalise(label)} must be {maxLength} characters or fewer", field);
        return trimmed;
    }

    public static string? Optional(string? value, string field, string label, int maxLength = 4000)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > maxLength)
            throw new RuleViolationException("too-long", $"{Capitalise(label)} must be {maxLength} characters or fewer", field);
        return trimmed;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
