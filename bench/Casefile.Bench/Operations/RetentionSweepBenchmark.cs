using System.Diagnostics;
using Casefile.Bench.Generation;
using Casefile.Data;
using Casefile.Data.Identity;
using Casefile.Domain.Cases;
using Casefile.Domain.People;
using Casefile.Domain.Records;
using Casefile.Domain.Referrals;
using Casefile.Domain.Retention;
using Casefile.Domain.Staff;
using Casefile.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Bench.Operations;

/// <summary>
/// The daily retention sweep (issue 8, operation 8 of issue 5): over a generated authority of
/// <c>--people</c> people (default 200,000: four in five children, each with a referral and a case
/// file, three in four of them closed at some time in the last 30 years; the rest parents), with what
/// makes the categories the sweep reads: a section 47 enquiry record on 15% of files beside two
/// ordinary records a file, periods looked after (5%), private fostering (1%), adoption orders (1%),
/// and categories added by a records manager (1%). Times <see cref="RetentionSweep"/> as the daily
/// job runs it: a dry run (decide every closed file, save nothing) R times, then one real run that
/// puts every due file on the list. The goal: under 60 seconds.
/// </summary>
public static class RetentionSweepBenchmark
{
    public const double GoalSeconds = 60;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var people = options.Int("--people", 200_000);
        var runs = options.Int("--runs", 3);
        var random = new Random(options.Int("--seed", 8));
        await using var database = await BenchDatabase.CreateAsync(options.Provider(), options.String("--connection"), options.Has("--keep"), ct);
        var today = new DateOnly(2026, 12, 7);
        var now = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

        var generate = Stopwatch.StartNew();
        var team = new Team(Ids.Next(random), "Retention Bench Team");
        var worker = new StaffUser
        {
            Id = Ids.Next(random),
            UserName = "bench.worker",
            NormalizedUserName = "BENCH.WORKER",
            DisplayName = "Bench Worker",
            TeamId = team.Id,
            IsActive = true,
            CreatedAt = now.AddYears(-30),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
        };
        var children = new List<Person>();
        var adults = new List<Person>();
        var referrals = new List<Referral>();
        var files = new List<CaseFile>();
        var records = new List<CaseRecord>();
        var careEvents = new List<CareEvent>();
        var added = new List<RetentionCategoryAssignment>();
        var childCount = people * 4 / 5;
        for (var i = 0; i < childCount; i++)
        {
            var referred = now.AddDays(-random.Next(60, 30 * 365));
            var referredOn = DateOnly.FromDateTime(referred.UtcDateTime);
            var born = referredOn.AddDays(-random.Next(30, 17 * 365));
            var child = new Person(Ids.Next(random), PersonKind.Child, new PersonDetails("Child" + i, "Family" + (i % 5000), born), referred, referredOn);
            children.Add(child);
            var referral = new Referral(Ids.Next(random), child.Id, referred, "Referrer", "School", "Concern about the child", worker.Id, referred);
            referrals.Add(referral);
            var file = referral.Accept(null, new NewCaseFile(Ids.Next(random), CaseReference.Format(i + 1), team.Id, worker.Id), worker.Id, referred.AddHours(20), referredOn);
            files.Add(file);
            var context = new CaseRecordContext(worker.Id, worker.Id, RecorderIsManager: false);
            for (var r = 0; r < 2; r++)
            {
                var at = referred.AddDays(1 + r);
                records.Add(CaseRecord.Start(Ids.Next(random), file.Id, new CaseRecordContent(CaseRecordType.PhoneCall, at, false, "Follow up", "Spoke to mother",
                    "Called the family about school attendance."), context, referredOn.AddDays(7), at.AddHours(1)));
            }
            if (random.Next(100) < 15)
            {
                var at = referred.AddDays(3);
                records.Add(CaseRecord.Start(Ids.Next(random), file.Id, new CaseRecordContent(CaseRecordType.ChildProtectionEnquiryVisit, at, true, "Section 47 enquiry",
                    "Child seen", "Visited with the police.", "Child", "Child", ChildSeen: true, ChildSeenAlone: true), context, referredOn.AddDays(4), at.AddHours(1)));
            }
            var roll = random.Next(100);
            if (roll < 5) careEvents.Add(new CareEvent(Ids.Next(random), file.Id, CareEventKind.LookedAfterPeriod, referredOn.AddDays(10) < today ? referredOn.AddDays(10) : today, null, null, worker.Id, referred, today));
            else if (roll < 6) careEvents.Add(new CareEvent(Ids.Next(random), file.Id, CareEventKind.PrivateFosteringNotified, referredOn.AddDays(5) < today ? referredOn.AddDays(5) : today, null, null, worker.Id, referred, today));
            else if (roll < 7) careEvents.Add(new CareEvent(Ids.Next(random), file.Id, CareEventKind.AdoptionOrder, referredOn.AddDays(200) < today ? referredOn.AddDays(200) : today, null, null, worker.Id, referred, today));
            if (random.Next(100) < 1)
                added.Add(new RetentionCategoryAssignment(Ids.Next(random), file.Id, RetentionCategory.Financial, "Payments to carers", null, false,
                    DefaultRetentionSchedule.Schedule, worker.Id, referred, today));
            // Three files in four have closed, between a month and 29 years after they opened.
            if (random.Next(4) > 0)
            {
                var closed = referredOn.AddDays(random.Next(30, 365 * 3));
                if (closed < today) file.RecordClosure(closed);
            }
        }
        for (var i = 0; i < people - childCount; i++)
            adults.Add(new Person(Ids.Next(random), PersonKind.Adult, new PersonDetails("Parent" + i, "Family" + (i % 5000), new DateOnly(1980, 1, 1).AddDays(i % 5000)), now, today));
        generate.Stop();

