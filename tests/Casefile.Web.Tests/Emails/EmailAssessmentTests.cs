using Casefile.Domain.Emails;
using Casefile.Web.Features.Emails;

namespace Casefile.Web.Tests.Emails;

public sealed class EmailAssessmentTests
{
    [Fact]
    public void Of_WhenLastEmailOfAThreadNamesAnotherChild_ReportsSectionMentionsAndSupersession()
    {
        var legal = new LegalServicesAddresses(["@legal.council.gov.uk"]);
        var earlier = Enumerable.Range(1, 5)
            .Select(n => EmailMessageReaderTests.Read($"thread-{n}.eml").ToThreadMessage(Guid.NewGuid()))
            .ToList();
        var kelly = new RegisterChild(Guid.NewGuid(), "Kelly", "Jones");
        var mark = new RegisterChild(Guid.NewGuid(), "Mark", "Evans");

        var assessment = EmailAssessment.Of(
            EmailMessageReaderTests.Read("thread-6.eml"), Guid.NewGuid(), legal, earlier, new OtherChildMentions([kelly, mark]));

        assessment.Section.ShouldBe(EmailSection.General);
        assessment.Incomplete.ShouldBeEmpty();
        assessment.Supersession.MaySupersede.ShouldBe(earlier.Select(e => e.Id));
        var mention = assessment.OtherChildren.ShouldHaveSingleItem("a namesake of the head of year is pointed out for the worker to dismiss");
        mention.Child.ShouldBe(mark);
        mention.Found.ShouldAllBe(f => f.Text == "Mark Evans" && f.Part == EmailTextPart.Body);
    }
}
