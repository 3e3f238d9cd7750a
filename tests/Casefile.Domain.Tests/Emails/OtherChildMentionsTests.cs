using Casefile.Domain.Emails;

namespace Casefile.Domain.Tests.Emails;

public sealed class OtherChildMentionsTests
{
    private static readonly RegisterChild Ann = new(Guid.NewGuid(), "Ann", "Lee");
    private static readonly RegisterChild Zoe = new(Guid.NewGuid(), "Zoë", "O'Brien");
    private static readonly RegisterChild Lukasz = new(Guid.NewGuid(), "Łukasz", "Wójcik-Nowak");
    private static readonly RegisterChild Tyler = new(Guid.NewGuid(), "Tyler", "Jones", ["TJ", "Tyler James Smith"]);
    private static readonly RegisterChild Fatima = new(Guid.NewGuid(), "فاطمة", "الزهراء");

    private static readonly OtherChildMentions Finder = new([Ann, Zoe, Lukasz, Tyler, Fatima]);

    [Theory]
    [InlineData("Ann Lee was at contact too.", "Ann Lee")]
    [InlineData("ann lee was at contact too.", "ann lee")]
    [InlineData("LEE, Ann (sibling) attended.", "LEE, Ann")]
    [InlineData("Lee Ann attended.", "Lee Ann")]
    [InlineData("Spoke to Ann\nLee at school.", "Ann\nLee")]
    [InlineData("Zoe OBrien's mum phoned.", "Zoe OBrien")]
    [InlineData("Zoë O’Brien's mum phoned.", "Zoë O’Brien")]
    [InlineData("ZOE O'BRIEN's mum phoned.", "ZOE O'BRIEN")]
    [InlineData("Zoe\u0308 O'Brien's mum phoned.", "Zoe\u0308 O'Brien")]
    [InlineData("Lukasz Wojcik Nowak moved school.", "Lukasz Wojcik Nowak")]
    [InlineData("Wójcik-Nowak, Łukasz moved school.", "Wójcik-Nowak, Łukasz")]
    [InlineData("TJ Jones is in the same class.", "TJ Jones")]
    [InlineData("Tyler James Smith is in the same class.", "Tyler James Smith")]
    [InlineData("Smith, Tyler James is in the same class.", "Smith, Tyler James")]
    [InlineData("حضرت فاطمة الزهراء الاجتماع", "فاطمة الزهراء")]
    public void Find_WhenFullNameWritten_FindsTheChildWithTheTextAsWritten(string body, string matched)
    {
        var mention = Finder.Find(null, body).ShouldHaveSingleItem();

        var found = mention.Found.ShouldHaveSingleItem();
        found.Text.ShouldBe(matched);
        found.Part.ShouldBe(EmailTextPart.Body);
        body.Substring(found.Start, found.Length).ShouldBe(matched);
    }

    [Theory]
    [InlineData("Annabel Lee was at contact.")]
    [InlineData("Ann Leeson was at contact.")]
    [InlineData("Ann was at contact with her mum Mrs Lee.")]
    [InlineData("Ann came to contact.")]
    [InlineData("Zoe came with her friend.")]
    [InlineData("Mr O'Brien phoned.")]
    [InlineData("Tyler Smith is in the same class.")]
    [InlineData("Copied to ann.lee@school.org.uk and lee.ann@school.org.uk.")]
    [InlineData("From: Lee <ann@school.org.uk>")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_WhenOnlyPartOfANameOrAnotherWord_FindsNothing(string? body) =>
        Finder.Find(null, body).ShouldBeEmpty();

    [Fact]
    public void Find_WhenNamedInSubjectAndBodyTwice_ReportsEveryPlaceForOneChild()
    {
        const string subject = "Re: Ann Lee and Amy";
        const string body = "Ann Lee's nan collected her. LEE, ANN was upset.";

        var mention = Finder.Find(subject, body).ShouldHaveSingleItem();

        mention.Child.ShouldBe(Ann);
        mention.Found.ShouldBe([
            new NameFound(EmailTextPart.Subject, "Ann Lee", 4, 7),
            new NameFound(EmailTextPart.Body, "Ann Lee", 0, 7),
            new NameFound(EmailTextPart.Body, "LEE, ANN", 29, 8),
        ]);
    }

    [Fact]
    public void Find_WhenSeveralChildrenNamed_ReportsEachInOrderOfAppearance()
    {
        var mentions = Finder.Find("Zoe O'Brien", "Ann Lee and Zoe O'Brien");

        mentions.Select(m => m.Child).ShouldBe([Zoe, Ann]);
    }

    [Fact]
    public void Find_WhenNoOtherChildrenOnTheRegister_FindsNothing() =>
        new OtherChildMentions([]).Find("Ann Lee", "Ann Lee").ShouldBeEmpty();
}
