using System.Text;
using System.Text.RegularExpressions;
using MimeKit.Text;

namespace Casefile.Web.Features.Emails;

/// <summary>
/// The readable text of an HTML email body, for an email sent with no plain-text part: tags
/// removed, entities decoded (MimeKit's tokenizer does that), scripts, styles and the head left
/// out, and paragraphs, line breaks, list items and table rows kept as line breaks so the record
/// reads as the sender laid it out. Links keep their text only.
/// </summary>
public static partial class HtmlBodyText
{
    public static string From(string html)
    {
        var text = new StringBuilder();
        var pendingBreaks = 0;
        var skipDepth = 0;
        var preDepth = 0;
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader) { DecodeCharacterReferences = true };
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag:
                    if (tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head or HtmlTagId.Title)
                    {
                        if (!tag.IsEmptyElement)
                            skipDepth = Math.Max(0, skipDepth + (tag.IsEndTag ? -1 : 1));
                        break;
                    }

                    if (tag.Id == HtmlTagId.Pre && !tag.IsEmptyElement)
                        preDepth = Math.Max(0, preDepth + (tag.IsEndTag ? -1 : 1));
                    // Adjacent block edges ("</li><li>", "</p><p>") make one break, not several.
                    // A <br> adds a line break to any other ("<div><br></div>" is a blank line).
                    pendingBreaks = tag.Id == HtmlTagId.Br && !tag.IsEndTag
                        ? Math.Min(2, pendingBreaks + 1)
                        : Math.Max(pendingBreaks, BreaksFor(tag));
                    if (tag.Id is HtmlTagId.TD or HtmlTagId.TH && tag.IsEndTag)
                        text.Append(' ');
                    break;
                case HtmlDataToken data when skipDepth == 0:
                    var value = data.Data.Replace('\u00A0', ' ');
                    value = preDepth > 0 ? value.Replace("\r\n", "\n", StringComparison.Ordinal) : HtmlWhitespace().Replace(value, " ");
                    if (pendingBreaks > 0 && (preDepth > 0 || value.Trim().Length > 0))
                    {
                        text.Append('\n', pendingBreaks);
                        pendingBreaks = 0;
                    }

                    text.Append(value);
                    break;
            }
        }

        var lines = text.ToString().Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim('\n', ' ');
    }

    private static int BreaksFor(HtmlTagToken tag) => tag.Id switch
    {
        HtmlTagId.Br => tag.IsEndTag ? 0 : 1,
        HtmlTagId.P or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6
            or HtmlTagId.BlockQuote or HtmlTagId.Table or HtmlTagId.UL or HtmlTagId.OL or HtmlTagId.Pre
            or HtmlTagId.HR => 2,
        HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.LI or HtmlTagId.DT or HtmlTagId.DD or HtmlTagId.Address => 1,
        _ => 0,
    };

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex HtmlWhitespace();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
