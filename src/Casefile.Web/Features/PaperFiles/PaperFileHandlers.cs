using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.PaperFiles;
using Casefile.Domain.Staff;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.PaperFiles;

public sealed record AddPaperVolumeCommand(int? VolumeNumber, DateOnly? CoversFrom, DateOnly? CoversTo, string? Location);

public sealed record RemovalRequestCommand(string? Reason, string? Destination, DateOnly? ExpectedReturn);

public sealed record RefuseRemovalCommand(string? Reason);

public sealed record RemovalView(
    Guid Id, Guid VolumeId, PaperFileRemovalStatus Status, string RequestedBy, Guid RequestedById, DateTimeOffset RequestedAt, string Reason,
    string Destination, DateOnly ExpectedReturn, string? DecidedBy, DateTimeOffset? DecidedAt, string? RefusalReason,
    DateTimeOffset? MarkedOutAt, DateTimeOffset? ReturnedAt);

public sealed record MovementView(PaperFileMovementKind Kind, DateTimeOffset At, string By, string Note);

public sealed record PaperVolumeView(
    Guid Id, Guid CaseId, int VolumeNumber, DateOnly CoversFrom, DateOnly CoversTo, string Location, PaperFileStatus Status,
    Guid? HolderId, string? Holder, RemovalView? CurrentRemoval, RemovalView? OpenRequest)
{
    public IReadOnlyList<MovementView>? History { get; init; }
}

/// <summary>
/// Who may keep a case's paper register: those who may change the case (its workers and managers),
/// and the admin officers of its team, who look after the cabinets (policy 7.1).
/// </summary>
public sealed class PaperFileAccess(CaseScope access)
{
    public async Task<CaseHeading> DemandRegisterAsync(Guid caseId, string auditAction, CancellationToken ct) =>
        (await access.OpenForAsync(caseId, CaseCapability.KeepPaperRegister, auditAction, ct)).Heading;

    public async Task<bool> MayKeepRegisterAsync(Guid caseId, CancellationToken ct) =>
        (await access.PermissionsAsync(caseId, ct))?.May(CaseCapability.KeepPaperRegister) == true;
}

/// <summary>Adds a paper volume from before the electronic record to a case's register (policy 2.1, 5.1).</summary>
public sealed class AddPaperVolume(AppDbContext db, PaperFileAccess access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<PaperFileVolume> HandleAsync(Guid caseId, AddPaperVolumeCommand command, CancellationToken ct)
    {
        var heading = await access.DemandRegisterAsync(caseId, AuditAction.Create, ct);
        var errors = new ValidationErrors();
        if (command.VolumeNumber is null) errors.Add("volumeNumber", "Enter the volume number, as written on the file's cover");
        if (command.CoversFrom is null) errors.Add("coversFrom", "Enter the date of the first paper in the volume");
        if (command.CoversTo is null) errors.Add("coversTo", "Enter the date of the last paper in the volume");
        if (string.IsNullOrWhiteSpace(command.Location)) errors.Add("location", "Enter where the volume is kept, for example Cabinet 3, Floor 2, Civic Centre");
        errors.ThrowIfAny();
        var numbers = await db.PaperFileVolumes.Where(v => v.CaseFileId == caseId).Select(v => v.VolumeNumber).ToListAsync(ct);
        var (volume, movement) = PaperFileVolume.Register(Guid.NewGuid(), caseId, command.VolumeNumber!.Value, command.CoversFrom!.Value, command.CoversTo!.Value,
            command.Location, numbers, user.Id, clock.GetUtcNow(), clock.Today());
        db.PaperFileVolumes.Add(volume);
        db.PaperFileMovements.Add(movement);
        audit.Record(AuditAction.Create, "paper-file-volume", volume.Id, caseId, heading.ChildId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people adding the same volume at once: the unique index keeps one, the other hears why.
            if (await db.PaperFileVolumes.AsNoTracking().AnyAsync(v => v.CaseFileId == caseId && v.VolumeNumber == volume.VolumeNumber, ct))
                throw new Domain.Common.RuleViolationException("volume-number-taken",
                    $"Volume {volume.VolumeNumber} is already on this case's register. Check the number on the file's cover", "volumeNumber");
            throw;
        }
        return volume;
    }
}

