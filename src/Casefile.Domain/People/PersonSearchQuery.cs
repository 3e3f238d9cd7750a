using System.Globalization;

namespace Casefile.Domain.People;

/// <summary>
/// What a worker typed into the person search, understood: name words, and a date of birth
/// or year of birth where one was typed ("amy smith 03/04/2015", "smith 2015").
/// </summary>
public sealed record PersonSearchQuery(IReadOnlyList<string> NameWords, DateOnly? DateOfBirth, int? YearOfBirth)
{
    private static readonly string[] DateFormats =
    [
        "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d", "d/M/yy", "d MMM yyyy", "d MMMM yyyy",
    ];

    public bool IsEmpty => NameWords.Count == 0 && DateOfBirth is null && YearOfBirth is null;

    public static PersonSearchQuery Parse(string? text)
    {
        var words = new List<string>();
        DateOnly? dob = null;
        int? year = null;
        var raw = (text ?? "").Trim();

        // Dates with spaces ("3 April 2015") may stand anywhere in the text.
        var tokens = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        for (var take = Math.Min(3, tokens.Count); take >= 2 && dob is null; take--)
        {
            for (var start = 0; start + take <= tokens.Count; start++)
            {
                if (!TryDate(string.Join(' ', tokens.Skip(start).Take(take)), out var d)) continue;
                dob = d;
                tokens.RemoveRange(start, take);
                break;
            }
        }

        foreach (var token in tokens)
        {
            if (dob is null && TryDate(token, out var d)) { dob = d; continue; }
            if (token.Length == 4 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1900 and < 2200)
            {
                year = y;
                continue;
            }
            words.AddRange(NameMatching.Normalise(token).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        return new PersonSearchQuery(words, dob, year);
    }

    private static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s, DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out date);

    /// <summary>
    /// Scores a candidate: 0 means not a match. Every typed name word must match some word of
    /// the person's names; a typed date of birth must match exactly, or with day and month swapped
    /// (a common slip), which scores lower.
    /// </summary>
    public double Score(string searchGivenName, string searchFamilyName, DateOnly? dateOfBirth)
    {
        double score = 0;
        if (DateOfBirth is { } wanted)
        {
            if (dateOfBirth is not { } actual) return 0;
            if (actual == wanted) score += 2;
            else if (actual.Year == wanted.Year && actual.Month == wanted.Day && actual.Day == wanted.Month) score += 1;
            else return 0;
        }
        if (YearOfBirth is { } y)
        {
            if (dateOfBirth?.Year != y) return 0;
            score += 1;
        }

        var given = searchGivenName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var family = searchFamilyName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var typed in NameWords)
        {
            var best = 0.0;
            foreach (var word in given) best = Math.Max(best, NameMatching.WordScore(typed, word));
            foreach (var word in family) best = Math.Max(best, NameMatching.WordScore(typed, word) * 1.05);
            if (best == 0) return 0;
            score += best;
        }
        return score;
    }
}
