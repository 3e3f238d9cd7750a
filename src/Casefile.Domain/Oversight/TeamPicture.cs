using Casefile.Domain.Journey;

namespace Casefile.Domain.Oversight;

/// <summary>One open case of the team as the picture counts it.</summary>
/// <param name="LastContact">The day of the latest finalised record of a contact with the child or family, if any.</param>
/// <param name="OverdueVisit">A statutory visit is past its day.</param>
/// <param name="OverdueMeetings">Conferences, core groups and reviews past their day.</param>
/// <param name="AssessmentOverdue">A child and family assessment is past its 45 working days.</param>
public sealed record TeamCase(Guid CaseId, Guid WorkerId, DateOnly OpenedOn, DateOnly? LastContact, IReadOnlyList<JourneyStatus> Statuses, bool OverdueVisit,
    int OverdueMeetings, bool AssessmentOverdue);

/// <summary>A record finalised by a worker of the team, and whether it was on time (policy 3.8: 5 working days, 1 for a section 47 enquiry).</summary>
public sealed record FinalisedRecord(Guid WorkerId, DateOnly FinalisedOn, bool OnTime);

/// <summary>One worker of the team.</summary>
public sealed record TeamWorker(Guid Id, string Name, int DraftsOverdue);

/// <summary>A worker's figures (or the team's, for the totals row).</summary>
public sealed record WorkerFigures(Guid? WorkerId, string Name, int OpenCases, int ChildInNeed, int ChildProtection, int LookedAfter,
    int? RecordsOnTimePercent, int? RecordsOnTimePercentThisMonth, int RecordsFinalised, int VisitsOverdue, int MeetingsOverdue, int AssessmentsOverdue,
    int DraftsOverdue, int NoRecentContact);

/// <summary>Recording timeliness in one calendar month.</summary>
public sealed record MonthTimeliness(int Year, int Month, int Finalised, int OnTime)
{
    public int? Percent => Finalised == 0 ? null : (int)Math.Round(100.0 * OnTime / Finalised, MidpointRounding.AwayFromZero);
}

/// <summary>
/// A team's picture at a glance (issue 17; policy 1.2, 1.3): caseloads by worker and status,
/// recording timeliness this month and over 12 months, children not seen on time, assessments,
/// meetings and drafts overdue, cases with no recent contact. Pure: the caller reads the rows.
/// </summary>
public sealed record TeamPicture(IReadOnlyList<WorkerFigures> Workers, WorkerFigures Totals, IReadOnlyList<MonthTimeliness> Timeliness,
    int NoContactThresholdDays)
{
    /// <summary>The default: no recorded contact for six weeks (the longest looked-after visit interval) is worth a manager's look.</summary>
    public const int DefaultNoContactDays = 42;

    public static TeamPicture Build(IReadOnlyList<TeamWorker> workers, IReadOnlyList<TeamCase> cases, IReadOnlyList<FinalisedRecord> records, DateOnly today,
        int noContactDays = DefaultNoContactDays)
    {
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(records);
        var yearAgo = today.AddMonths(-12);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        bool Quiet(TeamCase c) => (c.LastContact ?? c.OpenedOn) < today.AddDays(-noContactDays);

        WorkerFigures Figures(Guid? id, string name, IReadOnlyList<TeamCase> mine, IReadOnlyList<FinalisedRecord> finalised, int draftsOverdue)
        {
            var year = finalised.Where(r => r.FinalisedOn > yearAgo && r.FinalisedOn <= today).ToList();
            var month = year.Where(r => r.FinalisedOn >= monthStart).ToList();
            return new WorkerFigures(id, name, mine.Count,
                mine.Count(c => c.Statuses.Contains(JourneyStatus.ChildInNeed)),
                mine.Count(c => c.Statuses.Contains(JourneyStatus.ChildProtectionPlan)),
                mine.Count(c => c.Statuses.Contains(JourneyStatus.LookedAfter)),
                Percent(year), Percent(month), year.Count,
                mine.Count(c => c.OverdueVisit), mine.Sum(c => c.OverdueMeetings), mine.Count(c => c.AssessmentOverdue), draftsOverdue, mine.Count(Quiet));
        }

        var rows = workers.OrderBy(w => w.Name, StringComparer.Ordinal)
            .Select(w => Figures(w.Id, w.Name, [.. cases.Where(c => c.WorkerId == w.Id)], [.. records.Where(r => r.WorkerId == w.Id)], w.DraftsOverdue))
            .ToList();
        var known = workers.Select(w => w.Id).ToHashSet();
        var totals = Figures(null, "Team", cases, [.. records.Where(r => known.Contains(r.WorkerId))], workers.Sum(w => w.DraftsOverdue));

        var months = Enumerable.Range(0, 12).Select(i => monthStart.AddMonths(-11 + i)).Select(m =>
        {
            var inMonth = records.Where(r => known.Contains(r.WorkerId) && r.FinalisedOn.Year == m.Year && r.FinalisedOn.Month == m.Month).ToList();
            return new MonthTimeliness(m.Year, m.Month, inMonth.Count, inMonth.Count(r => r.OnTime));
        }).ToList();
        return new TeamPicture(rows, totals, months, noContactDays);
    }

    private static int? Percent(IReadOnlyList<FinalisedRecord> records) =>
        records.Count == 0 ? null : (int)Math.Round(100.0 * records.Count(r => r.OnTime) / records.Count, MidpointRounding.AwayFromZero);
}
