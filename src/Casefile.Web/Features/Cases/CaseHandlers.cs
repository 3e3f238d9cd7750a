using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Casefile.Domain.Records;
using Casefile.Domain.Staff;
using Casefile.Web.Features.Referrals;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Cases;

public sealed record AllocationView(DateTimeOffset From, string Team, string Worker, string WorkerUserName, string ChangedBy, string Reason);

public sealed record CaseView(
    Guid Id, string Reference, Guid ChildId, string ChildName, DateOnly? ChildDateOfBirth, CaseStatus Status, string Team,
    string AllocatedWorker, string AllocatedWorkerName, DateOnly OpenedOn, DateOnly? ClosedOn, int Volume,
    IReadOnlyList<AllocationView> Allocations, string AccessBasis, Guid Version)
{
    public RestrictionView? Restriction { get; init; }
    public IReadOnlyList<ConsentView> Consents { get; init; } = [];
    public IReadOnlyList<SharingView> SharedWithoutConsent { get; init; } = [];
    public bool CanSeeAccessLog { get; init; }
    public bool CanManage { get; init; }
    /// <summary>A care leaver who also gets adult services: the file stays open (policy 3.12 guidance).</summary>
    public bool CareLeaverWithAdultServices { get; init; }
    public IReadOnlyList<DraftView> Drafts { get; init; } = [];
}

public sealed record DraftView(Guid Id, Domain.Records.CaseRecordType Type, DateTimeOffset OccurredAt, string RecordedBy, DateOnly RecordBy);

public sealed record RestrictionView(Domain.Access.RestrictionReason Reason, string? Details, DateOnly ReviewOn, IReadOnlyList<string> Named);

public sealed record ConsentView(Guid Id, Domain.Consent.ConsentGivenBy GivenBy, string GiverName, string Scope, DateOnly GivenOn, DateOnly? ExpiresOn,
    string? SignedFormReference, bool InForce);

public sealed record SharingView(Guid Id, string SharedWith, DateOnly SharedOn, string Justification, string AgreedBy);

