namespace Casefile.Domain.Calendar;

/// <summary>
/// The bank holidays of England and Wales that Casefile ships with, 2018 to 2027, written out
/// from the official gov.uk list, one-off days included (VE Day 2020, the Platinum Jubilee and
/// the State Funeral in 2022, the coronation in 2023). Years outside this range are computed by
/// <see cref="EnglandAndWalesBankHolidayRules"/>; an administrator's import corrects any year.
/// </summary>
public static class EnglandAndWalesBankHolidays
{
    public const int FirstYear = 2018;
    public const int LastYear = 2027;

    /// <summary>Every shipped day, in date order.</summary>
    public static IReadOnlyList<BankHoliday> All { get; } =
    [
        Day(2018, 1, 1, BankHolidayTitles.NewYearsDay),
        Day(2018, 3, 30, BankHolidayTitles.GoodFriday),
        Day(2018, 4, 2, BankHolidayTitles.EasterMonday),
        Day(2018, 5, 7, BankHolidayTitles.EarlyMay),
        Day(2018, 5, 28, BankHolidayTitles.Spring),
        Day(2018, 8, 27, BankHolidayTitles.Summer),
        Day(2018, 12, 25, BankHolidayTitles.ChristmasDay),
        Day(2018, 12, 26, BankHolidayTitles.BoxingDay),

        Day(2019, 1, 1, BankHolidayTitles.NewYearsDay),
        Day(2019, 4, 19, BankHolidayTitles.GoodFriday),
        Day(2019, 4, 22, BankHolidayTitles.EasterMonday),
        Day(2019, 5, 6, BankHolidayTitles.EarlyMay),
        Day(2019, 5, 27, BankHolidayTitles.Spring),
        Day(2019, 8, 26, BankHolidayTitles.Summer),
        Day(2019, 12, 25, BankHolidayTitles.ChristmasDay),
        Day(2019, 12, 26, BankHolidayTitles.BoxingDay),

        Day(2020, 1, 1, BankHolidayTitles.NewYearsDay),
        Day(2020, 4, 10, BankHolidayTitles.GoodFriday),
        Day(2020, 4, 13, BankHolidayTitles.EasterMonday),
        Day(2020, 5, 8, "Early May bank holiday (VE day)"), // moved from Monday 4 May for the 75th anniversary of VE Day
        Day(2020, 5, 25, BankHolidayTitles.Spring),
        Day(2020, 8, 31, BankHolidayTitles.Summer),
        Day(2020, 12, 25, BankHolidayTitles.ChristmasDay),
        Substitute(2020, 12, 28, BankHolidayTitles.BoxingDay),

        Day(2021, 1, 1, BankHolidayTitles.NewYearsDay),
        Day(2021, 4, 2, BankHolidayTitles.GoodFriday),
        Day(2021, 4, 5, BankHolidayTitles.EasterMonday),
        Day(2021, 5, 3, BankHolidayTitles.EarlyMay),
        Day(2021, 5, 31, BankHolidayTitles.Spring),
        Day(2021, 8, 30, BankHolidayTitles.Summer),
        Substitute(2021, 12, 27, BankHolidayTitles.ChristmasDay),
        Substitute(2021, 12, 28, BankHolidayTitles.BoxingDay),

        Substitute(2022, 1, 3, BankHolidayTitles.NewYearsDay),
        Day(2022, 4, 15, BankHolidayTitles.GoodFriday),
        Day(2022, 4, 18, BankHolidayTitles.EasterMonday),
        Day(2022, 5, 2, BankHolidayTitles.EarlyMay),
        Day(2022, 6, 2, BankHolidayTitles.Spring), // moved from Monday 30 May for the Platinum Jubilee
        Day(2022, 6, 3, "Platinum Jubilee bank holiday"),
        Day(2022, 8, 29, BankHolidayTitles.Summer),
        Day(2022, 9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        Day(2022, 12, 26, BankHolidayTitles.BoxingDay),
        Substitute(2022, 12, 27, BankHolidayTitles.ChristmasDay),

        Substitute(2023, 1, 2, BankHolidayTitles.NewYearsDay),
        Day(2023, 4, 7, BankHolidayTitles.GoodFriday),
        Day(2023, 4, 10, BankHolidayTitles.EasterMonday),
        Day(2023, 5, 1, BankHolidayTitles.EarlyMay),
        Day(2023, 5, 8, "Bank holiday for the coronation of King Charles III"),
        Day(2023, 5, 29, BankHolidayTitles.Spring),
        Day(2023, 8, 28, BankHolidayTitles.Summer),
        Day(2023, 12, 25, BankHolidayTitles.ChristmasDay),
        Day(2023, 12, 26, BankHolidayTitles.BoxingDay),

        Day(2024, 1, 1, BankHolidayTitles.NewYearsDay),
        Day(2024, 3, 29, BankHolidayTitles.GoodFriday),
        Day(2024, 4, 1, BankHolidayTitles.EasterMonday),
        Day(2024, 5, 6, BankHolidayTitles.EarlyMay),
        Day(2024, 5, 27, BankHolidayTitles.Spring),
        Day(2024, 8, 26, BankHolidayTitles.Summer),
        Day(2024, 12, 25, BankHolidayTitles.ChristmasDay),
        Day(2024, 12, 26, BankHolidayTitles.BoxingDay),

        Day(2025, 1, 1, BankHolidayTitles.NewYearsDay),
        Day(2025, 4, 18, BankHolidayTitles.GoodFriday),
        Day(2025, 4, 21, BankHolidayTitles.EasterMonday),
        Day(2025, 5, 5, BankHolidayTitles.EarlyMay),
        Day(2025, 5, 26, BankHolidayTitles.Spring),
        Day(2025, 8, 25, BankHolidayTitles.Summer),
        Day(2025, 12, 25, BankHolidayTitles.ChristmasDay),
        Day(2025, 12, 26, BankHolidayTitles.BoxingDay),

        Day(2026, 1, 1, BankHolidayTitles.NewYearsDay),
        Day(2026, 4, 3, BankHolidayTitles.GoodFriday),
        Day(2026, 4, 6, BankHolidayTitles.EasterMonday),
        Day(2026, 5, 4, BankHolidayTitles.EarlyMay),
        Day(2026, 5, 25, BankHolidayTitles.Spring),
        Day(2026, 8, 31, BankHolidayTitles.Summer),
        Day(2026, 12, 25, BankHolidayTitles.ChristmasDay),
        Substitute(2026, 12, 28, BankHolidayTitles.BoxingDay),

        Day(2027, 1, 1, BankHolidayTitles.NewYearsDay),
        Day(2027, 3, 26, BankHolidayTitles.GoodFriday),
        Day(2027, 3, 29, BankHolidayTitles.EasterMonday),
        Day(2027, 5, 3, BankHolidayTitles.EarlyMay),
        Day(2027, 5, 31, BankHolidayTitles.Spring),
        Day(2027, 8, 30, BankHolidayTitles.Summer),
        Substitute(2027, 12, 27, BankHolidayTitles.ChristmasDay),
        Substitute(2027, 12, 28, BankHolidayTitles.BoxingDay),
    ];

    /// <summary>The shipped days of one year; empty outside <see cref="FirstYear"/>..<see cref="LastYear"/>.</summary>
    public static IReadOnlyList<BankHoliday> ForYear(int year) => [.. All.Where(d => d.Date.Year == year)];

    private static BankHoliday Day(int year, int month, int day, string title) => new(new DateOnly(year, month, day), title);

    private static BankHoliday Substitute(int year, int month, int day, string title) => new(new DateOnly(year, month, day), title, IsSubstituteDay: true);
}
