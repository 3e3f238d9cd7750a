using Casefile.Domain.Common;
using Casefile.Domain.People;

namespace Casefile.Domain.Tests.People;

public class PersonTests
{
    private static readonly DateOnly Today = Clock.Today;

    [Fact]
    public void Constructor_WhenDetailsAreValid_TrimsNamesAndFillsSearchColumns()
    {
        var person = A.Person().Named("  Zoë ", " O'Brien-Hall ").KnownAs(" Zo ").Build();

        person.GivenName.ShouldBe("Zoë");
        person.FamilyName.ShouldBe("O'Brien-Hall");
        person.KnownAs.ShouldBe("Zo");
        person.FullName.ShouldBe("Zoë O'Brien-Hall");
        person.SearchGivenName.ShouldBe("zoe zo");
        person.SearchFamilyName.ShouldBe("obrien hall");
        person.GivenNameKey.ShouldBe("Z000");
        person.FamilyNameKey.ShouldBe("O165");
    }

    [Theory]
    [InlineData(null, "Smith", "givenName")]
    [InlineData("", "Smith", "givenName")]
    [InlineData("   ", "Smith", "givenName")]
    [InlineData("Amy", null, "familyName")]
    [InlineData("Amy", "", "familyName")]
    [InlineData("Amy", " \t ", "familyName")]
    public void Constructor_WhenANameIsMissing_RefusesWithTheField(string? given, string? family, string field)
    {
        var ex = Should.Throw<RuleViolationException>(() => A.Person().Named(given, family).Build());

        ex.Rule.ShouldBe("required");
        ex.Field.ShouldBe(field);
    }

    [Theory]
    [InlineData(101, 1, "givenName")]
    [InlineData(1, 101, "familyName")]
    public void Constructor_WhenANameIsTooLong_RefusesWithTheField(int givenLength, int familyLength, string field)
    {
        var ex = Should.Throw<RuleViolationException>(() =>
            A.Person().Named(new string('a', givenLength), new string('b', familyLength)).Build());

        ex.Rule.ShouldBe("too-long");
        ex.Field.ShouldBe(field);
    }

    [Fact]
    public void Constructor_WhenNamesAreAtTheLimit_Accepts() =>
        A.Person().Named(new string('a', 100), new string('b', 100)).Build().GivenName.Length.ShouldBe(100);

    [Fact]
    public void Constructor_WhenDateOfBirthIsTomorrow_Refuses()
    {
        var ex = Should.Throw<RuleViolationException>(() => A.Person().BornOn(Today.AddDays(1)).AsOf(Today).Build());

        ex.Rule.ShouldBe("date-of-birth-in-future");
        ex.Field.ShouldBe("dateOfBirth");
    }

    [Fact]
    public void Constructor_WhenBornToday_Accepts() =>
        A.Person().BornOn(Today).AsOf(Today).Build().DateOfBirth.ShouldBe(Today);

    [Fact]
    public void Constructor_WhenDateOfBirthIsUnknown_Accepts() =>
        A.Person().WithDateOfBirthUnknown().Build().DateOfBirth.ShouldBeNull();

    [Fact]
    public void Constructor_WhenDeathIsBeforeBirth_Refuses()
    {
        var ex = Should.Throw<RuleViolationException>(() =>
            A.Person().BornOn(2015, 4, 3).DiedOn(new DateOnly(2015, 4, 2)).Build());

        ex.Rule.ShouldBe("date-of-death-before-birth");
        ex.Field.ShouldBe("dateOfDeath");
    }

    [Fact]
    public void Constructor_WhenDeathIsOnTheDayOfBirth_Accepts() =>
        A.Person().BornOn(2015, 4, 3).DiedOn(new DateOnly(2015, 4, 3)).Build().DateOfDeath.ShouldBe(new DateOnly(2015, 4, 3));

    [Fact]
    public void Constructor_WhenDeathIsInTheFuture_Refuses()
    {
        var ex = Should.Throw<RuleViolationException>(() => A.Person().DiedOn(Today.AddDays(1)).AsOf(Today).Build());

        ex.Rule.ShouldBe("date-of-death-in-future");
        ex.Field.ShouldBe("dateOfDeath");
    }

    [Fact]
    public void Constructor_WhenDiedTodayWithDateOfBirthUnknown_Accepts() =>
        A.Person().WithDateOfBirthUnknown().DiedOn(Today).AsOf(Today).Build().DateOfDeath.ShouldBe(Today);

