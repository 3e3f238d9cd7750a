using Casefile.Domain.Emails;

namespace Casefile.Domain.Tests.Emails;

public sealed class TransmissionDataTests
{
    private static readonly EmailAddress Jane = new("Jane Smith", "jane.smith@council.gov.uk");
    private static readonly EmailAddress Mark = new("Mark Evans", "mark.evans@school.org.uk");
    private static readonly DateTimeOffset Sent = new(2025, 11, 3, 9, 15, 0, TimeSpan.Zero);

    private static TransmissionData Complete() => new(Jane, [Mark], [], Sent, null, "Amy's attendance", "abc@council.gov.uk");

    [Fact]
    public void Incomplete_WhenEverythingPresent_IsEmpty()
    {
        Complete().Incomplete.ShouldBeEmpty();
        Complete().IsComplete.ShouldBeTrue();
    }

    public static TheoryData<string, TransmissionData, string[]> Missing => new()
    {
        { "no sender", Complete() with { From = null }, ["who sent it"] },
        { "blank sender address", Complete() with { From = new EmailAddress("Jane", " ") }, ["who sent it"] },
        { "no recipients", Complete() with { To = [] }, ["who it was sent to"] },
        { "no date", Complete() with { SentAt = null }, ["the date and time it was sent or received"] },
        { "no subject header", Complete() with { Subject = null }, ["the subject line"] },
        { "no message id", Complete() with { MessageId = "  " }, ["the message id"] },
        { "nothing at all", new TransmissionData(null, [], [], null, null, null, null),
            ["who sent it", "who it was sent to", "the date and time it was sent or received", "the subject line", "the message id"] },
    };

    [Theory]
    [MemberData(nameof(Missing))]
    public void Incomplete_WhenSomethingMissing_SaysWhatInPlainWords(string because, TransmissionData email, string[] missing)
    {
        email.Incomplete.ShouldBe(missing, because);
        email.IsComplete.ShouldBeFalse(because);
    }

    public static TheoryData<string, TransmissionData> StillComplete => new()
    {
        { "empty subject", Complete() with { Subject = "" } },
        { "only Cc recipients", Complete() with { To = [], Cc = [Mark] } },
        { "received date only (policy 4.5: sent and/or received)", Complete() with { SentAt = null, ReceivedAt = Sent } },
    };

    [Theory]
    [MemberData(nameof(StillComplete))]
    public void Incomplete_WhenAllowedVariation_IsEmpty(string because, TransmissionData email) =>
        email.Incomplete.ShouldBeEmpty(because);

    [Fact]
    public void Participants_WhenSenderAndRecipients_ListsSenderThenToThenCc()
    {
        var priya = new EmailAddress("", "priya@council.gov.uk");

        (Complete() with { Cc = [priya] }).Participants.ShouldBe([Jane, Mark, priya]);
    }
}
