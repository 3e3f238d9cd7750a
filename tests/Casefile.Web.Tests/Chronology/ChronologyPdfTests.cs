using System.Text;
using System.Text.RegularExpressions;
using Casefile.Web.Features.Chronology;
using UglyToad.PdfPig;

namespace Casefile.Web.Tests.Chronology;

public sealed partial class ChronologyPdfTests
{
    private static readonly DateTimeOffset Printed = new(2025, 3, 10, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Render_WithEntries_ShowsTheChildTheEventsAndTheirMarkings()
    {
        var model = Model(
            Entry(new(2025, 3, 3, 14, 5, 0, TimeSpan.Zero), "Home visit", "Visit to see Zoë at home", summary: "Zoë was seen alone in her bedroom.", recordedBy: "Sam Okafor"),
            Entry(new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero), "Management decision", "Step up to a child protection enquiry", significant: true, decision: true),
            Entry(new(2025, 3, 5, 16, 30, 0, TimeSpan.Zero), "Case note", "Telephone call with school", late: true));

        var text = AllText(ChronologyPdf.Render(model));

        text.ShouldContain("OFFICIAL-SENSITIVE");
        text.ShouldContain("CF-000123");
        text.ShouldContain("Zoë Ní Bhriain");
        text.ShouldContain("Date of birth: 3 March 2015");
        text.ShouldContain("Chronology");
        text.ShouldContain("All events");
        text.ShouldContain("Printed by Alex Manager on 10 March 2025, 09:30");
        text.ShouldContain("Visit to see Zoë at home");
        text.ShouldContain("Step up to a child protection enquiry");
        text.ShouldContain("Telephone call with school");
        text.ShouldContain("Zoë was seen alone in her bedroom.");
        text.ShouldContain("Recorded by Sam Okafor");
        text.ShouldContain("Management decision");
        text.ShouldContain("Significant");
        text.ShouldContain("Recorded late");
        text.ShouldContain("Page 1 of 1");
    }

    [Fact]
    public void Render_WithFilters_SaysWhichEventsAreShown()
    {
        var model = Model(Entry(Printed, "Case note", "Call")) with { Filters = "Significant events only, from 1 January 2025" };

        var text = AllText(ChronologyPdf.Render(model));

        text.ShouldContain("Significant events only, from 1 January 2025");
        text.ShouldNotContain("All events");
    }

    [Theory]
    [InlineData("2025-03-03T14:05:00+00:00", "3 March 2025, 14:05")] // GMT
    [InlineData("2025-07-01T13:05:00+00:00", "1 July 2025, 14:05")] // BST
    [InlineData("2025-10-26T00:30:00+00:00", "26 October 2025, 01:30")] // the first 01:30 of the night the clocks go back
    [InlineData("2025-10-26T01:30:00+00:00", "26 October 2025, 01:30")] // the second
    [InlineData("2025-07-01T23:30:00-05:00", "2 July 2025, 05:30")] // an instant given with another offset
    public void Render_ShowsTimesInUkTime(string instant, string expected)
    {
        var model = Model(Entry(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), "Case note", "Call"));

