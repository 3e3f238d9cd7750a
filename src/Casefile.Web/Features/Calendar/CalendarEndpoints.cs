using Casefile.Domain.Calendar;
using Casefile.Web.Infrastructure;

namespace Casefile.Web.Features.Calendar;

public static class CalendarEndpoints
{
    public static void MapCalendar(this RouteGroupBuilder api)
    {
        // Holds no one's personal data: any signed-in user may ask.
        api.MapGet("/calendar/working-days", (string? from, int? count) =>
        {
            var errors = new ValidationErrors();
            DateOnly start = default;
            if (string.IsNullOrWhiteSpace(from)) errors.Add("from", "Give the start date as YYYY-MM-DD");
            else if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out start))
                errors.Add("from", "The start date must be a real date written as YYYY-MM-DD");
            if (count is null) errors.Add("count", "Give the number of working days");
            else if (count is < 0 or > 3650) errors.Add("count", "The number of working days must be between 0 and 3650");
            errors.ThrowIfAny();
            var calendar = WorkingDayCalendar.EnglandAndWales;
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
    }
}
