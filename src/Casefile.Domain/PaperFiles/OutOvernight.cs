using Casefile.Domain.Calendar;

namespace Casefile.Domain.PaperFiles;

/// <summary>
/// Which paper volumes were out of the office overnight, for the managers' list each morning
/// (policy 7.2: nothing left unsecured when the office is closed; 7.3: the worker keeps a removed
/// file safe). A volume counts when it was taken out before today began and was not back before
/// the end of the previous working day: out when the office closed, or taken out after closing
/// (in the evening or at the weekend) and not back by this morning.
/// </summary>
public static class OutOvernight
{
    /// <summary>When the working day ends and the office closes, London time.</summary>
    public static readonly TimeOnly EndOfWorkingDay = new(17, 30);

    /// <summary>The working day before <paramref name="today"/> (skipping weekends and bank holidays).</summary>
    public static DateOnly PreviousWorkingDay(DateOnly today, WorkingDayCalendar calendar)
    {
        var day = today.AddDays(-1);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }

    /// <summary>
    /// Out overnight: marked out before <paramref name="startOfToday"/> and not returned before
    /// <paramref name="endOfPreviousWorkingDay"/>.
    /// </summary>
    public static bool WasOut(DateTimeOffset? markedOutAt, DateTimeOffset? returnedAt, DateTimeOffset endOfPreviousWorkingDay, DateTimeOffset startOfToday) =>
        markedOutAt is { } outAt && outAt < startOfToday && (returnedAt is not { } back || back >= endOfPreviousWorkingDay);
}
