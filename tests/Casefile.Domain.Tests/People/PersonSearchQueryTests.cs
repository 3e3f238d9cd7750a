using Casefile.Domain.People;

namespace Casefile.Domain.Tests.People;

public class PersonSearchQueryTests
{
    public static TheoryData<string, string[], DateOnly?, int?> TypedQueries => new()
    {
        { "amy smith 03/04/2015", ["amy", "smith"], new DateOnly(2015, 4, 3), null },
        { "amy smith 3/4/2015", ["amy", "smith"], new DateOnly(2015, 4, 3), null },
        { "amy smith 03-04-2015", ["amy", "smith"], new DateOnly(2015, 4, 3), null },
        { "amy smith 03.04.2015", ["amy", "smith"], new DateOnly(2015, 4, 3), null },
        { "amy smith 03/04/15", ["amy", "smith"], new DateOnly(2015, 4, 3), null },
        { "03/04/2015 smith", ["smith"], new DateOnly(2015, 4, 3), null },
        { "smith 3 April 2015", ["smith"], new DateOnly(2015, 4, 3), null },
        { "smith 3 Apr 2015", ["smith"], new DateOnly(2015, 4, 3), null },
        { "smith 2015", ["smith"], null, 2015 },
        { "2015 smith", ["smith"], null, 2015 },
        { "O'Brien", ["obrien"], null, null },
        { "Mary-Jane Smith-Jones", ["mary", "jane", "smith", "jones"], null, null },
        { "  AMY   Smith  ", ["amy", "smith"], null, null },
        { "Zoë", ["zoe"], null, null },
        { "03/04/2015", [], new DateOnly(2015, 4, 3), null },
    };

    [Theory]
    [MemberData(nameof(TypedQueries))]
    public void Parse_WhenWorkerTypesNamesAndDates_SeparatesNameWordsFromDateOrYear(
        string text, string[] words, DateOnly? dateOfBirth, int? yearOfBirth)
    {
        var query = PersonSearchQuery.Parse(text);

        query.NameWords.ShouldBe(words);
        query.DateOfBirth.ShouldBe(dateOfBirth);
        query.YearOfBirth.ShouldBe(yearOfBirth);
    }

    [Fact]
    public void Parse_WhenDateWithSpacesComesBeforeTheName_ReadsItAsDateOfBirth()
    {
        var query = PersonSearchQuery.Parse("3 April 2015 smith");

        query.NameWords.ShouldBe(["smith"]);
        query.DateOfBirth.ShouldBe(new DateOnly(2015, 4, 3));
        query.YearOfBirth.ShouldBeNull();
    }

