using System.Globalization;
using System.Text;

namespace Casefile.Domain.People;

/// <summary>
/// How the person search tolerates the way names are really typed: case, accents, hyphens and
/// apostrophes ignored; a sound-alike key (a Soundex variant) to find "Smyth" from "Smith";
/// and an edit distance to rank typing slips ("Jonh" for "John").
/// </summary>
public static class NameMatching
{
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’') continue;
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                sb.Append(' ');
                lastWasSpace = true;
            }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// Sound-alike key of the first word of a name: the first letter and up to three consonant
    /// codes (American Soundex). Empty for an empty name.
    /// </summary>
    public static string PhoneticKey(string? name)
    {
        var normal = Normalise(name);
        var word = normal.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return PhoneticKeyOfWord(word);
    }

    public static string PhoneticKeyOfWord(string word)
    {
        var letters = word.Where(c => c is >= 'a' and <= 'z').ToArray();
        if (letters.Length == 0) return "";
        var sb = new StringBuilder(4);
        sb.Append(char.ToUpperInvariant(letters[0]));
        var previous = Code(letters[0]);
        for (var i = 1; i < letters.Length && sb.Length < 4; i++)
        {
            var c = letters[i];
            var code = Code(c);
            if (code != '0' && code != previous) sb.Append(code);
            // 'h' and 'w' do not separate equal codes; vowels do.
            if (c is not ('h' or 'w')) previous = code;
        }
        return sb.ToString().PadRight(4, '0');
    }

    private static char Code(char c) => c switch
    {
        'b' or 'f' or 'p' or 'v' => '1',
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
        'd' or 't' => '3',
        'l' => '4',
        'm' or 'n' => '5',
        'r' => '6',
        _ => '0',
    };

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int EditDistance(string a, string b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>
    /// How well one typed word matches one word of a name, from 0 (not at all) to 1 (exactly).
    /// </summary>
    public static double WordScore(string typed, string word)
    {
        if (typed.Length == 0 || word.Length == 0) return 0;
        if (typed == word) return 1;
        if (word.StartsWith(typed, StringComparison.Ordinal)) return typed.Length >= 2 ? 0.85 : 0.5;
        var distance = EditDistance(typed, word.Length > typed.Length + 2 ? word[..(typed.Length + 2)] : word);
        var allowed = typed.Length switch { <= 3 => 0, <= 6 => 1, _ => 2 };
        if (distance <= allowed) return distance == 1 ? 0.75 : 0.6;
        if (typed.Length >= 3 && PhoneticKeyOfWord(typed) == PhoneticKeyOfWord(word)) return 0.55;
        return 0;
    }
}