        var load = Stopwatch.StartNew();
        await using (var loader = await EntityBulkLoader.OpenAsync(database, ct))
        {
            await loader.WriteAsync([team], ct);
            await loader.WriteAsync([worker], ct);
            await loader.WriteAsync(children, ct);
            await loader.WriteAsync(adults, ct);
            await loader.WriteAsync(files, ct);
            await loader.WriteAsync(files.SelectMany(c => c.Volumes), ct);
            await loader.WriteAsync(files.SelectMany(c => c.Allocations), ct);
            await loader.WriteAsync(referrals, ct);
            await loader.WriteAsync(records, ct);
            await loader.WriteAsync(careEvents, ct);
            await loader.WriteAsync(added, ct);
            await loader.CompleteAsync(ct);
        }
        load.Stop();
        var closedCount = files.Count(f => f.Status == CaseStatus.Closed);
        Console.WriteLine($"Generated {people:N0} people ({childCount:N0} children, {closedCount:N0} closed files, {records.Count:N0} records, {careEvents.Count:N0} care events, {added.Count:N0} added categories) in {generate.Elapsed.TotalSeconds:0.0} s; loaded in {load.Elapsed.TotalSeconds:0.0} s.");

        var times = new List<double>();
        SweepResult? last = null;
        for (var i = 0; i < runs; i++)
        {
            await using var db = database.NewContext();
            var sweep = new RetentionSweep(db, new RetentionFactsLoader(db), new RetentionSchedules(db), TimeProvider.System);
            var watch = Stopwatch.StartNew();
            last = await sweep.RunAsync(today, dryRun: true, ct);
            times.Add(watch.Elapsed.TotalSeconds);
            Console.WriteLine($"Dry run {i + 1}: {watch.Elapsed.TotalSeconds:0.00} s, {last.ClosedFiles:N0} closed files decided, {last.DueForDisposal:N0} due for disposal, {last.DueForReview:N0} due for review.");
        }
        await using (var db = database.NewContext())
        {
            var sweep = new RetentionSweep(db, new RetentionFactsLoader(db), new RetentionSchedules(db), TimeProvider.System);
            var watch = Stopwatch.StartNew();
            var real = await sweep.RunAsync(today, dryRun: false, ct);
            Console.WriteLine($"Real run (listing every due file): {watch.Elapsed.TotalSeconds:0.00} s, {real.NewlyListed:N0} newly listed.");
            var again = Stopwatch.StartNew();
            var next = await new RetentionSweep(database.NewContext(), new RetentionFactsLoader(database.NewContext()), new RetentionSchedules(database.NewContext()), TimeProvider.System)
                .RunAsync(today, dryRun: false, ct);
            Console.WriteLine($"Next day's run (all already listed): {again.Elapsed.TotalSeconds:0.00} s, {next.NewlyListed:N0} newly listed.");
        }
        var median = times.Order().ElementAt(times.Count / 2);
        Console.WriteLine($"Median dry run {median:0.00} s over {runs} runs on {database.Provider}: goal under {GoalSeconds} s {(median < GoalSeconds ? "met" : "MISSED")}.");
        return median < GoalSeconds ? 0 : 1;
    }
}
