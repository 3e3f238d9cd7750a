using System.Globalization;
using Casefile.Domain.Calendar;
using Casefile.Web.Infrastructure;

namespace Casefile.Web.Features.Calendar;

public static class CalendarEndpoints
{
    public static void MapCalendar(this RouteGroupBuilder api)
    {
        // Holds no one's personal data: any signed-in user may ask.
        api.MapGet("/calendar/working-days", async (string? from, int? count, BankHolidayCalendar calendars, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            DateOnly start = default;
            if (string.IsNullOrWhiteSpace(from)) errors.Add("from", "Give the start date as YYYY-MM-DD");
            else if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
                errors.Add("from", "The start date must be a real date written as YYYY-MM-DD");
            else if (start.Year is < 1900 or > 2999) errors.Add("from", "The start date must be between the years 1900 and 2999");
            if (count is null) errors.Add("count", "Give the number of working days");
            else if (count is < 0 or > 3650) errors.Add("count", "The number of working days must be between 0 and 3650");
            errors.ThrowIfAny();
            var calendar = await calendars.CurrentAsync(ct);
            var date = calendar.AddWorkingDays(start, count!.Value);
            return Results.Ok(new
            {
                from = start,
                count,
                date,
                bankHolidaysSkipped = Enumerable.Range(1, date.DayNumber - start.DayNumber)
                    .Select(d => start.AddDays(d)).Select(calendar.BankHolidayOn).OfType<BankHoliday>()
                    .Select(h => new { date = h.Date, title = h.Title }),
            });
        }).WithTags("Calendar").WithSummary("The date `count` working days after `from` (Monday to Friday, not England and Wales bank holidays)");

        // Holds no one's personal data (not even who imported a year): any signed-in user may ask.
        api.MapGet("/calendar/bank-holidays", async (int? year, BankHolidayCalendar calendars, TimeProvider clock, CancellationToken ct) =>
        {
            var asked = year ?? clock.Today().Year;
            if (asked is < 1900 or > 2999) throw ValidationFailedException.For("year", "The year must be between 1900 and 2999");
            var calendar = await calendars.CurrentAsync(ct);
            var source = calendar.SourceOf(asked);
            return Results.Ok(new
            {
                year = asked,
                source,
                sourceDescription = BankHolidayWords.Source(source),
                bankHolidays = calendar.BankHolidaysIn(asked).Select(d => new { date = d.Date, title = d.Title, substituteDay = d.IsSubstituteDay }),
            });
        }).WithTags("Calendar").WithSummary("The England and Wales bank holidays in force for `year` (this year when left out), and where they come from: shipped, rules or imported");

        // Administrators only: the handler checks the role (there is no administrator policy), before the body is read.
        api.MapPost("/calendar/bank-holidays", async (HttpRequest request, ImportBankHolidays import, CancellationToken ct) =>
        {
            await import.EnsureAllowedAsync(ct);
            var json = await ReadLimitedAsync(request, ImportBankHolidays.MaxFileBytes, ct);
            if (json is null)
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large", detail: ImportBankHolidays.TooLargeMessage);
            var summary = await import.HandleAsync(json, ct);
            return Results.Ok(new
            {
                years = summary.Years,
                daysImported = summary.DaysImported,
                changes = summary.Changes.Select(c => new
                {
                    year = c.Year,
                    sourceBefore = c.SourceBefore,
                    added = c.Added.Select(d => new { date = d.Date, title = d.Title, substituteDay = d.IsSubstituteDay }),
                    removed = c.Removed.Select(d => new { date = d.Date, title = d.Title, substituteDay = d.IsSubstituteDay }),
                    renamed = c.Renamed.Select(r => new { date = r.Date, title = r.Title, previousTitle = r.PreviousTitle }),
                }),
            });
        }).WithTags("Calendar")
            .WithSummary("An administrator imports a gov.uk bank-holidays.json file: send the file itself as the body")
            .WithDescription("Takes the \"england-and-wales\" events of the file (https://www.gov.uk/bank-holidays.json). Every year the file covers is replaced by the file's days; other years stay as they are. A file with any problem changes nothing and is answered 400 with every problem under \"file\". At most 1 MB.");
    }

    /// <summary>The body as text, or null when it is larger than <paramref name="limit"/> bytes (read no further than that).</summary>
    private static async Task<string?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
