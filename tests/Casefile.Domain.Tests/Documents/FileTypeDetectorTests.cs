using Casefile.Domain.Documents;
using static Casefile.Domain.Tests.Documents.SampleFiles;

namespace Casefile.Domain.Tests.Documents;

public class FileTypeDetectorTests
{
    public static TheoryData<string, byte[], FileKind> Samples => new()
    {
        { "PDF", Pdf, FileKind.Pdf },
        { "PNG", Png, FileKind.Png },
        { "JPEG (JFIF)", Jpeg, FileKind.Jpeg },
        { "GIF", Gif, FileKind.Gif },
        { "TIFF little-endian", TiffLittleEndian, FileKind.Tiff },
        { "TIFF big-endian", TiffBigEndian, FileKind.Tiff },
        { "BMP", Bmp, FileKind.Bmp },
        { "WebP", WebP, FileKind.WebP },
        { "HEIC", Heic, FileKind.Heic },
        { "Word (docx)", Docx, FileKind.Docx },
        { "Excel (xlsx)", Xlsx, FileKind.Xlsx },
        { "PowerPoint (pptx)", Pptx, FileKind.Pptx },
        { "docx written as a stream", ZipWithDataDescriptors, FileKind.Docx },
        { "OpenDocument text", Odt, FileKind.Odt },
        { "OpenDocument spreadsheet", Ods, FileKind.Ods },
        { "OLE compound file", Ole, FileKind.LegacyOffice },
        { "RTF", Rtf, FileKind.Rtf },
        { "email with Received and MIME-Version", Eml, FileKind.Eml },
        { "email with folded headers", EmlFoldedHeaders, FileKind.Eml },
        { "plain text", PlainText, FileKind.PlainText },
        { "plain text with BOM", PlainTextWithBom, FileKind.PlainText },
        { "note starting with a colon", NoteWithColon, FileKind.PlainText },
        { "EICAR test file", Ascii(Eicar), FileKind.PlainText },
        { "ordinary zip", PlainZip, FileKind.Zip },
        { "Windows program", WindowsProgram, FileKind.WindowsProgram },
        { "Linux program", LinuxProgram, FileKind.LinuxProgram },
        { "Mac program", MacProgram, FileKind.MacProgram },
        { "shell script", ShellScript, FileKind.Script },
        { "binary junk", BinaryJunk, FileKind.Unknown },
        { "invalid UTF-8", InvalidUtf8, FileKind.Unknown },
        { "nothing", [], FileKind.Unknown },
        { "text starting BM", Ascii("BMX report for the panel, part one"), FileKind.PlainText },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void DetectKind_WhenGivenRealMagicBytes_NamesTheKind(string sample, byte[] head, FileKind expected)
    {
        FileTypeDetector.DetectKind(head, isWholeFile: true).ShouldBe(expected, sample);
    }

    [Fact]
    public void Detect_WhenPdf_GivesContentTypeExtensionAndPlainName()
    {
        var detected = FileTypeDetector.Detect(Pdf);

        detected.ContentType.ShouldBe("application/pdf");
        detected.CanonicalExtension.ShouldBe("pdf");
        detected.Name.ShouldBe("PDF document");
        detected.IsDangerous.ShouldBeFalse();
    }

    [Theory]
    [InlineData(FileKind.WindowsProgram)]
    [InlineData(FileKind.LinuxProgram)]
    [InlineData(FileKind.MacProgram)]
    [InlineData(FileKind.Script)]
    public void IsDangerous_WhenProgramOrScript_IsTrue(FileKind kind) =>
        DetectedFileType.For(kind).IsDangerous.ShouldBeTrue();

    [Fact]
    public void DetectKind_WhenHeadCutsAMultiByteCharacter_StillPlainText()
    {
        var text = System.Text.Encoding.UTF8.GetBytes("Amélie");
        var cut = text[..^4]; // "Am" + first byte of "é"

        FileTypeDetector.DetectKind(cut, isWholeFile: false).ShouldBe(FileKind.PlainText);
        FileTypeDetector.DetectKind(cut, isWholeFile: true).ShouldBe(FileKind.Unknown);
    }

    [Fact]
    public void For_WhenEveryKind_HasContentTypeAndName()
    {
        foreach (var kind in Enum.GetValues<FileKind>())
        {
            var type = DetectedFileType.For(kind);
            type.Kind.ShouldBe(kind);
            type.ContentType.ShouldNotBeNullOrWhiteSpace();
            type.Name.ShouldNotBeNullOrWhiteSpace();
            if (kind != FileKind.Unknown) type.Extensions.ShouldNotBeEmpty();
        }
    }
}
