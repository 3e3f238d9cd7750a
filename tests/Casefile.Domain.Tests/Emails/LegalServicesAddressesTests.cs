using Casefile.Domain.Emails;

namespace Casefile.Domain.Tests.Emails;

public sealed class LegalServicesAddressesTests
{
    private static readonly LegalServicesAddresses Legal = new(["legal@council.gov.uk", "@legal.council.gov.uk", "  ", "Childcare.Solicitor@Council.gov.uk"]);

    [Theory]
    [InlineData("legal@council.gov.uk", true)]
    [InlineData("LEGAL@Council.GOV.uk", true)]
    [InlineData(" legal@council.gov.uk ", true)]
    [InlineData("anyone@legal.council.gov.uk", true)]
    [InlineData("Anyone@LEGAL.council.gov.uk", true)]
    [InlineData("childcare.solicitor@council.gov.uk", true)]
    [InlineData("jane.smith@council.gov.uk", false)]
    [InlineData("legal@council.gov.uk.evil.com", false)]
    [InlineData("someone@sub.legal.council.gov.uk", false)]
    [InlineData("notlegal@council.gov.uk", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsLegal_WhenAddressChecked_MatchesAddressesAndWholeDomainsIgnoringCase(string? address, bool expected) =>
        Legal.IsLegal(address).ShouldBe(expected);

    private static TransmissionData Email(string from, string[] to, string[] cc) =>
        new(new EmailAddress("", from), to.Select(a => new EmailAddress("", a)).ToList(), cc.Select(a => new EmailAddress("", a)).ToList(),
            DateTimeOffset.UnixEpoch, null, "", "id@x");

    public static TheoryData<string, TransmissionData, EmailSection> Sections => new()
    {
        { "from Legal Services", Email("legal@council.gov.uk", ["jane@council.gov.uk"], []), EmailSection.Restricted },
        { "to Legal Services", Email("jane@council.gov.uk", ["advice@legal.council.gov.uk"], []), EmailSection.Restricted },
        { "Legal Services copied in", Email("jane@council.gov.uk", ["mark@school.org.uk"], ["legal@council.gov.uk"]), EmailSection.Restricted },
        { "no Legal Services address", Email("jane@council.gov.uk", ["mark@school.org.uk"], ["priya@council.gov.uk"]), EmailSection.General },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void SectionFor_WhenLegalServicesTakesPart_IsRestricted(string because, TransmissionData email, EmailSection section) =>
        Legal.SectionFor(email).ShouldBe(section, because);

    [Fact]
    public void SectionFor_WhenNoAddressesConfigured_IsGeneral() =>
        LegalServicesAddresses.None.SectionFor(Email("legal@council.gov.uk", [], [])).ShouldBe(EmailSection.General);

    [Theory]
    [InlineData("legal")]
    [InlineData("legal@")]
    [InlineData("a@b@c")]
    [InlineData("legal @council.gov.uk")]
    public void Constructor_WhenEntryIsNotAnAddressOrDomain_Refuses(string entry) =>
        Should.Throw<ArgumentException>(() => new LegalServicesAddresses([entry])).Message.ShouldContain(entry);

    [Fact]
    public void Entries_WhenConfigured_ListsAddressesThenDomains() =>
        Legal.Entries.ShouldBe(["Childcare.Solicitor@Council.gov.uk", "legal@council.gov.uk", "@legal.council.gov.uk"]);
}
