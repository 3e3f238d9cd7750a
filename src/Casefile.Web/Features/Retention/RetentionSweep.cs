using System.Diagnostics;
using Casefile.Data;
using Casefile.Domain.Retention;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Features.Retention;

public sealed record SweepItem(Guid CaseId, string CaseReference, DisposalReviewKind Kind, DateOnly DueOn, string RuleId, string Reason, bool New);

public sealed record SweepResult(int ClosedFiles, int DueForDisposal, int DueForReview, int NewlyListed, int NoLongerDue, IReadOnlyList<SweepItem> Items, TimeSpan Took);

/// <summary>
/// The daily sweep (policy 8): decides every closed file in memory from a few set queries, and puts
/// each file whose date has come on the records managers' list (a <see cref="DisposalReview"/> row,
/// so the list is stable and reviewable), with review dates such as the youngest child turning 18.
/// A file kept at review stays off the list until its next review date. Files on the list that are no
/// longer due (reopened, or given a longer category) come off it. A restricted file is never listed for
/// destruction under the rule its visible record gives, but as needing review by someone named on the
/// case (<see cref="RestrictedFileDisposal.List"/>, ADR 0025). With dry run, nothing is saved.
/// </summary>
public sealed class RetentionSweep(AppDbContext db, RetentionFactsLoader loader, RetentionSchedules schedules, TimeProvider clock)
{
    /// <summary>
    /// One sweep at a time in this process: two at once (the daily job and a records manager's
    /// command) would each list the same file and add two lines for it. Across several nodes the
    /// sweep is still to be given a database lock (issue 20).
    /// </summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<SweepResult> RunAsync(DateOnly today, bool dryRun, CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            return await SweepAsync(today, dryRun, ct);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<SweepResult> SweepAsync(DateOnly today, bool dryRun, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var schedule = await schedules.CurrentAsync(ct);
        var files = await loader.ClosedAsync(ct);
        var existing = await db.DisposalReviews.AsNoTracking()
            .Where(r => r.Status == DisposalReviewStatus.Due || r.Status == DisposalReviewStatus.DestructionProposed || r.Status == DisposalReviewStatus.Kept
                || r.Kind == DisposalReviewKind.Review)
            .Select(r => new { r.Id, r.CaseFileId, r.Kind, r.Status, r.RuleId, r.DueOn, r.NextReviewOn }).ToListAsync(ct);
        var byCase = existing.ToLookup(r => r.CaseFileId);
        var now = clock.GetUtcNow();

        var items = new List<SweepItem>();
        var dueCases = new HashSet<Guid>();
        var toNamedReview = new Dictionary<Guid, string>();
        foreach (var file in files.Values)
        {
            var decision = RetentionDecider.Decide(schedule, file.Facts, today);
            var rows = byCase[file.CaseId].ToList();
            if (decision.IsDue(today))
            {
                var kind = decision.Action == RetentionAction.Review ? DisposalReviewKind.Review : DisposalReviewKind.Disposal;
                dueCases.Add(file.CaseId);
                var open = rows.Any(r => r.Kind == kind && r.Status is DisposalReviewStatus.Due or DisposalReviewStatus.DestructionProposed);
                var keptUntil = rows.Where(r => r.Kind == kind && r.Status == DisposalReviewStatus.Kept).Max(r => r.NextReviewOn);
                if (!open && keptUntil is { } until && until > today) { /* kept at review: off the list until then */ }
                else
                {
                    var listing = RestrictedFileDisposal.List(decision, file.Hidden);
                    items.Add(new SweepItem(file.CaseId, file.Reference, kind, keptUntil ?? decision.Date!.Value, listing.RuleId, listing.Reason, !open));
                    if (!open && !dryRun)
                        db.DisposalReviews.Add(new DisposalReview(Guid.NewGuid(), file.CaseId, kind, keptUntil ?? decision.Date!.Value, listing.RuleId, listing.Reason, now));
                    // Listed before it was restricted (or before the sweep knew better): it needs someone named now.
                    if (open && listing.NeedsNamedReview && rows.Any(r => r.Kind == kind && r.RuleId != listing.RuleId
                            && r.Status is DisposalReviewStatus.Due or DisposalReviewStatus.DestructionProposed))
                        toNamedReview[file.CaseId] = listing.Reason;
                }
            }
            foreach (var review in decision.ReviewsDue(today))
            {
                var seen = rows.Any(r => r.Kind == DisposalReviewKind.Review && r.RuleId == review.RuleId && r.DueOn == review.Date);
                items.Add(new SweepItem(file.CaseId, file.Reference, DisposalReviewKind.Review, review.Date, review.RuleId, review.Reason, !seen));
                if (!seen && !dryRun)
                    db.DisposalReviews.Add(new DisposalReview(Guid.NewGuid(), file.CaseId, DisposalReviewKind.Review, review.Date, review.RuleId, review.Reason, now));
            }
        }

        // Files on the disposal list that are no longer due come off it.
        var stale = existing.Where(r => r.Kind == DisposalReviewKind.Disposal && r.Status is DisposalReviewStatus.Due or DisposalReviewStatus.DestructionProposed
            && !dueCases.Contains(r.CaseFileId)).Select(r => r.Id).ToList();
        if (!dryRun)
        {
            if (stale.Count > 0)
            {
                foreach (var review in await db.DisposalReviews.Where(r => stale.Contains(r.Id)).ToListAsync(ct)) review.NoLongerDue();
            }
            if (toNamedReview.Count > 0)
            {
                var cases = toNamedReview.Keys.ToList();
                foreach (var review in await db.DisposalReviews.Where(r => cases.Contains(r.CaseFileId) && r.Kind == DisposalReviewKind.Disposal
                    && (r.Status == DisposalReviewStatus.Due || r.Status == DisposalReviewStatus.DestructionProposed)).ToListAsync(ct))
                    review.ListForNamedReview(toNamedReview[review.CaseFileId]);
            }
            await db.SaveChangesAsync(ct);
        }
        return new SweepResult(files.Count, items.Count(i => i.Kind == DisposalReviewKind.Disposal), items.Count(i => i.Kind == DisposalReviewKind.Review),
            items.Count(i => i.New), stale.Count, items, watch.Elapsed);
    }
}

public sealed class RetentionOptions
{
    /// <summary>Run the sweep once a day while the server runs (on by default).</summary>
    public bool DailySweep { get; set; } = true;
}

/// <summary>Runs <see cref="RetentionSweep"/> once a day: a minute after start-up, then every 24 hours.</summary>
public sealed class RetentionSweepJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionSweepJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DailySweep) return;
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromHours(24), clock);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var result = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(clock.Today(), dryRun: false, stoppingToken);
                    logger.LogInformation("Retention sweep: {Closed} closed files, {Disposal} due for disposal, {Review} due for review, {New} newly listed, in {Took}",
                        result.ClosedFiles, result.DueForDisposal, result.DueForReview, result.NewlyListed, result.Took);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "The retention sweep failed; it runs again in 24 hours");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
