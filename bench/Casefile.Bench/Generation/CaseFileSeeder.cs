using System.Diagnostics;
using Casefile.Data.Configurations;
using Casefile.Data.Documents;
using Casefile.Domain.Cases;
using Casefile.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Bench.Generation;

/// <summary>What was generated, to quote beside the figures measured on it.</summary>
public sealed record GeneratedCaseFiles(
    int Seed, int Teams, int Staff, int SocialWorkers, int Children, long Records, long ChronologyEntries, long Addenda,
    double MeanRecordsPerChild, double MeanNarrativeLength, double MeanSummaryLength, IReadOnlyDictionary<string, int> RecordTypes,
    GeneratedTarget Target, double GenerateSeconds, double LoadSeconds, long Emails = 0, long Documents = 0, long Attachments = 0,
    int ContentFiles = 0, long ContentBytes = 0, long ChildrenWithPlan = 0, long ChildrenLookedAfter = 0);

/// <summary>The measured child's case as generated.</summary>
public sealed record GeneratedTarget(
    Guid CaseFileId, string Reference, string Worker, string WorkerUserName, Guid WorkerId, string Team, int Records, int Entries, int Allocations,
    int Addenda, DateTimeOffset FirstEvent, DateTimeOffset LastEvent, string SearchedWord, int SearchedNarratives);

/// <summary>
/// Generates the authority's case files from a seed, bulk-loads them, then reads the measured
/// child's case back through EF Core: a value written in another form than EF's (a GUID's case, a
/// date's format, an enum's name) would make the application's queries silently miss rows.
/// </summary>
public static class CaseFileSeeder
{
    public static Task<(GeneratedCaseFiles Summary, CaseFileGenerator Data)> SeedAsync(BenchDatabase database, int seed, int children, int targetRecords,
        CancellationToken ct) => SeedAsync(database, seed, children, targetRecords, AuthorityShape.Slice, ct);

    public static Task<(GeneratedCaseFiles Summary, CaseFileGenerator Data)> SeedAsync(BenchDatabase database, int seed, int children, int targetRecords,
        AuthorityShape shape, CancellationToken ct) => SeedAsync(database, seed, children, targetRecords, shape, null, ct);

