using Casefile.Domain.Calendar;
using Casefile.Domain.PaperFiles;

namespace Casefile.Domain.Tests.PaperFiles;

public sealed class OutOvernightTests
{
    [Theory]
    [InlineData("2025-06-17", "2025-06-16")] // Tuesday: Monday
    [InlineData("2025-06-16", "2025-06-13")] // Monday: the Friday before
    [InlineData("2025-05-27", "2025-05-23")] // Tuesday after the spring bank holiday: the Friday before
    [InlineData("2025-12-29", "2025-12-24")] // Monday after Christmas and Boxing Day: Christmas Eve
    public void PreviousWorkingDay_WhenWeekendsAndBankHolidaysIntervene_SkipsThem(string today, string previous) =>
        OutOvernight.PreviousWorkingDay(DateOnly.Parse(today), WorkingDayCalendar.EnglandAndWales).ShouldBe(DateOnly.Parse(previous));

    // Monday 16 June 2025: the office closed at 17:30 London time (16:30 UTC); the next day began at 23:00 UTC.
    private static readonly DateTimeOffset End = new(2025, 6, 16, 16, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset StartOfToday = new(2025, 6, 16, 23, 0, 0, TimeSpan.Zero);

    public static TheoryData<int?, int?, bool> Cases => new()
    {
        // marked out (minutes from closing), returned (minutes from closing), counted
        { -120, null, true },     // out in the afternoon, still out
        { -120, 900, true },      // out overnight, back next morning
        { -120, -30, false },     // back before the office closed
        { -120, 0, true },        // back exactly at closing: it was out when the office closed
        { 30, null, true },       // taken out after closing and still out this morning
        { 30, 120, true },        // taken out after closing, back later that evening: out of the closed office
        { 420, null, false },     // taken out this morning: not out overnight
        { null, null, false },    // never marked out
    };

    [Theory, MemberData(nameof(Cases))]
    public void WasOut_WhenMarkedOutAndReturnedAround_TheEndOfTheDay(int? outMinutes, int? backMinutes, bool counted) =>
        OutOvernight.WasOut(outMinutes is { } o ? End.AddMinutes(o) : null, backMinutes is { } b ? End.AddMinutes(b) : null, End, StartOfToday).ShouldBe(counted);
}
