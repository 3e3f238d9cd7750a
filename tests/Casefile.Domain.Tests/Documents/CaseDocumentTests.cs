using Casefile.Domain.Common;
using Casefile.Domain.Documents;
using Casefile.Domain.Emails;

namespace Casefile.Domain.Tests.Documents;

public sealed class CaseDocumentTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static CaseDocument Document(string? title = "Interim care order", DateOnly? date = null, DocumentType type = DocumentType.CourtOrder,
        Guid? emailId = null, long size = 10) =>
        new(Guid.NewGuid(), Guid.NewGuid(), type, title, date ?? Today, "  Harrowden Family Court ", "order.pdf", "application/pdf",
            new string('a', 64), size, EmailSection.General, emailId, Guid.NewGuid(), Now, Today);

    [Fact]
    public void New_WhenValid_KeepsTrimmedValues()
    {
        var d = Document(title: "  Interim care order  ");

        d.Title.ShouldBe("Interim care order");
        d.Author.ShouldBe("Harrowden Family Court");
        d.IsRestricted.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null, "title")]
    [InlineData("   ", "title")]
    public void New_WhenTitleMissing_NamesTheField(string? title, string field) =>
        Should.Throw<RuleViolationException>(() => Document(title: title)).Field.ShouldBe(field);

    [Fact]
    public void New_WhenTitleOver200_IsRefused() =>
        Should.Throw<RuleViolationException>(() => Document(title: new string('x', 201))).Rule.ShouldBe("too-long");

    [Fact]
    public void New_WhenDatedTomorrow_IsRefused() =>
        Should.Throw<RuleViolationException>(() => Document(date: Today.AddDays(1))).Field.ShouldBe("date");

    [Fact]
    public void New_WhenEmpty_IsRefusedNamingFile() =>
        Should.Throw<RuleViolationException>(() => Document(size: 0)).Field.ShouldBe("file");

    [Fact]
    public void New_WhenAnEmailAttachmentWithoutItsEmail_IsRefused() =>
        Should.Throw<RuleViolationException>(() => Document(type: DocumentType.EmailAttachment)).Field.ShouldBe("type");

    [Theory]
    [InlineData(@"C:\Users\amara\Desktop\order.pdf", "order.pdf")]
    [InlineData("../../etc/order.pdf", "order.pdf")]
    [InlineData("  ", "document")]
    public void New_WhenTheNameCarriesAPath_KeepsOnlyTheName(string fileName, string expected) =>
        new CaseDocument(Guid.NewGuid(), Guid.NewGuid(), DocumentType.Other, "Title", Today, null, fileName, "application/pdf",
            new string('a', 64), 10, EmailSection.General, null, Guid.NewGuid(), Now, Today).FileName.ShouldBe(expected);
}
