using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Assessments;
using Casefile.Domain.Cases;
using Casefile.Domain.People;
using Casefile.Domain.Records;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Cases;

/// <summary>The child as the top of their case page shows them: who they are, where they live, and what to know before a visit.</summary>
public sealed record ChildSummary(
    Guid Id, string Name, string? KnownAs, DateOnly? DateOfBirth, int? Age, Sex Sex, string? FirstLanguage, bool NeedsInterpreter, string? Disability,
    string? School, DateOnly? DateOfDeath, string? Address);

/// <summary>Something waiting on the case: a draft to finish, an assessment or plan due, with when it is due.</summary>
public sealed record DueItem(string What, string Href, DateOnly DueBy, bool Overdue, string Who);

/// <summary>One of the people around the child: family or a professional, with their part in the child's life.</summary>
public sealed record KeyPerson(Guid PersonId, string Name, string Relationship, bool Professional);

/// <summary>When the child was last seen, and by whom (policy 3.10: who was seen and spoken to).</summary>
public sealed record LastSeen(DateTimeOffset At, string By, string What, Guid RecordId);

/// <summary>
/// The child's summary at the top of the case page (issue 14): the child, their alerts, the
/// allocated worker, when they were last seen, what is due on the case, the people around them
/// and the latest entries of the chronology.
/// </summary>
public sealed record CaseSummaryView(
    CaseView Case, ChildSummary Child, LastSeen? LastSeen, IReadOnlyList<DueItem> Due, IReadOnlyList<KeyPerson> KeyPeople,
    IReadOnlyList<ChronologyLine> Latest, bool LegalHold, bool CareLeaver, Domain.Journey.JourneyPicture? Journey = null)
{
    /// <summary>The journey's statuses as tags ("CP plan: neglect", "Looked after: C2"), without a second "Care leaver".</summary>
    public IReadOnlyList<string> JourneyTags => Journey is null ? [] : [.. Journey.Tags.Where(t => !(CareLeaver && t == "Care leaver"))];
}

/// <summary>A line of the chronology as the case page lists the latest few.</summary>
public sealed record ChronologyLine(DateTimeOffset At, string Title, string? By, bool Significant, Guid? SourceId, ChronologyKind Kind);

/// <summary>Loads the case page's summary for a case already opened by <see cref="CaseScope"/>; audits nothing itself.</summary>
public sealed class CaseSummaryQuery(AppDbContext db, GetCase getCase, CaseScope scope, TimeProvider clock, Journey.JourneyQueries journeys)
{
    public const int LatestEntries = 5;

    public async Task<CaseSummaryView> LoadAsync(OpenedCase opened, CancellationToken ct)
    {
        var id = opened.Id;
        var childId = opened.ChildId;
        var today = clock.Today();
        var view = await getCase.LoadAsync(opened, ct);

        var child = await db.People.AsNoTracking().Where(p => p.Id == childId)
            .Select(p => new
            {
                p.GivenName,
                p.FamilyName,
                p.KnownAs,
                p.DateOfBirth,
                p.Sex,
                p.FirstLanguage,
                p.NeedsInterpreter,
                p.Disability,
                p.School,
                p.DateOfDeath,
                Address = db.Addresses.Where(a => a.PersonId == p.Id && a.To == null).OrderByDescending(a => a.From)
                    .Select(a => a.Line1 + (a.Town == null ? "" : ", " + a.Town) + (a.Postcode == null ? "" : ", " + a.Postcode)).FirstOrDefault(),
                Hold = db.LegalHolds.Any(h => h.CaseFileId == id && h.LiftedAt == null),
            }).SingleAsync(ct);

        var lastSeen = await (from r in db.CaseRecords.AsNoTracking()
                              where r.CaseFileId == id && r.Status == CaseRecordStatus.Final && r.Content.ChildSeen == true
                              orderby r.Content.OccurredAt descending
                              join u in db.Users on r.RecordedBy equals u.Id
                              select new { r.Id, r.Content.OccurredAt, r.Content.Type, u.DisplayName }).FirstOrDefaultAsync(ct);

        var due = view.Drafts.Select(d => new DueItem($"{CaseRecordTypeNames.Of(d.Type)} of {d.OccurredAt.Display()} (draft)", $"/records/{d.Id}",
            d.RecordBy, d.RecordBy < today, d.RecordedBy)).ToList();
        var work = await (from w in db.AssessmentsAndPlans.AsNoTracking()
                          where w.CaseFileId == id && w.DueBy != null
                             && (w.Status == AssessmentOrPlanStatus.Draft || w.Status == AssessmentOrPlanStatus.Returned || w.Status == AssessmentOrPlanStatus.Submitted)
                          join u in db.Users on w.AuthorId equals u.Id
                          select new { w.Id, w.Kind, w.Status, w.DueBy, u.DisplayName }).ToListAsync(ct);
        due.AddRange(work.Select(w => new DueItem($"{AssessmentOrPlanKinds.Name(w.Kind)} ({AssessmentOrPlanKinds.Name(w.Status).ToLowerInvariant()})",
            $"/assessments-and-plans/{w.Id}", w.DueBy!.Value, w.DueBy < today, w.DisplayName)));

        // The statutory journey's next steps: conferences, core groups, reviews and visits (its assessments are listed above already).
        var journey = await journeys.PictureAsync(id, ct);
        due.AddRange(journey.Due.Where(d => d.Kind != Domain.Journey.DueKind.Assessment)
            .Select(d => new DueItem(d.Description, $"/cases/{id}/journey", d.DueBy, d.Overdue, view.AllocatedWorkerName)));

        // Read as "Jane is Tom's mother": the child's relationships name the other person's part. Children on restricted
        // cases the viewer is not named on are never shown, here as anywhere.
        var hidden = scope.HiddenChildIds();
        var people = await (from r in db.Relationships.AsNoTracking()
                            where r.PersonId == childId && r.Ended == null
                            join p in db.People on r.RelatedPersonId equals p.Id
                            where !hidden.Contains(p.Id)
                            select new { p.Id, p.GivenName, p.FamilyName, r.Kind }).ToListAsync(ct);

        var latest = await (from e in db.Chronology.AsNoTracking()
                            where e.CaseFileId == id
                            orderby e.OccurredAt descending, e.Id descending
                            join u in db.Users on e.By equals u.Id into authors
                            from u in authors.DefaultIfEmpty()
                            select new ChronologyLine(e.OccurredAt, e.Title, u == null ? null : u.DisplayName, e.Significant, e.SourceId, e.Kind))
            .Take(LatestEntries).ToListAsync(ct);

        return new CaseSummaryView(view,
            new ChildSummary(childId, $"{child.GivenName} {child.FamilyName}", child.KnownAs, child.DateOfBirth, Person.AgeOn(child.DateOfBirth, child.DateOfDeath, today),
                child.Sex, child.FirstLanguage, child.NeedsInterpreter, child.Disability, child.School, child.DateOfDeath, child.Address),
            lastSeen is null ? null : new LastSeen(lastSeen.OccurredAt, lastSeen.DisplayName, CaseRecordTypeNames.Of(lastSeen.Type), lastSeen.Id),
            [.. due.OrderBy(d => d.DueBy)],
            [.. people.OrderBy(p => p.Kind.IsProfessional()).ThenBy(p => p.Kind)
                .Select(p => new KeyPerson(p.Id, $"{p.GivenName} {p.FamilyName}", p.Kind.Describe(), p.Kind.IsProfessional()))],
            latest, child.Hold, view.CareLeaverWithAdultServices, journey);
    }
}
