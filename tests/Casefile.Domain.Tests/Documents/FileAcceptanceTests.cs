using Casefile.Domain.Common;
using Casefile.Domain.Documents;
using static Casefile.Domain.Tests.Documents.SampleFiles;

namespace Casefile.Domain.Tests.Documents;

public class FileAcceptanceTests
{
    private static FileAcceptanceResult Check(string name, byte[] content, AllowedFileTypes? allowed = null) =>
        FileAcceptance.Check(name, FileTypeDetector.Detect(content, isWholeFile: true), allowed ?? AllowedFileTypes.Default);

    public static TheoryData<string, byte[]> AcceptedByDefault => new()
    {
        { "assessment.pdf", Pdf },
        { "ASSESSMENT.PDF", Pdf },
        { "photo.jpg", Jpeg },
        { "photo.JPEG", Jpeg },
        { "scan.tiff", TiffLittleEndian },
        { "IMG_0001.HEIC", Heic },
        { "plan.docx", Docx },
        { "budget.xlsx", Xlsx },
        { "minutes.odt", Odt },
        { "old-letter.doc", Ole },
        { "notes.rtf", Rtf },
        { "notes.txt", PlainText },
        { "email.eml", Eml },
        { "email saved as text.txt", Eml },
        { @"C:\Users\sam\Desktop\report.pdf", Pdf },
        { "no-extension", Pdf },
    };

    [Theory]
    [MemberData(nameof(AcceptedByDefault))]
    public void Check_WhenAllowedTypeWithHonestName_Accepts(string name, byte[] content)
    {
        var result = Check(name, content);

        result.IsAccepted.ShouldBeTrue(result.Message);
        result.Rule.ShouldBeNull();
    }

    public static TheoryData<string, byte[], string> RefusedByDefault => new()
    {
        { "setup.exe", WindowsProgram, FileAcceptance.TypeNotAllowed },
        { "tool", LinuxProgram, FileAcceptance.TypeNotAllowed },
        { "install.sh", ShellScript, FileAcceptance.TypeNotAllowed },
        { "photos.zip", PlainZip, FileAcceptance.TypeNotAllowed },
        { "mystery.dat", BinaryJunk, FileAcceptance.TypeUnknown },
        { "report.pdf", Jpeg, FileAcceptance.NameMismatch },
        { "report.pdf", WindowsProgram, FileAcceptance.TypeNotAllowed },
        { "plan.docx", Pdf, FileAcceptance.NameMismatch },
        { "plan.doc", Docx, FileAcceptance.NameMismatch },
        { "notes.txt", Rtf, FileAcceptance.NameMismatch },
        { "email.eml", PlainText, FileAcceptance.NameMismatch },
        { "photo.xyz", Png, FileAcceptance.NameMismatch },
    };

    [Theory]
    [MemberData(nameof(RefusedByDefault))]
    public void Check_WhenRuleBroken_RefusesWithNamedRule(string name, byte[] content, string rule)
    {
        var result = Check(name, content);

        result.IsAccepted.ShouldBeFalse();
        result.Rule.ShouldBe(rule);
        result.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Check_WhenWindowsProgram_SaysSoAndListsWhatIsAccepted()
    {
        var result = Check("setup.exe", WindowsProgram);

        result.Message.ShouldBe("'setup.exe' is a Windows program; Casefile accepts PDF, Word, Excel, PowerPoint, OpenDocument, Rich Text, plain text, email (.eml) files and images (JPEG, PNG, GIF, TIFF, BMP, WebP, HEIC).");
    }

    [Fact]
    public void Check_WhenPdfNameHidesJpeg_ExplainsTheMismatch()
    {
        var result = Check("report.pdf", Jpeg);

        result.Message.ShouldBe("'report.pdf' is named as a PDF document but it is a JPEG image. Rename it to end in .jpg, or choose the right file.");
    }

    [Fact]
    public void Check_WhenUnknown_SaysCasefileCannotTell()
    {
        Check("mystery.dat", BinaryJunk).Message!.ShouldStartWith("Casefile cannot tell what kind of file 'mystery.dat' is.");
    }

    [Fact]
    public void Check_WhenCouncilAllowsOnlyPdf_RefusesImagesAndDescribesPdfOnly()
    {
        var pdfOnly = AllowedFileTypes.FromNames(["pdf"]);

        var result = Check("photo.jpg", Jpeg, pdfOnly);

        result.Rule.ShouldBe(FileAcceptance.TypeNotAllowed);
        result.Message.ShouldBe("'photo.jpg' is a JPEG image; Casefile accepts PDF files.");
    }

    [Fact]
    public void ThrowIfRefused_WhenRefused_ThrowsRuleViolationNamingFileField()
    {
        var ex = Should.Throw<RuleViolationException>(() => Check("setup.exe", WindowsProgram).ThrowIfRefused());

        ex.Rule.ShouldBe(FileAcceptance.TypeNotAllowed);
        ex.Field.ShouldBe("file");
    }

    [Theory]
    [InlineData("Zip")]
    [InlineData("WindowsProgram")]
    [InlineData("Script")]
    [InlineData("Unknown")]
    public void FromNames_WhenArchiveProgramOrUnknown_Refuses(string kind) =>
        Should.Throw<ArgumentException>(() => AllowedFileTypes.FromNames(["Pdf", kind]));

    [Fact]
    public void FromNames_WhenEmpty_IsTheDefault() =>
        AllowedFileTypes.FromNames([]).ShouldBeSameAs(AllowedFileTypes.Default);

    [Fact]
    public void Default_NeverAllowsProgramsOrArchives() =>
        AllowedFileTypes.Default.Kinds.Intersect(AllowedFileTypes.NeverAllowed).ShouldBeEmpty();
}
