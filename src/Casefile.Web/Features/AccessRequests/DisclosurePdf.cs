using System.Globalization;
using System.Net;
using System.Text;
using Casefile.Domain.AccessRequests;
using Casefile.Web.Infrastructure;
using Casefile.Web.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Casefile.Web.Features.AccessRequests;

/// <summary>One item of a released bundle: its text already cut into released segments, or a picture, or withheld.</summary>
public sealed record DisclosurePrintItem(int Number, string Title, DateTimeOffset OccurredAt, IReadOnlyList<ReleasedSegment>? Segments, byte[]? Picture,
    bool Withheld);

/// <summary>What the released bundle says: to whom, about whom, and its items in date order.</summary>
public sealed record DisclosurePrintModel(string CouncilName, string CaseReference, string SubjectName, string KindName, string RequesterName,
    string? RequesterOrganisation, DateOnly ReleasedOn, string ReleasedBy, IReadOnlyList<DisclosurePrintItem> Items);

/// <summary>
/// The released disclosure as a PDF: a plain-language cover letter, an index (item, date, page),
/// then each item, every page numbered "Page n of N". Redactions are burnt in: the PDF is set from
/// text, and a redacted span's characters are never written, only a black box labelled with the
/// reason. The document information and the bookmarks hold only the case reference and item
/// numbers, never free text. Large print sets everything in a bigger font (policy 3.2).
/// </summary>
public static class DisclosurePdf
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static byte[] Render(DisclosurePrintModel model, bool largePrint)
    {
        ArgumentNullException.ThrowIfNull(model);
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Options.CompressContentStreams = true;
        // Only the reference: a title or subject is shown by every PDF reader and kept by every indexer.
        document.Info.Title = $"Disclosure bundle {model.CaseReference}";
        document.Info.Subject = PdfDocuments.Marking;
        document.Info.Creator = "Casefile";
        document.Info.Author = "";
        document.Info.Keywords = "";
        new Writer(document, model, largePrint ? 16 : 10.5).Write();
        return PdfDocuments.ToBytes(document);
    }

    internal static string DateText(DateTimeOffset at) => at.ToLondon().ToString("d MMMM yyyy", EnGb);

    private static XFont Font(double size, bool bold = false) => PdfFonts.Font(size, bold);

    /// <summary>Printable text (see <see cref="PdfText.Clean"/>), line breaks and surrounding spaces kept: a segment is a piece of a longer text.</summary>
    private static string Clean(string? s) => PdfText.Clean(s, keepLineBreaks: true, trim: false);

    /// <summary>The cover letter's paragraphs, in plain language (policy 3.1).</summary>
    internal static IReadOnlyList<string> CoverLetter(DisclosurePrintModel model) =>
    [
        $"Dear {model.RequesterName},",
        $"You asked us for information from the records we keep about {model.SubjectName} (our reference {model.CaseReference}). This is our answer to your {model.KindName.ToLowerInvariant()}.",
        "The pages that follow are copies of the records, documents and emails we hold, in date order. The index after this letter lists each item with its date and the page it starts on.",
        "Some words are covered by a black box. Each box says why. \"Third party\" means the words are about another person, such as a relative, a neighbour or another child, and we must protect their privacy. \"Serious harm\" means sharing the words could put someone at risk. \"Legal privilege\" means the words are legal advice to the council.",
        "If an item is marked as withheld, we have not included it, for one of those reasons.",
        "If you think something is missing, or you are unhappy with how we have answered, please write to us and we will look at it again. You can also complain to the Information Commissioner's Office (ico.org.uk, 0303 123 1113).",
        "Yours sincerely,",
        model.ReleasedBy,
        model.CouncilName,
    ];

    /// <summary>A word of the text, a redaction box, or the end of a paragraph.</summary>
    private readonly record struct Token(string Text, bool Redaction, bool Break);

    private sealed class Writer(PdfDocument document, DisclosurePrintModel model, double size)
    {
        private const double Margin = 50;
        private readonly XFont body = Font(size);
        private readonly XFont bold = Font(size, bold: true);
        private readonly XFont heading = Font(size * 1.5, bold: true);
        private readonly XFont small = Font(Math.Max(8.5, size * 0.8));
        private readonly XFont marking = Font(Math.Max(9, size * 0.85), bold: true);
        private readonly XBrush ink = new XSolidBrush(XColor.FromArgb(0x0b, 0x0c, 0x0c));
        private readonly XBrush white = XBrushes.White;
        private readonly List<PdfPage> pages = [];
        private XGraphics? g;
        private double width;
        private double height;
        private double y;

        private double Line(XFont font) => font.GetHeight() * 1.3;

        private double Bottom => height - Margin - Line(small) * 2;

        private double Column => width - 2 * Margin;

        private void NewPage()
        {
            g?.Dispose();
            var page = PdfDocuments.AddA4Page(document);
            width = page.Width.Point;
            height = page.Height.Point;
            pages.Add(page);
            g = XGraphics.FromPdfPage(page);
            g.DrawString($"{PdfDocuments.Marking}  {Clean(model.CaseReference)}", marking, ink, new XRect(Margin, Margin / 2, Column, Line(marking)), XStringFormats.TopCenter);
            y = Margin + Line(marking);
        }

        private void Text(string text, XFont font, double indent = 0)
        {
            foreach (var line in Wrap(Tokens([new ReleasedSegment(text, null)]), font, Column - indent))
            {
                if (y + Line(font) > Bottom) NewPage();
                DrawLine(line, font, Margin + indent);
                y += Line(font);
            }
        }

        public void Write()
        {
            try
            {
                // The cover letter.
                NewPage();
                g!.DrawString(Clean(model.CouncilName), heading, ink, new XRect(Margin, y, Column, Line(heading)), XStringFormats.TopRight);
                y += Line(heading);
                g.DrawString(model.ReleasedOn.ToString("d MMMM yyyy", EnGb), body, ink, new XRect(Margin, y, Column, Line(body)), XStringFormats.TopRight);
                y += Line(body) * 2;
                var to = model.RequesterOrganisation is { Length: > 0 } org && org != model.RequesterName ? $"{model.RequesterName}, {org}" : model.RequesterName;
                Text(to, bold);
                y += Line(body);
                foreach (var paragraph in CoverLetter(model))
                {
                    Text(paragraph, body);
                    y += Line(body) * 0.5;
                }

                // The index: its pages are kept now and filled in once the items know their pages.
                NewPage();
                var indexStart = pages.Count - 1;
                var perPage = (int)Math.Floor((Bottom - y - Line(heading) * 2) / Line(body));
                var indexPages = Math.Max(1, (int)Math.Ceiling(model.Items.Count / (double)Math.Max(1, perPage)));
                for (var i = 1; i < indexPages; i++) NewPage();

                var startPages = new List<int>();
                foreach (var item in model.Items)
                {
                    NewPage();
                    startPages.Add(pages.Count);
                    document.Outlines.Add($"Item {item.Number}", pages[^1], true);
                    Text($"Item {item.Number}: {item.Title}", heading);
                    Text($"Date: {DateText(item.OccurredAt)}", bold);
                    y += Line(body) * 0.5;
                    if (item.Withheld)
                    {
                        Text("This item is withheld. The cover letter explains why items are withheld.", body);
                    }
                    else if (item.Picture is { } picture)
                    {
                        DrawPicture(picture);
                    }
                    else
                    {
                        foreach (var line in Wrap(Tokens(item.Segments ?? []), body, Column))
                        {
                            if (y + Line(body) > Bottom) NewPage();
                            DrawLine(line, body, Margin);
                            y += Line(body);
                        }
                    }
                }
                g?.Dispose();
                g = null;

                WriteIndex(indexStart, indexPages, perPage, startPages);
                for (var i = 0; i < pages.Count; i++)
                {
                    using var footer = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
                    footer.DrawString($"Page {i + 1} of {pages.Count}", small, ink, new XRect(Margin, height - Margin, Column, Line(small)), XStringFormats.TopCenter);
                }
            }
            finally
            {
                g?.Dispose();
            }
        }

        private void WriteIndex(int first, int count, int perPage, List<int> startPages)
        {
            var n = 0;
            for (var p = 0; p < count; p++)
            {
                using var ig = XGraphics.FromPdfPage(pages[first + p], XGraphicsPdfPageOptions.Append);
                var iy = Margin + Line(marking);
                if (p == 0)
                {
                    ig.DrawString("Index", heading, ink, new XRect(Margin, iy, Column, Line(heading)), XStringFormats.TopLeft);
                    iy += Line(heading);
                }
                ig.DrawString("Item", bold, ink, new XRect(Margin, iy, Column, Line(bold)), XStringFormats.TopLeft);
                ig.DrawString("Date", bold, ink, new XRect(Margin + Column * 0.55, iy, Column * 0.3, Line(bold)), XStringFormats.TopLeft);
                ig.DrawString("Page", bold, ink, new XRect(Margin, iy, Column, Line(bold)), XStringFormats.TopRight);
                iy += Line(bold);
                for (var k = 0; k < perPage && n < model.Items.Count; k++, n++)
                {
                    var item = model.Items[n];
                    ig.DrawString($"{item.Number}. {Clean(item.Title)}", body, ink, new XRect(Margin, iy, Column * 0.55, Line(body)), XStringFormats.TopLeft);
                    ig.DrawString(DateText(item.OccurredAt), body, ink, new XRect(Margin + Column * 0.55, iy, Column * 0.3, Line(body)), XStringFormats.TopLeft);
                    ig.DrawString(startPages[n].ToString(CultureInfo.InvariantCulture), body, ink, new XRect(Margin, iy, Column, Line(body)), XStringFormats.TopRight);
                    iy += Line(body);
                }
            }
        }

        private void DrawPicture(byte[] picture)
        {
            try
            {
                using var stream = new MemoryStream(picture);
                using var image = XImage.FromStream(stream);
                var w = Math.Min(Column, image.PointWidth);
                var h = image.PointHeight * (w / image.PointWidth);
                var room = Bottom - y;
                if (h > room)
                {
                    var scale = room / h;
                    w *= scale;
                    h *= scale;
                }
                g!.DrawImage(image, Margin, y, w, h);
                y += h + Line(body);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Text("This file cannot be shown here. We have sent it to you separately.", body);
            }
        }

        private static List<Token> Tokens(IEnumerable<ReleasedSegment> segments)
        {
            var tokens = new List<Token>();
            foreach (var segment in segments)
            {
                if (segment.IsRedacted)
                {
                    tokens.Add(new Token(segment.Label, true, false));
                    continue;
                }
                var lines = Clean(segment.Text).Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0) tokens.Add(new Token("", false, true));
                    foreach (var word in lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries)) tokens.Add(new Token(word, false, false));
                }
            }
            return tokens;
        }

        private List<List<Token>> Wrap(List<Token> tokens, XFont font, double column)
        {
            var lines = new List<List<Token>>();
            var current = new List<Token>();
            var used = 0.0;
            var space = Measure(" ", font);
            foreach (var token in tokens)
            {
                if (token.Break)
                {
                    lines.Add(current);
                    current = [];
                    used = 0;
                    continue;
                }
                var w = Measure(token.Text, font) + (token.Redaction ? 4 : 0);
                if (current.Count > 0 && used + space + w > column)
                {
                    lines.Add(current);
                    current = [];
                    used = 0;
                }
                // A single word wider than the column is cut into pieces that fit.
                var text = token.Text;
                if (!token.Redaction && Measure(text, font) > column)
                {
                    var pieces = PdfText.BreakWord(text, column, t => Measure(t, font));
                    foreach (var piece in pieces.Take(pieces.Count - 1)) lines.Add([new Token(piece, false, false)]);
                    text = pieces[^1];
                }
                current.Add(token with { Text = text });
                used += (current.Count > 1 ? space : 0) + Measure(text, font) + (token.Redaction ? 4 : 0);
            }
            if (current.Count > 0) lines.Add(current);
            return lines;
        }

        private void DrawLine(List<Token> line, XFont font, double x)
        {
            var space = Measure(" ", font);
            var run = new StringBuilder();
            var runX = x;
            void Flush()
            {
                if (run.Length == 0) return;
                // Words between redactions go out as one string: far fewer text objects in a long bundle.
                g!.DrawString(run.ToString(), font, ink, new XRect(runX, y, Column, Line(font)), XStringFormats.TopLeft);
                run.Clear();
            }
            foreach (var token in line)
            {
                var w = Measure(token.Text, font);
                if (token.Redaction)
                {
                    Flush();
                    // The redacted words were never part of the text: only the box and its reason are drawn.
                    g!.DrawRectangle(ink, x, y, w + 4, Line(font) * 0.85);
                    g.DrawString(token.Text, font, white, new XRect(x + 2, y, w, Line(font)), XStringFormats.TopLeft);
                    x += w + 4 + space;
                    runX = x;
                }
                else
                {
                    if (run.Length > 0) run.Append(' ');
                    run.Append(token.Text);
                    x += w + space;
                }
            }
            Flush();
        }

        private readonly Dictionary<(XFont, string), double> widths = [];

        private double Measure(string text, XFont font)
        {
            if (widths.TryGetValue((font, text), out var w)) return w;
            w = g!.MeasureString(text, font).Width;
            if (widths.Count < 50_000) widths[(font, text)] = w;
            return w;
        }
    }
}

