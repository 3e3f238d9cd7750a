using System.Globalization;
using Casefile.Data;
using Casefile.Data.Settings;
using Casefile.Domain.Access;
using Casefile.Domain.Calendar;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Calendar;

/// <summary>A bank holiday whose date stayed but whose name changed in an import.</summary>
public sealed record BankHolidayRename(DateOnly Date, string Title, string PreviousTitle);

/// <summary>
/// What an import changed in one year it covered, compared with the calendar in force before
/// it: days on new dates, days no longer listed, and days renamed.
/// </summary>
public sealed record BankHolidayYearChange(int Year, BankHolidaySource SourceBefore,
    IReadOnlyList<BankHoliday> Added, IReadOnlyList<BankHoliday> Removed, IReadOnlyList<BankHolidayRename> Renamed)
{
    public bool Unchanged => Added.Count == 0 && Removed.Count == 0 && Renamed.Count == 0;
}

/// <summary>What an administrator's import did: the years it replaced, how many days it holds, and what changed.</summary>
public sealed record BankHolidayImportSummary(IReadOnlyList<int> Years, int DaysImported, IReadOnlyList<BankHolidayYearChange> Changes);

/// <summary>
/// An administrator imports a gov.uk <c>bank-holidays.json</c> file (issue 4): each year the file
/// covers is replaced by the file's England and Wales days, so an import can add a one-off day
/// (a coronation, a state funeral) or correct a moved one. A file with any problem changes nothing.
/// The page and <c>POST /api/v1/calendar/bank-holidays</c> both call this.
/// </summary>
public sealed class ImportBankHolidays(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock, BankHolidayCalendar calendars)
{
    /// <summary>The gov.uk file is about 20 KB; anything near this is not a bank holidays file.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    public const string TooLargeMessage = "The file must be smaller than 1 MB. The gov.uk bank-holidays.json file is about 20 KB: check you chose the right file.";

    // A file of thousands of bad entries would make an unreadable error summary.
    private const int MostProblemsListed = 50;

    private const int LongestTitle = 200;

    /// <summary>Refuses anyone but a system administrator. Roles are read from the database, so a removed role stops at once.</summary>
    public async Task EnsureAllowedAsync(CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        if (!viewer.May(StaffCapability.Administer))
            throw new AccessDeniedException("Only a system administrator can import bank holidays.",
                "Ask a system administrator to import the file for you.");
    }

    public async Task<BankHolidayImportSummary> HandleAsync(string? json, CancellationToken ct)
    {
        await EnsureAllowedAsync(ct);

        var result = GovUkBankHolidaysImport.Parse(json);
        var problems = result.Errors.Select(e => e.Message).ToList();
        // The calendar keeps the first day listed for a date; so does the import, or the table's key would clash.
        var days = result.Days.DistinctBy(d => d.Date).ToList();
        problems.AddRange(days.Where(d => d.Title.Length > LongestTitle)
            .Select(d => $"The bank holiday on {BankHolidayWords.Date(d.Date)} has a name longer than {LongestTitle} characters."));
        if (problems.Count > 0)
        {
            if (problems.Count > MostProblemsListed)
                problems = [.. problems.Take(MostProblemsListed), $"The file has {problems.Count - MostProblemsListed} more problems not listed here. Fix these first, then import the file again."];
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = [.. problems] });
        }

        var years = result.Years;
        var first = new DateOnly(years[0], 1, 1);
        var last = new DateOnly(years[^1], 12, 31);
        var existing = (await db.ImportedBankHolidays.Where(d => d.Date >= first && d.Date <= last).ToListAsync(ct))
            .Where(d => years.Contains(d.Date.Year))
            .ToDictionary(d => d.Date);
        // Compared with the database rather than the cached calendar, which another server's import may have outdated.
        var before = WorkingDayCalendar.EnglandAndWales.WithImported(existing.Values.Select(d => new BankHoliday(d.Date, d.Title, d.IsSubstituteDay)));

        var now = clock.GetUtcNow();
        var importedBy = user.Id;
        var incoming = days.ToDictionary(d => d.Date);
        foreach (var row in existing.Values.Where(r => !incoming.ContainsKey(r.Date)))
            db.ImportedBankHolidays.Remove(row);
        foreach (var day in days)
        {
            // A date already imported is updated in place: deleting and re-adding the same key in one save would clash.
            if (!existing.TryGetValue(day.Date, out var row))
            {
                row = new ImportedBankHoliday { Date = day.Date, Title = day.Title };
                db.ImportedBankHolidays.Add(row);
            }
            row.Title = day.Title;
            row.IsSubstituteDay = day.IsSubstituteDay;
            row.ImportedBy = importedBy;
            row.ImportedAt = now;
        }

        audit.Record(AuditAction.Update, "bank-holidays", null,
            reason: $"Imported {BankHolidayWords.Days(days.Count)} for {BankHolidayWords.Years(years)}");
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();

        var changes = years.Select(year =>
        {
            var old = before.BankHolidaysIn(year).ToDictionary(d => d.Date);
            var imported = days.Where(d => d.Date.Year == year).ToList();
            return new BankHolidayYearChange(year, before.SourceOf(year),
                [.. imported.Where(d => !old.ContainsKey(d.Date))],
                [.. old.Values.Where(d => !incoming.ContainsKey(d.Date)).OrderBy(d => d.Date)],
                [.. imported.Where(d => old.TryGetValue(d.Date, out var was) && was.Title != d.Title)
                    .Select(d => new BankHolidayRename(d.Date, d.Title, old[d.Date].Title))]);
        }).ToList();
        return new BankHolidayImportSummary(years, days.Count, changes);
    }
}

/// <summary>How bank holidays are written on pages, in audit reasons and in the API's descriptions.</summary>
public static class BankHolidayWords
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Friday 25 December 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    public static string Source(BankHolidaySource source) => source switch
    {
        BankHolidaySource.Shipped => "Shipped with Casefile",
        BankHolidaySource.Rules => "Worked out from the rules",
        BankHolidaySource.Imported => "Imported by an administrator",
        _ => source.ToString(),
    };

    /// <summary>"Friday 8 May 2020 – VE Day", marking a substitute day.</summary>
    public static string Day(BankHoliday day) =>
        $"{Date(day.Date)} – {day.Title}{(day.IsSubstituteDay ? " (substitute day)" : "")}";

    public static string Days(int count) => count == 1 ? "1 day" : $"{count} days";

    /// <summary>"2027", "2027 and 2028", "2018 to 2027", "2018 to 2020 and 2025": runs of years as ranges.</summary>
    public static string Years(IEnumerable<int> years)
    {
        var runs = new List<(int First, int Last)>();
        foreach (var year in years.Distinct().Order())
        {
            if (runs.Count > 0 && runs[^1].Last == year - 1)
                runs[^1] = (runs[^1].First, year);
            else
                runs.Add((year, year));
        }
        static string Text(int year) => year.ToString(CultureInfo.InvariantCulture);
        var parts = runs.SelectMany(r => (r.Last - r.First) switch
        {
            0 => [Text(r.First)],
            1 => [Text(r.First), Text(r.Last)],
            _ => new[] { $"{Text(r.First)} to {Text(r.Last)}" },
        }).ToList();
        return parts.Count <= 1 ? string.Concat(parts) : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
    }
}
