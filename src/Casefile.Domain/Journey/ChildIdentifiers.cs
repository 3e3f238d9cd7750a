namespace Casefile.Domain.Journey;

/// <summary>
/// A child's Unique Pupil Number (DfE): 13 characters, the first a check letter over the other
/// twelve (each character's value times its position, 2 to 13, summed, modulo 23, as a letter of
/// A–Z without I, O and S). The last character may be a letter, in a temporary UPN.
/// </summary>
public static class UniquePupilNumber
{
    private const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static bool IsValid(string? upn) => upn is { Length: 13 } && CheckLetterOf(upn.ToUpperInvariant()) is { } check && check == char.ToUpperInvariant(upn[0]);

    /// <summary>The check letter the other twelve characters give, or null when they are not a UPN's.</summary>
    public static char? CheckLetterOf(string upn)
    {
        ArgumentNullException.ThrowIfNull(upn);
        if (upn.Length != 13) return null;
        var sum = 0;
        for (var i = 1; i < 13; i++)
        {
            var c = upn[i];
            int value;
            if (char.IsAsciiDigit(c)) value = c - '0';
            else if (i == 12 && CheckLetters.IndexOf(c, StringComparison.Ordinal) is >= 0 and var index) value = index;
            else return null;
            sum += value * (i + 1);
        }
        return CheckLetters[sum % 23];
    }

    /// <summary>The UPN as stored (upper case, no spaces), or a refusal naming <c>upn</c>.</summary>
    public static string? Normalise(string? upn)
    {
        var trimmed = upn?.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length != 13 || CheckLetterOf(trimmed) is null)
            throw new JourneyStepRefusedException("upn-check-letter", "Unique Pupil Number must be 13 characters: a letter, 11 numbers, then a number or letter", "upn", badRequest: true);
        if (!IsValid(trimmed))
            throw new JourneyStepRefusedException("upn-check-letter", "Check the Unique Pupil Number: the first letter does not match the rest. Copy it from the school's records", "upn", badRequest: true);
        return trimmed;
    }
}

/// <summary>An NHS number: ten digits, the last a check digit (modulus 11 over the first nine, weighted 10 down to 2).</summary>
public static class NhsNumber
{
    public static bool IsValid(string? nhsNumber)
    {
        if (nhsNumber is not { Length: 10 } || !nhsNumber.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (nhsNumber[i] - '0') * (10 - i);
        var check = 11 - (sum % 11);
        if (check == 11) check = 0;
        return check != 10 && check == nhsNumber[9] - '0';
    }

    /// <summary>The NHS number as stored (ten digits), or a refusal naming <c>nhsNumber</c>.</summary>
    public static string? Normalise(string? nhsNumber)
    {
        var digits = nhsNumber?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(digits)) return null;
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
            throw new JourneyStepRefusedException("nhs-number-check-digit", "NHS number must be 10 numbers", "nhsNumber", badRequest: true);
        if (!IsValid(digits))
            throw new JourneyStepRefusedException("nhs-number-check-digit", "Check the NHS number: the last number does not match the others. Copy it from the child's health records", "nhsNumber", badRequest: true);
        return digits;
    }
}