        AllText(ChronologyPdf.Render(model)).ShouldContain(expected);
    }

    [Fact]
    public void Render_WithNoEntries_SaysNoEventsMatch()
    {
        var text = AllText(ChronologyPdf.Render(Model()));

        text.ShouldContain("No events match.");
        text.ShouldContain("Page 1 of 1");
    }

    [Fact]
    public void Render_With2000Entries_PrintsEveryEntryOnceAndNumbersThePages()
    {
        // Summaries of varied length, some over a page, so entries split at many page breaks.
        var start = new DateTimeOffset(2019, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var entries = Enumerable.Range(0, 2000).Select(i => Entry(
            start.AddHours(i * 7), i % 3 == 0 ? "Home visit" : "Case note", $"Event {i:D4} title",
            summary: string.Join(' ', Enumerable.Range(0, SummaryWords(i)).Select(w => $"e{i:D4}w{w:D3}")),
            recordedBy: "Sam Okafor", significant: i % 5 == 0, decision: i % 11 == 0, late: i % 13 == 0)).ToArray();

        using var pdf = PdfDocument.Open(ChronologyPdf.Render(Model(entries)));

        pdf.NumberOfPages.ShouldBeGreaterThan(1);
        var pageTexts = pdf.GetPages().Select(p => p.Text).ToList();
        pageTexts[^1].ShouldContain($"Page {pdf.NumberOfPages} of {pdf.NumberOfPages}");
        for (var p = 0; p < pageTexts.Count; p++) pageTexts[p].ShouldContain($"Page {p + 1} of {pdf.NumberOfPages}");

        var text = string.Concat(pageTexts);
        var titles = TitlePattern().Matches(text).Select(m => m.Value).ToList();
        titles.ShouldBe(entries.Select(e => e.Title));

        var printedWords = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).Where(w => SummaryWordPattern().IsMatch(w));
        var expectedWords = entries.SelectMany(e => e.Summary!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        printedWords.ShouldBe(expectedWords);
    }

    [Fact]
    public void Render_WithAVeryLongSummary_WrapsItOverPagesWithoutLosingAWord()
    {
        var words = Enumerable.Range(0, 1430).Select(w => $"w{w:D5}").ToArray();
        var summary = string.Join(' ', words);
        summary.Length.ShouldBeGreaterThanOrEqualTo(10_000);
        var unbroken = string.Concat(Enumerable.Range(0, 60).Select(n => $"ref{n:D3}-"));
        var model = Model(
            Entry(Printed, "Case note", "A short one before"),
            Entry(Printed, "Assessment", "The long one", summary: $"{unbroken}\n\n{summary}", decision: true),
            Entry(Printed, "Case note", "A short one after"));

        using var pdf = PdfDocument.Open(ChronologyPdf.Render(model));

        pdf.NumberOfPages.ShouldBeGreaterThan(1);
        var printed = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).Where(w => LongSummaryWordPattern().IsMatch(w));
        printed.ShouldBe(words);
        // A word too wide for the column is broken between characters, never cut off.
        AllText(pdf).ShouldContain(unbroken);
        AllText(pdf).ShouldContain("A short one after");
    }

    [Fact]
    public void Render_WithNamesInManyScripts_PrintsLatinLettersAndDoesNotFail()
    {
        var model = Model(
            Entry(Printed, "Case note", "Meeting with Łukasz Wiśniewski and Zoë Ní Bhriain", summary: "Ģirts, Ådne, Çağla, Đorđe, Œdipe, Søren — “quoted” ‘text’ … €5"),
            Entry(Printed, "Case note", "张伟 and محمد and Дмитрий 😀", summary: "Tab\there, bell\a, zero-width\u200bspace, lone surrogate \ud800, combining e\u0301"),
            Entry(Printed, "", "", summary: null, recordedBy: "   "));

        var bytes = Should.NotThrow(() => ChronologyPdf.Render(model with { ChildName = "Zoë Ní Bhriain 张伟" }));

        var text = AllText(bytes);
        text.ShouldContain("Łukasz Wiśniewski");
        text.ShouldContain("Ģirts, Ådne, Çağla, Đorđe, Œdipe, Søren — “quoted” ‘text’ … €5");
        text.ShouldContain("Дмитрий"); // Liberation Sans covers Cyrillic
        text.ShouldContain("combining é");
    }

    [Fact]
    public async Task Render_OnManyThreadsAtOnce_GivesEveryCallerItsOwnWholeDocument()
    {
        var renders = Enumerable.Range(0, 8).Select(n => Task.Run(() =>
            ChronologyPdf.Render(Model(Enumerable.Range(0, 50).Select(i => Entry(Printed.AddDays(i), "Case note", $"Thread {n} event {i}")).ToArray()))));

        var documents = await Task.WhenAll(renders);

        for (var n = 0; n < documents.Length; n++)
        {
            var text = AllText(documents[n]);
            text.ShouldContain($"Thread {n} event 49");
            text.ShouldNotContain($"Thread {(n + 1) % documents.Length} event");
        }
    }

    private static int SummaryWords(int i) => (i % 97) switch
    {
        0 => 700, // more than a page on its own
        < 10 => 120,
        _ => i % 23,
    };

    private static ChronologyPrintModel Model(params ChronologyPrintEntry[] entries) =>
        new("CF-000123", "Zoë Ní Bhriain", new DateOnly(2015, 3, 3), null, Printed, "Alex Manager", entries);

    private static ChronologyPrintEntry Entry(DateTimeOffset at, string kind, string title, string? summary = null, string? recordedBy = null,
        bool significant = false, bool decision = false, bool late = false) =>
        new(at, kind, title, summary, recordedBy, significant, decision, late);

    private static string AllText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return AllText(document);
    }

    private static string AllText(PdfDocument document)
    {
        // PdfPig runs a page's lines together; spaces inside a line are kept.
        var text = new StringBuilder();
        foreach (var page in document.GetPages()) text.AppendLine(page.Text);
        return text.ToString();
    }

    [GeneratedRegex(@"Event \d{4} title")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"^e\d{4}w\d{3}$")]
    private static partial Regex SummaryWordPattern();

    [GeneratedRegex(@"^w\d{5}$")]
    private static partial Regex LongSummaryWordPattern();
}