    [Fact]
    public void Update_WhenDetailsChange_KeepsSearchColumnsInStep()
    {
        var person = A.Person().Named("John", "Smith").Build();

        person.Update(A.Person().Named("Jon", "Smyth-Jones").Details(), Today);

        person.FullName.ShouldBe("Jon Smyth-Jones");
        person.SearchGivenName.ShouldBe("jon");
        person.SearchFamilyName.ShouldBe("smyth jones");
        person.GivenNameKey.ShouldBe("J500");
        person.FamilyNameKey.ShouldBe("S530");
    }

    [Fact]
    public void Update_WhenRefused_LeavesThePersonUnchanged()
    {
        var person = A.Person().Named("Amy", "Smith").BornOn(2015, 4, 3).Build();

        Should.Throw<RuleViolationException>(() =>
            person.Update(A.Person().Named("Beth", "Jones").BornOn(Today.AddDays(1)).Details(), Today));

        person.FullName.ShouldBe("Amy Smith");
        person.SearchGivenName.ShouldBe("amy");
        person.DateOfBirth.ShouldBe(new DateOnly(2015, 4, 3));
    }

    public static TheoryData<DateOnly, DateOnly, int> Ages => new()
    {
        { new DateOnly(2015, 4, 3), new DateOnly(2015, 4, 3), 0 },   // day of birth
        { new DateOnly(2015, 4, 3), new DateOnly(2016, 4, 2), 0 },
        { new DateOnly(2015, 4, 3), new DateOnly(2025, 4, 2), 9 },   // day before the birthday
        { new DateOnly(2015, 4, 3), new DateOnly(2025, 4, 3), 10 },  // birthday today
        { new DateOnly(2015, 4, 3), new DateOnly(2025, 4, 4), 10 },
        { new DateOnly(2007, 12, 31), new DateOnly(2025, 12, 30), 17 },
        { new DateOnly(2007, 12, 31), new DateOnly(2025, 12, 31), 18 },
        { new DateOnly(2008, 1, 1), new DateOnly(2025, 12, 31), 17 },
        // Born on 29 February: DateOnly.AddYears moves the birthday to 28 February in a
        // non-leap year, so the year is completed on 28 February (not 1 March).
        { new DateOnly(2012, 2, 29), new DateOnly(2013, 2, 27), 0 },
        { new DateOnly(2012, 2, 29), new DateOnly(2013, 2, 28), 1 },
        { new DateOnly(2012, 2, 29), new DateOnly(2013, 3, 1), 1 },
        { new DateOnly(2012, 2, 29), new DateOnly(2015, 2, 28), 3 },
        // In a leap year the birthday is 29 February itself.
        { new DateOnly(2012, 2, 29), new DateOnly(2016, 2, 28), 3 },
        { new DateOnly(2012, 2, 29), new DateOnly(2016, 2, 29), 4 },
    };

    [Theory]
    [MemberData(nameof(Ages))]
    public void AgeOn_WhenDateOfBirthIsKnown_CountsCompletedYears(DateOnly born, DateOnly day, int expected) =>
        A.Person().BornOn(born).Build().AgeOn(day).ShouldBe(expected);

    [Fact]
    public void AgeOn_WhenDateOfBirthIsUnknown_IsNull() =>
        A.Person().WithDateOfBirthUnknown().Build().AgeOn(Today).ShouldBeNull();

    [Fact]
    public void AgeOn_WhenPersonHasDied_StopsAtTheAgeAtDeath()
    {
        var person = A.Person().BornOn(2000, 1, 1).DiedOn(new DateOnly(2010, 6, 1)).Build();

        person.AgeOn(new DateOnly(2010, 5, 31)).ShouldBe(10);
        person.AgeOn(new DateOnly(2024, 1, 1)).ShouldBe(10);
    }

    [Fact]
    public void MoveTo_WhenPersonHasNoAddress_MakesItCurrent()
    {
        var person = A.Person().Build();

        var address = person.MoveTo(Guid.NewGuid(), Lines("1 High Street", postcode: " sw1a 1aa "), new DateOnly(2020, 1, 1));

        person.CurrentAddress.ShouldBeSameAs(address);
        person.Addresses.ShouldHaveSingleItem();
        address.PersonId.ShouldBe(person.Id);
        address.From.ShouldBe(new DateOnly(2020, 1, 1));
        address.To.ShouldBeNull();
        address.Postcode.ShouldBe("SW1A 1AA");
        address.SingleLine.ShouldBe("1 High Street, Northtown, SW1A 1AA");
    }

