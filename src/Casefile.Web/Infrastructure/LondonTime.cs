namespace Casefile.Web.Infrastructure;

/// <summary>
/// The council works in UK time: "today", deadlines and displayed times are in Europe/London;
/// instants are stored in UTC.
/// </summary>
public static class LondonTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset ToLondon(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly ToLondonDate(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToLondon().DateTime);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToLondon().DateTime);

    /// <summary>A wall-clock date and time in London as an instant (the earlier one when clocks go back).</summary>
    public static DateTimeOffset FromLondon(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public static string Display(this DateTimeOffset instant) => instant.ToLondon().ToString("d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static string Display(this DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static string Display(this DateOnly? date, string none = "Not known") => date is { } d ? d.Display() : none;
}
