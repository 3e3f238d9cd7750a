using Casefile.Domain.Emails;

namespace Casefile.Domain.Tests.Emails;

public sealed class ThreadSupersessionTests
{
    private static readonly EmailAddress Jane = new("Jane Smith", "jane@council.gov.uk");
    private static readonly EmailAddress Mark = new("Mark Evans", "mark@school.org.uk");
    private static readonly ThreadAttachment Report = new("report.pdf", "aa11");
    private static readonly ThreadAttachment Plan = new("plan.pdf", "bb22");

    private const string FirstText = "Dear Jane,\n\nAmy's attendance has dropped to 78%.\nThe report is attached.\n\nMark";

    private static ThreadMessage First(params ThreadAttachment[] attachments) => new(
        Guid.Parse("00000000-0000-0000-0000-000000000001"),
        new TransmissionData(Mark, [Jane], [], DateTimeOffset.UnixEpoch, null, "Amy - attendance", "m1@school.org.uk"),
        null, [], FirstText, attachments);

    private static ThreadMessage Reply(string body, params ThreadAttachment[] attachments) => new(
        Guid.Parse("00000000-0000-0000-0000-000000000002"),
        new TransmissionData(Jane, [Mark], [], DateTimeOffset.UnixEpoch.AddHours(2), null, "RE: Amy - attendance", "m2@council.gov.uk"),
        "<m1@school.org.uk>", ["<m1@school.org.uk>"], body, attachments);

    private static string GmailQuote(string text) =>
        "Thanks Mark, I will visit.\n\nOn Mon, 3 Nov 2025 at 09:15, Mark Evans <mark@school.org.uk> wrote:\n\n"
        + string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l));

    private static string OutlookQuote(string text) =>
        "Thanks Mark, I will visit.\n\n-----Original Message-----\nFrom: Mark Evans <mark@school.org.uk>\nSent: 03 November 2025 09:15\n"
        + "To: Jane Smith <jane@council.gov.uk>\nSubject: Amy - attendance\n\n" + text;

    public static TheoryData<string, string> QuotedWholly => new()
    {
        { "Gmail style", GmailQuote(FirstText) },
        { "Outlook style", OutlookQuote(FirstText) },
        { "quoted twice over (>>)", "Fine.\n\n" + GmailQuote(FirstText).Replace("> ", ">> ", StringComparison.Ordinal) },
        { "rewrapped and spaced differently", "Thanks.\n\n>   Dear   Jane,  Amy's attendance\n> has dropped to 78%. The report\n> is attached.\n> Mark" },
        { "Gmail attribution wrapped over two lines", "Thanks.\n\nOn Mon, 3 Nov 2025 at 09:15, Mark Evans <mark@school.org.uk>\nwrote:\n\n> " + FirstText.Replace("\n", "\n> ", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(QuotedWholly))]
    public void Assess_WhenEarlierTextWhollyQuotedAndAttachmentsKept_MaySupersede(string because, string replyBody)
    {
        var offer = ThreadSupersession.Assess(Reply(replyBody, Report), [First(Report)]);

        offer.Refused.ShouldBeEmpty(because);
        offer.MaySupersede.ShouldBe([First().Id], because);
        offer.HasOffer.ShouldBeTrue();
    }

    public static TheoryData<string, ThreadMessage, ThreadMessage, string[]> NotSuperseded => new()
    {
        {
            "only part of the text quoted",
            Reply(GmailQuote("Dear Jane,\n\nAmy's attendance has dropped to 78%."), Report), First(Report),
            ["Its text is not wholly quoted in the new email."]
        },
        {
            "not quoted at all (reply written above nothing)",
            Reply("Thanks Mark, I will visit.", Report), First(Report),
            ["Its text is not wholly quoted in the new email."]
        },
        {
            "attachment dropped from the reply",
            Reply(GmailQuote(FirstText)), First(Report),
            ["Its attachment report.pdf is not attached to the new email."]
        },
        {
            "two attachments dropped",
            Reply(GmailQuote(FirstText)), First(Report, Plan),
            ["Its attachments report.pdf and plan.pdf are not attached to the new email."]
        },
        {
            "same file name, different content",
            Reply(GmailQuote(FirstText), Report with { Sha256 = "cc33" }), First(Report),
            ["Its attachment report.pdf is not attached to the new email."]
        },
        {
            "reply has no recipients",
            Reply(GmailQuote(FirstText), Report) with { Transmission = Reply("").Transmission with { To = [] } }, First(Report),
            ["The new email's transmission data is incomplete (it does not show who it was sent to), so it cannot stand as the complete record."]
        },
        {
            "same email again",
            First(Report) with { Id = Guid.NewGuid() }, First(Report),
            ["It is the same email (same message id), already on the case."]
        },
    };

    [Theory]
    [MemberData(nameof(NotSuperseded))]
    public void Assess_WhenRuleNotMet_RefusesWithPlainReasons(string because, ThreadMessage incoming, ThreadMessage earlier, string[] reasons)
    {
        var offer = ThreadSupersession.Assess(incoming, [earlier]);

        offer.MaySupersede.ShouldBeEmpty(because);
        var refusal = offer.Refused.ShouldHaveSingleItem(because);
        refusal.EmailId.ShouldBe(earlier.Id);
        refusal.Reasons.ShouldBe(reasons, because);
    }

    [Fact]
    public void Assess_WhenNoThreadHeadersButSameSubjectAndPeople_FindsTheThreadBySubject()
    {
        var reply = Reply(OutlookQuote(FirstText), Report) with { InReplyTo = null, References = [] };

        ThreadSupersession.Assess(reply, [First(Report)]).MaySupersede.ShouldBe([First().Id]);
    }

    [Fact]
    public void Assess_WhenSameSubjectButOtherPeople_IsNotTheSameThread()
    {
        var other = First(Report) with
        {
            Transmission = First().Transmission with { From = new EmailAddress("", "someone@else.org"), To = [new EmailAddress("", "other@else.org")] },
        };
        var reply = Reply(GmailQuote(FirstText), Report) with { InReplyTo = null, References = [] };

        var offer = ThreadSupersession.Assess(reply, [other]);

        offer.MaySupersede.ShouldBeEmpty();
        offer.Refused.ShouldBeEmpty();
    }

    [Fact]
    public void Assess_WhenSiblingReplySharesTheThreadRoot_IsInTheThread()
    {
        var sibling = Reply("Another reply", Report) with { Id = Guid.NewGuid(), Transmission = Reply("").Transmission with { MessageId = "m9@council.gov.uk" } };

        var offer = ThreadSupersession.Assess(Reply(GmailQuote(FirstText), Report), [sibling]);

        offer.Refused.ShouldHaveSingleItem().Reasons.ShouldBe(["Its text is not wholly quoted in the new email."]);
    }

    [Theory]
    [InlineData("Amy - attendance", "amy - attendance")]
    [InlineData("Re: Amy - attendance", "amy - attendance")]
    [InlineData("RE: FW: Fwd:  Amy   -  attendance ", "amy - attendance")]
    [InlineData("Re[2]: AW: Amy - attendance", "amy - attendance")]
    [InlineData("Regarding Amy", "regarding amy")]
    [InlineData(null, "")]
    public void NormaliseSubject_WhenPrefixed_StripsReplyAndForwardPrefixes(string? subject, string expected) =>
        ThreadSupersession.NormaliseSubject(subject).ShouldBe(expected);
}
