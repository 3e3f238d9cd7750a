using System.Globalization;
using Casefile.Domain.Calendar;

namespace Casefile.Domain.Tests.Calendar;

/// <summary>
/// Working days in England and Wales: Monday to Friday that are not bank holidays (issue 4),
/// from the shipped list, from the rules beyond it, and from an administrator's imports.
/// </summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025-06-14", false)] // Saturday
    [InlineData("2025-06-15", false)] // Sunday
    [InlineData("2025-06-16", true)] // Monday
    [InlineData("2025-06-20", true)] // Friday
    [InlineData("2017-12-26", false)] // Boxing Day, before the shipped list: from the rules
    [InlineData("2028-01-03", false)] // New Year's Day substitute, after the shipped list: from the rules
    [InlineData("2028-04-14", false)] // Good Friday 2028, from the rules
    [InlineData("2028-01-04", true)]
    public void IsWorkingDay_ForADate_AnswersMondayToFridayThatIsNotABankHoliday(string date, bool expected)
    {
        Calendar.IsWorkingDay(D(date)).ShouldBe(expected);
    }

    // from, count, the date count working days after from
    [Theory]
    [InlineData("2025-06-16", 0, "2025-06-16")] // count 0: from itself
    [InlineData("2025-06-14", 0, "2025-06-14")] // count 0 from a Saturday: still from itself
    [InlineData("2025-06-13", 1, "2025-06-16")] // Friday + 1 = Monday
    [InlineData("2025-06-14", 1, "2025-06-16")] // Saturday + 1 = Monday
    [InlineData("2025-06-16", 5, "2025-06-23")]
    [InlineData("2023-12-22", 5, "2024-01-03")] // over Christmas 2023 and New Year's Day 2024
    [InlineData("2021-12-24", 1, "2021-12-29")] // Christmas 2021 at the weekend: Mon 27 and Tue 28 are the holidays
    [InlineData("2025-04-17", 1, "2025-04-22")] // over Easter 2025
    [InlineData("2027-12-24", 5, "2028-01-05")] // from the shipped list into the rules' 2028
    [InlineData("2024-12-31", 253, "2025-12-31")] // 2025 has 261 weekdays and 8 bank holidays
    public void AddWorkingDays_FromADate_AnswersTheDateThatManyWorkingDaysAfter(string from, int count, string expected)
    {
        Calendar.AddWorkingDays(D(from), count).ShouldBe(D(expected));
    }

    [Fact]
    public void AddWorkingDays_WhenCountIsNegative_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2025-06-16"), -1));
    }

    // start, end, working days in (start, end]
    [Theory]
    [InlineData("2025-06-16", "2025-06-16", 0)]
    [InlineData("2025-06-20", "2025-06-21", 0)] // Friday to Saturday
    [InlineData("2025-06-20", "2025-06-23", 1)] // Friday to Monday
    [InlineData("2023-12-22", "2024-01-03", 5)]
    [InlineData("2024-12-31", "2025-12-31", 253)]
    [InlineData("2025-12-31", "2024-12-31", -253)] // the other way round: negated
    [InlineData("2019-12-31", "2023-12-31", 1008)] // 2020 to 2023, one-off days included: 262 - 8, 261 - 8, 260 - 10, 260 - 9
    public void WorkingDaysBetween_TwoDates_CountsTheWorkingDaysAfterStartUpToAndIncludingEnd(string start, string end, int expected)
    {
        Calendar.WorkingDaysBetween(D(start), D(end)).ShouldBe(expected);
    }

    [Fact]
    public void WorkingDaysBetween_ForEveryStartIn2020To2023AndSpansUpToSixWeeks_AgreesWithCountingDayByDay()
    {
        var wrong = new List<string>();
        for (var start = D("2019-12-25"); start <= D("2023-12-31"); start = start.AddDays(1))
        {
            var counted = 0;
            for (var end = start; end <= start.AddDays(42); end = end.AddDays(1))
            {
                if (end > start && Calendar.IsWorkingDay(end)) counted++;
                var answered = Calendar.WorkingDaysBetween(start, end);
                if (answered != counted) wrong.Add($"{start:yyyy-MM-dd} to {end:yyyy-MM-dd}: {answered}, counted {counted}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void WorkingDaysBetween_FromAnyDayToAddWorkingDays_GivesTheCountBack()
    {
        var wrong = new List<string>();
        for (var from = D("2019-12-20"); from <= D("2024-01-10"); from = from.AddDays(1))
        {
            for (var count = 0; count <= 7; count++)
            {
                var to = Calendar.AddWorkingDays(from, count);
                if (Calendar.WorkingDaysBetween(from, to) != count || (count > 0 && !Calendar.IsWorkingDay(to)))
                    wrong.Add($"{from:yyyy-MM-dd} + {count} = {to:yyyy-MM-dd}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2017, BankHolidaySource.Rules)]
    [InlineData(2018, BankHolidaySource.Shipped)]
    [InlineData(2027, BankHolidaySource.Shipped)]
    [InlineData(2028, BankHolidaySource.Rules)]
    public void SourceOf_AYear_SaysWhereItsDaysComeFrom(int year, BankHolidaySource expected)
    {
        Calendar.SourceOf(year).ShouldBe(expected);
    }

    [Theory]
    [InlineData(2017)]
    [InlineData(2028)]
    [InlineData(2040)]
    public void BankHolidaysIn_AYearOutsideTheShippedList_AreTheRules(int year)
    {
        Calendar.BankHolidaysIn(year).ShouldBe(EnglandAndWalesBankHolidayRules.ForYear(year));
    }

    [Fact]
    public void WithImported_AYearWithAOneOffDay_MakesThatDayABankHoliday()
    {
        var oneOff = new BankHoliday(D("2028-07-07"), "Bank holiday for a national celebration");
        var imported = Calendar.WithImported([.. EnglandAndWalesBankHolidayRules.ForYear(2028), oneOff]);

        imported.IsWorkingDay(D("2028-07-07")).ShouldBeFalse();
        imported.BankHolidayOn(D("2028-07-07")).ShouldBe(oneOff);
        imported.BankHolidaysIn(2028).Count.ShouldBe(9);
        imported.SourceOf(2028).ShouldBe(BankHolidaySource.Imported);
        imported.AddWorkingDays(D("2028-07-06"), 1).ShouldBe(D("2028-07-10"));
        Calendar.IsWorkingDay(D("2028-07-07")).ShouldBeTrue("the calendar it came from is unchanged");
    }

    [Fact]
    public void WithImported_AShippedYear_ReplacesThatYearsDaysAndNoOthers()
    {
        // A correction: the early May holiday of 2027 moved from Monday 3 May to Friday 7 May.
        var corrected = OfficialBankHolidays.ForYear(2027)
            .Select(d => d.Date == D("2027-05-03") ? d with { Date = D("2027-05-07") } : d)
            .ToList();

        var imported = Calendar.WithImported(corrected);

        imported.IsWorkingDay(D("2027-05-03")).ShouldBeTrue();
        imported.IsWorkingDay(D("2027-05-07")).ShouldBeFalse();
        imported.BankHolidaysIn(2027).Count.ShouldBe(8);
        imported.BankHolidaysIn(2026).ShouldBe(OfficialBankHolidays.ForYear(2026));
        imported.SourceOf(2026).ShouldBe(BankHolidaySource.Shipped);
        Calendar.IsWorkingDay(D("2027-05-03")).ShouldBeFalse("the calendar it came from is unchanged");
    }

    [Fact]
    public void WithImported_AYearWithOnlySomeDays_HasOnlyThoseDaysThatYear()
    {
        var imported = Calendar.WithImported([new BankHoliday(D("2030-07-05"), "One-off")]);

        imported.BankHolidaysIn(2030).ShouldBe([new BankHoliday(D("2030-07-05"), "One-off")]);
        imported.IsWorkingDay(D("2030-12-25")).ShouldBeTrue("an import replaces the whole year it covers");
    }

    [Fact]
    public void WithAddedDay_ToAYearFromTheRules_KeepsTheRulesDays()
    {
        var oneOff = new BankHoliday(D("2029-06-01"), "Bank holiday for a national celebration");

        var added = Calendar.WithAddedDay(oneOff);

        added.BankHolidaysIn(2029).ShouldBe([.. EnglandAndWalesBankHolidayRules.ForYear(2029).Append(oneOff).OrderBy(d => d.Date)]);
        added.IsWorkingDay(D("2029-06-01")).ShouldBeFalse();
        added.IsWorkingDay(D("2029-12-25")).ShouldBeFalse();
        added.SourceOf(2029).ShouldBe(BankHolidaySource.Imported);
    }

    [Fact]
    public void WithAddedDay_OnADateAlreadyABankHoliday_ReplacesThatDay()
    {
        var retitled = new BankHoliday(D("2026-12-28"), "Boxing Day (observed)", IsSubstituteDay: true);

        var added = Calendar.WithAddedDay(retitled);

        added.BankHolidaysIn(2026).Count.ShouldBe(8);
        added.BankHolidayOn(D("2026-12-28")).ShouldBe(retitled);
    }
}
