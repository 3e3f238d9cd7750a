using System.Text;
using System.Text.Json;
using Casefile.Domain.Calendar;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Calendar;

/// <summary>
/// The bank holidays in force for this year and the next two, and an administrator's import of a
/// gov.uk bank-holidays.json file (issue 4). Shows no one's personal data.
/// </summary>
public sealed class BankHolidaysModel(ImportBankHolidays import, BankHolidayCalendar calendars, TimeProvider clock) : CasefilePageModel
{
    private const string ImportedKey = "BankHolidaysImported";

    /// <summary>The uploaded file. Its ModelState key is also where the file's problems are shown.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<YearInForce> Years { get; private set; } = [];

    /// <summary>What the last import changed, after the redirect (Post/Redirect/Get).</summary>
    public ImportReport? Imported { get; private set; }

    public sealed record YearInForce(int Year, string Source, IReadOnlyList<BankHoliday> Days);

    public sealed record ImportReport(string Heading, string Summary, IReadOnlyList<YearReport> ChangedYears, string? Unchanged);

    public sealed record YearReport(int Year, IReadOnlyList<string> Lines);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await import.EnsureAllowedAsync(ct);
        if (TempData[ImportedKey] is string json) Imported = JsonSerializer.Deserialize<ImportReport>(json);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await import.EnsureAllowedAsync(ct);
        return await TryAsync(async () =>
        {
            BankHolidayImportSummary summary;
            try
            {
                summary = await import.HandleAsync(await ReadUploadAsync(ct), ct);
            }
            catch (ValidationFailedException e) when (e.Errors.TryGetValue("file", out var problems) && problems.Length > 1)
            {
                // The error summary shows a field's first message: make it say how many problems the field lists.
                throw new ValidationFailedException(new Dictionary<string, string[]>
                {
                    ["file"] = ["The file has more than one problem, listed below. Nothing was imported.", .. problems],
                });
            }
            TempData[ImportedKey] = JsonSerializer.Serialize(Report(summary));
            return Redirect("/admin/bank-holidays");
        }, field => field == "file" ? nameof(Upload) : null, () => LoadAsync(ct));
    }

    private async Task<string> ReadUploadAsync(CancellationToken ct)
    {
        if (Upload is null) throw ValidationFailedException.For("file", "Select a bank holidays file");
        if (Upload.Length == 0) throw ValidationFailedException.For("file", "The selected file is empty");
        if (Upload.Length > ImportBankHolidays.MaxFileBytes) throw ValidationFailedException.For("file", ImportBankHolidays.TooLargeMessage);
        using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var calendar = await calendars.CurrentAsync(ct);
        var thisYear = clock.Today().Year;
        Years = [.. Enumerable.Range(thisYear, 3).Select(y => new YearInForce(y, BankHolidayWords.Source(calendar.SourceOf(y)), calendar.BankHolidaysIn(y)))];
    }

    private static ImportReport Report(BankHolidayImportSummary summary)
    {
        var changed = summary.Changes.Where(c => !c.Unchanged).Select(c => new YearReport(c.Year,
        [
            .. c.Added.Select(d => "Added: " + BankHolidayWords.Day(d)),
            .. c.Removed.Select(d => "Removed: " + BankHolidayWords.Day(d)),
            .. c.Renamed.Select(r => $"Renamed: {BankHolidayWords.Date(r.Date)} – was “{r.PreviousTitle}”, now “{r.Title}”"),
        ])).ToList();
        var unchanged = summary.Changes.Where(c => c.Unchanged).Select(c => c.Year).ToList();
        return new ImportReport(
            $"Bank holidays imported for {BankHolidayWords.Years(summary.Years)}",
            $"The file had {BankHolidayWords.Days(summary.DaysImported)}. They replace the bank holidays Casefile had for {(summary.Years.Count == 1 ? "that year" : "those years")}.",
            changed,
            unchanged.Count == 0 ? null
                : changed.Count == 0 ? "Nothing changed: the file has the same bank holidays Casefile already had."
                : $"No changes for {BankHolidayWords.Years(unchanged)}.");
    }
}