    /// <param name="contentRoot">Where the documents' and emails' content is stored (a <see cref="FileSystemDocumentContentStore"/>
    /// the application is then started on); needed when the shape has correspondence.</param>
    public static async Task<(GeneratedCaseFiles Summary, CaseFileGenerator Data)> SeedAsync(BenchDatabase database, int seed, int children, int targetRecords,
        AuthorityShape shape, string? contentRoot, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var g = CaseFileGenerator.Generate(seed, children, targetRecords, shape);
        var generated = stopwatch.Elapsed.TotalSeconds;
        var withPlan = g.Journey?.Plans.Select(p => p.CaseFileId).Distinct().LongCount() ?? 0;
        var lookedAfter = g.Journey?.Episodes.Select(e => e.CaseFileId).Distinct().LongCount() ?? 0;
        Console.WriteLine($"  generated {g.Children.Count:N0} children, {g.Records.Count:N0} records, {g.EntryCount:N0} chronology entries" +
            (g.Pool is null ? "" : $", {g.EmailCount:N0} emails, {g.Documents.Count:N0} documents") +
            (g.Journey is null ? "" : $", {withPlan:N0} children with a child protection plan, {lookedAfter:N0} looked after") + $" in {generated:F1} s");

        // The content the documents and emails point at, stored as the application stores an upload (hash-named, read-only).
        var contentFiles = 0;
        long contentBytes = 0;
        if (g.Pool is not null)
        {
            if (contentRoot is null) throw new InvalidOperationException("Generated documents and emails need a content store folder.");
            var store = new FileSystemDocumentContentStore(contentRoot);
            foreach (var content in g.Pool.All)
            {
                using var bytes = new MemoryStream(content.Bytes, writable: false);
                var stored = await store.PutAsync(bytes, DocumentStorageOptions.DefaultMaxUploadBytes, ct);
                if (stored.Hash != content.Sha256 || stored.DetectedType.Kind != content.Kind)
                    throw new InvalidOperationException($"The store read a generated .{content.Extension} file as {stored.DetectedType.Kind}, hash {stored.Hash}.");
                if (!stored.AlreadyStored)
                {
                    contentFiles++;
                    contentBytes += content.Bytes.Length;
                }
            }
            Console.WriteLine($"  {contentFiles:N0} distinct files ({contentBytes / 1024.0 / 1024:N1} MiB) in the content store {contentRoot}");
        }

        stopwatch.Restart();
        await using (var loader = await EntityBulkLoader.OpenAsync(database, ct))
        {
            // Foreign-key order.
            await loader.WriteAsync(g.Teams, ct);
            await loader.WriteAsync(g.Roles, ct);
            await loader.WriteAsync(g.Users, ct);
            await loader.WriteAsync(g.UserRoles, ct);
            await loader.WriteAsync(g.Children, ct);
            if (g.Adults.Count > 0) await loader.WriteAsync(g.Adults, ct);
            await loader.WriteAsync(g.CaseFiles, ct);
            await loader.WriteAsync(g.CaseFiles.SelectMany(c => c.Volumes), ct);
            await loader.WriteAsync(g.CaseFiles.SelectMany(c => c.Allocations), ct);
            await loader.WriteAsync(g.Referrals, ct);
            if (g.Journey is { } journey)
            {
                await loader.WriteAsync(journey.StrategyDiscussions, ct);
                await loader.WriteAsync(journey.Section47Enquiries, ct);
                await loader.WriteAsync(journey.Conferences, ct);
                await loader.WriteAsync(journey.Plans, ct);
                await loader.WriteAsync(journey.CoreGroups, ct);
                await loader.WriteAsync(journey.Episodes, ct);
                await loader.WriteAsync(journey.Reviews, ct);
            }
            await loader.WriteAsync(g.Records, ct);
            await loader.WriteAsync(g.Addenda, ct);
            if (g.Pool is not null)
            {
                await loader.WriteAsync(g.Emails, ct);
                await loader.WriteAsync(g.Documents, ct);
            }
            await loader.WriteAsync(g.Entries, ct);
            Console.WriteLine($"  rows written in {stopwatch.Elapsed.TotalSeconds:F1} s; building indexes...");
            await loader.CompleteAsync(ct);
        }
        await using (var db = database.NewContext())
            await db.Counters.Where(c => c.Name == Counters.CaseReference).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, g.CaseCount), ct);
        var loaded = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"  bulk-loaded in {loaded:F1} s");

        await CheckAsync(database, g, ct);

        var t = g.Target;
        var target = new GeneratedTarget(t.CaseFileId, t.Reference, t.Worker.DisplayName, t.Worker.UserName, t.Worker.Id, t.Worker.Team.Name, t.Records, t.Entries,
            t.Allocations, t.Addenda, t.FirstEvent, t.LastEvent, RecordWriter.SearchedWord, t.SearchedNarratives);
        var entries = g.Entries.ToList();
        var summary = new GeneratedCaseFiles(seed, g.Teams.Count, g.Users.Count, g.SocialWorkers.Count, g.Children.Count, g.Records.Count, entries.Count,
            g.Addenda.LongCount(), (double)g.Records.Count / g.Children.Count, g.Records.Average(r => r.Content.Narrative!.Length),
            entries.Average(e => e.Summary?.Length ?? 0),
            g.Records.GroupBy(r => r.Content.Type).OrderByDescending(x => x.Count()).ToDictionary(x => x.Key.ToString(), x => x.Count()),
            target, generated, loaded, g.EmailCount, g.Documents.Count, g.Documents.LongCount(d => d.EmailRecordId is not null), contentFiles, contentBytes,
            withPlan, lookedAfter);
        return (summary, g);
    }

    /// <summary>Reads the measured case back through EF Core, comparing with what was generated.</summary>
    private static async Task CheckAsync(BenchDatabase database, CaseFileGenerator g, CancellationToken ct)
    {
        var t = g.Target;
        var mine = g.Records.Where(r => r.CaseFileId == t.CaseFileId).ToList();
        var earliestDeadline = mine.Min(r => r.RecordBy);
        var decisions = mine.Count(r => r.Content.Type == CaseRecordType.ManagementDecision);
        await using var db = database.NewContext();

        // Each comparison goes through a different stored form: GUID text, UTC ticks or timestamptz, enum names, dates.
        Check("chronology entries of the case", t.Entries, await db.Chronology.CountAsync(e => e.CaseFileId == t.CaseFileId, ct));
        Check("entries from the first event on", t.Entries, await db.Chronology.CountAsync(e => e.CaseFileId == t.CaseFileId && e.OccurredAt >= t.FirstEvent, ct));
        Check("record entries", t.Records, await db.Chronology.CountAsync(e => e.CaseFileId == t.CaseFileId && e.Kind == ChronologyKind.Record, ct));
        Check("management decisions", decisions, await db.Chronology.CountAsync(e => e.CaseFileId == t.CaseFileId && e.RecordType == CaseRecordType.ManagementDecision, ct));
        Check("final records due on or after the earliest deadline", t.Records, await db.CaseRecords.CountAsync(r => r.CaseFileId == t.CaseFileId
            && r.Status == CaseRecordStatus.Final && r.RecordBy >= earliestDeadline, ct));
        Check("records in the database", g.Records.Count, await db.CaseRecords.CountAsync(ct));
        Check("entries in the database", g.EntryCount, await db.Chronology.CountAsync(ct));
        Check("open case allocated to the worker", 1, await db.CaseFiles.CountAsync(c => c.Id == t.CaseFileId && c.AllocatedWorkerId == t.Worker.Id
            && c.Status == CaseStatus.Open && c.Reference == t.Reference, ct));
        var roles = await (from u in db.Users
                           where u.NormalizedUserName == t.Worker.UserName.ToUpperInvariant()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           select r.Name).ToListAsync(ct);
        Check("worker's roles", 1, roles.Count(r => r == Casefile.Domain.Staff.StaffRole.SocialWorker));

        // One record whole, with its addenda, present people (JSON) and dates.
        var sample = mine.FirstOrDefault(r => r.Addenda.Count > 0) ?? mine[^1];
        var read = await db.CaseRecords.AsNoTracking().Include(r => r.Addenda).SingleAsync(r => r.Id == sample.Id, ct);
        // Lists compare by reference in a record's equality: compare them by content, as read back.
        if (read.Content != sample.Content with { Present = read.Content.Present, LinkedDocuments = read.Content.LinkedDocuments }
            || !read.Content.Present!.SequenceEqual(sample.Content.Present!)
            || !(read.Content.LinkedDocuments ?? []).SequenceEqual(sample.Content.LinkedDocuments ?? [])
            || read.RecordBy != sample.RecordBy || read.FinalisedAt != sample.FinalisedAt || read.WorkingDaysLate != sample.WorkingDaysLate
            || read.Addenda.Count != sample.Addenda.Count || read.CreatedAt != sample.CreatedAt)
            throw new InvalidOperationException($"Record {sample.Id} reads back differently through EF Core from how it was generated.");
        if (g.Pool is not null)
        {
            Check("emails in the database", g.EmailCount, await db.EmailRecords.CountAsync(ct));
            Check("documents in the database", g.Documents.Count, await db.CaseDocuments.CountAsync(ct));
            var emails = g.Emails.Where(e => e.CaseFileId == t.CaseFileId).ToList();
            Check("emails on the measured case still current", emails.Count(e => e.SupersededById is null),
                await db.EmailRecords.CountAsync(e => e.CaseFileId == t.CaseFileId && e.SupersededById == null, ct));
            Check("restricted documents on the measured case", g.Documents.Count(d => d.CaseFileId == t.CaseFileId && d.IsRestricted),
                await db.CaseDocuments.CountAsync(d => d.CaseFileId == t.CaseFileId && d.Section == Casefile.Domain.Emails.EmailSection.Restricted, ct));
            if ((emails.FirstOrDefault(e => e.Cc.Count > 0 && e.References.Count > 0) ?? emails.FirstOrDefault()) is { } email)
            {
                var back = await db.EmailRecords.AsNoTracking().SingleAsync(e => e.Id == email.Id, ct);
                if (!back.To.SequenceEqual(email.To) || !back.Cc.SequenceEqual(email.Cc) || !back.References.SequenceEqual(email.References)
                    || back.SentAt != email.SentAt || back.RawSha256 != email.RawSha256 || back.Subject != email.Subject)
                    throw new InvalidOperationException($"Email {email.Id} reads back differently through EF Core from how it was generated.");
            }
        }
        if (g.Journey is { } journey)
        {
            Check("child protection plans in force", journey.Plans.Count(p => p.IsCurrent), await db.ChildProtectionPlans.CountAsync(p => p.EndedOn == null, ct));
            Check("core group meetings", journey.CoreGroups.Count, await db.CoreGroupMeetings.CountAsync(ct));
            Check("initial conferences", journey.Conferences.Count(c => c.Kind == Casefile.Domain.Journey.ConferenceKind.Initial),
                await db.ChildProtectionConferences.CountAsync(c => c.Kind == Casefile.Domain.Journey.ConferenceKind.Initial, ct));
            Check("open section 47 enquiries", journey.Section47Enquiries.Count(e => e.IsOpen), await db.Section47Enquiries.CountAsync(e => e.Outcome == null, ct));
            Check("looked-after episodes ended X1", journey.Episodes.Count(e => e.ReasonEnded == "X1"), await db.LookedAfterEpisodes.CountAsync(e => e.ReasonEnded == "X1", ct));
            Check("looked-after reviews of the measured case", journey.Reviews.Count(r => r.CaseFileId == t.CaseFileId),
                await db.LookedAfterReviews.CountAsync(r => r.CaseFileId == t.CaseFileId, ct));
        }
        Console.WriteLine($"  checked through EF Core: {t.Entries:N0} entries and {t.Records:N0} records on the measured case, read as generated");

        static void Check(string what, long expected, long actual)
        {
            if (expected != actual)
                throw new InvalidOperationException($"Read back through EF Core, {what}: {actual:N0}, expected {expected:N0}. The bulk loader wrote a value in another form than EF Core's.");
        }
    }
}
