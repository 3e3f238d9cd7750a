using System.Globalization;
using Casefile.Web.Infrastructure;
using Casefile.Web.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Casefile.Web.Features.Chronology;

/// <summary>One line of the printed chronology, already chosen and worded by the caller.</summary>
public sealed record ChronologyPrintEntry(
    DateTimeOffset OccurredAt,
    string Kind,
    string Title,
    string? Summary,
    string? RecordedBy,
    bool Significant,
    bool ManagementDecision,
    bool Late);

/// <summary>What the printed chronology shows: whose it is, how it was filtered, who printed it, and the events in date order.</summary>
public sealed record ChronologyPrintModel(
    string CaseReference,
    string ChildName,
    DateOnly? ChildDateOfBirth,
    string? Filters,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    IReadOnlyList<ChronologyPrintEntry> Entries);

/// <summary>
/// Prints a child's chronology as an A4 PDF: a protective marking and the child's details on every
/// page, then the events in the order given, each with its date and time in UK time, kind and
/// title, summary, and who recorded it. Management decisions carry a bar and a label so they stand
/// out on paper and in greyscale.
/// Fonts, text cleaning and wrapping come from <see cref="PdfFonts"/> and <see cref="PdfText"/>, so a
/// long summary carries on over the page break rather than being cut off.
/// </summary>
public static class ChronologyPdf
{
    public static byte[] Render(ChronologyPrintModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        PdfFonts.EnsureRegistered();

        using var document = new PdfDocument();
        document.Options.CompressContentStreams = true;
        document.Info.Title = $"Chronology: {model.ChildName} ({model.CaseReference})";
        document.Info.Subject = "OFFICIAL-SENSITIVE";
        document.Info.Creator = "Casefile";

        new Writer(document, model).Write();

        return PdfDocuments.ToBytes(document);
    }

    /// <summary>Dates as people write them in England: "3 March 2025, 14:05", in UK time.</summary>
    internal static string FormatDateTime(DateTimeOffset instant) =>
        instant.ToLondon().ToString("d MMMM yyyy, HH:mm", EnGb);

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");


    /// <summary>One piece of text in one font and colour.</summary>
    private readonly record struct Run(string Text, XFont Font, XBrush Brush);

    /// <summary>One printed line (or, with no runs, a gap) and the height it takes.</summary>
    private sealed record Line(Run[] Runs, double Height)
    {
        public static Line Gap(double height) => new([], height);

        public bool IsGap => Runs.Length == 0;
    }

    /// <summary>Lays the chronology out page by page; one per document, not thread-safe.</summary>
    private sealed class Writer
    {
        // A4 portrait, in points.
        private const double Margin = 42;
        private const double TopMargin = 32;
        private const double FooterHeight = 44;
        private const double BarWidth = 4;
        private const double DateColumnWidth = 118;
        private const double ColumnGap = 10;
        private const double EntryPadding = 6;

        private static readonly XColor RuleColour = XColor.FromArgb(0xb1, 0xb4, 0xb6);
        private static readonly XColor DecisionColour = XColor.FromArgb(0x1d, 0x70, 0xb8);
        private static readonly XColor SignificantColour = XColor.FromArgb(0xd4, 0x35, 0x1c);
        private static readonly XColor LateColour = XColor.FromArgb(0x6f, 0x38, 0x00);

        private readonly PdfDocument document;
        private readonly ChronologyPrintModel model;
        private readonly List<PdfPage> pages = [];
        private readonly Dictionary<XFont, Dictionary<string, double>> widths = [];

        private readonly XFont markingFont = PdfFonts.Font(10, bold: true);
        private readonly XFont childFont = PdfFonts.Font(11, bold: true);
        private readonly XFont detailFont = PdfFonts.Font(9);
        private readonly XFont headingFont = PdfFonts.Font(18, bold: true);
        private readonly XFont introFont = PdfFonts.Font(10);
        private readonly XFont columnHeadingFont = PdfFonts.Font(8.5, bold: true);
        private readonly XFont titleFont = PdfFonts.Font(10, bold: true);
        private readonly XFont bodyFont = PdfFonts.Font(9.5);
        private readonly XFont labelFont = PdfFonts.Font(8.5, bold: true);
        private readonly XFont smallFont = PdfFonts.Font(8.5);

        private readonly XBrush text = new XSolidBrush(PdfDocuments.TextColour);
        private readonly XBrush secondary = new XSolidBrush(PdfDocuments.SecondaryColour);
        private readonly XBrush decision = new XSolidBrush(DecisionColour);
        private readonly XBrush significant = new XSolidBrush(SignificantColour);
        private readonly XBrush late = new XSolidBrush(LateColour);
        private readonly XPen rule = new(RuleColour, 0.75);
        private readonly XPen headerRule = new(PdfDocuments.TextColour, 1);

        private double pageWidth;
        private double pageHeight;
        private XGraphics? graphics;
        private List<Line>? header;
        private double y;
        private double belowHeader;
        private int entriesOnPage;

