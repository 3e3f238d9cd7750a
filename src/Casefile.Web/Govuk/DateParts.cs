using System.Globalization;

namespace Casefile.Web.Govuk;

/// <summary>
/// What a person typed into a GOV.UK date input: three boxes, kept as text so that a form that
/// fails validation shows back exactly what was typed. <see cref="TryGetDate"/> turns it into a
/// <see cref="DateOnly"/> with the GOV.UK Design System's error messages.
/// </summary>
public sealed class DateParts
{
    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    /// <summary>True when all three boxes are blank: the question was not answered.</summary>
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) =>
        date is { } d
            ? new DateParts
            {
                Day = d.Day.ToString(CultureInfo.InvariantCulture),
                Month = d.Month.ToString(CultureInfo.InvariantCulture),
                Year = d.Year.ToString("D4", CultureInfo.InvariantCulture),
            }
            : new DateParts();

    /// <summary>
    /// Reads the date. On failure <paramref name="error"/> is the message to show, worded as the
    /// GOV.UK date input guidance says, for example "Enter date of birth",
    /// "Date of birth must include a month" or "Date of birth must be a real date".
    /// </summary>
    /// <param name="label">What the date is, for example "date of birth".</param>
    public bool TryGetDate(string label, out DateOnly date, out string? error)
    {
        var result = Check(label);
        date = result.Date ?? default;
        error = result.Error;
        return result.Date is not null;
    }

    /// <summary>
    /// The date or the error, plus which boxes the error is about, so the date input can mark
    /// only those boxes (GOV.UK: highlight the missing parts, or the whole date if it is not real).
    /// </summary>
    internal DateCheck Check(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);

        var day = Day?.Trim() ?? "";
        var month = Month?.Trim() ?? "";
        var year = Year?.Trim() ?? "";

        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
            return DateCheck.Failed($"Enter {LowerFirst(label)}", DateFields.All);

        var missing = DateFields.None;
        if (day.Length == 0) missing |= DateFields.Day;
        if (month.Length == 0) missing |= DateFields.Month;
        if (year.Length == 0) missing |= DateFields.Year;
        if (missing != DateFields.None)
            return DateCheck.Failed($"{UpperFirst(label)} must include a {Describe(missing)}", missing);

        var notNumbers = DateFields.None;
        if (!TryParseNumber(day, out var dayNumber)) notNumbers |= DateFields.Day;
        if (!TryParseMonth(month, out var monthNumber)) notNumbers |= DateFields.Month;
        if (!TryParseNumber(year, out var yearNumber)) notNumbers |= DateFields.Year;
        if (notNumbers != DateFields.None)
            return DateCheck.Failed($"{UpperFirst(label)} must be a real date", notNumbers);

        if (year.Length != 4)
            return DateCheck.Failed("Year must include 4 numbers", DateFields.Year);

        if (yearNumber < 1 || monthNumber is < 1 or > 12 || dayNumber < 1
            || dayNumber > DateTime.DaysInMonth(yearNumber, monthNumber))
        {
            return DateCheck.Failed($"{UpperFirst(label)} must be a real date", DateFields.All);
        }

        return new DateCheck(new DateOnly(yearNumber, monthNumber, dayNumber), null, DateFields.None);
    }

    private static string Describe(DateFields missing)
    {
        var names = new List<string>(3);
        if (missing.HasFlag(DateFields.Day)) names.Add("day");
        if (missing.HasFlag(DateFields.Month)) names.Add("month");
        if (missing.HasFlag(DateFields.Year)) names.Add("year");
        return string.Join(" and ", names);
    }

    private static bool TryParseNumber(string text, out int number)
    {
        number = 0;
        return text.Length is > 0 and <= 9
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private static bool TryParseMonth(string text, out int month)
    {
        if (TryParseNumber(text, out month))
            return true;

        // "jan", "Sept", "January": people type month names too, and GOV.UK asks services to accept them.
        var name = text.TrimEnd('.').ToLowerInvariant();
        if (name.Length >= 3)
        {
            for (var i = 0; i < MonthNames.Length; i++)
            {
                if (MonthNames[i].StartsWith(name, StringComparison.Ordinal))
                {
                    month = i + 1;
                    return true;
                }
            }
        }

        month = 0;
        return false;
    }

    // "Date of birth" reads "Enter date of birth", but an acronym such as "LAC review date" stays.
    private static string LowerFirst(string label) =>
        label.Length > 1 && char.IsUpper(label[1]) ? label : char.ToLowerInvariant(label[0]) + label[1..];

    private static string UpperFirst(string label) => char.ToUpperInvariant(label[0]) + label[1..];
}

/// <summary>The boxes of a date input.</summary>
[Flags]
internal enum DateFields
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

internal readonly record struct DateCheck(DateOnly? Date, string? Error, DateFields Fields)
{
    public static DateCheck Failed(string error, DateFields fields) => new(null, error, fields);
}
