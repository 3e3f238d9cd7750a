using Casefile.Domain.Documents;

namespace Casefile.Domain.Tests.Documents;

public class DocumentTypeTests
{
    [Theory]
    [InlineData(DocumentType.BirthCertificate, "Birth certificate")]
    [InlineData(DocumentType.CourtOrder, "Court order")]
    [InlineData(DocumentType.ScannedPaperRecord, "Scanned paper record")]
    [InlineData(DocumentType.EmailAttachment, "Email attachment")]
    public void DisplayName_WhenType_IsPlainEnglish(DocumentType type, string expected) =>
        type.DisplayName().ShouldBe(expected);

    [Fact]
    public void DisplayName_WhenAnyType_IsDefined()
    {
        foreach (var type in Enum.GetValues<DocumentType>()) type.DisplayName().ShouldNotBeNullOrWhiteSpace();
    }
}
