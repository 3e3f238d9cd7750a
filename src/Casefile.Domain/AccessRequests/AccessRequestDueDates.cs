using Casefile.Domain.Calendar;

namespace Casefile.Domain.AccessRequests;

/// <summary>
/// The council's own targets, in working days, for the requests the law gives no month to.
/// Settings with sensible defaults (<c>Casefile:AccessRequests</c>).
/// </summary>
public sealed record AccessRequestTargets
{
    public int StatutoryEnquiryWorkingDays { get; init; } = 15;
    public int CourtGuardianWorkingDays { get; init; } = 5;
    public int CourtOrderWorkingDays { get; init; } = 10;

    /// <summary>A request due within this many working days is listed as near its due date.</summary>
    public int NearDueWorkingDays { get; init; } = 5;
}

/// <summary>How close a request is to its due date, for the owner's and manager's lists.</summary>
public enum DueState { OnTime, NearDue, Overdue }

/// <summary>
/// When a request must be answered. A subject access request is due one calendar month after it
/// was received: the same day next month, or that month's last day when it has no such day
/// (31 January is due 28 or 29 February). Where that day is a weekend or bank holiday it moves to
/// the next working day. It may be extended once, to three months, the same way. The other kinds
/// are due after the council's target in working days.
/// </summary>
public static class AccessRequestDueDates
{
    public const int SubjectAccessMonths = 1;
    public const int ExtendedSubjectAccessMonths = 3;

    public static DateOnly DueOn(AccessRequestKind kind, DateOnly receivedOn, AccessRequestTargets targets, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(calendar);
        return kind switch
        {
            AccessRequestKind.SubjectAccess => MonthsAfter(receivedOn, SubjectAccessMonths, calendar),
            AccessRequestKind.StatutoryEnquiry => calendar.AddWorkingDays(receivedOn, targets.StatutoryEnquiryWorkingDays),
            AccessRequestKind.CourtGuardian => calendar.AddWorkingDays(receivedOn, targets.CourtGuardianWorkingDays),
            AccessRequestKind.CourtOrder => calendar.AddWorkingDays(receivedOn, targets.CourtOrderWorkingDays),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>The extended due date of a subject access request: three calendar months after it was received.</summary>
    public static DateOnly ExtendedDueOn(DateOnly receivedOn, WorkingDayCalendar calendar) =>
        MonthsAfter(receivedOn, ExtendedSubjectAccessMonths, calendar);

    /// <summary>
    /// The same day <paramref name="months"/> months on, or the last day of that month when it is
    /// shorter (<see cref="DateOnly.AddMonths"/> does exactly this), then the next working day.
    /// </summary>
    public static DateOnly MonthsAfter(DateOnly receivedOn, int months, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = receivedOn.AddMonths(months);
        while (!calendar.IsWorkingDay(due)) due = due.AddDays(1);
        return due;
    }

    /// <summary>Overdue after its due day; near due when due today or within the target's working days.</summary>
    public static DueState StateOn(DateOnly dueOn, DateOnly today, AccessRequestTargets targets, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(calendar);
        if (today > dueOn) return DueState.Overdue;
        return calendar.WorkingDaysBetween(today, dueOn) <= targets.NearDueWorkingDays ? DueState.NearDue : DueState.OnTime;
    }
}
