using System.Text;
using Casefile.Domain.Closure;
using Casefile.Web.Features.Closure;
using UglyToad.PdfPig;

namespace Casefile.Web.Tests.Closure;

public sealed class ClosureLetterPdfTests
{
    private static ClosureLetterPrintModel Model(params string[] paragraphs) => new(
        "Closure letter to Jo Smith about Zoë Ní Bhriain (CF-000123)", "Harrowden Council", new DateOnly(2026, 11, 25), "Jo Smith",
        ["14 Mill Lane", "Harrowden", "HD2 3CD"], paragraphs, "Amara Osei", "Northgate Children's Team");

    [Fact]
    public void Render_ShowsCouncilDateAddressParagraphsAndSignature()
    {
        var pdf = ClosureLetterPdf.Render(Model("Dear Jo Smith,", "We closed Zoë Ní Bhriain's case on 24 November 2026.", "Yours sincerely,"));

        using var document = PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBe(1);
        var text = Text(document);
        text.ShouldContain("Harrowden Council");
        text.ShouldContain("25 November 2026");
        text.ShouldContain("Jo Smith 14 Mill Lane Harrowden HD2 3CD");
        text.ShouldContain("We closed Zoë Ní Bhriain's case on 24 November 2026.");
        text.ShouldContain("Yours sincerely, Amara Osei Northgate Children's Team Harrowden Council");
        text.ShouldContain("OFFICIAL-SENSITIVE");
        text.ShouldNotContain("Page 1");
        document.Information.Title.ShouldBe("Closure letter to Jo Smith about Zoë Ní Bhriain (CF-000123)");
    }

    [Fact]
    public void Render_WhenTheLetterIsLong_CarriesOnOverPagesAndNumbersThem()
    {
        var paragraphs = Enumerable.Range(0, 60).Select(i => $"Paragraph {i:D2} " + string.Join(' ', Enumerable.Repeat("words", 30))).ToArray();

        using var document = PdfDocument.Open(ClosureLetterPdf.Render(Model(paragraphs)));

        document.NumberOfPages.ShouldBeGreaterThan(1);
        var text = Text(document);
        for (var i = 0; i < 60; i++) text.Split($"Paragraph {i:D2} ").Length.ShouldBe(2, $"paragraph {i} once");
        text.ShouldContain($"Page 1 of {document.NumberOfPages}");
        text.ShouldContain($"Page {document.NumberOfPages} of {document.NumberOfPages}");
    }

    [Fact]
    public void Render_WithCharactersTheFontLacksAndControlCharacters_PrintsAQuestionMarkAndDropsThem()
    {
        var text = Text(PdfDocument.Open(ClosureLetterPdf.Render(Model("Dear Jo\u0007 Smith \U0001F600,", "Yours sincerely,"))));

        text.ShouldContain("Dear Jo Smith ?,");
    }

    [Theory]
    [InlineData(ClosureLetterKind.ParentsOrCarers, "CF-000123", "Jo Smith", "closure-letter-parents-CF-000123-jo-smith-2026-11-25.pdf")]
    [InlineData(ClosureLetterKind.Professionals, "CF-000123", "Dr Zoë O'Neill / GP", "closure-letter-professionals-CF-000123-dr-zoe-oneill-gp-2026-11-25.pdf")]
    [InlineData(ClosureLetterKind.Professionals, "CF-000123", "../../etc", "closure-letter-professionals-CF-000123-etc-2026-11-25.pdf")]
    public void FileName_IsSafeOnAnyFileSystem(ClosureLetterKind kind, string reference, string recipient, string expected) =>
        WriteClosureLetter.FileName(kind, reference, recipient, new DateOnly(2026, 11, 25)).ShouldBe(expected);

    private static string Text(PdfDocument document)
    {
        using (document)
        {
            var text = new StringBuilder();
            foreach (var page in document.GetPages()) text.AppendJoin(' ', page.GetWords().Select(w => w.Text)).Append(' ');
            return text.ToString();
        }
    }
}