/// <summary>A worker asks to take a volume out of the office; it stays in store until their line manager authorises it (policy 7.3).</summary>
public sealed class RequestPaperFileRemoval(AppDbContext db, PaperFileAccess access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<PaperFileRemoval> HandleAsync(Guid volumeId, RemovalRequestCommand command, CancellationToken ct)
    {
        var caseId = await PaperFileQueries.CaseOfAsync(db, volumeId, ct);
        var heading = await access.DemandRegisterAsync(caseId, AuditAction.Create, ct);
        var volume = await db.PaperFileVolumes.SingleAsync(v => v.Id == volumeId, ct);
        var errors = new ValidationErrors();
        if (command.ExpectedReturn is null) errors.Add("expectedReturn", "Enter the date you expect to bring the volume back");
        errors.Required(command.Reason, "reason", "Say why you need to take the volume out of the office", PaperFileRemoval.TextLength);
        errors.Required(command.Destination, "destination", "Say where you are taking it, for example Harrowden Family Court", PaperFileRemoval.DestinationLength);
        errors.ThrowIfAny();
        var open = await db.PaperFileRemovals.AnyAsync(r => r.VolumeId == volumeId
            && (r.Status == PaperFileRemovalStatus.Requested || r.Status == PaperFileRemovalStatus.Authorised), ct);
        var (removal, movement) = volume.RequestRemoval(Guid.NewGuid(), user.Id, command.Reason, command.Destination, command.ExpectedReturn!.Value,
            open, clock.GetUtcNow(), clock.Today());
        db.PaperFileRemovals.Add(removal);
        db.PaperFileMovements.Add(movement);
        audit.Record(AuditAction.Create, "paper-file-removal", removal.Id, caseId, heading.ChildId);
        await db.SaveChangesAsync(ct);
        return removal;
    }
}

