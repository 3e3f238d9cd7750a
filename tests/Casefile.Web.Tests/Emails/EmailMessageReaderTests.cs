using System.Security.Cryptography;
using System.Text;
using Casefile.Domain.Emails;
using Casefile.Web.Features.Emails;

namespace Casefile.Web.Tests.Emails;

public sealed class EmailMessageReaderTests
{
    private static readonly EmailMessageReader Reader = new();

    internal static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Emails", "Messages", name));

    internal static ParsedEmail Read(string name) => Reader.Read(Fixture(name));

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// The base64 block of the part whose headers contain <paramref name="marker"/>, decoded
    /// straight from the fixture's text, independently of MimeKit.
    /// </summary>
    private static byte[] Base64After(string fixture, string marker)
    {
        var text = Encoding.UTF8.GetString(Fixture(fixture)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"{marker} is in {fixture}");
        var bodyStart = text.IndexOf("\n\n", start, StringComparison.Ordinal) + 2;
        var lines = text[bodyStart..].Split('\n').TakeWhile(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal));
        return Convert.FromBase64String(string.Concat(lines));
    }

    // What the reader gives back for well-formed messages

    [Fact]
    public void Read_WhenPlainTextMessage_ReadsTransmissionDataAndBody()
    {
        var email = Read("plain-text.eml");

        email.From.ShouldBe(new EmailAddress("Mark Evans", "mark.evans@oakfield-school.org.uk"));
        email.To.ShouldBe([
            new EmailAddress("Jane Smith", "jane.smith@council.gov.uk"),
            new EmailAddress("Duty Team", "duty.team@council.gov.uk"),
        ]);
        email.Cc.ShouldBe([new EmailAddress("Priya Patel", "priya.patel@council.gov.uk")]);
        email.SentAt.ShouldBe(new DateTimeOffset(2025, 11, 3, 9, 15, 37, TimeSpan.Zero));
        email.ReceivedAt.ShouldBe(new DateTimeOffset(2025, 11, 3, 9, 15, 41, TimeSpan.Zero), "the topmost Received line, the council's own server");
        email.Subject.ShouldBe("Amy Jones - attendance this half term");
        email.MessageId.ShouldBe("7f3c2a1e-5b6d-4e8f-9a0b-1c2d3e4f5a6b@oakfield-school.org.uk");
        email.InReplyTo.ShouldBeNull();
        email.References.ShouldBeEmpty();
        email.BodySource.ShouldBe(EmailBodySource.PlainText);
        email.BodyText.ShouldStartWith("Dear Jane,\n\nAmy's attendance this half term is 78%. She missed the school trip (£12 paid)");
        email.BodyText.ShouldEndWith("Head of Year 7, Oakfield School");
        email.Attachments.ShouldBeEmpty();
        email.IsIncomplete.ShouldBeFalse();
    }

    [Fact]
    public void Read_WhenAnyMessage_KeepsTheRawBytesWithTheirHashAndLength()
    {
        var raw = Fixture("mixed-related.eml");

        var email = Reader.Read(raw);

        email.Raw.ToArray().ShouldBe(raw);
        email.RawLength.ShouldBe(raw.LongLength);
        email.RawSha256.ShouldBe(Sha256(raw));
    }

    [Fact]
    public async Task ReadAsync_WhenGivenAStream_ReadsTheSameAsFromBytes()
    {
        var raw = Fixture("non-ascii.eml");
        using var stream = new MemoryStream(raw);

        var email = await Reader.ReadAsync(stream, TestContext.Current.CancellationToken);

        email.RawSha256.ShouldBe(Sha256(raw));
        email.Attachments.Count.ShouldBe(4);
    }

    [Fact]
    public void Read_WhenOnlyHtml_DerivesTextKeepingParagraphsAndDecodingEntities()
    {
        var email = Read("html-only.eml");

        email.BodySource.ShouldBe(EmailBodySource.Html);
        email.From.ShouldBe(new EmailAddress("Dr Sarah O'Neill", "sarah.oneill@nhs.net"));
        email.To.ShouldBe([new EmailAddress("", "jane.smith@council.gov.uk")]);
        email.BodyText.ShouldBe(
            "Dear Jane,\n\n"
            + "The initial health assessment is booked for Thursday 13 November at 10:30 am.\n"
            + "Please bring the consent form & the red book.\n\n"
            + "Venue: Riverside Clinic\nRoom 4\n\n"
            + "Thanks \u2014 Sarah <Paediatrics>");
        email.BodyText.ShouldNotContain("alert");
        email.BodyText.ShouldNotContain("Not shown");
        email.BodyText.ShouldNotContain("margin");
    }

    [Fact]
    public void Read_WhenMultipartAlternative_UsesThePlainTextPart()
    {
        var email = Read("alternative.eml");

        email.BodySource.ShouldBe(EmailBodySource.PlainText);
        email.BodyText.ShouldBe("Hi Jane\n\nCan contact on Saturday move to 2pm? Amy has a party in the morning.\n\nThanks\nKelly");
        email.Attachments.ShouldBeEmpty("the HTML alternative is the same body, not an attachment");
    }

    [Fact]
    public void Read_WhenPdfAttachedAndImageInline_KeepsBothWithExactBytes()
    {
        var email = Read("mixed-related.eml");
        var pdf = Base64After("mixed-related.eml", "filename=\"conference-minutes.pdf\"");
        var png = Base64After("mixed-related.eml", "Content-ID: <signature.7f2a@council.gov.uk>");

        email.BodyText.ShouldStartWith("Hi Jane,\n\nThe minutes of today's conference are attached.");
        email.InReplyTo.ShouldBe("20251105090000.GA1234@council.gov.uk");
        email.References.ShouldBe(["20251101080000.GA1000@council.gov.uk", "20251105090000.GA1234@council.gov.uk"]);
        email.Cc.Select(c => c.Address).ShouldBe(["mark.evans@oakfield-school.org.uk", "kelly.jones1987@gmail.com"]);
        email.Attachments.Count.ShouldBe(2);

        var image = email.Attachments.Single(a => a.Kind == EmailAttachmentKind.InlineImage);
        image.IsInline.ShouldBeTrue();
        image.ContentId.ShouldBe("signature.7f2a@council.gov.uk");
        image.ContentType.ShouldBe("image/png");
        image.FileName.ShouldBe("attachment-1.png");
        image.Content.ShouldBe(png);
        image.Sha256.ShouldBe(Sha256(png));
        image.Size.ShouldBe(png.Length);

        var minutes = email.Attachments.Single(a => a.Kind == EmailAttachmentKind.File);
        minutes.FileName.ShouldBe("conference-minutes.pdf");
        minutes.ContentType.ShouldBe("application/pdf");
        minutes.IsInline.ShouldBeFalse();
        minutes.Content.ShouldBe(pdf);
        minutes.Sha256.ShouldBe(Sha256(pdf));
        minutes.Size.ShouldBe(pdf.Length);
        using var stream = minutes.OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.ToArray().ShouldBe(pdf);
    }

    [Fact]
    public void Read_WhenNamesAndSubjectAreEncoded_DecodesThemIntact()
    {
        var email = Read("non-ascii.eml");

        email.From.ShouldBe(new EmailAddress("Łukasz Wójcik", "lukasz.wojcik@wp.pl"));
        email.To[0].ShouldBe(new EmailAddress("Siân Llŷr", "sian.llyr@ysgol.cymru"));
        email.Cc.ShouldBe([new EmailAddress("فاطمة الزهراء", "fatima.alzahra@council.gov.uk")]);
        email.Subject.ShouldBe("Oświadczenie – Amy Jones / Datganiad gan y tad ✓");
        email.SentAt.ShouldBe(new DateTimeOffset(2025, 11, 7, 9, 5, 3, TimeSpan.FromHours(1)));
        email.BodyText.ShouldBe("Dzień dobry,\n\nW załączeniu oświadczenie ojca Amy. Siân z ysgol Gymraeg prosi o kopię.\nمع التحية");
    }

    [Fact]
    public void Read_WhenFileNamesAreRfc2231OrRfc2047OrMissing_DecodesOrGeneratesThem()
    {
        var email = Read("non-ascii.eml");

        email.Attachments.Select(a => a.FileName).ShouldBe([
            "Oświadczenie ojca – Amy.pdf",
            "Adroddiad yr ysgol – Siân Llŷr.pdf",
            "Notatka służbowa.pdf",
            "attachment-4.png",
        ]);
        var first = Base64After("non-ascii.eml", "filename*=UTF-8''O%C5%9Bwiadczenie");
        email.Attachments[0].Content.ShouldBe(first);
        email.Attachments[0].Sha256.ShouldBe(Sha256(first));
        var image = Base64After("non-ascii.eml", "Content-Type: image/png");
        email.Attachments[3].Sha256.ShouldBe(Sha256(image));
        email.Attachments[3].Kind.ShouldBe(EmailAttachmentKind.File);
    }

    [Fact]
    public void Read_WhenAnEmailIsAttached_KeepsItAsItsOwnEmlWithItsExactBytes()
    {
        var email = Read("forwarded-attached.eml");
        var text = Encoding.UTF8.GetString(Fixture("forwarded-attached.eml"));
        var innerStart = text.IndexOf("Received: from mail.police.uk", StringComparison.Ordinal);
        // RFC 2046: the CRLF before the outer boundary belongs to the boundary, the blank line before it to the attached email.
        var innerEnd = text.IndexOf("--inner_police_boundary--", StringComparison.Ordinal) + "--inner_police_boundary--\r\n".Length;
        var inner = Encoding.UTF8.GetBytes(text[innerStart..innerEnd]);

        email.Subject.ShouldBe("FW: Police notification - domestic incident");
        email.BodyText.ShouldBe("Jane, forwarding the police notification from the weekend for Amy's file.\nDuty Team");
        var attached = email.Attachments.ShouldHaveSingleItem();
        attached.Kind.ShouldBe(EmailAttachmentKind.AttachedMessage);
        attached.FileName.ShouldBe("forwarded-message.eml");
        attached.ContentType.ShouldBe("message/rfc822");
        attached.Content.ShouldBe(inner);
        attached.Sha256.ShouldBe(Sha256(inner));

        // The attached email is itself readable, with its own attachment intact.
        var forwarded = Reader.Read(attached.Content);
        forwarded.From.ShouldBe(new EmailAddress("PC 4411 Ahmed", "pc4411.ahmed@police.uk"));
        forwarded.MessageId.ShouldBe("PN-2025-11-08-0112@police.uk");
        var notification = Base64After("forwarded-attached.eml", "filename=\"notification.pdf\"");
        forwarded.Attachments.ShouldHaveSingleItem().Sha256.ShouldBe(Sha256(notification));
    }

    [Fact]
    public void Read_WhenNoRecipients_AcceptsButFlagsIncomplete()
    {
        var email = Read("no-recipients.eml");

        email.To.ShouldBeEmpty();
        email.IsIncomplete.ShouldBeTrue();
        email.Transmission.Incomplete.ShouldBe(["who it was sent to", "the message id"]);
    }

    [Fact]
    public void Read_WhenNoDateButReceived_UsesTheTopmostReceivedDate()
    {
        var email = Read("received-only.eml");

        email.SentAt.ShouldBeNull();
        email.ReceivedAt.ShouldBe(new DateTimeOffset(2025, 11, 13, 10, 1, 22, TimeSpan.Zero));
        email.IsIncomplete.ShouldBeFalse("policy 4.5 asks for the date sent and/or received");
    }

    [Fact]
    public void Read_WhenSentToLegalServices_IsFiledInRestrictedSection()
    {
        var legal = new LegalServicesAddresses(["legal@council.gov.uk", "@legal.council.gov.uk"]);

        legal.SectionFor(Read("received-only.eml").Transmission).ShouldBe(EmailSection.Restricted);
        legal.SectionFor(Read("plain-text.eml").Transmission).ShouldBe(EmailSection.General);
    }

    [Theory]
    [InlineData("\uFEFF")]
    [InlineData("From mark.evans@oakfield-school.org.uk Mon Nov  3 09:15:41 2025\r\n")]
    public void Read_WhenSavedWithByteOrderMarkOrMboxLine_ReadsTheEmailAndKeepsTheFileAsIs(string prefix)
    {
        var raw = Encoding.UTF8.GetBytes(prefix).Concat(Fixture("forwarded-attached.eml")).ToArray();

        var email = Reader.Read(raw);

        email.From!.Address.ShouldBe("duty.team@council.gov.uk");
        email.RawSha256.ShouldBe(Sha256(raw));
        var attached = email.Attachments.ShouldHaveSingleItem();
        Encoding.UTF8.GetString(attached.Content).ShouldStartWith("Received: from mail.police.uk");
        Encoding.UTF8.GetString(attached.Content).ShouldEndWith("--inner_police_boundary--\r\n");
    }

    [Fact]
    public void Read_WhenFileNamesArePathsOrRepeatedMessages_KeepsOnlySafeNames()
    {
        var raw = Encoding.ASCII.GetBytes(string.Join("\r\n",
            "From: a@example.org", "To: b@example.org", "Date: Mon, 3 Nov 2025 09:00:00 +0000", "Subject:", "Message-ID: <x@example.org>",
            "Content-Type: multipart/mixed; boundary=\"b\"", "",
            "--b", "Content-Type: text/plain", "", "See attached.",
            "--b", "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"../../Windows/evil.exe\"",
            "Content-Transfer-Encoding: base64", "", "TVqQAAMAAAAEAAAA",
            "--b", "Content-Type: message/rfc822", "", "From: c@example.org", "Date: Sun, 2 Nov 2025 09:00:00 +0000", "", "one",
            "--b", "Content-Type: message/rfc822", "", "From: d@example.org", "Date: Sun, 2 Nov 2025 10:00:00 +0000", "", "two",
            "--b--", ""));

        var email = Reader.Read(raw);

        email.Subject.ShouldBe("", "an empty subject is still a subject (policy 4.5)");
        email.IsIncomplete.ShouldBeFalse();
        email.Attachments.Select(a => a.FileName).ShouldBe(["evil.exe", "forwarded-message.eml", "forwarded-message-2.eml"]);
        email.Attachments[0].Content.ShouldBe(Convert.FromBase64String("TVqQAAMAAAAEAAAA"));
        Encoding.ASCII.GetString(email.Attachments[2].Content).ShouldBe("From: d@example.org\r\nDate: Sun, 2 Nov 2025 10:00:00 +0000\r\n\r\ntwo");
    }

    // What the reader refuses, and the reason it gives

    [Theory]
    [InlineData("empty.eml", "The file is empty.")]
    [InlineData("binary.eml", "This is not an email message: it contains binary data, not text.")]
    [InlineData("not-an-email.eml", "This is not an email message: it does not begin with email headers (such as From, To, Date and Subject).")]
    [InlineData("no-sender.eml", "This is not an email message: it has no sender (no From line).")]
    [InlineData("no-date.eml", "This is not an email message: it has no date it was sent or received (no readable Date or Received line).")]
    public void Read_WhenNotAnEmail_RefusesWithAPlainReason(string fixture, string reason) =>
        Should.Throw<EmailNotReadableException>(() => Read(fixture)).Message.ShouldBe(reason);

    [Fact]
    public void Read_WhenCutShort_RefusesWithAPlainReason() =>
        Should.Throw<EmailNotReadableException>(() => Read("truncated.eml")).Message.ShouldStartWith("The message is cut short:");

    [Theory]
    [InlineData("   \r\n\r\n  ")]
    [InlineData("\r\n")]
    public void Read_WhenOnlyWhitespace_RefusesAsEmpty(string content) =>
        Should.Throw<EmailNotReadableException>(() => Reader.Read(Encoding.ASCII.GetBytes(content))).Message.ShouldBe("The file is empty.");

    [Fact]
    public void Read_WhenCutAtAnyPoint_ThrowsNothingButNotReadable()
    {
        var raw = Fixture("mixed-related.eml");
        for (var length = 0; length < raw.Length; length += 97)
        {
            try
            {
                Reader.Read(raw[..length]);
            }
            catch (EmailNotReadableException)
            {
            }
        }
    }

    [Fact]
    public async Task ReadAsync_WhenLargerThanTheLimit_RefusesWithAPlainReason()
    {
        var small = new EmailMessageReader(maxBytes: 100);
        using var stream = new MemoryStream(Fixture("plain-text.eml"));

        var ex = await Should.ThrowAsync<EmailNotReadableException>(() => small.ReadAsync(stream, TestContext.Current.CancellationToken));

        ex.Message.ShouldStartWith("The file is too large");
    }
}
