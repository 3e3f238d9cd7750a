using Casefile.Domain.Emails;
using Casefile.Web.Features.Emails;

namespace Casefile.Web.Tests.Emails;

/// <summary>
/// Policy 4.7 on a real-looking thread: six emails between a school and a social worker, each
/// quoting the whole exchange before it, alternately Gmail-style ("On ... wrote:" and "&gt;")
/// and Outlook-style (a "From: / Sent: / To:" block, no markers), read by the reader and judged
/// by <see cref="ThreadSupersession"/>.
/// </summary>
public sealed class EmailThreadTests
{
    private static ThreadMessage Message(int n) =>
        EmailMessageReaderTests.Read($"thread-{n}.eml").ToThreadMessage(IdOf(n));

    private static Guid IdOf(int n) => new($"00000000-0000-0000-0000-00000000000{n}");

    [Fact]
    public void Assess_WhenLastReplyQuotesAllAndCarriesAllAttachments_MaySupersedeEveryEarlierEmail()
    {
        var earlier = Enumerable.Range(1, 5).Select(Message).ToList();

        var offer = ThreadSupersession.Assess(Message(6), earlier);

        offer.Refused.ShouldBeEmpty();
        offer.MaySupersede.ShouldBe(Enumerable.Range(1, 5).Select(IdOf));
    }

    [Fact]
    public void Assess_WhenReplyLacksAnEarlierAttachment_RefusesThatEmailOnly()
    {
        var earlier = Enumerable.Range(1, 3).Select(Message).ToList();

        var offer = ThreadSupersession.Assess(Message(4), earlier);

        offer.MaySupersede.ShouldBe([IdOf(2), IdOf(3)]);
        var refused = offer.Refused.ShouldHaveSingleItem();
        refused.EmailId.ShouldBe(IdOf(1));
        refused.Reasons.ShouldBe(["Its attachment attendance-report.pdf is not attached to the new email."]);
    }

    [Fact]
    public void Assess_WhenEarlierEmailIsLaterInTheThread_RefusesBecauseItIsNotQuoted()
    {
        var offer = ThreadSupersession.Assess(Message(3), [Message(5)]);

        offer.MaySupersede.ShouldBeEmpty();
        offer.Refused.ShouldHaveSingleItem().Reasons.ShouldContain("Its text is not wholly quoted in the new email.");
    }

    [Fact]
    public void Assess_WhenEmailOfAnotherThreadIsOnTheCase_LeavesItOut()
    {
        var other = EmailMessageReaderTests.Read("alternative.eml").ToThreadMessage(Guid.NewGuid());

        var offer = ThreadSupersession.Assess(Message(6), [other, Message(5)]);

        offer.MaySupersede.ShouldBe([IdOf(5)]);
        offer.Refused.ShouldBeEmpty();
    }
}
