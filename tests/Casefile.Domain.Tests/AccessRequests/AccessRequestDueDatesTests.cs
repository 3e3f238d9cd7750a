using System.Globalization;
using Casefile.Domain.AccessRequests;
using Casefile.Domain.Calendar;

namespace Casefile.Domain.Tests.AccessRequests;

/// <summary>
/// Issue 9: a subject access request is due one calendar month after receipt (the same day next
/// month, or that month's last day), on the next working day when that is a weekend or bank
/// holiday; extendable once to three months. The other kinds follow the council's working-day targets.
/// </summary>
public sealed class AccessRequestDueDatesTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly AccessRequestTargets Targets = new();

    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    // received, due
    [Theory]
    [InlineData("2025-05-10", "2025-06-10")] // the same day next month
    [InlineData("2024-01-31", "2024-02-29")] // 31 January, leap year: 29 February
    [InlineData("2025-01-31", "2025-02-28")] // 31 January: 28 February (a Friday)
    [InlineData("2023-01-31", "2023-02-28")]
    [InlineData("2026-01-31", "2026-03-02")] // 28 February 2026 is a Saturday: Monday 2 March
    [InlineData("2025-03-31", "2025-04-30")] // April has no 31st
    [InlineData("2025-05-14", "2025-06-16")] // 14 June is a Saturday: Monday
    [InlineData("2025-04-05", "2025-05-06")] // 5 May is the early May bank holiday: Tuesday
    [InlineData("2025-07-25", "2025-08-26")] // 25 August is the summer bank holiday
    [InlineData("2025-11-25", "2025-12-29")] // Christmas Day, Boxing Day, then the weekend
    [InlineData("2025-12-31", "2026-02-02")] // 31 January 2026 is a Saturday: Monday 2 February
    public void SubjectAccess_IsDueOneCalendarMonthLaterOnAWorkingDay(string received, string due) =>
        AccessRequestDueDates.DueOn(AccessRequestKind.SubjectAccess, D(received), Targets, Calendar).ShouldBe(D(due));

    // received, extended due
    [Theory]
    [InlineData("2025-01-31", "2025-04-30")]
    [InlineData("2024-11-30", "2025-02-28")] // 30 February does not exist
    [InlineData("2025-12-31", "2026-03-31")]
    [InlineData("2025-12-25", "2026-03-25")]
    [InlineData("2026-01-03", "2026-04-07")] // 3 April is Good Friday, 6 April Easter Monday
    public void ExtendedSubjectAccess_IsDueThreeCalendarMonthsLaterOnAWorkingDay(string received, string due) =>
        AccessRequestDueDates.ExtendedDueOn(D(received), Calendar).ShouldBe(D(due));

    // kind, received, due
    [Theory]
    [InlineData(AccessRequestKind.StatutoryEnquiry, "2025-06-02", "2025-06-23")] // 15 working days
    [InlineData(AccessRequestKind.CourtGuardian, "2025-06-02", "2025-06-09")] // 5 working days
    [InlineData(AccessRequestKind.CourtOrder, "2025-06-02", "2025-06-16")] // 10 working days
    [InlineData(AccessRequestKind.CourtGuardian, "2025-12-22", "2025-12-31")] // over Christmas: 23, 24, 29, 30, 31
    public void OtherKinds_AreDueAfterTheCouncilsTargetInWorkingDays(AccessRequestKind kind, string received, string due) =>
        AccessRequestDueDates.DueOn(kind, D(received), Targets, Calendar).ShouldBe(D(due));

    [Fact]
    public void Targets_AreTheCouncilsSetting()
    {
        var targets = new AccessRequestTargets { CourtGuardianWorkingDays = 2 };
        AccessRequestDueDates.DueOn(AccessRequestKind.CourtGuardian, D("2025-06-02"), targets, Calendar).ShouldBe(D("2025-06-04"));
    }

    // due, today, state
    [Theory]
    [InlineData("2025-06-16", "2025-06-17", DueState.Overdue)]
    [InlineData("2025-06-16", "2025-06-16", DueState.NearDue)] // due today
    [InlineData("2025-06-16", "2025-06-09", DueState.NearDue)] // 5 working days away
    [InlineData("2025-06-16", "2025-06-06", DueState.OnTime)] // 6 working days away
    [InlineData("2025-05-06", "2025-04-28", DueState.NearDue)] // 5 May bank holiday: 5 working days
    public void StateOn_ListsRequestsPastOrNearTheirDueDate(string due, string today, DueState state) =>
        AccessRequestDueDates.StateOn(D(due), D(today), Targets, Calendar).ShouldBe(state);
}
