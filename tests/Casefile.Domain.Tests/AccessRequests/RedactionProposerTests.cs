using Casefile.Domain.AccessRequests;
using Casefile.Domain.Emails;
using Casefile.Domain.People;

namespace Casefile.Domain.Tests.AccessRequests;

/// <summary>
/// The redaction engine (issue 9): every name, address, phone number, email address and date of
/// birth of a person on the register other than the subject, and other children named. Case-
/// insensitive, whole words, possessives; the subject's own details are never proposed.
/// </summary>
public sealed class RedactionProposerTests
{
    private static readonly Guid SubjectId = Guid.NewGuid();
    private static readonly Guid MotherId = Guid.NewGuid();
    private static readonly Guid NeighbourId = Guid.NewGuid();
    private static readonly Guid BrotherId = Guid.NewGuid();
    private static readonly Guid OtherChildId = Guid.NewGuid();

    private static readonly DisclosureSubject Subject = new(SubjectId, "Amy", "Jones", "Aims",
        [new AddressLines("14 Mill Lane", null, "Harrowden", "HD2 3CD")]);

    private static readonly ThirdParty[] People =
    [
        // Amy's mother lives with her: her address is Amy's own and is not proposed.
        new(MotherId, "Jane", "Jones", null, new DateOnly(1990, 3, 4), [new AddressLines("14 Mill Lane", null, "Harrowden", "HD2 3CD")], IsChild: false, LinkedToSubject: true),
        new(NeighbourId, "Siobhán", "O'Brien", null, new DateOnly(1975, 11, 20), [new AddressLines("3 Orchard Close", "Upper Town", "Harrowden", "HD3 9ZZ")], IsChild: false, LinkedToSubject: true),
        new(BrotherId, "Leo", "Jones", null, new DateOnly(2012, 7, 1), [], IsChild: true, LinkedToSubject: true),
    ];

    private static readonly RegisterChild[] OtherChildren = [new(OtherChildId, "Zoe", "Smith")];

    private static RedactionProposer Proposer() => new(Subject, People, OtherChildren);

    private static IReadOnlyList<(string Text, RedactionKind Kind)> Found(string text) =>
        Proposer().Propose(text).Select(p => (p.Text, p.Kind)).ToList();

    [Theory]
    [InlineData("Jane Jones came to the door.", "Jane Jones")]
    [InlineData("JANE JONES came to the door.", "JANE JONES")]
    [InlineData("Spoke to Jones, Jane by phone.", "Jones, Jane")]
    [InlineData("Spoke to Mrs Jones about school.", "Mrs Jones")]
    [InlineData("Mum (Jane) said Amy slept well.", "Jane")]
    [InlineData("Jane's partner was present.", "Jane")] // possessive: the name, not the 's
    [InlineData("Siobhan OBrien next door called.", "Siobhan OBrien")] // accents and apostrophes folded
    [InlineData("Siobhán O'Brien's dog barked.", "Siobhán O'Brien")]
    public void Names_OfThirdParties_AreProposedAsWholeWordsIgnoringCase(string text, string expected)
    {
        var found = Found(text);
        found.ShouldContain((expected, RedactionKind.Name), $"in \"{text}\": {string.Join(", ", found)}");
    }

    [Theory]
    [InlineData("Janet from school rang.")] // not a whole word
    [InlineData("Amy Jones was seen alone.")] // the subject
    [InlineData("Aims Jones was seen alone.")] // the subject's known-as name
    [InlineData("Amy said she likes school.")]
    public void Subject_AndNonNames_AreNotProposed(string text) =>
        Proposer().Propose(text).Where(p => p.Kind is RedactionKind.Name or RedactionKind.OtherChild).ShouldBeEmpty();

    [Fact]
    public void Subjects_OwnAddress_IsNotProposedButAThirdPartysIs()
    {
        var found = Found("Visited 14 Mill Lane, HD2 3CD. Later went to 3 Orchard Close, Upper Town, HD3 9ZZ and hd39zz.");
        found.ShouldBe([
            ("3 Orchard Close", RedactionKind.Address),
            ("Upper Town", RedactionKind.Address),
            ("HD3 9ZZ", RedactionKind.Address),
            ("hd39zz", RedactionKind.Address),
        ]);
    }

    [Theory]
    [InlineData("Call 07700 900123 after six.", "07700 900123")]
    [InlineData("Call 07700900123.", "07700900123")]
    [InlineData("Office (01632) 960 001 or", "(01632) 960 001")]
    [InlineData("Tel: 020 7946 0958", "020 7946 0958")]
    [InlineData("Mobile +44 7700 900123.", "+44 7700 900123")]
    [InlineData("Number 01632-960-001 given", "01632-960-001")]
    public void PhoneNumbers_AreProposed(string text, string expected) =>
        Found(text).ShouldContain((expected, RedactionKind.PhoneNumber));

    [Theory]
    [InlineData("Case CF-000123 opened 2024-03-04.")]
    [InlineData("Paid £0123456789 once")] // not a phone number: money
    [InlineData("Reference 0123 only")]
    [InlineData("Reference 012345678901234 is too long")]
    public void NotPhoneNumbers_AreNotProposed(string text) =>
        Proposer().Propose(text).Where(p => p.Kind == RedactionKind.PhoneNumber).ShouldBeEmpty();

