namespace Casefile.Domain.Calendar;

/// <summary>
/// When a case record is due and how late it is (policy 3.8: day-to-day records are written
/// within 5 working days of the contact, a child protection investigation's within 1).
/// </summary>
public static class RecordingDeadline
{
    // Policy 3.8
    public const int WorkingDaysToRecord = 5;
    public const int WorkingDaysToRecordChildProtectionEnquiry = 1;

    /// <summary>
    /// The date by which the record must be finalised: the 5th working day after the day of
    /// the event, or the 1st for a child protection enquiry. The count starts from the event's
    /// day whatever kind of day it is, so a visit on a Saturday is due, for a child protection
    /// enquiry, on the Monday.
    /// </summary>
    public static DateOnly RecordBy(DateOnly eventDay, bool childProtectionEnquiry, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(eventDay, childProtectionEnquiry ? WorkingDaysToRecordChildProtectionEnquiry : WorkingDaysToRecord);
    }

    /// <summary>
    /// Late when finalised after the end of the <paramref name="recordBy"/> day. The caller
    /// passes the date of finalisation in Europe/London, where the deadline is kept.
    /// </summary>
    public static bool IsLate(DateOnly recordBy, DateOnly finalisedOnLondonDate) => finalisedOnLondonDate > recordBy;

    /// <summary>
    /// The number of working days a late record missed: the working days after
    /// <paramref name="recordBy"/> up to and including the day it was finalised, and 0 when it
    /// was on time. A late record counts at least 1, so that "late" and "0 working days late"
    /// never appear together: a record due on a Friday and finalised on the Saturday or Sunday
    /// (or over a bank holiday weekend) is 1 working day late, as if finalised on the Monday.
    /// It was not on file by the end of the day it was due, which is what the policy asks;
    /// finalising at the weekend does not earn a better mark than the first working day after.
    /// </summary>
    public static int WorkingDaysLate(DateOnly recordBy, DateOnly finalisedOnLondonDate, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!IsLate(recordBy, finalisedOnLondonDate)) return 0;
        return Math.Max(1, calendar.WorkingDaysBetween(recordBy, finalisedOnLondonDate));
    }
}
