using Casefile.Domain.Closure;
using Casefile.Domain.Records;

namespace Casefile.Domain.Tests.Closure;

public sealed class ClosureLetterTemplateTests
{
    private static readonly LetterFields Amy = new(
        ChildName: "Amy Smith",
        RecipientName: "Jo Smith",
        CaseReference: "CF-000123",
        WorkerName: "Amara Osei",
        TeamName: "Northgate Children's Team",
        ClosedOn: new DateOnly(2026, 11, 24),
        ContinuingSupport: "The school nurse will keep seeing Amy every month.",
        CouncilName: "Harrowden Council");

    private static ClosureLetterTemplate Parsed(string text)
    {
        ClosureLetterTemplate.TryParse(text, out var template, out var errors).ShouldBeTrue(string.Join(" ", errors));
        return template;
    }

    private static string Letter(ClosureLetterTemplate template, LetterFields fields) => string.Join("\n\n", template.Render(fields));

    // The shipped templates

    [Theory]
    [InlineData(ClosureLetterKind.ParentsOrCarers)]
    [InlineData(ClosureLetterKind.Professionals)]
    public void Default_IsValidAndUsesEveryRequiredPlaceholder(ClosureLetterKind kind)
    {
        ClosureLetterTemplate.Validate(ClosureLetterTemplate.DefaultText(kind)).ShouldBeEmpty();
        var uses = ClosureLetterTemplate.Default(kind).Uses;
        foreach (var required in ClosureLetterTemplate.RequiredPlaceholders) uses.ShouldContain(required);
    }

    // Policy 3.1: plain language. The shipped letters, filled in, give the plain-language guide nothing to point out.
    [Theory]
    [InlineData(ClosureLetterKind.ParentsOrCarers)]
    [InlineData(ClosureLetterKind.Professionals)]
    public void Default_WhenFilledIn_IsPlainLanguage(ClosureLetterKind kind)
    {
        var plainFields = Amy with { CaseReference = "123456" };

        var letter = Letter(ClosureLetterTemplate.Default(kind), plainFields);

        PlainLanguageGuide.Default.Check(letter).ShouldBeEmpty(letter);
    }

    [Theory]
    [InlineData(ClosureLetterKind.ParentsOrCarers, "Dear Jo Smith,", "We closed Amy Smith's case on 24 November 2026.")]
    [InlineData(ClosureLetterKind.Professionals, "Dear Jo Smith,", "Our reference number is CF-000123.")]
    public void Default_Render_FillsInTheFields(ClosureLetterKind kind, string first, string expected)
    {
        var paragraphs = ClosureLetterTemplate.Default(kind).Render(Amy);

        paragraphs[0].ShouldBe(first);
        string.Join("\n", paragraphs).ShouldContain(expected);
        string.Join("\n", paragraphs).ShouldContain("The school nurse will keep seeing Amy every month.");
        paragraphs[^1].ShouldBe("Yours sincerely,");
        string.Join("\n", paragraphs).ShouldNotContain("{");
    }

    // Dates in plain English

    [Theory]
    [InlineData(2026, 11, 24, "24 November 2026")]
    [InlineData(2027, 1, 1, "1 January 2027")]
    [InlineData(2028, 2, 29, "29 February 2028")]
    public void FormatDate_WritesTheDateOutInFull(int year, int month, int day, string expected) =>
        ClosureLetterTemplate.FormatDate(new DateOnly(year, month, day)).ShouldBe(expected);

    // Reading a template

    public static TheoryData<string, string[]> BadTemplates => new()
    {
        { "", ["Write the letter. It cannot be empty"] },
        { "  \n\n  ", ["Write the letter. It cannot be empty"] },
        { "Dear {RecipientName},\n{ChildName} closed on {ClosedOn}.\nSee {ChildsName}.", ["Line 3: {ChildsName} is not a placeholder Casefile knows. Use one of {ChildName}, {RecipientName}, {CaseReference}, {WorkerName}, {TeamName}, {ClosedOn}, {ContinuingSupport}, {CouncilName}"] },
        { "Dear {recipientname},\n{ChildName} closed on {ClosedOn}. {RecipientName}", ["Line 1: {recipientname} is not a placeholder Casefile knows. Did you mean {RecipientName}?"] },
        { "Dear {RecipientName},\n\n{ChildName} closed on {ClosedOn}. {Oops", ["Line 3: there is a { with no } after it. Close the placeholder, or write {{ to print a {"] },
        { "Dear {RecipientName},\n\n{ChildName} closed} on {ClosedOn}.", ["Line 3: there is a } with no { before it. To print a }, write }}"] },
        { "Dear {RecipientName},\n\nWe closed the case on {ClosedOn}.", ["Use {ChildName} somewhere in the letter. Every closure letter must say whose case it is"] },
        { "Hello,\n\nWe closed the case.", [
            "Use {ChildName} somewhere in the letter. Every closure letter must say whose case it is",
            "Use {RecipientName} somewhere in the letter. Every closure letter must say who it is to",
            "Use {ClosedOn} somewhere in the letter. Every closure letter must say when the case closed"] },
        { "Dear {RecipientName},\n{Child}\n\n{ChildName} {Date} {ClosedOn}", [
            "Line 2: {Child} is not a placeholder Casefile knows. Use one of {ChildName}, {RecipientName}, {CaseReference}, {WorkerName}, {TeamName}, {ClosedOn}, {ContinuingSupport}, {CouncilName}",
            "Line 4: {Date} is not a placeholder Casefile knows. Use one of {ChildName}, {RecipientName}, {CaseReference}, {WorkerName}, {TeamName}, {ClosedOn}, {ContinuingSupport}, {CouncilName}"] },
    };