/// <summary>
/// A case file, after the access policy has allowed the viewer to read it. The API's read opens the
/// case, loads it and writes one audit event; the case page loads the same view as one of its sections.
/// </summary>
public sealed class GetCase(AppDbContext db, CaseScope scope, AuditTrail audit, CurrentUser user, TimeProvider clock)
{
    public async Task<CaseView> HandleAsync(Guid id, CancellationToken ct)
    {
        var opened = await scope.OpenAsync(id, AccessAction.Read, AuditAction.View, ct);
        var view = await LoadAsync(opened, ct);
        audit.Record(AuditAction.View, "case", id, id, opened.ChildId, reason: await AuditReasonAsync(opened, "Case file", ct));
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>
    /// What the audit event of a read says about why the viewer could see the case: the basis, or for
    /// emergency access the reason they gave (so the managers reviewing it see it beside each look).
    /// </summary>
    public async Task<string> AuditReasonAsync(OpenedCase opened, string shown, CancellationToken ct)
    {
        if (!opened.Read.IsEmergency) return $"{shown} ({opened.Read.Basis.ToLowerInvariant()})";
        var userId = user.Id;
        var now = clock.GetUtcNow();
        var caseId = opened.Id;
        var why = await db.EmergencyAccesses.Where(e => e.CaseFileId == caseId && e.UserId == userId && e.ExpiresAt > now)
            .OrderByDescending(e => e.ExpiresAt).Select(e => e.Reason).FirstAsync(ct);
        return $"{shown}. Emergency access: {why}";
    }

    /// <summary>The case file's details for a case already opened; audits nothing itself.</summary>
    public async Task<CaseView> LoadAsync(OpenedCase opened, CancellationToken ct)
    {
        var id = opened.Id;
        var decision = opened.Read;
        var basis = decision.Until is { } until ? $"Emergency access until {until.ToLondon():HH:mm} on {until.ToLondon():d MMMM}" : decision.Basis;
        var row = await (from c in db.CaseFiles.AsNoTracking()
                         where c.Id == id
                         join t in db.Teams on c.TeamId equals t.Id
                         join u in db.Users on c.AllocatedWorkerId equals u.Id
                         select new { c, Team = t.Name, u.UserName, u.DisplayName })
            .SingleAsync(ct);
        var allocations = await (from a in db.CaseAllocations.AsNoTracking()
                                 where a.CaseFileId == id
                                 join t in db.Teams on a.TeamId equals t.Id
                                 join w in db.Users on a.WorkerId equals w.Id
                                 join changer in db.Users on a.ChangedBy equals changer.Id
                                 orderby a.From descending
                                 select new AllocationView(a.From, t.Name, w.DisplayName, w.UserName!, changer.DisplayName, a.Reason))
            .ToListAsync(ct);
        RestrictionView? restriction = null;
        if (row.c.IsRestricted)
        {
            var r = await db.CaseRestrictions.AsNoTracking().Where(x => x.CaseFileId == id && x.LiftedAt == null).SingleAsync(ct);
            var named = await (from g in db.CaseAccessGrants
                               where g.CaseFileId == id && g.Kind == GrantKind.Named && g.RevokedAt == null
                               join u in db.Users on g.UserId equals u.Id
                               orderby u.DisplayName
                               select u.DisplayName).ToListAsync(ct);
            restriction = new RestrictionView(r.Reason, r.Details, r.ReviewOn, named);
        }
        var today = clock.Today();
        var consents = (await db.Consents.AsNoTracking().Where(x => x.CaseFileId == id).OrderByDescending(x => x.GivenOn).ToListAsync(ct))
            .Select(x => new ConsentView(x.Id, x.GivenBy, x.GiverName, x.Scope, x.GivenOn, x.ExpiresOn, x.SignedFormReference, x.IsInForceOn(today))).ToList();
        var sharing = await (from x in db.SharingWithoutConsent.AsNoTracking()
                             where x.CaseFileId == id
                             join m in db.Users on x.AgreedBy equals m.Id
                             orderby x.SharedOn descending
                             select new SharingView(x.Id, x.SharedWith, x.SharedOn, x.Justification, m.DisplayName)).ToListAsync(ct);
        var drafts = await (from r in db.CaseRecords.AsNoTracking()
                            where r.CaseFileId == id && r.Status == Domain.Records.CaseRecordStatus.Draft
                            join u in db.Users on r.RecordedBy equals u.Id
                            orderby r.RecordBy
                            select new DraftView(r.Id, r.Content.Type, r.Content.OccurredAt, u.DisplayName, r.RecordBy)).ToListAsync(ct);

        var file = row.c;
        var heading = opened.Heading;
        return new CaseView(file.Id, file.Reference, file.ChildId, heading.ChildName, heading.ChildDateOfBirth, file.Status, row.Team,
            row.UserName!, row.DisplayName, file.OpenedOn, file.ClosedOn, file.CurrentVolume, allocations, basis, file.Version)
        {
            Restriction = restriction,
            Consents = consents,
            SharedWithoutConsent = sharing,
            CanManage = opened.May(CaseCapability.Manage),
            CareLeaverWithAdultServices = file.CareLeaverWithAdultServices,
            Drafts = drafts,
            CanSeeAccessLog = opened.May(CaseCapability.SeeAccessLog),
        };
    }
}

public sealed record CaseListItem(Guid Id, string Reference, Guid ChildId, string ChildName, DateOnly? ChildDateOfBirth, CaseStatus Status,
    string Team, string AllocatedWorker, DateOnly OpenedOn);

/// <summary>"My cases": the cases allocated to the signed-in worker, and for managers their teams' open cases.</summary>
public sealed class MyCases(AppDbContext db, CurrentUser user, AuditTrail audit, CaseScope access)
{
    public async Task<(IReadOnlyList<CaseListItem> Mine, IReadOnlyList<CaseListItem> Teams)> HandleAsync(CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        var mine = await Query().Where(x => x.c.AllocatedWorkerId == viewer.UserId && x.c.Status == CaseStatus.Open)
            .OrderBy(x => x.p.FamilyName).ThenBy(x => x.p.GivenName).Select(Project).ToListAsync(ct);
        IReadOnlyList<CaseListItem> teams = [];
        var ids = StaffPolicy.TeamsManaged(viewer).ToList();
        if (ids.Count > 0)
        {
            teams = await Query().Where(x => ids.Contains(x.c.TeamId) && x.c.Status == CaseStatus.Open && x.c.AllocatedWorkerId != viewer.UserId)
                .OrderBy(x => x.t.Name).ThenBy(x => x.p.FamilyName).Select(Project).Take(500).ToListAsync(ct);
        }
        audit.Record(AuditAction.View, "case-list", null, reason: $"My cases: {mine.Count} allocated, {teams.Count} in teams overseen");
        await db.SaveChangesAsync(ct);
        return (mine, teams);
    }