    [Fact]
    public void EmailAddresses_AreProposed()
    {
        var found = Found("Email jane.jones@example.org.uk or J.O'Brien@mail.example.com.");
        found.ShouldContain(("jane.jones@example.org.uk", RedactionKind.EmailAddress));
        found.ShouldContain(("J.O'Brien@mail.example.com", RedactionKind.EmailAddress));
    }

    [Theory]
    [InlineData("Born 4 March 1990.", "4 March 1990")]
    [InlineData("DOB 04/03/1990", "04/03/1990")]
    [InlineData("DOB 4.3.1990", "4.3.1990")]
    [InlineData("DOB 1990-03-04", "1990-03-04")]
    [InlineData("born on the 20th of November 1975", "20th of November 1975")]
    [InlineData("born 20 Nov 1975", "20 Nov 1975")]
    public void DatesOfBirth_OfThirdParties_AreProposed(string text, string expected) =>
        Found(text).ShouldContain((expected, RedactionKind.DateOfBirth));

    [Fact]
    public void OtherDates_AreNotProposed() =>
        Found("Visit on 5 March 1990 and 01/07/2013.").ShouldBeEmpty();

    [Fact]
    public void OtherChildren_OnTheRegister_AreProposedByFullNameOnly()
    {
        var found = Found("Amy played with Zoe Smith and SMITH, Zoe. Zoe was happy.");
        found.ShouldBe([("Zoe Smith", RedactionKind.OtherChild), ("SMITH, Zoe", RedactionKind.OtherChild)]);
        Proposer().Propose("Zoe Smith").Single().PersonId.ShouldBe(OtherChildId);
    }

    [Fact]
    public void LinkedChild_IsAThirdPartyName()
    {
        var p = Proposer().Propose("Leo Jones and Leo went to the park.");
        p.Select(x => x.Text).ShouldBe(["Leo Jones", "Leo"]);
        p.ShouldAllBe(x => x.PersonId == BrotherId && x.Kind == RedactionKind.Name);
    }

    [Fact]
    public void Proposals_HaveTheirSpanAndNeverOverlap()
    {
        const string text = "Mrs Jones (Jane Jones) rang 07700 900123.";
        var proposals = Proposer().Propose(text);
        foreach (var p in proposals)
        {
            text.Substring(p.Start, p.Length).ShouldBe(p.Text);
            p.SuggestedReason.ShouldBe(RedactionReason.ThirdParty);
        }
        proposals.Zip(proposals.Skip(1)).ShouldAllBe(pair => pair.First.Start + pair.First.Length <= pair.Second.Start);
        proposals.Select(p => p.Text).ShouldBe(["Mrs Jones", "Jane Jones", "07700 900123"]);
    }

    [Fact]
    public void GivenNameShared_WithTheSubject_IsNotProposedAlone()
    {
        var proposer = new RedactionProposer(Subject, [new ThirdParty(Guid.NewGuid(), "Amy", "Patel", null, null, [], false, true)]);
        proposer.Propose("Amy said hello to Amy Patel.").Select(p => p.Text).ShouldBe(["Amy Patel"]);
    }

    [Fact]
    public void EmptyText_HasNoProposals() => Proposer().Propose("").ShouldBeEmpty();

    [Fact]
    public void ReleasedText_NeverContainsTheRedactedCharacters()
    {
        const string text = "Jane Jones lives at 3 Orchard Close.";
        var segments = ReleasedText.Segments(text, Proposer().Propose(text).Select(p => (p.Start, p.Length, RedactionReason.ThirdParty)));

        var printed = string.Concat(segments.Select(s => s.Label));
        printed.ShouldBe("[redacted: third party] lives at [redacted: third party].");
        segments.Where(s => s.IsRedacted).ShouldAllBe(s => s.Text == "");
    }

    [Theory]
    // The subject is a name like any other here; the proposer never proposes her.
    [InlineData("Darren Walsh (father), Amy", new[] { "Darren Walsh", "Amy" })]
    [InlineData("Amy and her mother", new[] { "Amy" })]
    [InlineData("the child; Mum (Jane); PC Kerry Blake", new[] { "PC Kerry Blake" })]
    [InlineData("Mr Tom Reid & Ms Priya Nair", new[] { "Mr Tom Reid", "Ms Priya Nair" })]
    [InlineData("nobody was in", new string[0])]
    [InlineData("", new string[0])]
    public void NamesIn_SeenOrSpokenTo_FindsTheNamesNotTheDescriptions(string text, string[] expected) =>
        RedactionProposer.NamesIn(text).ShouldBe(expected);

    /// <summary>Issue 15, item 8: a father named only in a record's "present" list is a third party too (policy 10.2).</summary>
    [Fact]
    public void Propose_WhenSomeoneNamedInARecordIsNotOnTheRegister_ProposesThemByNameAndFirstName()
    {
        var proposer = new RedactionProposer(Subject, People, OtherChildren, namedInRecords: ["Darren Walsh", "Amy Jones", "Aims"]);

        var found = proposer.Propose("Present: Darren Walsh (father), Amy Jones. Darren said Amy (Aims) was settled; Mr Walsh agreed.")
            .Select(p => (p.Text, p.Kind, p.PersonId)).ToList();

        found.ShouldBe([("Darren Walsh", RedactionKind.Name, (Guid?)null), ("Darren", RedactionKind.Name, null), ("Mr Walsh", RedactionKind.Name, null)]);
    }
}