    [Theory]
    [InlineData("2015-04-03", 2015, 4, 3)]
    [InlineData("2015-4-3", 2015, 4, 3)]
    [InlineData("2015-12-31", 2015, 12, 31)]
    [InlineData("2009-02-28", 2009, 2, 28)]
    [InlineData("2012-02-29", 2012, 2, 29)]
    public void Parse_WhenDateIsYearMonthDay_ReadsItAsIso(string text, int year, int month, int day)
    {
        var query = PersonSearchQuery.Parse($"smith {text}");

        query.DateOfBirth.ShouldBe(new DateOnly(year, month, day));
        query.NameWords.ShouldBe(["smith"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_WhenNothingIsTyped_IsEmpty(string? text)
    {
        var query = PersonSearchQuery.Parse(text);

        query.IsEmpty.ShouldBeTrue();
        query.NameWords.ShouldBeEmpty();
        query.DateOfBirth.ShouldBeNull();
        query.YearOfBirth.ShouldBeNull();
    }

    [Theory]
    [InlineData("smith")]
    [InlineData("2015")]
    [InlineData("03/04/2015")]
    public void Parse_WhenAnythingIsTyped_IsNotEmpty(string text) =>
        PersonSearchQuery.Parse(text).IsEmpty.ShouldBeFalse();

    [Theory]
    [InlineData("john smith")]
    [InlineData("smith john")]
    [InlineData("JOHN SMITH")]
    [InlineData("smith")]
    [InlineData("john")]
    [InlineData("jo sm")]
    [InlineData("Jonh Smiht")]
    [InlineData("jon smyth")]
    public void Score_WhenEveryTypedWordMatchesAName_IsPositive(string text) =>
        Score(text, A.Person().Named("John", "Smith").Build()).ShouldBeGreaterThan(0);

    [Theory]
    [InlineData("john jones")]
    [InlineData("amy smith")]
    [InlineData("john smith jones")]
    [InlineData("brown")]
    public void Score_WhenAnyTypedWordMatchesNoName_IsZero(string text) =>
        Score(text, A.Person().Named("John", "Smith").Build()).ShouldBe(0);

    [Fact]
    public void Score_WhenNamesHaveTypingSlips_RanksBelowTheExactName()
    {
        var john = A.Person().Named("John", "Smith").Build();

        Score("Jonh Smiht", john).ShouldBeGreaterThan(0);
        Score("Jonh Smiht", john).ShouldBeLessThan(Score("John Smith", john));
    }

    [Fact]
    public void Score_WhenWordMatchesFamilyName_OutranksTheSameWordAsGivenName()
    {
        var samTaylor = A.Person().Named("Sam", "Taylor").Build();
        var taylorBrown = A.Person().Named("Taylor", "Brown").Build();

        Score("taylor", samTaylor).ShouldBe(1.05, 1e-9);
        Score("taylor", taylorBrown).ShouldBe(1.0, 1e-9);
    }

    [Fact]
    public void Score_WhenPersonIsKnownByAnotherName_MatchesTheKnownAsName() =>
        Score("bob smith", A.Person().Named("Robert", "Smith").KnownAs("Bob").Build()).ShouldBeGreaterThan(0);

    [Theory]
    [InlineData("zoe obrien", "Zoë", "O'Brien")]
    [InlineData("Zoë O’Brien", "Zoe", "OBrien")]
    [InlineData("mary jane", "Mary-Jane", "Smith")]
    [InlineData("smith jones", "Amy", "Smith-Jones")]
    public void Score_WhenTypedWithoutAccentsOrPunctuation_StillMatches(string text, string given, string family) =>
        Score(text, A.Person().Named(given, family).Build()).ShouldBeGreaterThan(0);

    [Fact]
    public void Score_WhenDateOfBirthIsExact_ScoresHigherThanDayAndMonthSwapped()
    {
        var query = PersonSearchQuery.Parse("smith 03/04/2015");

        var exact = Score(query, A.Person().Named("Amy", "Smith").BornOn(2015, 4, 3).Build());
        var swapped = Score(query, A.Person().Named("Amy", "Smith").BornOn(2015, 3, 4).Build());

        exact.ShouldBe(2 + 1.05, 1e-9);
        swapped.ShouldBe(1 + 1.05, 1e-9);
    }

    public static TheoryData<DateOnly?> MismatchedDatesOfBirth => new()
    {
        new DateOnly(2015, 4, 4),
        new DateOnly(2016, 4, 3),
        new DateOnly(2016, 3, 4), // swapped, but another year
        new DateOnly(2014, 4, 3),
        (DateOnly?)null,
    };

    [Theory]
    [MemberData(nameof(MismatchedDatesOfBirth))]
    public void Score_WhenDateOfBirthDoesNotMatch_IsZero(DateOnly? dateOfBirth) =>
        Score("smith 03/04/2015", A.Person().Named("Amy", "Smith").BornOn(dateOfBirth).Build()).ShouldBe(0);

    [Fact]
    public void Score_WhenOnlyDateOfBirthIsTyped_MatchesAnyoneBornThatDay() =>
        Score("03/04/2015", A.Person().Named("Amy", "Smith").BornOn(2015, 4, 3).Build()).ShouldBe(2);

    [Theory]
    [InlineData(2015, 1, 1)]
    [InlineData(2015, 12, 31)]
    public void Score_WhenBornInTheTypedYear_Matches(int year, int month, int day) =>
        Score("smith 2015", A.Person().Named("Amy", "Smith").BornOn(year, month, day).Build()).ShouldBe(1 + 1.05, 1e-9);

    public static TheoryData<DateOnly?> OtherYears => new() { new DateOnly(2014, 12, 31), new DateOnly(2016, 1, 1), (DateOnly?)null };

    [Theory]
    [MemberData(nameof(OtherYears))]
    public void Score_WhenNotBornInTheTypedYear_IsZero(DateOnly? dateOfBirth) =>
        Score("smith 2015", A.Person().Named("Amy", "Smith").BornOn(dateOfBirth).Build()).ShouldBe(0);

    [Fact]
    public void Score_WhenQueryIsEmpty_MatchesNobody() =>
        Score("", A.Person().Build()).ShouldBe(0);

    private static double Score(string text, Person person) => Score(PersonSearchQuery.Parse(text), person);

    private static double Score(PersonSearchQuery query, Person person) =>
        query.Score(person.SearchGivenName, person.SearchFamilyName, person.DateOfBirth);
}