    [Theory, MemberData(nameof(BadTemplates))]
    public void TryParse_WhenTemplateIsWrong_ReportsEveryProblemWithItsLine(string text, string[] expected)
    {
        ClosureLetterTemplate.TryParse(text, out var template, out var errors).ShouldBeFalse();

        template.ShouldBeNull();
        errors.ShouldBe(expected);
    }

    [Fact]
    public void TryParse_WhenTemplateIsTooLong_SaysHowLongItMayBe()
    {
        var text = "Dear {RecipientName}, {ChildName} {ClosedOn}\n" + new string('a', ClosureLetterTemplate.MaxLength);

        ClosureLetterTemplate.Validate(text).ShouldBe(["The letter must be 20,000 characters or fewer"]);
    }

    [Fact]
    public void TryParse_WithWindowsLineBreaks_ReadsTheSameParagraphs()
    {
        var template = Parsed("Dear {RecipientName},\r\n\r\nAbout {ChildName}.\r\nClosed {ClosedOn}.\r\n");

        template.Render(Amy).ShouldBe(["Dear Jo Smith,", "About Amy Smith.\nClosed 24 November 2026."]);
        template.Text.ShouldBe("Dear {RecipientName},\n\nAbout {ChildName}.\nClosed {ClosedOn}.");
    }

    // Filling in

    [Fact]
    public void Render_WithDoubledBraces_PrintsOneBrace() =>
        Parsed("Dear {RecipientName}, {{not a field}} {ChildName} {ClosedOn}").Render(Amy)
            .ShouldBe(["Dear Jo Smith, {not a field} Amy Smith 24 November 2026"]);

    [Fact]
    public void Render_WhenThereIsNoContinuingSupport_LeavesOutTheParagraphThatUsesIt()
    {
        var template = Parsed("Dear {RecipientName},\n\nOther help: {ContinuingSupport}\n\n{ChildName} closed on {ClosedOn}.");

        template.Render(Amy with { ContinuingSupport = "  " }).ShouldBe(["Dear Jo Smith,", "Amy Smith closed on 24 November 2026."]);
        template.Render(Amy with { ContinuingSupport = null }).Count.ShouldBe(2);
        template.Render(Amy).ShouldBe(["Dear Jo Smith,", "Other help: The school nurse will keep seeing Amy every month.", "Amy Smith closed on 24 November 2026."]);
    }

    // A letter can carry only the fields it was given: a value that looks like a placeholder is printed as
    // typed, never filled in, so nothing can reach data the caller did not hand over.
    [Theory]
    [InlineData("{ChildName}")]
    [InlineData("{CaseReference}")]
    [InlineData("{{ChildName}}")]
    [InlineData("{0}")]
    public void Render_WhenAValueLooksLikeAPlaceholder_PrintsItAsTyped(string value)
    {
        var template = Parsed("Dear {RecipientName},\n\n{ChildName} closed on {ClosedOn}. {CaseReference}");

        var paragraphs = template.Render(Amy with { RecipientName = value, ChildName = "Amy Smith" });

        paragraphs[0].ShouldBe($"Dear {value},");
        paragraphs[1].ShouldBe("Amy Smith closed on 24 November 2026. CF-000123");
    }

    [Fact]
    public void Render_PutsEachValueOnOneLine() =>
        Parsed("Dear {RecipientName},\n\n{ChildName} {ClosedOn}").Render(Amy with { RecipientName = "Jo\r\n  Smith\t" })[0].ShouldBe("Dear Jo Smith,");

    [Fact]
    public void Render_OnlyEverPrintsTheGivenChild()
    {
        var other = Amy with { ChildName = "Ben Jones", CaseReference = "CF-000999" };

        foreach (var kind in Enum.GetValues<ClosureLetterKind>())
        {
            var letter = Letter(ClosureLetterTemplate.Default(kind), Amy);
            letter.ShouldContain("Amy Smith");
            letter.ShouldNotContain(other.ChildName);
            Letter(ClosureLetterTemplate.Default(kind), other).ShouldNotContain("Amy Smith");
        }
    }
}