        public Writer(PdfDocument document, ChronologyPrintModel model)
        {
            this.document = document;
            this.model = model;
        }

        private double Left => Margin;
        private double Right => pageWidth - Margin;
        private double ContentBottom => pageHeight - FooterHeight - 6;
        private double DateX => Left + BarWidth + 6;
        private double EventX => DateX + DateColumnWidth + ColumnGap;
        private double EventWidth => Right - EventX;
        private XGraphics Graphics => graphics ?? throw new InvalidOperationException("No page is open.");

        public void Write()
        {
            try
            {
                NewPage(withColumnHeadings: false);
                WriteIntroduction();
                if (model.Entries.Count == 0)
                {
                    DrawLines(Wrap("No events match.", PdfFonts.Font(11), Right - Left, text), Left, y);
                }
                else
                {
                    WriteColumnHeadings();
                    foreach (var entry in model.Entries) WriteEntry(entry);
                }
            }
            finally
            {
                graphics?.Dispose();
                graphics = null;
            }
            // The page count is known only now.
            WriteFooters();
        }

        private void NewPage(bool withColumnHeadings)
        {
            graphics?.Dispose();
            var page = PdfDocuments.AddA4Page(document);
            pageWidth = page.Width.Point;
            pageHeight = page.Height.Point;
            pages.Add(page);
            graphics = XGraphics.FromPdfPage(page);
            entriesOnPage = 0;

            Graphics.DrawString(PdfDocuments.Marking, markingFont, text, new XRect(Left, TopMargin, Right - Left, LineHeight(markingFont)), XStringFormats.TopCenter);
            y = TopMargin + LineHeight(markingFont) + 4;
            header ??= HeaderLines();
            y = DrawLines(header, Left, y) + 3;
            Graphics.DrawLine(headerRule, Left, y, Right, y);
            y += 10;
            belowHeader = y;
            if (withColumnHeadings) WriteColumnHeadings();
        }

        private List<Line> HeaderLines()
        {
            var width = Right - Left;
            var lines = Wrap(PdfText.Clean(model.ChildName), childFont, width, text);
            var born = model.ChildDateOfBirth.Display();
            lines.AddRange(Wrap($"Case reference: {PdfText.Clean(model.CaseReference)} \u00b7 Date of birth: {born}", detailFont, width, text));
            return lines;
        }

        private void WriteIntroduction()
        {
            var width = Right - Left;
            y = DrawLines(Wrap("Chronology", headingFont, width, text), Left, y) + 4;
            var filters = string.IsNullOrWhiteSpace(model.Filters) ? "All events" : PdfText.Clean(model.Filters);
            var count = model.Entries.Count == 1 ? "1 event" : $"{model.Entries.Count.ToString("N0", EnGb)} events";
            var intro = new List<Line>();
            intro.AddRange(Wrap($"Showing: {filters} ({count})", introFont, width, text));
            intro.AddRange(Wrap($"Printed by {PdfText.Clean(model.GeneratedBy)} on {FormatDateTime(model.GeneratedAt)}", introFont, width, text));
            intro.AddRange(Wrap("Times are UK time. Events are listed in the order they happened.", introFont, width, secondary));
            y = DrawLines(intro, Left, y) + 12;
        }

        private void WriteColumnHeadings()
        {
            var height = LineHeight(columnHeadingFont);
            Graphics.DrawString("Date and time", columnHeadingFont, secondary, new XRect(DateX, y, DateColumnWidth, height), XStringFormats.TopLeft);
            Graphics.DrawString("Event", columnHeadingFont, secondary, new XRect(EventX, y, EventWidth, height), XStringFormats.TopLeft);
            y += height + 2;
            Graphics.DrawLine(rule, Left, y, Right, y);
        }

        private void WriteEntry(ChronologyPrintEntry entry)
        {
            var when = FormatDateTime(entry.OccurredAt);
            var dateLines = Wrap(when, bodyFont, DateColumnWidth, text);
            var lines = EventLines(entry, out var keepTogether);

            var dateHeight = Height(dateLines);
            var total = EntryPadding + Math.Max(dateHeight, Height(lines)) + EntryPadding;
            if (total > ContentBottom - y)
            {
                // A short entry moves whole to the next page; a long one starts here if its
                // title and first lines fit, and carries on over the page. A page that holds only
                // its header is never left blank.
                var firstPart = EntryPadding + Math.Max(dateHeight, Height(lines.Take(keepTogether)));
                var fullPage = ContentBottom - FirstEntryTop();
                var pageHasContent = entriesOnPage > 0 || pages.Count == 1;
                if (pageHasContent && (total <= fullPage / 3 || firstPart > ContentBottom - y)) NewPage(withColumnHeadings: true);
            }

            var segmentTop = y;
            var lineY = y + EntryPadding;
            var dateBottom = DrawLines(dateLines, DateX, lineY);
            var started = false;
            foreach (var line in lines)
            {
                if (lineY + line.Height > ContentBottom && started)
                {
                    if (entry.ManagementDecision) DrawBar(segmentTop, Math.Max(lineY, dateBottom));
                    NewPage(withColumnHeadings: true);
                    segmentTop = y;
                    lineY = y + EntryPadding;
                    dateBottom = DrawLines(Wrap($"{when} (continued)", bodyFont, DateColumnWidth, secondary), DateX, lineY);
                    if (line.IsGap) continue;
                }
                DrawLine(line, EventX, lineY);
                lineY += line.Height;
                started = true;
            }
            var bottom = Math.Max(lineY, dateBottom) + EntryPadding;
            if (entry.ManagementDecision) DrawBar(segmentTop, bottom);
            Graphics.DrawLine(rule, Left, bottom, Right, bottom);
            y = bottom;
            entriesOnPage++;
        }

