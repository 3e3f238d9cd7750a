using Casefile.Web.Pdf;

namespace Casefile.Web.Tests.Pdf;

public sealed class PdfTextTests
{
    // Every character one unit wide: the tests are about where lines break, not about fonts.
    private static double Measure(string s) => s.Length;

    [Fact]
    public void Wrap_WhenWordsOverflow_BreaksAtSpacesAndCollapsesBlankLines()
    {
        var lines = PdfText.Wrap("\n\none two three\n\n\nfour five\n\n", 9, Measure);

        lines.ShouldBe(["one two", "three", "", "four five"]);
    }

    [Fact]
    public void Wrap_WhenOneWordIsWiderThanTheColumn_CutsItAndCarriesOn()
    {
        var lines = PdfText.Wrap("ab CF-0000000012 cd", 5, Measure);

        lines.ShouldBe(["ab", "CF-00", "00000", "012", "cd"]);
    }

    [Fact]
    public void BreakWord_WhenACharacterIsComposed_NeverSplitsIt()
    {
        var pieces = PdfText.BreakWord("ae\u0301b\U0001F600c", 2, Measure);

        pieces.ShouldBe(["a", "e\u0301", "b", "\U0001F600", "c"]);
    }

    [Theory]
    [InlineData("  Zoe\u0308\tNi\u0301\r\nBhriain\u200b  ", false, true, "Zoë Ní Bhriain")]
    [InlineData("one\u2028two", true, true, "one\ntwo")]
    [InlineData("  ", false, true, "")]
    [InlineData(" end\n", true, false, " end\n")]
    public void Clean_WhenTextHasAnythingTheFontCannotDraw_LeavesOnlyPrintableText(string input, bool keepLineBreaks, bool trim, string expected)
    {
        PdfText.Clean(input, keepLineBreaks, trim).ShouldBe(expected);
    }
}
