using Casefile.Domain.Common;
using Casefile.Domain.Emails;

namespace Casefile.Domain.Tests.Emails;

public sealed class EmailRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static EmailRecord Email(Guid? caseId = null, IReadOnlyList<EmailAddress>? to = null) =>
        new(Guid.NewGuid(), caseId ?? CaseId,
            new TransmissionData(new EmailAddress("Mark Evans", "mark@school.org.uk"), to ?? [new EmailAddress("", "jane@council.gov.uk")], [],
                Now.AddHours(-1), null, "Attendance", "<id@school.org.uk>"),
            null, [], "Text", new string('b', 64), 100, EmailSection.General, Guid.NewGuid(), Now);

    private static readonly Guid CaseId = Guid.NewGuid();

    [Fact]
    public void New_WhenNoRecipients_IsFiledButSaysWhatIsMissing()
    {
        var e = Email(to: []);

        e.Incomplete.ShouldBe(["who it was sent to"]);
        e.From.ShouldBe(new EmailAddress("Mark Evans", "mark@school.org.uk"));
    }

    [Fact]
    public void SupersedeBy_WhenALaterEmailOfTheSameCase_MarksItOnce()
    {
        var earlier = Email();
        var later = Email();

        earlier.SupersedeBy(later);

        earlier.SupersededById.ShouldBe(later.Id);
        Should.Throw<StateConflictException>(() => earlier.SupersedeBy(Email())).Rule.ShouldBe("already-superseded");
    }

    [Fact]
    public void SupersedeBy_WhenItself_OrAnotherCase_IsRefused()
    {
        var e = Email();

        Should.Throw<RuleViolationException>(() => e.SupersedeBy(e)).Rule.ShouldBe("supersede-self");
        Should.Throw<RuleViolationException>(() => e.SupersedeBy(Email(Guid.NewGuid()))).Rule.ShouldBe("supersede-other-case");
    }
}
