using System.Globalization;
using Casefile.Domain.Calendar;

namespace Casefile.Domain.Tests.Calendar;

/// <summary>
/// The standing rules Casefile uses for years it has no list for: they must give the official
/// list in every year without a one-off or moved day, and the published Easter dates.
/// </summary>
public sealed class EnglandAndWalesBankHolidayRulesTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    public static TheoryData<int> OrdinaryYears() => [.. OfficialBankHolidays.OrdinaryYears];

    // Easter Sunday as published (Church of England / Gregorian tables).
    [Theory]
    [InlineData(2018, "2018-04-01")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2020, "2020-04-12")]
    [InlineData(2021, "2021-04-04")]
    [InlineData(2022, "2022-04-17")]
    [InlineData(2023, "2023-04-09")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2031, "2031-04-13")]
    [InlineData(2032, "2032-03-28")]
    [InlineData(2033, "2033-04-17")]
    [InlineData(2034, "2034-04-09")]
    [InlineData(2035, "2035-03-25")]
    public void EasterSunday_2018To2035_IsThePublishedDate(int year, string easter)
    {
        var sunday = EnglandAndWalesBankHolidayRules.EasterSunday(year);

        sunday.ShouldBe(D(easter));
        sunday.DayOfWeek.ShouldBe(DayOfWeek.Sunday);
    }

    [Theory, MemberData(nameof(OrdinaryYears))]
    public void ForYear_InAnOrdinaryYear_AgreesWithTheOfficialList(int year)
    {
        EnglandAndWalesBankHolidayRules.ForYear(year).ShouldBe(OfficialBankHolidays.ForYear(year));
    }

    // What the rules cannot know: the days the official list moved or added.
    [Theory]
    [InlineData(2020, "2020-05-04", "2020-05-08")]
    [InlineData(2022, "2022-05-30", "2022-06-02,2022-06-03,2022-09-19")]
    [InlineData(2023, "", "2023-05-08")]
    public void ForYear_InAYearWithOneOffDays_DiffersFromTheOfficialListOnlyByThoseDays(int year, string onlyByRules, string onlyOfficial)
    {
        var rules = EnglandAndWalesBankHolidayRules.ForYear(year).Select(d => d.Date).ToHashSet();
        var official = OfficialBankHolidays.ForYear(year).Select(d => d.Date).ToHashSet();

        rules.Except(official).ShouldBe(Dates(onlyByRules), ignoreOrder: true);
        official.Except(rules).ShouldBe(Dates(onlyOfficial), ignoreOrder: true);
    }

    [Fact]
    public void ForYear_2017_AgreesWithTheOfficialList()
    {
        EnglandAndWalesBankHolidayRules.ForYear(2017).Select(d => (d.Date, d.IsSubstituteDay)).ShouldBe(
        [
            (D("2017-01-02"), true), (D("2017-04-14"), false), (D("2017-04-17"), false), (D("2017-05-01"), false),
            (D("2017-05-29"), false), (D("2017-08-28"), false), (D("2017-12-25"), false), (D("2017-12-26"), false),
        ]);
    }

    [Fact]
    public void ForYear_2028_GivesTheRegularDaysWithTheNewYearSubstitute()
    {
        EnglandAndWalesBankHolidayRules.ForYear(2028).ShouldBe(
        [
            new(D("2028-01-03"), "New Year’s Day", IsSubstituteDay: true),
            new(D("2028-04-14"), "Good Friday"),
            new(D("2028-04-17"), "Easter Monday"),
            new(D("2028-05-01"), "Early May bank holiday"),
            new(D("2028-05-29"), "Spring bank holiday"),
            new(D("2028-08-28"), "Summer bank holiday"),
            new(D("2028-12-25"), "Christmas Day"),
            new(D("2028-12-26"), "Boxing Day"),
        ]);
    }

    // year, weekday of 1 January, the New Year holiday ("*" = substitute day)
    [Theory]
    [InlineData(2029, "Mon", "2029-01-01")]
    [InlineData(2028, "Sat", "2028-01-03*")]
    [InlineData(2034, "Sun", "2034-01-02*")]
    public void ForYear_NewYearsDay_MovesToTheMondayAfterAWeekend(int year, string weekday, string expected)
    {
        new DateOnly(year, 1, 1).ToString("ddd", CultureInfo.InvariantCulture).ShouldBe(weekday);

        var newYear = EnglandAndWalesBankHolidayRules.ForYear(year).Single(d => d.Title == "New Year’s Day");

        Written(newYear).ShouldBe(expected);
    }

    // year, weekday of Christmas Day, then Christmas Day and Boxing Day as the rules give them
    [Theory]
    [InlineData(2029, "Tue", "2029-12-25", "2029-12-26")]
    [InlineData(2037, "Fri", "2037-12-25", "2037-12-28*")]
    [InlineData(2032, "Sat", "2032-12-27*", "2032-12-28*")]
    [InlineData(2033, "Sun", "2033-12-27*", "2033-12-26")]
    public void ForYear_ChristmasAndBoxingDay_GetSubstituteWeekdays(int year, string weekday, string christmas, string boxingDay)
    {
        new DateOnly(year, 12, 25).ToString("ddd", CultureInfo.InvariantCulture).ShouldBe(weekday);

        var days = EnglandAndWalesBankHolidayRules.ForYear(year);

        Written(days.Single(d => d.Title == "Christmas Day")).ShouldBe(christmas);
        Written(days.Single(d => d.Title == "Boxing Day")).ShouldBe(boxingDay);
    }

    [Fact]
    public void ForYear_AnyYear_GivesEightWeekdaysInDateOrder()
    {
        var wrong = new List<int>();
        for (var year = 1990; year <= 2100; year++)
        {
            var dates = EnglandAndWalesBankHolidayRules.ForYear(year).Select(d => d.Date).ToList();
            var fine = dates.Count == 8
                && dates.SequenceEqual(dates.Order())
                && dates.Distinct().Count() == 8
                && dates.All(d => d.Year == year && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            if (!fine) wrong.Add(year);
        }

        wrong.ShouldBeEmpty();
    }

    private static string Written(BankHoliday day) => day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (day.IsSubstituteDay ? "*" : "");

    private static DateOnly[] Dates(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(D)];
}
