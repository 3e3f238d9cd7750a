using System.Globalization;
using Casefile.Domain.Calendar;

namespace Casefile.Domain.Tests.Calendar;

/// <summary>
/// The England and Wales bank holidays 2018 to 2027, copied year by year from the official
/// gov.uk list: the independent check of the shipped data, so never built by calling it. The
/// weekday column is written by hand too, and a test holds each date to it, so a slipped digit
/// shows up. "sub" marks a substitute day.
/// </summary>
public static class OfficialBankHolidays
{
    private static readonly string[] Table =
    [
        "2018-01-01 Mon New Year’s Day",
        "2018-03-30 Fri Good Friday",
        "2018-04-02 Mon Easter Monday",
        "2018-05-07 Mon Early May bank holiday",
        "2018-05-28 Mon Spring bank holiday",
        "2018-08-27 Mon Summer bank holiday",
        "2018-12-25 Tue Christmas Day",
        "2018-12-26 Wed Boxing Day",

        "2019-01-01 Tue New Year’s Day",
        "2019-04-19 Fri Good Friday",
        "2019-04-22 Mon Easter Monday",
        "2019-05-06 Mon Early May bank holiday",
        "2019-05-27 Mon Spring bank holiday",
        "2019-08-26 Mon Summer bank holiday",
        "2019-12-25 Wed Christmas Day",
        "2019-12-26 Thu Boxing Day",

        "2020-01-01 Wed New Year’s Day",
        "2020-04-10 Fri Good Friday",
        "2020-04-13 Mon Easter Monday",
        "2020-05-08 Fri Early May bank holiday (VE day)",
        "2020-05-25 Mon Spring bank holiday",
        "2020-08-31 Mon Summer bank holiday",
        "2020-12-25 Fri Christmas Day",
        "2020-12-28 Mon sub Boxing Day",

        "2021-01-01 Fri New Year’s Day",
        "2021-04-02 Fri Good Friday",
        "2021-04-05 Mon Easter Monday",
        "2021-05-03 Mon Early May bank holiday",
        "2021-05-31 Mon Spring bank holiday",
        "2021-08-30 Mon Summer bank holiday",
        "2021-12-27 Mon sub Christmas Day",
        "2021-12-28 Tue sub Boxing Day",

        "2022-01-03 Mon sub New Year’s Day",
        "2022-04-15 Fri Good Friday",
        "2022-04-18 Mon Easter Monday",
        "2022-05-02 Mon Early May bank holiday",
        "2022-06-02 Thu Spring bank holiday",
        "2022-06-03 Fri Platinum Jubilee bank holiday",
        "2022-08-29 Mon Summer bank holiday",
        "2022-09-19 Mon Bank Holiday for the State Funeral of Queen Elizabeth II",
        "2022-12-26 Mon Boxing Day",
        "2022-12-27 Tue sub Christmas Day",

        "2023-01-02 Mon sub New Year’s Day",
        "2023-04-07 Fri Good Friday",
        "2023-04-10 Mon Easter Monday",
        "2023-05-01 Mon Early May bank holiday",
        "2023-05-08 Mon Bank holiday for the coronation of King Charles III",
        "2023-05-29 Mon Spring bank holiday",
        "2023-08-28 Mon Summer bank holiday",
        "2023-12-25 Mon Christmas Day",
        "2023-12-26 Tue Boxing Day",

        "2024-01-01 Mon New Year’s Day",
        "2024-03-29 Fri Good Friday",
        "2024-04-01 Mon Easter Monday",
        "2024-05-06 Mon Early May bank holiday",
        "2024-05-27 Mon Spring bank holiday",
        "2024-08-26 Mon Summer bank holiday",
        "2024-12-25 Wed Christmas Day",
        "2024-12-26 Thu Boxing Day",

        "2025-01-01 Wed New Year’s Day",
        "2025-04-18 Fri Good Friday",
        "2025-04-21 Mon Easter Monday",
        "2025-05-05 Mon Early May bank holiday",
        "2025-05-26 Mon Spring bank holiday",
        "2025-08-25 Mon Summer bank holiday",
        "2025-12-25 Thu Christmas Day",
        "2025-12-26 Fri Boxing Day",

        "2026-01-01 Thu New Year’s Day",
        "2026-04-03 Fri Good Friday",
        "2026-04-06 Mon Easter Monday",
        "2026-05-04 Mon Early May bank holiday",
        "2026-05-25 Mon Spring bank holiday",
        "2026-08-31 Mon Summer bank holiday",
        "2026-12-25 Fri Christmas Day",
        "2026-12-28 Mon sub Boxing Day",

        "2027-01-01 Fri New Year’s Day",
        "2027-03-26 Fri Good Friday",
        "2027-03-29 Mon Easter Monday",
        "2027-05-03 Mon Early May bank holiday",
        "2027-05-31 Mon Spring bank holiday",
        "2027-08-30 Mon Summer bank holiday",
        "2027-12-27 Mon sub Christmas Day",
        "2027-12-28 Tue sub Boxing Day",
    ];

    /// <summary>Years whose holidays are exactly what the standing rules give (no one-off or moved day).</summary>
    public static readonly int[] OrdinaryYears = [2018, 2019, 2021, 2024, 2025, 2026, 2027];

    public static readonly int[] Years = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027];

    public sealed record Row(DateOnly Date, string Weekday, string Title, bool Substitute)
    {
        public BankHoliday ToBankHoliday() => new(Date, Title, Substitute);

        public override string ToString() => $"{Date:yyyy-MM-dd} {Weekday} {Title}";
    }

    public static IReadOnlyList<Row> All { get; } = [.. Table.Select(Parse)];

    public static IReadOnlyList<BankHoliday> ForYear(int year) =>
        [.. All.Where(r => r.Date.Year == year).Select(r => r.ToBankHoliday())];

    private static Row Parse(string line)
    {
        var parts = line.Split(' ', 3);
        var date = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var substitute = parts[2].StartsWith("sub ", StringComparison.Ordinal);
        return new Row(date, parts[1], substitute ? parts[2][4..] : parts[2], substitute);
    }
}
