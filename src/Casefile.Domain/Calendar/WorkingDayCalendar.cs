using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Casefile.Domain.Calendar;

/// <summary>Where a year's bank holidays in a <see cref="WorkingDayCalendar"/> come from.</summary>
public enum BankHolidaySource
{
    /// <summary>The list shipped with Casefile (<see cref="EnglandAndWalesBankHolidays"/>).</summary>
    Shipped,

    /// <summary>Computed from <see cref="EnglandAndWalesBankHolidayRules"/>: no list is known for the year.</summary>
    Rules,

    /// <summary>Imported or added by an administrator, replacing the shipped or computed days.</summary>
    Imported,
}

/// <summary>
/// Working days in England and Wales: Monday to Friday, except bank holidays (issue 4, policy
/// 3.8). Holidays come from the shipped list for 2018 to 2027, from an administrator's imports,
/// and from the standing rules for any other year. Immutable: <see cref="WithImported"/> and
/// <see cref="WithAddedDay"/> answer a new calendar, so one instance can be shared by every
/// request. Pure: it never reads the clock; every date comes in as an argument.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly IReadOnlyDictionary<int, HolidayYear> _listed;
    private readonly ConcurrentDictionary<int, HolidayYear> _computed = new();

    /// <summary>The shipped list of England and Wales bank holidays, with the rules for other years.</summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = new();

    /// <summary>A calendar of the shipped list, with the rules for other years.</summary>
    public WorkingDayCalendar()
        : this(EnglandAndWalesBankHolidays.All
            .GroupBy(d => d.Date.Year)
            .ToDictionary(g => g.Key, g => new HolidayYear(g, BankHolidaySource.Shipped)))
    {
    }

    private WorkingDayCalendar(IReadOnlyDictionary<int, HolidayYear> listed) => _listed = listed;

    /// <summary>
    /// A calendar in which every year that <paramref name="days"/> touches has exactly those
    /// days as its bank holidays: an import replaces the shipped or computed list of each year
    /// it covers, so it can correct a day as well as add one. Years it does not touch are kept.
    /// To add a single day to a year without replacing it, use <see cref="WithAddedDay"/>.
    /// </summary>
    public WorkingDayCalendar WithImported(IEnumerable<BankHoliday> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var listed = new Dictionary<int, HolidayYear>(_listed);
        foreach (var year in days.GroupBy(d => d.Date.Year))
            listed[year.Key] = new HolidayYear(year, BankHolidaySource.Imported);
        return new WorkingDayCalendar(listed);
    }

    /// <summary>
    /// A calendar with one more bank holiday (a one-off day announced for a year the shipped
    /// list or the rules already cover). The year's other days are kept; a day already on that
    /// date is replaced by this one.
    /// </summary>
    public WorkingDayCalendar WithAddedDay(BankHoliday day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var year = day.Date.Year;
        var kept = YearOf(year).Days.Where(d => d.Date != day.Date).Append(day);
        var listed = new Dictionary<int, HolidayYear>(_listed) { [year] = new HolidayYear(kept, BankHolidaySource.Imported) };
        return new WorkingDayCalendar(listed);
    }

    /// <summary>The bank holidays of <paramref name="year"/>, in date order.</summary>
    public IReadOnlyList<BankHoliday> BankHolidaysIn(int year) => YearOf(year).Days;

    /// <summary>Whether <paramref name="year"/>'s days are shipped, imported or computed from the rules.</summary>
    public BankHolidaySource SourceOf(int year) => YearOf(year).Source;

    /// <summary>The bank holiday on <paramref name="date"/>, or null when it is not one.</summary>
    public BankHoliday? BankHolidayOn(DateOnly date) => YearOf(date.Year).ByDate.GetValueOrDefault(date);

    /// <summary>Monday to Friday, and not a bank holiday in England and Wales.</summary>
    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && !YearOf(date.Year).ByDate.ContainsKey(date);

    /// <summary>
    /// The date <paramref name="count"/> working days after <paramref name="from"/>: the 1st is
    /// the first working day after <paramref name="from"/>, whatever kind of day
    /// <paramref name="from"/> itself is (a Saturday's 1st working day is the Monday). A count
    /// of 0 answers <paramref name="from"/> unchanged, working day or not: no day has passed.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var date = from;
        for (var counted = 0; counted < count;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }

    /// <summary>
    /// How many working days there are after <paramref name="start"/> up to and including
    /// <paramref name="end"/>, so that <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>.
    /// When <paramref name="end"/> is before <paramref name="start"/> the answer is the same
    /// count for the other way round, negated.
    /// </summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        if (end < start) return -WorkingDaysBetween(end, start);
        if (end == start) return 0;

        var first = start.AddDays(1);
        var weekdays = WeekdaysUpTo(end) - WeekdaysUpTo(start);
        var holidays = 0;
        for (var year = first.Year; year <= end.Year; year++)
            holidays += YearOf(year).Days.Count(d => d.Date >= first && d.Date <= end && !IsWeekend(d.Date));
        return weekdays - holidays;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    // Monday to Friday from 1 January 0001 (a Monday) up to and including the date.
    private static int WeekdaysUpTo(DateOnly date)
    {
        var days = date.DayNumber + 1;
        return (days / 7 * 5) + Math.Min(days % 7, 5);
    }

    private HolidayYear YearOf(int year) =>
        _listed.TryGetValue(year, out var listed)
            ? listed
            : _computed.GetOrAdd(year, y => new HolidayYear(EnglandAndWalesBankHolidayRules.ForYear(y), BankHolidaySource.Rules));

    private sealed class HolidayYear
    {
        public HolidayYear(IEnumerable<BankHoliday> days, BankHolidaySource source)
        {
            // One holiday per date: a list naming a date twice keeps the first.
            Days = [.. days.DistinctBy(d => d.Date).OrderBy(d => d.Date)];
            ByDate = Days.ToFrozenDictionary(d => d.Date);
            Source = source;
        }

        public IReadOnlyList<BankHoliday> Days { get; }

        public FrozenDictionary<DateOnly, BankHoliday> ByDate { get; }

        public BankHolidaySource Source { get; }
    }
}
