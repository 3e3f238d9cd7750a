using System.Globalization;
using Casefile.Domain.Calendar;

namespace Casefile.Domain.Tests.Calendar;

/// <summary>
/// The shipped list against the official list, every bank holiday 2018 to 2027 (issue 4,
/// "How it is checked"). The expected days come from <see cref="OfficialBankHolidays"/>,
/// written out by hand, never from the code under test.
/// </summary>
public sealed class EnglandAndWalesBankHolidaysTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    public static TheoryData<string> EveryOfficialDay() => [.. OfficialBankHolidays.All.Select(r => r.ToString())];

    public static TheoryData<int> Years() => [.. OfficialBankHolidays.Years];

    private static OfficialBankHolidays.Row RowFor(string row) => OfficialBankHolidays.All.Single(r => r.ToString() == row);

    [Theory, MemberData(nameof(EveryOfficialDay))]
    public void OfficialTable_EachDay_FallsOnTheWeekdayWrittenBesideIt(string row)
    {
        var day = RowFor(row);

        day.Date.ToString("ddd", CultureInfo.InvariantCulture).ShouldBe(day.Weekday);
    }

    [Theory, MemberData(nameof(EveryOfficialDay))]
    public void IsWorkingDay_OnEveryBankHoliday2018To2027_IsFalse(string row)
    {
        var day = RowFor(row);

        Calendar.IsWorkingDay(day.Date).ShouldBeFalse();
        Calendar.BankHolidayOn(day.Date).ShouldBe(day.ToBankHoliday());
    }

    [Theory, MemberData(nameof(Years))]
    public void BankHolidaysIn_EachYear2018To2027_EqualsTheOfficialListExactly(int year)
    {
        Calendar.BankHolidaysIn(year).ShouldBe(OfficialBankHolidays.ForYear(year));
        EnglandAndWalesBankHolidays.ForYear(year).ShouldBe(OfficialBankHolidays.ForYear(year));
        Calendar.SourceOf(year).ShouldBe(BankHolidaySource.Shipped);
    }

    [Fact]
    public void All_TheShippedList_IsTheOfficialListInDateOrderWithNothingMore()
    {
        EnglandAndWalesBankHolidays.All.ShouldBe(OfficialBankHolidays.All.Select(r => r.ToBankHoliday()).ToList());
        EnglandAndWalesBankHolidays.All.Select(d => d.Date.Year).Distinct()
            .ShouldBe(Enumerable.Range(EnglandAndWalesBankHolidays.FirstYear, EnglandAndWalesBankHolidays.LastYear - EnglandAndWalesBankHolidays.FirstYear + 1));
    }

    [Theory]
    [InlineData("2020-05-04")] // the early May holiday moved to Friday 8 May for VE Day
    [InlineData("2022-05-30")] // the spring holiday moved to Thursday 2 June for the Platinum Jubilee
    [InlineData("2020-12-26")] // Boxing Day on a Saturday: the holiday is the Monday
    [InlineData("2021-12-25")]
    [InlineData("2021-12-26")]
    [InlineData("2022-01-01")]
    [InlineData("2022-12-25")]
    public void IsWorkingDay_OnAHolidayThatMovedAway_FollowsTheMove(string date)
    {
        var day = DateOnly.Parse(date, CultureInfo.InvariantCulture);

        Calendar.BankHolidayOn(day).ShouldBeNull();
        Calendar.IsWorkingDay(day).ShouldBe(day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
    }
}
