using System.Globalization;
using Casefile.Domain.Calendar;

namespace Casefile.Domain.Tests.Calendar;

/// <summary>
/// Policy 3.8: day-to-day records within 5 working days of the contact, 1 working day for a
/// child protection investigation; across Christmas, Easter and the one-off days (issue 4).
/// </summary>
public sealed class RecordingDeadlineTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    [Fact]
    public void WorkingDaysToRecord_ArePolicy3Point8s()
    {
        RecordingDeadline.WorkingDaysToRecord.ShouldBe(5);
        RecordingDeadline.WorkingDaysToRecordChildProtectionEnquiry.ShouldBe(1);
    }

    // day of the event, child protection enquiry, record by
    [Theory]
    [InlineData("2025-06-16", false, "2025-06-23")] // Monday: the Monday after
    [InlineData("2025-06-13", true, "2025-06-16")] // Friday, child protection: Monday
    [InlineData("2025-06-14", true, "2025-06-16")] // Saturday visit counts from the Saturday: Monday
    [InlineData("2025-06-14", false, "2025-06-20")] // Saturday: Mon 16 to Fri 20
    [InlineData("2025-06-15", false, "2025-06-20")] // Sunday: the same
    // Christmas
    [InlineData("2023-12-22", false, "2024-01-03")] // Wed 27, Thu 28, Fri 29, Tue 2 Jan, Wed 3 Jan
    [InlineData("2023-12-22", true, "2023-12-27")]
    [InlineData("2023-12-25", false, "2024-01-03")] // an event on Christmas Day itself
    [InlineData("2022-12-23", true, "2022-12-28")] // Boxing Day Mon 26, Christmas substitute Tue 27
    [InlineData("2022-12-23", false, "2023-01-04")] // and New Year's Day substitute Mon 2 Jan 2023
    [InlineData("2021-12-24", false, "2022-01-05")] // Mon 27, Tue 28 and Mon 3 Jan 2022 are holidays
    [InlineData("2027-12-31", true, "2028-01-04")] // into 2028, from the rules: Mon 3 Jan is the substitute
    // Easter
    [InlineData("2025-04-17", true, "2025-04-22")] // Thursday before Good Friday: Tuesday after Easter Monday
    [InlineData("2025-04-17", false, "2025-04-28")]
    [InlineData("2024-03-28", true, "2024-04-02")]
    [InlineData("2024-03-28", false, "2024-04-08")]
    // One-off and moved days
    [InlineData("2020-05-07", true, "2020-05-11")] // Fri 8 May 2020, VE Day
    [InlineData("2020-05-07", false, "2020-05-15")]
    [InlineData("2020-05-01", true, "2020-05-04")] // Mon 4 May 2020 was a working day: the holiday moved
    [InlineData("2022-06-01", true, "2022-06-06")] // Thu 2 and Fri 3 June 2022, Platinum Jubilee
    [InlineData("2022-06-01", false, "2022-06-10")]
    [InlineData("2022-05-27", true, "2022-05-30")] // Mon 30 May 2022 was a working day: the holiday moved
    [InlineData("2022-09-16", true, "2022-09-20")] // Mon 19 September 2022, the State Funeral
    [InlineData("2022-09-16", false, "2022-09-26")]
    [InlineData("2023-05-05", true, "2023-05-09")] // Mon 8 May 2023, the coronation
    [InlineData("2023-05-02", false, "2023-05-10")]
    public void RecordBy_ForAnEvent_IsTheFifthWorkingDayAfterOrTheFirstForAChildProtectionEnquiry(string eventDay, bool childProtectionEnquiry, string expected)
    {
        RecordingDeadline.RecordBy(D(eventDay), childProtectionEnquiry, Calendar).ShouldBe(D(expected));
    }

    [Fact]
    public void RecordBy_WithAnImportedOneOffDay_MovesTheDeadline()
    {
        var calendar = Calendar.WithAddedDay(new BankHoliday(D("2029-06-01"), "Bank holiday for a national celebration"));

        RecordingDeadline.RecordBy(D("2029-05-31"), childProtectionEnquiry: true, calendar).ShouldBe(D("2029-06-04"));
        RecordingDeadline.RecordBy(D("2029-05-31"), childProtectionEnquiry: true, Calendar).ShouldBe(D("2029-06-01"));
    }

    // record by, finalised on (London date), late, working days late
    [Theory]
    [InlineData("2025-06-20", "2025-06-18", false, 0)] // early
    [InlineData("2025-06-20", "2025-06-20", false, 0)] // on the day
    [InlineData("2025-06-20", "2025-06-21", true, 1)] // Saturday after a Friday deadline: counted as 1, not 0
    [InlineData("2025-06-20", "2025-06-22", true, 1)] // Sunday: the same
    [InlineData("2025-06-20", "2025-06-23", true, 1)] // Monday: missed Monday
    [InlineData("2025-06-20", "2025-06-24", true, 2)]
    [InlineData("2025-06-18", "2025-06-21", true, 2)] // Wednesday deadline, Saturday: missed Thursday and Friday
    [InlineData("2023-12-22", "2023-12-26", true, 1)] // finalised on Boxing Day: no working day yet missed, counted as 1
    [InlineData("2023-12-22", "2023-12-27", true, 1)]
    [InlineData("2023-12-22", "2024-01-03", true, 5)]
    [InlineData("2024-12-31", "2025-12-31", true, 253)]
    public void WorkingDaysLate_WhenFinalised_CountsTheWorkingDaysMissed(string recordBy, string finalised, bool late, int expected)
    {
        RecordingDeadline.IsLate(D(recordBy), D(finalised)).ShouldBe(late);
        RecordingDeadline.WorkingDaysLate(D(recordBy), D(finalised), Calendar).ShouldBe(expected);
    }
}