    [Fact]
    public void MoveTo_WhenPersonHasACurrentAddress_ClosesItTheDayBefore()
    {
        var person = A.Person().Build();
        var first = person.MoveTo(Guid.NewGuid(), Lines("1 High Street"), new DateOnly(2020, 1, 1));

        var second = person.MoveTo(Guid.NewGuid(), Lines("2 Low Road"), new DateOnly(2023, 3, 1));

        first.To.ShouldBe(new DateOnly(2023, 2, 28));
        second.To.ShouldBeNull();
        person.CurrentAddress.ShouldBeSameAs(second);
        person.Addresses.Count.ShouldBe(2);
    }

    [Fact]
    public void MoveTo_WhenMovingTheDayAfterTheCurrentStart_ClosesTheCurrentOnItsFirstDay()
    {
        var person = A.Person().Build();
        var first = person.MoveTo(Guid.NewGuid(), Lines("1 High Street"), new DateOnly(2020, 1, 1));

        person.MoveTo(Guid.NewGuid(), Lines("2 Low Road"), new DateOnly(2020, 1, 2));

        first.To.ShouldBe(first.From);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-365)]
    public void MoveTo_WhenNewAddressStartsOnOrBeforeTheCurrent_RefusesAndKeepsTheCurrent(int daysAfterCurrentStart)
    {
        var person = A.Person().Build();
        var current = person.MoveTo(Guid.NewGuid(), Lines("1 High Street"), new DateOnly(2020, 1, 1));

        var ex = Should.Throw<RuleViolationException>(() =>
            person.MoveTo(Guid.NewGuid(), Lines("2 Low Road"), current.From.AddDays(daysAfterCurrentStart)));

        ex.Rule.ShouldBe("address-before-current");
        ex.Field.ShouldBe("from");
        person.CurrentAddress.ShouldBeSameAs(current);
        current.To.ShouldBeNull();
        person.Addresses.ShouldHaveSingleItem();
    }

    [Fact]
    public void MoveTo_WhenFirstLineIsMissing_RefusesWithTheField()
    {
        var person = A.Person().Build();

        var ex = Should.Throw<RuleViolationException>(() => person.MoveTo(Guid.NewGuid(), Lines(" "), new DateOnly(2020, 1, 1)));

        ex.Rule.ShouldBe("required");
        ex.Field.ShouldBe("address.line1");
        person.Addresses.ShouldBeEmpty();
    }

    [Fact]
    public void MoveTo_WhenNewAddressIsInvalid_LeavesTheCurrentAddressOpen()
    {
        var person = A.Person().Build();
        var current = person.MoveTo(Guid.NewGuid(), Lines("1 High Street"), new DateOnly(2020, 1, 1));

        Should.Throw<RuleViolationException>(() => person.MoveTo(Guid.NewGuid(), Lines(null), new DateOnly(2023, 3, 1)));

        current.To.ShouldBeNull();
        person.CurrentAddress.ShouldBeSameAs(current);
    }

    [Fact]
    public void Update_WhenAccepted_ChangesTheVersion()
    {
        var person = A.Person().Named("Amy", "Smith").Build();
        var before = person.Version;

        person.Update(A.Person().Named("Amy", "Smithson").Details(), Today);

        person.Version.ShouldNotBe(before);
    }

    [Fact]
    public void Update_WhenRefused_KeepsTheVersion()
    {
        var person = A.Person().Named("Amy", "Smith").BornOn(2015, 4, 3).Build();
        var before = person.Version;

        Should.Throw<RuleViolationException>(() => person.Update(A.Person().BornOn(2015, 4, 3).DiedOn(new DateOnly(2015, 4, 2)).Details(), Today));

        person.Version.ShouldBe(before);
        person.DateOfDeath.ShouldBeNull();
    }

    [Fact]
    public void MoveTo_WhenAccepted_ChangesTheVersion()
    {
        var person = A.Person().Build();
        var before = person.Version;

        person.MoveTo(Guid.NewGuid(), Lines("1 High Street"), new DateOnly(2020, 1, 1));

        person.Version.ShouldNotBe(before);
    }

    private static AddressLines Lines(string? line1, string? postcode = "NT1 2AB") => new(line1, null, "Northtown", postcode);
}
