namespace Casefile.Domain.Cases;

/// <summary>
/// The human-readable case reference workers quote on the phone and in letters: "CF" and a
/// six-digit number with a check letter, so a mistyped reference is caught ("CF-004217-N").
/// </summary>
public static class CaseReference
{
    private const string CheckLetters = "ABCDEFGHJKLMNPQRSTVWXYZ";

    public static string Format(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        var digits = number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return $"CF-{digits}-{CheckLetter(digits)}";
    }

    public static bool IsValid(string? reference)
    {
        if (reference is null) return false;
        var parts = reference.Trim().ToUpperInvariant().Split('-');
        return parts.Length == 3 && parts[0] == "CF" && parts[1].Length >= 6 && parts[1].All(char.IsAsciiDigit)
            && parts[2].Length == 1 && parts[2][0] == CheckLetter(parts[1]);
    }

    private static char CheckLetter(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++) sum += (digits[i] - '0') * (i + 2);
        return CheckLetters[sum % CheckLetters.Length];
    }
}
