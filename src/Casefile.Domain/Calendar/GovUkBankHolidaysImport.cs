using System.Globalization;
using System.Text.Json;

namespace Casefile.Domain.Calendar;

/// <summary>
/// One thing wrong with an imported file, in words an administrator can act on. For a bad
/// event, <see cref="EventNumber"/> counts from 1 within "england-and-wales" and
/// <see cref="Entry"/> is the event as written in the file.
/// </summary>
public sealed record BankHolidayImportError(string Message, int? EventNumber = null, string? Entry = null);

/// <summary>
/// What an import found: the England and Wales days when <see cref="Succeeded"/>, or every
/// error found. A file with any error gives no days, so a bad file never half-changes the calendar.
/// </summary>
public sealed record BankHolidayImportResult(IReadOnlyList<BankHoliday> Days, IReadOnlyList<BankHolidayImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The years the file covers; importing it replaces each of these years' days.</summary>
    public IReadOnlyList<int> Years => [.. Days.Select(d => d.Date.Year).Distinct().Order()];

    internal static BankHolidayImportResult Failed(string message) => new([], [new BankHolidayImportError(message)]);
}

/// <summary>
/// Reads the gov.uk <c>bank-holidays.json</c> format (https://www.gov.uk/bank-holidays.json):
/// an object with "england-and-wales", "scotland" and "northern-ireland", each holding
/// "division" and "events" of <c>{"title", "date": "YYYY-MM-DD", "notes", "bunting"}</c>.
/// Only England and Wales is taken. Bad input is answered as errors, never as an exception.
/// Pure: the caller reads the file and passes its text.
/// </summary>
public static class GovUkBankHolidaysImport
{
    public const string EnglandAndWales = "england-and-wales";

    private const int LongestEntryShown = 300;

    public static BankHolidayImportResult Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return BankHolidayImportResult.Failed("The file is empty. Choose the bank-holidays.json file from gov.uk.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.TrimStart('\uFEFF'));
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, character {ex.BytePositionInLine.GetValueOrDefault() + 1})" : "";
            return BankHolidayImportResult.Failed($"The file is not valid JSON{where}. Choose the bank-holidays.json file from gov.uk.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return BankHolidayImportResult.Failed($"The file is not in the gov.uk bank holidays format: it should be an object with an \"{EnglandAndWales}\" section.");
            if (!root.TryGetProperty(EnglandAndWales, out var division))
                return BankHolidayImportResult.Failed($"The file has no \"{EnglandAndWales}\" section. Casefile takes only the England and Wales bank holidays.");
            if (division.ValueKind != JsonValueKind.Object
                || !division.TryGetProperty("events", out var events)
                || events.ValueKind != JsonValueKind.Array)
                return BankHolidayImportResult.Failed($"The \"{EnglandAndWales}\" section has no list of \"events\".");
            if (events.GetArrayLength() == 0)
                return BankHolidayImportResult.Failed($"The \"{EnglandAndWales}\" section lists no bank holidays.");

            var days = new List<BankHoliday>();
            var errors = new List<BankHolidayImportError>();
            var number = 0;
            foreach (var entry in events.EnumerateArray())
            {
                number++;
                var problem = ReadEvent(entry, out var day);
                if (problem is null)
                    days.Add(day!);
                else
                    errors.Add(new($"Event {number} in \"{EnglandAndWales}\": {problem}", number, Shown(entry)));
            }

            return errors.Count > 0 ? new([], errors) : new([.. days.OrderBy(d => d.Date)], []);
        }
    }

    private static string? ReadEvent(JsonElement entry, out BankHoliday? day)
    {
        day = null;
        if (entry.ValueKind != JsonValueKind.Object)
            return "it should be an object with a \"title\" and a \"date\".";

        if (!entry.TryGetProperty("title", out var titleElement) || titleElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(titleElement.GetString()))
            return "it has no \"title\".";

        if (!entry.TryGetProperty("date", out var dateElement) || dateElement.ValueKind != JsonValueKind.String)
            return "it has no \"date\".";

        var text = dateElement.GetString()!;
        if (!IsYearMonthDayShape(text))
            return $"the date \"{text}\" is not written as YYYY-MM-DD.";
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return $"the date \"{text}\" is not a real date.";

        var notes = entry.TryGetProperty("notes", out var notesElement) && notesElement.ValueKind == JsonValueKind.String
            ? notesElement.GetString()
            : null;
        var substitute = notes?.Contains("substitute", StringComparison.OrdinalIgnoreCase) == true;

        day = new BankHoliday(date, titleElement.GetString()!.Trim(), substitute);
        return null;
    }

    private static bool IsYearMonthDayShape(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-'
        && text.Where((c, i) => i is not (4 or 7)).All(char.IsAsciiDigit);

    private static string Shown(JsonElement entry)
    {
        var raw = entry.GetRawText();
        return raw.Length <= LongestEntryShown ? raw : string.Concat(raw.AsSpan(0, LongestEntryShown), "…");
    }
}