/// <summary>
/// The released disclosure as plain HTML a screen reader reads in order (policy 3.2): headings,
/// the cover letter, an index of links, each item; a redaction is the text "[redacted: reason]".
/// </summary>
public static class DisclosureHtml
{
    public static string Render(DisclosurePrintModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>Disclosure bundle ")
            .Append(E(model.CaseReference)).Append("</title>\n<style>body{font-family:Arial,sans-serif;font-size:1.2rem;line-height:1.5;max-width:45em;margin:1em auto;padding:0 1em}")
            .Append(".redacted{background:#0b0c0c;color:#fff;padding:0 .2em}</style>\n</head>\n<body>\n<main>\n");
        html.Append("<p>").Append(E("OFFICIAL-SENSITIVE")).Append("</p>\n");
        html.Append("<h1>Information from the records about ").Append(E(model.SubjectName)).Append("</h1>\n");
        html.Append("<p>").Append(E(model.CouncilName)).Append(", ").Append(E(model.ReleasedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")))).Append("</p>\n");
        html.Append("<h2>Letter</h2>\n");
        foreach (var paragraph in DisclosurePdf.CoverLetter(model)) html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        html.Append("<h2>Index</h2>\n<ol>\n");
        foreach (var item in model.Items)
            html.Append("<li><a href=\"#item-").Append(item.Number).Append("\">").Append(E(item.Title)).Append(", ").Append(E(DisclosurePdf.DateText(item.OccurredAt))).Append("</a></li>\n");
        html.Append("</ol>\n");
        foreach (var item in model.Items)
        {
            html.Append("<section id=\"item-").Append(item.Number).Append("\">\n<h2>Item ").Append(item.Number).Append(": ").Append(E(item.Title)).Append("</h2>\n");
            html.Append("<p>Date: ").Append(E(DisclosurePdf.DateText(item.OccurredAt))).Append("</p>\n");
            if (item.Withheld) html.Append("<p>This item is withheld. The letter explains why items are withheld.</p>\n");
            else if (item.Picture is not null) html.Append("<p>This item is a picture. We have sent it to you separately.</p>\n");
            else
            {
                html.Append("<p>");
                foreach (var segment in item.Segments ?? [])
                {
                    if (segment.IsRedacted) html.Append("<span class=\"redacted\">").Append(E(segment.Label)).Append("</span>");
                    else html.Append(E(segment.Text).Replace("\n", "<br>\n", StringComparison.Ordinal));
                }
                html.Append("</p>\n");
            }
            html.Append("</section>\n");
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
