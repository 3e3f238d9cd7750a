namespace Casefile.Domain.Calendar;

/// <summary>
/// The standing rules for bank holidays in England and Wales, for years Casefile has no list
/// for: New Year's Day, Good Friday, Easter Monday, the first and last Mondays of May, the last
/// Monday of August, Christmas Day and Boxing Day, each moved to the next free weekday when it
/// falls at a weekend. One-off days (jubilees, coronations, state funerals) and moved days
/// cannot be predicted: they come in through an administrator's import.
/// </summary>
public static class EnglandAndWalesBankHolidayRules
{
    /// <summary>
    /// Easter Sunday in the Gregorian calendar, by the anonymous Gregorian algorithm
    /// (Meeus/Jones/Butcher).
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The bank holidays the rules give for <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<BankHoliday> ForYear(int year)
    {
        var easter = EasterSunday(year);
        var days = new List<BankHoliday>(8);

        var newYear = new DateOnly(year, 1, 1);
        days.Add(newYear.DayOfWeek switch
        {
            DayOfWeek.Saturday => new(newYear.AddDays(2), BankHolidayTitles.NewYearsDay, IsSubstituteDay: true),
            DayOfWeek.Sunday => new(newYear.AddDays(1), BankHolidayTitles.NewYearsDay, IsSubstituteDay: true),
            _ => new(newYear, BankHolidayTitles.NewYearsDay),
        });

        days.Add(new(easter.AddDays(-2), BankHolidayTitles.GoodFriday));
        days.Add(new(easter.AddDays(1), BankHolidayTitles.EasterMonday));
        days.Add(new(FirstMonday(year, 5), BankHolidayTitles.EarlyMay));
        days.Add(new(LastMonday(year, 5), BankHolidayTitles.Spring));
        days.Add(new(LastMonday(year, 8), BankHolidayTitles.Summer));

        var christmas = new DateOnly(year, 12, 25);
        var boxingDay = new DateOnly(year, 12, 26);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Saturday: // both at the weekend: Monday and Tuesday stand in
                days.Add(new(christmas.AddDays(2), BankHolidayTitles.ChristmasDay, IsSubstituteDay: true));
                days.Add(new(christmas.AddDays(3), BankHolidayTitles.BoxingDay, IsSubstituteDay: true));
                break;
            case DayOfWeek.Sunday: // Boxing Day is Monday, so Christmas moves to Tuesday
                days.Add(new(boxingDay, BankHolidayTitles.BoxingDay));
                days.Add(new(christmas.AddDays(2), BankHolidayTitles.ChristmasDay, IsSubstituteDay: true));
                break;
            case DayOfWeek.Friday: // Boxing Day is Saturday: the next Monday stands in
                days.Add(new(christmas, BankHolidayTitles.ChristmasDay));
                days.Add(new(christmas.AddDays(3), BankHolidayTitles.BoxingDay, IsSubstituteDay: true));
                break;
            default:
                days.Add(new(christmas, BankHolidayTitles.ChristmasDay));
                days.Add(new(boxingDay, BankHolidayTitles.BoxingDay));
                break;
        }

        return days;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