    private sealed class Row
    {
        public required CaseFile c { get; init; }
        public required Domain.People.Person p { get; init; }
        public required Team t { get; init; }
        public required Data.Identity.StaffUser u { get; init; }
    }

    private IQueryable<Row> Query() =>
        from c in db.CaseFiles.AsNoTracking().Where(c => !access.HiddenCaseIds().Contains(c.Id))
        join p in db.People on c.ChildId equals p.Id
        join t in db.Teams on c.TeamId equals t.Id
        join u in db.Users on c.AllocatedWorkerId equals u.Id
        select new Row { c = c, p = p, t = t, u = u };

    private static readonly System.Linq.Expressions.Expression<Func<Row, CaseListItem>> Project = x =>
        new CaseListItem(x.c.Id, x.c.Reference, x.c.ChildId, x.p.GivenName + " " + x.p.FamilyName, x.p.DateOfBirth, x.c.Status,
            x.t.Name, x.u.DisplayName, x.c.OpenedOn);
}

public sealed record ReallocateCommand(string? Team, string? AllocatedWorker, string? Reason, Guid? Version);

/// <summary>
/// A manager of the case's team moves it to another worker in that team. Every change is kept in the
/// allocation history. A move to another team is a transfer with its summary (policy 3.12).
/// </summary>
public sealed class ReallocateCase(AppDbContext db, CurrentUser user, CaseScope access, AuditTrail audit, TimeProvider clock)
{
    public async Task HandleAsync(Guid caseId, ReallocateCommand command, CancellationToken ct)
    {
        await access.DemandAsync(caseId, AccessAction.Write, AuditAction.Update, ct);
        await access.OpenForAsync(caseId, CaseCapability.Manage, AuditAction.Update, ct);
        var file = await db.CaseFiles.Include(c => c.Allocations).SingleAsync(c => c.Id == caseId, ct);
        if (command.Version is { } version && version != file.Version)
            throw new Domain.Common.StateConflictException("stale-edit", "The case was changed after you opened it. Reload it and try again.");
        var errors = new ValidationErrors();
        errors.Required(command.Reason, "reason", "Enter the reason for the change", 1000);
        errors.ThrowIfAny();
        var (team, worker) = await StaffLookup.ResolveAllocationAsync(db, command.Team, command.AllocatedWorker, required: true, ct);
        // Policy 3.12: another team only by a transfer (422 transfer-required); a manager of the case's team reallocates within it.
        file.ReallocateWithinTeam(team!.Id, worker!.Id, user.Id, clock.GetUtcNow(), command.Reason);
        db.Chronology.Add(new ChronologyEntry(caseId, clock.GetUtcNow(), ChronologyKind.Allocation, $"Allocated to {worker.DisplayName}, {team.Name}",
            command.Reason, caseId, user.Id, significant: false));
        audit.Record(AuditAction.Update, "case-allocation", caseId, caseId, file.ChildId, reason: command.Reason);
        await db.SaveChangesAsync(ct);
    }
}
