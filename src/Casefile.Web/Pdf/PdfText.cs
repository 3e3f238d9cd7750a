using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using PdfSharp.Fonts;

namespace Casefile.Web.Pdf;

/// <summary>
/// Text for every PDF Casefile prints: made safe for the embedded fonts, and wrapped to a column.
/// Text is wrapped here rather than with PDFsharp's XTextFormatter, which clips whatever does not
/// fit its rectangle: a long passage must carry on over the page break, never be cut off.
/// </summary>
public static class PdfText
{
    private static readonly ConcurrentDictionary<int, bool> FontHasGlyph = new();

    // Built on first use; bold and regular Liberation Sans draw the same characters.
    private static readonly Lazy<PdfSharp.Drawing.XFont> GlyphFont = new(() => PdfFonts.Font(10));

    /// <summary>
    /// Makes text safe to print: composed accents (so "e" + combining acute prints as "é"), no
    /// control or invisible formatting characters, tabs and other spaces as plain spaces, and "?"
    /// for any character the font cannot draw, broken UTF-16 included (PDFsharp would print an
    /// empty box and copy out the wrong character).
    /// </summary>
    /// <param name="keepLineBreaks">Keep line and paragraph breaks as '\n'; otherwise they become spaces.</param>
    /// <param name="trim">Trim the result, and give "" for text that is only white space. Without it,
    /// spaces and line breaks at either end are kept (for a piece of a longer text).</param>
    public static string Clean(string? s, bool keepLineBreaks = false, bool trim = true)
    {
        if (trim ? string.IsNullOrWhiteSpace(s) : string.IsNullOrEmpty(s)) return "";
        // Normalize throws on a lone surrogate, so broken UTF-16 becomes U+FFFD first.
        if (s.Any(char.IsSurrogate)) s = string.Concat(s.EnumerateRunes().Select(r => r.ToString()));
        var composed = s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
        var result = new StringBuilder(composed.Length);
        foreach (var rune in composed.EnumerateRunes())
        {
            var c = rune.Value;
            if (c is '\r') continue;
            if (c is '\n' or 0x2028 or 0x2029) result.Append(keepLineBreaks ? '\n' : ' ');
            else if (c is >= 0x20 and < 0x7f) result.Append((char)c);
            else if (c == '\t' || (Rune.IsWhiteSpace(rune) && c != 0xa0)) result.Append(' ');
            else if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format) continue;
            else if (FontHasGlyph.GetOrAdd(c, cp => GlyphHelper.GlyphIndexFromCodePoint(cp, GlyphFont.Value) != 0)) result.Append(rune.ToString());
            else result.Append('?');
        }
        return trim ? result.ToString().Trim() : result.ToString();
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: at spaces where it can, and
    /// inside a word only when the word alone is too wide. Line breaks in the text start a new
    /// line; a run of blank lines between paragraphs comes back as one "" (a paragraph gap, for the
    /// caller to draw or skip), never at the start or the end.
    /// </summary>
    /// <param name="measure">The width of a piece of text in the font it will be drawn in.</param>
    public static List<string> Wrap(string s, double width, Func<string, double> measure)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        var space = measure(" ");
        var current = new StringBuilder();
        var currentWidth = 0.0;

        void Flush()
        {
            lines.Add(current.ToString());
            current.Clear();
            currentWidth = 0;
        }

        var blank = false;
        foreach (var paragraph in s.Split('\n'))
        {
            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                if (lines.Count > 0 && !blank) lines.Add("");
                blank = true;
                continue;
            }
            blank = false;
            foreach (var word in words)
            {
                var wordWidth = measure(word);
                if (current.Length > 0 && currentWidth + space + wordWidth <= width)
                {
                    current.Append(' ').Append(word);
                    currentWidth += space + wordWidth;
                    continue;
                }
                if (current.Length > 0) Flush();
                if (wordWidth <= width)
                {
                    current.Append(word);
                    currentWidth = wordWidth;
                    continue;
                }
                var pieces = BreakWord(word, width, measure);
                for (var i = 0; i < pieces.Count - 1; i++) lines.Add(pieces[i]);
                current.Append(pieces[^1]);
                currentWidth = measure(pieces[^1]);
            }
            if (current.Length > 0) Flush();
        }
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>
    /// Cuts a word wider than the column (a long reference or web address) into pieces that fit,
    /// between characters, never inside one (an accent or a surrogate pair stays whole). A single
    /// character wider than the column is a piece of its own.
    /// </summary>
    public static List<string> BreakWord(string word, double width, Func<string, double> measure)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(measure);
        var pieces = new List<string>();
        var current = new StringBuilder();
        var currentWidth = 0.0;
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var elementWidth = measure(element);
            if (current.Length > 0 && currentWidth + elementWidth > width)
            {
                pieces.Add(current.ToString());
                current.Clear();
                currentWidth = 0;
            }
            current.Append(element);
            currentWidth += elementWidth;
        }
        if (current.Length > 0 || pieces.Count == 0) pieces.Add(current.ToString());
        return pieces;
    }
}