/// <summary>
/// The requester's line manager, or a manager above them in the line, authorises or refuses taking
/// a volume out (policy 7.3). The authority is the line, not access to the case: the decision is
/// about the worker and the file's safety, and is audited against the case.
/// </summary>
public sealed class DecidePaperFileRemoval(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public Task AuthoriseAsync(Guid removalId, CancellationToken ct) => DecideAsync(removalId, "authorise", (r, above, now) => r.Authorise(user.Id, above, now), ct);

    public Task RefuseAsync(Guid removalId, RefuseRemovalCommand command, CancellationToken ct) =>
        DecideAsync(removalId, "refuse", (r, above, now) => r.Refuse(user.Id, above, command.Reason, now), ct);

    private async Task DecideAsync(Guid removalId, string action, Func<PaperFileRemoval, bool, DateTimeOffset, PaperFileMovement> decide, CancellationToken ct)
    {
        var removal = await db.PaperFileRemovals.SingleOrDefaultAsync(r => r.Id == removalId, ct) ?? throw new NotFoundException("The request");
        var line = await PaperFileQueries.LineManagersAsync(db, ct);
        var above = LineManagement.IsAbove(user.Id, removal.RequestedById, line);
        var childId = await db.CaseFiles.Where(c => c.Id == removal.CaseFileId).Select(c => c.ChildId).SingleAsync(ct);
        PaperFileMovement movement;
        try
        {
            movement = decide(removal, above, clock.GetUtcNow());
        }
        catch (Domain.Common.RuleViolationException e) when (e.Rule is "own-removal-request" or "not-line-manager")
        {
            await audit.RecordRefusalAsync(action, "paper-file-removal", removalId, removal.CaseFileId, e.Message, ct);
            throw;
        }
        db.PaperFileMovements.Add(movement);
        audit.Record(AuditAction.Decide, "paper-file-removal", removalId, removal.CaseFileId, childId, reason: action == "refuse" ? removal.RefusalReason : "Authorised");
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Marks a volume out of the office on an authorised request, and back in store when it returns.</summary>
public sealed class MovePaperFile(AppDbContext db, PaperFileAccess access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task MarkOutAsync(Guid removalId, CancellationToken ct)
    {
        var removal = await db.PaperFileRemovals.SingleOrDefaultAsync(r => r.Id == removalId, ct) ?? throw new NotFoundException("The request");
        var heading = await access.DemandRegisterAsync(removal.CaseFileId, AuditAction.Update, ct);
        var volume = await db.PaperFileVolumes.SingleAsync(v => v.Id == removal.VolumeId, ct);
        db.PaperFileMovements.Add(volume.MarkOut(removal, user.Id, clock.GetUtcNow()));
        audit.Record("mark-out", "paper-file-volume", volume.Id, volume.CaseFileId, heading.ChildId, reason: $"To {removal.Destination}");
        await db.SaveChangesAsync(ct);
    }

    public async Task ReturnAsync(Guid volumeId, CancellationToken ct)
    {
        var caseId = await PaperFileQueries.CaseOfAsync(db, volumeId, ct);
        var heading = await access.DemandRegisterAsync(caseId, AuditAction.Update, ct);
        var volume = await db.PaperFileVolumes.SingleAsync(v => v.Id == volumeId, ct);
        var removal = volume.CurrentRemovalId is { } current ? await db.PaperFileRemovals.SingleAsync(r => r.Id == current, ct) : null;
        if (removal is null)
            throw new Domain.Common.StateConflictException("volume-not-out", $"Volume {volume.VolumeNumber} is not out of the office: it is in store at {volume.Location}");
        db.PaperFileMovements.Add(volume.Return(removal, user.Id, clock.GetUtcNow()));
        audit.Record("return", "paper-file-volume", volume.Id, volume.CaseFileId, heading.ChildId);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A case's paper volumes and one volume with its history; every read is audited against the case.</summary>
public sealed class PaperFileQueries(AppDbContext db, CaseScope access, AuditTrail audit)
{
    public async Task<IReadOnlyList<PaperVolumeView>> ListAsync(Guid caseId, CancellationToken ct)
    {
        var opened = await access.OpenAsync(caseId, AccessAction.Read, AuditAction.View, ct);
        var list = await ForCaseAsync(opened, ct);
        audit.Record(AuditAction.View, "case-paper-files", caseId, caseId, opened.ChildId, reason: opened.EmergencyNote);
        await db.SaveChangesAsync(ct);
        return list;
    }

    /// <summary>A case's paper volumes for a case already opened (the case page's section); audits nothing itself.</summary>
    public async Task<IReadOnlyList<PaperVolumeView>> ForCaseAsync(OpenedCase opened, CancellationToken ct)
    {
        var caseId = opened.Id;
        var volumes = await db.PaperFileVolumes.AsNoTracking().Where(v => v.CaseFileId == caseId).OrderBy(v => v.VolumeNumber).ToListAsync(ct);
        var removals = await OpenOrCurrentAsync(volumes, ct);
        return volumes.Select(v => View(v, removals)).ToList();
    }

    public async Task<PaperVolumeView> GetAsync(Guid volumeId, CancellationToken ct)
    {
        var caseId = await CaseOfAsync(db, volumeId, ct);
        var (decision, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Read, AuditAction.View, ct);
        var volume = await db.PaperFileVolumes.AsNoTracking().SingleAsync(v => v.Id == volumeId, ct);
        var removals = await OpenOrCurrentAsync([volume], ct);
        var history = await (from m in db.PaperFileMovements.AsNoTracking()
                             where m.VolumeId == volumeId
                             join u in db.Users on m.ById equals u.Id
                             select new { m.Kind, m.At, u.DisplayName, m.Note }).ToListAsync(ct);
        audit.Record(AuditAction.View, "paper-file-volume", volumeId, caseId, heading.ChildId, reason: decision.IsEmergency ? "Emergency access" : null);
        await db.SaveChangesAsync(ct);
        return View(volume, removals) with
        {
            History = history.OrderBy(h => h.At).Select(h => new MovementView(h.Kind, h.At, h.DisplayName, h.Note)).ToList(),
        };
    }

    /// <summary>Removals that are still open or that a volume is out on, with the names of those involved.</summary>
    private async Task<Dictionary<Guid, RemovalView>> OpenOrCurrentAsync(IReadOnlyList<PaperFileVolume> volumes, CancellationToken ct)
    {
        var ids = volumes.Select(v => v.Id).ToList();
        var rows = await (from r in db.PaperFileRemovals.AsNoTracking()
                          where ids.Contains(r.VolumeId)
                              && (r.Status == PaperFileRemovalStatus.Requested || r.Status == PaperFileRemovalStatus.Authorised || r.Status == PaperFileRemovalStatus.Out)
                          join asker in db.Users on r.RequestedById equals asker.Id
                          join d in db.Users on r.DecidedById equals d.Id into decided
                          from d in decided.DefaultIfEmpty()
                          select new { r, Asker = asker.DisplayName, Decider = d == null ? null : d.DisplayName }).ToListAsync(ct);
        return rows.ToDictionary(x => x.r.Id, x => ToView(x.r, x.Asker, x.Decider));
    }

    private static PaperVolumeView View(PaperFileVolume v, Dictionary<Guid, RemovalView> removals)
    {
        var current = v.CurrentRemovalId is { } c ? removals.GetValueOrDefault(c) : null;
        var open = removals.Values.Where(r => r.VolumeId == v.Id && r.Status is PaperFileRemovalStatus.Requested or PaperFileRemovalStatus.Authorised)
            .OrderByDescending(r => r.RequestedAt).FirstOrDefault();
        return new PaperVolumeView(v.Id, v.CaseFileId, v.VolumeNumber, v.CoversFrom, v.CoversTo, v.Location, v.Status, v.HolderId,
            current?.RequestedBy, current, open);
    }

    internal static RemovalView ToView(PaperFileRemoval r, string asker, string? decider) =>
        new(r.Id, r.VolumeId, r.Status, asker, r.RequestedById, r.RequestedAt, r.Reason, r.Destination, r.ExpectedReturn, decider, r.DecidedAt,
            r.RefusalReason, r.MarkedOutAt, r.ReturnedAt);

    internal static async Task<Guid> CaseOfAsync(AppDbContext db, Guid volumeId, CancellationToken ct) =>
        await db.PaperFileVolumes.Where(v => v.Id == volumeId).Select(v => (Guid?)v.CaseFileId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The paper volume");

    /// <summary>Everyone's line manager: the line-management chain (policy 7.3).</summary>
    internal static async Task<IReadOnlyDictionary<Guid, Guid?>> LineManagersAsync(AppDbContext db, CancellationToken ct) =>
        await db.Users.AsNoTracking().Select(u => new { u.Id, u.LineManagerId }).ToDictionaryAsync(u => u.Id, u => u.LineManagerId, ct);
}

public sealed record OutOvernightItem(
    Guid VolumeId, Guid RemovalId, Guid? CaseId, string CaseReference, string? ChildName, int VolumeNumber, string Holder,
    DateTimeOffset OutSince, DateOnly ExpectedReturn, string Destination, DateTimeOffset? ReturnedAt);

public sealed record PendingRemovalItem(
    Guid RemovalId, Guid VolumeId, Guid? CaseId, string CaseReference, string? ChildName, int VolumeNumber, string RequestedBy,
    DateTimeOffset RequestedAt, string Reason, string Destination, DateOnly ExpectedReturn);

public sealed record OutOvernightList(DateOnly PreviousWorkingDay, DateTimeOffset Cutoff, IReadOnlyList<OutOvernightItem> Out, IReadOnlyList<PendingRemovalItem> Pending);

/// <summary>
/// The managers' morning list: volumes their line reports (and their reports' reports) had out of
/// the office overnight (see <see cref="OutOvernight"/>), and requests waiting for their decision
/// (policy 7.2, 7.3). Each case shown is audited.
/// </summary>
public sealed class PaperFilesOutOvernight(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock, BankHolidayCalendar calendars)
{
    public const string ForManagersOnly = "This list is for managers: it shows the paper files their line reports have out of the office.";

    public async Task<OutOvernightList> HandleAsync(CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        if (!viewer.May(StaffCapability.ManageTeams))
        {
            await audit.RecordRefusalAsync(AuditAction.View, "paper-files-out-overnight", null, null, "Not a manager", ct);
            throw new AccessDeniedException(ForManagersOnly, "Ask your line manager if you need to know where a paper file is.");
        }
        var previous = OutOvernight.PreviousWorkingDay(clock.Today(), await calendars.CurrentAsync(ct));
        var cutoff = LondonTime.FromLondon(previous, OutOvernight.EndOfWorkingDay);
        var startOfToday = LondonTime.FromLondon(clock.Today(), TimeOnly.MinValue);
        var reports = LineManagement.ReportsOf(user.Id, await PaperFileQueries.LineManagersAsync(db, ct)).ToList();
        var hidden = access.HiddenCaseIds();

        var outRows = await (from r in db.PaperFileRemovals.AsNoTracking()
                             where reports.Contains(r.RequestedById) && r.MarkedOutAt != null && r.MarkedOutAt < startOfToday
                                 && (r.ReturnedAt == null || r.ReturnedAt >= cutoff)
                             join v in db.PaperFileVolumes on r.VolumeId equals v.Id
                             join c in db.CaseFiles on r.CaseFileId equals c.Id
                             join p in db.People on c.ChildId equals p.Id
                             join u in db.Users on r.RequestedById equals u.Id
                             select new
                             {
                                 r.Id,
                                 r.VolumeId,
                                 r.CaseFileId,
                                 c.Reference,
                                 c.ChildId,
                                 Child = p.GivenName + " " + p.FamilyName,
                                 v.VolumeNumber,
                                 Holder = u.DisplayName,
                                 r.MarkedOutAt,
                                 r.ReturnedAt,
                                 r.ExpectedReturn,
                                 r.Destination,
                                 Hidden = hidden.Contains(c.Id),
                             }).ToListAsync(ct);
        var pendingRows = await (from r in db.PaperFileRemovals.AsNoTracking()
                                 where reports.Contains(r.RequestedById) && r.Status == PaperFileRemovalStatus.Requested
                                 join v in db.PaperFileVolumes on r.VolumeId equals v.Id
                                 join c in db.CaseFiles on r.CaseFileId equals c.Id
                                 join p in db.People on c.ChildId equals p.Id
                                 join u in db.Users on r.RequestedById equals u.Id
                                 select new
                                 {
                                     r.Id,
                                     r.VolumeId,
                                     r.CaseFileId,
                                     c.Reference,
                                     c.ChildId,
                                     Child = p.GivenName + " " + p.FamilyName,
                                     v.VolumeNumber,
                                     Asker = u.DisplayName,
                                     r.RequestedAt,
                                     r.Reason,
                                     r.ExpectedReturn,
                                     r.Destination,
                                     Hidden = hidden.Contains(c.Id),
                                 }).ToListAsync(ct);

        var outItems = outRows.Where(x => OutOvernight.WasOut(x.MarkedOutAt, x.ReturnedAt, cutoff, startOfToday)).OrderBy(x => x.MarkedOutAt).ToList();
        // A restricted case the manager is not named on is shown only as restricted: they still learn their worker has a file out.
        foreach (var x in outItems.Where(x => !x.Hidden))
            audit.Record(AuditAction.View, "paper-file-volume", x.VolumeId, x.CaseFileId, x.ChildId, reason: "Paper files out overnight");
        foreach (var x in pendingRows.Where(x => !x.Hidden))
            audit.Record(AuditAction.View, "paper-file-removal", x.Id, x.CaseFileId, x.ChildId, reason: "Paper file removals to decide");
        if (outItems.Count == 0 && pendingRows.Count == 0) audit.Record(AuditAction.View, "paper-files-out-overnight", null, reason: "Nothing out or waiting");
        await db.SaveChangesAsync(ct);

        return new OutOvernightList(previous, cutoff,
            outItems.Select(x => new OutOvernightItem(x.VolumeId, x.Id, x.Hidden ? null : x.CaseFileId, x.Hidden ? "A restricted case" : x.Reference,
                x.Hidden ? null : x.Child, x.VolumeNumber, x.Holder, x.MarkedOutAt!.Value, x.ExpectedReturn, x.Destination, x.ReturnedAt)).ToList(),
            pendingRows.OrderBy(x => x.RequestedAt).Select(x => new PendingRemovalItem(x.Id, x.VolumeId, x.Hidden ? null : x.CaseFileId,
                x.Hidden ? "A restricted case" : x.Reference, x.Hidden ? null : x.Child, x.VolumeNumber, x.Asker, x.RequestedAt, x.Reason,
                x.Destination, x.ExpectedReturn)).ToList());
    }
}
