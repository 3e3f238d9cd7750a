using System.Globalization;
using System.Text;

namespace Casefile.Domain.Emails;

/// <summary>A word of a text, folded for comparison, and where it stands in the original text.</summary>
internal readonly record struct FoldedWord(string Folded, int Start, int End);

/// <summary>
/// Splits text into words folded for comparison: lower case, accents removed ("Zoë" and "Zoe",
/// "Łukasz" and "Lukasz" are the same word), apostrophes inside a word dropped ("O'Brien" and
/// "OBrien"), every other character that is not a letter or digit a word break. The email rules
/// compare words this way so that punctuation, quoting and line wrapping never hide a match.
/// </summary>
internal static class TextFolding
{
    public static List<FoldedWord> Words(string? text)
    {
        var words = new List<FoldedWord>();
        if (string.IsNullOrEmpty(text))
            return words;

        var current = new StringBuilder();
        var start = -1;
        var end = -1;
        var i = 0;
        while (i < text.Length)
        {
            var rune = Rune.GetRuneAt(text, i);
            var category = Rune.GetUnicodeCategory(rune);
            var isMark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;
            if (Rune.IsLetterOrDigit(rune))
            {
                if (start < 0)
                    start = i;
                AppendFolded(current, rune);
                end = i + rune.Utf16SequenceLength;
            }
            else if (isMark && start >= 0)
            {
                // A combining accent belongs to the word it follows and folds to nothing.
                end = i + rune.Utf16SequenceLength;
            }
            else if (IsApostrophe(rune) && start >= 0 && NextIsLetter(text, i + rune.Utf16SequenceLength)
                && !IsPossessive(text, i + rune.Utf16SequenceLength))
            {
                // "O'Brien": the apostrophe joins the word and folds to nothing. "Lee's" stays "Lee".
            }
            else if (start >= 0)
            {
                words.Add(new FoldedWord(current.ToString(), start, end));
                current.Clear();
                start = -1;
            }

            i += rune.Utf16SequenceLength;
        }

        if (start >= 0)
            words.Add(new FoldedWord(current.ToString(), start, end));
        return words;
    }

    /// <summary>The folded words of <paramref name="text"/> joined by single spaces.</summary>
    public static string Fold(string? text) => string.Join(' ', Words(text).Select(w => w.Folded));

    private static bool IsApostrophe(Rune rune) => rune.Value is '\'' or '\u2019' or '\u02BC' or '`';

    private static bool IsPossessive(string text, int index) =>
        text[index] is 's' or 'S' && !NextIsLetter(text, index + 1);

    private static bool NextIsLetter(string text, int index) =>
        index < text.Length && Rune.TryGetRuneAt(text, index, out var next) && Rune.IsLetter(next);

    private static void AppendFolded(StringBuilder builder, Rune rune)
    {
        // Most text is ASCII: a letter or digit there has no accent to remove, so it is only lowered,
        // without the string allocations and normalisation that other letters need.
        if (rune.IsAscii)
        {
            builder.Append(char.ToLowerInvariant((char)rune.Value));
            return;
        }

        // Letters that carry their accent as part of the letter, so Unicode decomposition leaves them as they are.
        switch (Rune.ToLowerInvariant(rune).Value)
        {
            case 'ł': builder.Append('l'); return;
            case 'ø': builder.Append('o'); return;
            case 'đ': builder.Append('d'); return;
            case 'ð': builder.Append('d'); return;
            case 'þ': builder.Append("th"); return;
            case 'ß': builder.Append("ss"); return;
            case 'æ': builder.Append("ae"); return;
            case 'œ': builder.Append("oe"); return;
            case 'ı': builder.Append('i'); return;
        }

        var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
        foreach (var part in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(part);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            builder.Append(Rune.ToLowerInvariant(part).ToString());
        }
    }
}
