using Casefile.Bench.Generation;
using Casefile.Bench.Operations;
using Casefile.Domain.Documents;

namespace Casefile.Bench.Tests;

/// <summary>Issue 6: the files the benchmarks upload and generate pass the application's own type detection and acceptance.</summary>
public sealed class GeneratedContentTests
{
    [Fact]
    public async Task PdfFile_WhenWrittenAtAnExactSize_IsThatSizeAndAcceptedAsAPdf()
    {
        var path = Path.Combine(Path.GetTempPath(), $"casefile-pdf-{Guid.NewGuid():N}.pdf");
        try
        {
            const long size = 3 * 1024 * 1024 + 123;
            var sha = await PdfFile.WriteAsync(path, size, 7, TestContext.Current.CancellationToken);

            var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            bytes.LongLength.ShouldBe(size);
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).ShouldBe(sha);
            var detected = FileTypeDetector.Detect(bytes.AsSpan(0, FileTypeDetector.SniffLength));
            detected.Kind.ShouldBe(FileKind.Pdf);
            FileAcceptance.Check("scanned-case-file.pdf", detected, AllowedFileTypes.Default).IsAccepted.ShouldBeTrue();
            System.Text.Encoding.Latin1.GetString(bytes[^6..]).ShouldBe("%%EOF\n");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ContentPool_EveryFile_IsDistinctAndOfAnAllowedType()
    {
        var pool = new ContentPool(new Random(1));

        var files = pool.All.ToList();
        files.Count.ShouldBe(500);
        files.Select(f => f.Sha256).Distinct().Count().ShouldBe(files.Count);
        foreach (var file in files)
        {
            AllowedFileTypes.Default.Allows(file.Kind).ShouldBeTrue();
            FileAcceptance.Check($"file.{file.Extension}", DetectedFileType.For(file.Kind), AllowedFileTypes.Default).IsAccepted.ShouldBeTrue();
        }
    }
}
