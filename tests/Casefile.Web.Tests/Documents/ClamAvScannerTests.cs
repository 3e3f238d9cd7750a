using System.Security.Cryptography;
using Casefile.Data.Documents;

namespace Casefile.Web.Tests.Documents;

public sealed class ClamAvScannerTests(ClamdFixture clamd) : IClassFixture<ClamdFixture>
{
    [Fact]
    public async Task ScanAsync_WhenEicarTestFile_ReportsInfectedWithTheSignatureName()
    {
        var scanner = clamd.Require();

        var result = await scanner.ScanAsync(new MemoryStream(ClamdFixture.Eicar), TestContext.Current.CancellationToken);

        // clamd adds ".UNOFFICIAL" to signatures from a local database.
        result.ShouldBeOfType<VirusScanResult.Infected>().SignatureName.ShouldStartWith(ClamdFixture.SignatureName);
    }

    [Fact]
    public async Task ScanAsync_WhenOrdinaryContentInManyChunks_ReportsClean()
    {
        var scanner = clamd.Require();
        var content = RandomNumberGenerator.GetBytes(300_000); // several 64 KB chunks

        var result = await scanner.ScanAsync(new MemoryStream(content), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<VirusScanResult.Clean>();
    }

    [Fact]
    public async Task ScanAsync_WhenLongerThanClamdAllows_ReportsFailedNotClean()
    {
        var scanner = clamd.Require();
        var content = new byte[ClamdFixture.StreamMaxBytes + 200_000];

        var result = await scanner.ScanAsync(new MemoryStream(content), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<VirusScanResult.Failed>().Reason.ShouldContain("size limit");
    }

    [Fact]
    public async Task ScanAsync_WhenNothingListens_ReportsFailed()
    {
        var scanner = new ClamAvScanner("127.0.0.1", ClamdFixture.FreePort(), TimeSpan.FromSeconds(5));

        var result = await scanner.ScanAsync(new MemoryStream([1, 2, 3]), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<VirusScanResult.Failed>().Reason.ShouldStartWith("Could not reach the virus scanner");
    }

    [Theory]
    [InlineData("stream: OK", "Clean", null)]
    [InlineData("stream: Win.Test.EICAR_HDB-1 FOUND", "Infected", "Win.Test.EICAR_HDB-1")]
    [InlineData("INSTREAM size limit exceeded. ERROR", "Failed", null)]
    [InlineData("stream: Can't allocate memory ERROR", "Failed", null)]
    [InlineData("", "Failed", null)]
    public void Interpret_WhenClamdReplies_ReadsTheOutcome(string reply, string outcome, string? signature)
    {
        var result = ClamAvScanner.Interpret(reply);

        result.GetType().Name.ShouldBe(outcome);
        if (signature is not null) ((VirusScanResult.Infected)result).SignatureName.ShouldBe(signature);
    }
}