        /// <summary>Where entries start on a page after the first.</summary>
        private double FirstEntryTop() => belowHeader + LineHeight(columnHeadingFont) + 2;

        private List<Line> EventLines(ChronologyPrintEntry entry, out int keepTogether)
        {
            var kind = PdfText.Clean(entry.Kind);
            var title = PdfText.Clean(entry.Title);
            var heading = kind.Length == 0 ? title : title.Length == 0 ? kind : $"{kind}: {title}";
            var lines = Wrap(heading, titleFont, EventWidth, text);

            var labels = new List<Run>();
            if (entry.ManagementDecision) labels.Add(new("Management decision", labelFont, decision));
            if (entry.Significant) labels.Add(new("Significant", labelFont, significant));
            if (entry.Late) labels.Add(new("Recorded late", labelFont, late));
            if (labels.Count > 0)
            {
                lines.Add(Line.Gap(1.5));
                lines.Add(new Line([.. labels], LineHeight(labelFont)));
            }

            keepTogether = lines.Count;
            var summary = PdfText.Clean(entry.Summary, keepLineBreaks: true);
            if (summary.Length > 0)
            {
                lines.Add(Line.Gap(2));
                lines.AddRange(Wrap(summary, bodyFont, EventWidth, text));
                keepTogether += 3;
            }

            var recordedBy = PdfText.Clean(entry.RecordedBy);
            if (recordedBy.Length > 0)
            {
                lines.Add(Line.Gap(2));
                lines.AddRange(Wrap($"Recorded by {recordedBy}", smallFont, EventWidth, secondary));
            }
            keepTogether = Math.Min(keepTogether, lines.Count);
            return lines;
        }

        private void DrawBar(double top, double bottom) =>
            Graphics.DrawRectangle(decision, Left, top + 2, BarWidth, Math.Max(0, bottom - top - 4));

        private double DrawLines(List<Line> lines, double x, double top)
        {
            foreach (var line in lines)
            {
                DrawLine(line, x, top);
                top += line.Height;
            }
            return top;
        }

        private void DrawLine(Line line, double x, double top)
        {
            // Labels sit side by side, a little apart.
            foreach (var run in line.Runs)
            {
                if (run.Text.Length == 0) continue;
                var width = Measure(run.Text, run.Font);
                Graphics.DrawString(run.Text, run.Font, run.Brush, new XRect(x, top, width + 1, line.Height), XStringFormats.TopLeft);
                x += width + 12;
            }
        }

        private void WriteFooters()
        {
            var printed = $"Printed {FormatDateTime(model.GeneratedAt)}";
            for (var i = 0; i < pages.Count; i++)
            {
                using var footer = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
                var top = pageHeight - FooterHeight + 8;
                footer.DrawLine(rule, Left, top, Right, top);
                var box = new XRect(Left, top + 5, Right - Left, LineHeight(smallFont));
                footer.DrawString(printed, smallFont, secondary, box, XStringFormats.TopLeft);
                footer.DrawString(PdfDocuments.Marking, labelFont, text, box, XStringFormats.TopCenter);
                footer.DrawString($"Page {i + 1} of {pages.Count}", smallFont, text, box, XStringFormats.TopRight);
            }
        }

        private static double LineHeight(XFont font) => font.GetHeight() + 1;

        private static double Height(IEnumerable<Line> lines) => lines.Sum(l => l.Height);

        private double Measure(string s, XFont font)
        {
            if (!widths.TryGetValue(font, out var cache)) widths[font] = cache = new(StringComparer.Ordinal);
            if (!cache.TryGetValue(s, out var width)) cache[s] = width = Graphics.MeasureString(s, font).Width;
            return width;
        }

        /// <summary>Wrapped lines in one font and colour; a blank line between paragraphs is half a line's gap.</summary>
        private List<Line> Wrap(string s, XFont font, double width, XBrush brush)
        {
            var height = LineHeight(font);
            return [.. PdfText.Wrap(s, width, t => Measure(t, font))
                .Select(l => l.Length == 0 ? Line.Gap(height / 2) : new Line([new Run(l, font, brush)], height))];
        }
    }
}
