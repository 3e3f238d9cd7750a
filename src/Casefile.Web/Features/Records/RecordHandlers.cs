using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Calendar;
using Casefile.Domain.Common;
using Casefile.Domain.Documents;
using Casefile.Domain.Records;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Records;

/// <summary>
/// Starts a case record as a draft on a child's file (policy 3.8, 3.11). The deadline comes from
/// the working-day calendar; a second record of the same event is refused until the worker has
/// seen the first and confirmed it is different.
/// </summary>
public sealed class StartRecord(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock, BankHolidayCalendar calendars)
{
    public async Task<SavedRecord> HandleAsync(Guid caseId, RecordCommand command, CancellationToken ct)
    {
        await access.DemandAsync(caseId, AccessAction.Write, AuditAction.Create, ct);
        var file = await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.ChildId }).SingleAsync(ct);
        var content = await RecordContent.BuildAsync(db, caseId, command, ct);
        var responsible = await RecordLoader.ResponsibleWorkerAtAsync(db, caseId, content.OccurredAt, ct);
        var context = new CaseRecordContext(user.Id, responsible, (await user.ViewerAsync(ct)).May(StaffCapability.AuthoriseWork));
        var now = clock.GetUtcNow();
        CaseRecordRules.Check(content, context, now);
        if (!command.ConfirmedNotDuplicate && await SameEventAsync(caseId, content, ct) is { } existing)
        {
            audit.Record(AuditAction.View, "case-record", existing.Id, caseId, file.ChildId, reason: "Shown as possibly the same event");
            await db.SaveChangesAsync(ct);
            throw new PossibleDuplicateRecordException(existing);
        }
        var recordBy = RecordingDeadline.RecordBy(content.OccurredAt.ToLondonDate(), content.ChildProtectionEnquiry, await calendars.CurrentAsync(ct));
        var record = CaseRecord.Start(Guid.NewGuid(), caseId, content, context, recordBy, now);
        db.CaseRecords.Add(record);
        audit.Record(AuditAction.Create, "case-record", record.Id, caseId, file.ChildId,
            reason: command.ConfirmedNotDuplicate ? "Confirmed as a different event from a similar record" : null);
        await db.SaveChangesAsync(ct);
        return new SavedRecord(record.Id, caseId, record.Status, record.RecordBy, record.Version);
    }

    private async Task<ExistingRecordSummary?> SameEventAsync(Guid caseId, CaseRecordContent content, CancellationToken ct)
    {
        var earliest = content.OccurredAt - CaseRecordRules.SameEventWindow;
        var latest = content.OccurredAt + CaseRecordRules.SameEventWindow;
        // Policy 3.8: any in-person contact is a possible duplicate of another, whoever recorded it.
        var kinds = CaseRecordRules.KindsOfTheSameEvent(content.Type).ToList();
        var match = await (from r in db.CaseRecords.AsNoTracking()
                           where r.CaseFileId == caseId && r.Status != CaseRecordStatus.Discarded && kinds.Contains(r.Content.Type) && r.Content.OccurredAt >= earliest && r.Content.OccurredAt <= latest
                           join u in db.Users on r.RecordedBy equals u.Id
                           orderby r.CreatedAt
                           select new { r.Id, r.Content.Type, r.Content.OccurredAt, u.DisplayName, r.Status, r.Content.Purpose })
            .FirstOrDefaultAsync(ct);
        return match is null ? null : new ExistingRecordSummary(match.Id, match.Type, match.OccurredAt, match.DisplayName, match.Status, match.Purpose);
    }
}

/// <summary>Saves changes to a draft: the author's own, and only over the version they opened.</summary>
public sealed class ReviseRecord(AppDbContext db, RecordLoader loader, CurrentUser user, AuditTrail audit, TimeProvider clock, BankHolidayCalendar calendars)
{
    public async Task<SavedRecord> HandleAsync(Guid recordId, RecordCommand command, CancellationToken ct)
    {
        var (record, childId) = await loader.ForAuthorAsync(recordId, command.Version, AuditAction.Update, ct);
        var content = await RecordContent.BuildAsync(db, record.CaseFileId, command, ct);
        // Policy 3.8: the responsible worker as the case stood when the event happened, not now.
        var responsible = await RecordLoader.ResponsibleWorkerAtAsync(db, record.CaseFileId, content.OccurredAt, ct);
        var context = new CaseRecordContext(record.RecordedBy, responsible, (await user.ViewerAsync(ct)).May(StaffCapability.AuthoriseWork),
            ReassignedByManager: record.ReassignedFrom is not null);
        var recordBy = RecordingDeadline.RecordBy(content.OccurredAt.ToLondonDate(), content.ChildProtectionEnquiry, await calendars.CurrentAsync(ct));
        var previous = record.Content.OccurredAt;
        record.Revise(content, context, recordBy, user.Id, clock.GetUtcNow());
        audit.Record(AuditAction.Update, "case-record", record.Id, record.CaseFileId, childId,
            reason: previous != content.OccurredAt ? $"Event moved from {previous.Display()} to {content.OccurredAt.Display()}" : null);
        await db.SaveChangesAsync(ct);
        return new SavedRecord(record.Id, record.CaseFileId, record.Status, record.RecordBy, record.Version);
    }
}

/// <summary>
/// Finalises and locks a draft, marking how many working days late it was (policy 3.8), and puts
/// it in the chronology.
/// </summary>
public sealed class FinaliseRecord(AppDbContext db, RecordLoader loader, AuditTrail audit, TimeProvider clock, BankHolidayCalendar calendars)
{
    public async Task<FinalisedRecord> HandleAsync(Guid recordId, FinaliseCommand command, CancellationToken ct)
    {
        var (record, childId) = await loader.ForAuthorAsync(recordId, command.Version, "finalise", ct);
        var now = clock.GetUtcNow();
        var late = RecordingDeadline.WorkingDaysLate(record.RecordBy, clock.Today(), await calendars.CurrentAsync(ct));
        var facts = await FinalisingFactsAsync(record, childId, command.ConfirmOtherChildren, ct);
        try
        {
            record.Finalise(late, now, facts);
        }
        catch (RecordIncompleteException e)
        {
            throw new ValidationFailedException(e.Missing.GroupBy(m => m.Field).ToDictionary(g => g.Key, g => g.Select(m => m.Message).ToArray()));
        }
        db.Chronology.Add(ChronologyEntry.ForRecord(record));
        audit.Record("finalise", "case-record", record.Id, record.CaseFileId, childId, reason: (late > 0 ? $"{late} working days late" : "On time")
            + (facts.OtherChildrenNamed.Count > 0 ? "; confirmed it belongs on this file although it names other children" : ""));
        await db.SaveChangesAsync(ct);
        return new FinalisedRecord(record.Id, record.CaseFileId, now, record.RecordBy, late > 0, late);
    }

    /// <summary>
    /// Who present needs an interpreter (policy 3.2 guidance) and which other children on the register
    /// the text names (policy 4.4). The child counts for the interpreter unless they were not seen, at
    /// an in-person, phone or video contact. Children recorded as present are not "other children":
    /// policy 3.11 asks for their names.
    /// </summary>
    private async Task<FinalisingFacts> FinalisingFactsAsync(CaseRecord record, Guid childId, bool confirm, CancellationToken ct)
    {
        var c = record.Content;
        var present = (c.Present ?? []).Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).ToHashSet();
        var childInvolved = c.ChildSeen != false && (CaseRecordRules.IsInPerson(c.Type) || c.Type is CaseRecordType.PhoneCall or CaseRecordType.VideoCall);
        var asked = present.Append(childId).ToList();
        var needing = await db.People.AsNoTracking().Where(p => asked.Contains(p.Id) && p.NeedsInterpreter)
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName, p.FirstLanguage }).ToListAsync(ct);
        var needs = needing.Where(p => present.Contains(p.Id) || (p.Id == childId && childInvolved))
            .Select(p => new InterpreterNeed(p.Name, p.FirstLanguage)).ToList();

        var others = await db.People.AsNoTracking().Where(p => p.Kind == Domain.People.PersonKind.Child && p.Id != childId && !present.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.KnownAs }).ToListAsync(ct);
        var mentions = new Domain.Emails.OtherChildMentions(others.Select(o =>
            new Domain.Emails.RegisterChild(o.Id, o.GivenName, o.FamilyName, o.KnownAs is null ? null : [o.KnownAs])));
        var text = string.Join("\n", new[] { c.Purpose, c.Narrative, c.Outcome, c.Seen, c.SpokenTo, c.ChildViews, c.FamilyViews, c.DocumentReferences }
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        var named = mentions.Find(null, text).SelectMany(m => m.Found.Select(f => f.Text)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new FinalisingFacts(needs, named, confirm);
    }
}

/// <summary>
/// The author gives up a draft that will not be finished, with a reason (policy 3.8, 6.6). They can
/// do so after the case has moved away from them; a line in the chronology says so.
/// </summary>
public sealed class DiscardRecord(AppDbContext db, RecordLoader loader, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<SavedRecord> HandleAsync(Guid recordId, DraftDecisionCommand command, CancellationToken ct)
    {
        var (record, childId) = await loader.ForAuthorAsync(recordId, command.Version, "discard", ct);
        record.Discard(user.Id, command.Reason, clock.GetUtcNow());
        db.Chronology.Add(ChronologyEntry.ForDiscardedDraft(record));
        audit.Record("discard", "case-record", record.Id, record.CaseFileId, childId, reason: record.DiscardReason);
        await db.SaveChangesAsync(ct);
        return new SavedRecord(record.Id, record.CaseFileId, record.Status, record.RecordBy, record.Version);
    }
}

/// <summary>
/// A manager of the case gives a leaver's or stranded draft to the case's allocated worker to
/// finish, with a reason (policy 3.8, 6.6, 9.1).
/// </summary>
public sealed class ReassignRecord(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<SavedRecord> HandleAsync(Guid recordId, DraftDecisionCommand command, CancellationToken ct)
    {
        var caseId = await db.CaseRecords.Where(r => r.Id == recordId).Select(r => (Guid?)r.CaseFileId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The record");
        var opened = await access.OpenForAsync(caseId, CaseCapability.Manage, "reassign", ct);
        var record = await db.CaseRecords.SingleAsync(r => r.Id == recordId, ct);
        if (command.Version is { } v && v != record.Version)
            throw new StateConflictException("stale-edit", "The record was changed after you opened it. Reload it, check the changes, and try again.");
        var from = record.RecordedBy;
        record.Reassign(opened.Facts.AllocatedWorkerId, user.Id, command.Reason, clock.GetUtcNow());
        var names = await db.Users.Where(u => u.Id == from || u.Id == record.RecordedBy).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        audit.Record("reassign", "case-record", record.Id, caseId, opened.ChildId,
            reason: $"From {names.GetValueOrDefault(from, "Unknown")} to {names.GetValueOrDefault(record.RecordedBy, "Unknown")}: {record.ReassignReason}");
        await db.SaveChangesAsync(ct);
        return new SavedRecord(record.Id, record.CaseFileId, record.Status, record.RecordBy, record.Version);
    }
}

/// <summary>Adds a correction or addition to a finalised record; the original stays as it was (policy 3.6).</summary>
public sealed class AddAddendum(AppDbContext db, RecordLoader loader, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(Guid recordId, AddendumCommand command, CancellationToken ct)
    {
        var (record, childId) = await loader.ForWriteAsync(recordId, AuditAction.Create, ct);
        var addendum = record.AddAddendum(Guid.NewGuid(), command.Text, user.Id, clock.GetUtcNow());
        var entry = await db.Chronology.SingleOrDefaultAsync(e => e.SourceId == record.Id && e.Kind == ChronologyKind.Record, ct);
        entry?.NoteAddendum();
        audit.Record(AuditAction.Create, "case-record-addendum", addendum.Id, record.CaseFileId, childId);
        await db.SaveChangesAsync(ct);
        return addendum.Id;
    }
}

public sealed record AddendumView(Guid Id, string Text, string AddedBy, DateTimeOffset AddedAt);

/// <summary>One change of the event's date and time (policy 3.8: the deadline stays the earliest).</summary>
public sealed record EventDateChangeView(DateTimeOffset From, DateTimeOffset To, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record DiscardView(string By, DateTimeOffset At, string Reason);

public sealed record ReassignView(string From, string To, string By, DateTimeOffset At, string Reason);

public sealed record PresentView(Guid? PersonId, string Name, string? Role);

public sealed record MoveView(Guid Id, string FromReference, string ToReference, string Reason, string RequestedBy, DateTimeOffset RequestedAt,
    CaseRecordMoveStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote);

/// <summary>A document a record refers to; a restricted one the reader may not open shows only that it exists.</summary>
public sealed record LinkedDocumentView(Guid Id, bool Restricted, string? Title, string? TypeName, DateOnly? Date);

public sealed record RecordView(
    Guid Id, Guid CaseId, string CaseReference, Guid ChildId, string ChildName, CaseRecordStatus Status, CaseRecordContent Content,
    IReadOnlyList<PresentView> Present, string RecordedBy, Guid RecordedById, string ResponsibleWorker, DateTimeOffset CreatedAt, DateOnly RecordBy,
    DateTimeOffset? FinalisedAt, int? WorkingDaysLate, Guid Version, IReadOnlyList<AddendumView> Addenda, IReadOnlyList<MoveView> Moves)
{
    public bool IsOverdue { get; init; }
    public bool CanEdit { get; init; }
    public bool CanAddAddendum { get; init; }
    public bool CanDiscard { get; init; }
    public bool CanReassign { get; init; }
    public IReadOnlyList<EventDateChangeView> EventDateHistory { get; init; } = [];
    public DiscardView? Discarded { get; init; }
    public ReassignView? Reassigned { get; init; }
    public bool IsSignificant { get; init; }
    public IReadOnlyList<LinkedDocumentView> LinkedDocuments { get; init; } = [];
}

/// <summary>Opens one record, after the access policy has allowed reading its case; the view is audited.</summary>
public sealed class GetRecord(AppDbContext db, RecordLoader loader, CurrentUser user, AuditTrail audit, TimeProvider clock, Documents.RestrictedSection restricted)
{
    public async Task<RecordView> HandleAsync(Guid recordId, CancellationToken ct)
    {
        var row = await db.CaseRecords.Where(r => r.Id == recordId).Select(r => new { r.CaseFileId, r.RecordedBy, r.Status }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The record");
        var caseId = row.CaseFileId;
        // The author of a draft opens it even after the case has moved away from them (policy 3.8, 6.6).
        var opened = await loader.OpenAsAuthorAsync(caseId, row.RecordedBy, row.Status == CaseRecordStatus.Draft, AccessAction.Read, AuditAction.View, ct);
        var decision = opened.Read.Allowed ? opened.Read : AccessDecision.Allow(DraftAuthorAccess.Basis);
        var record = await db.CaseRecords.AsNoTracking().Include(r => r.Addenda).Include(r => r.EventDateChanges).AsSplitQuery().SingleAsync(r => r.Id == recordId, ct);
        var head = await (from f in db.CaseFiles
                          where f.Id == caseId
                          join p in db.People on f.ChildId equals p.Id
                          select new { f.Reference, f.ChildId, Child = p.GivenName + " " + p.FamilyName }).SingleAsync(ct);
        var userIds = record.Addenda.Select(a => a.AddedBy).Concat(record.EventDateChanges.Select(e => e.ChangedBy)).Append(record.RecordedBy).Append(record.ResponsibleWorkerId)
            .Concat(new[] { record.DiscardedBy, record.ReassignedFrom, record.ReassignedBy }.OfType<Guid>()).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var moves = await (from m in db.CaseRecordMoves.AsNoTracking()
                           where m.CaseRecordId == recordId
                           join f in db.CaseFiles on m.FromCaseFileId equals f.Id
                           join t in db.CaseFiles on m.ToCaseFileId equals t.Id
                           join asker in db.Users on m.RequestedBy equals asker.Id
                           join d in db.Users on m.DecidedBy equals d.Id into decided
                           from d in decided.DefaultIfEmpty()
                           orderby m.RequestedAt
                           select new MoveView(m.Id, f.Reference, t.Reference, m.Reason, asker.DisplayName, m.RequestedAt, m.Status,
                               d == null ? null : d.DisplayName, m.DecidedAt, m.DecisionNote)).ToListAsync(ct);
        var linkedIds = record.Content.LinkedDocuments ?? [];
        var linked = linkedIds.Count == 0 ? [] : await db.CaseDocuments.AsNoTracking().Where(d => linkedIds.Contains(d.Id) && d.CaseFileId == caseId).ToListAsync(ct);
        var mayOpenRestricted = linked.Any(d => d.IsRestricted) && await restricted.MayOpenAsync(caseId, ct);
        audit.Record(AuditAction.View, "case-record", recordId, caseId, head.ChildId,
            reason: decision.IsEmergency ? "Emergency access" : opened.Read.Allowed ? null : DraftAuthorAccess.Basis);
        await db.SaveChangesAsync(ct);
        var writable = opened.Permissions.Write.Allowed;
        var authorOfDraft = record.Status == CaseRecordStatus.Draft && record.RecordedBy == user.Id
            && (writable || DraftAuthorAccess.Decide(opened.Viewer, opened.Facts, record.RecordedBy, true).Allowed);
        string Name(Guid? id) => id is { } g ? names.GetValueOrDefault(g, "Unknown") : "Unknown";
        var c = record.Content;
        return new RecordView(record.Id, caseId, head.Reference, head.ChildId, head.Child, record.Status, c,
            (c.Present ?? []).Select(p => new PresentView(p.PersonId, p.Name, p.Role)).ToList(),
            names.GetValueOrDefault(record.RecordedBy, "Unknown"), record.RecordedBy, names.GetValueOrDefault(record.ResponsibleWorkerId, "Unknown"),
            record.CreatedAt, record.RecordBy, record.FinalisedAt, record.WorkingDaysLate, record.Version,
            record.Addenda.OrderBy(a => a.AddedAt).Select(a => new AddendumView(a.Id, a.Text, names.GetValueOrDefault(a.AddedBy, "Unknown"), a.AddedAt)).ToList(),
            moves)
        {
            IsOverdue = !record.IsLocked && clock.Today() > record.RecordBy,
            CanEdit = authorOfDraft,
            CanDiscard = authorOfDraft,
            CanReassign = record.Status == CaseRecordStatus.Draft && opened.May(CaseCapability.Manage) && record.RecordedBy != opened.Facts.AllocatedWorkerId,
            CanAddAddendum = record.Status == CaseRecordStatus.Final && writable,
            EventDateHistory = [.. record.EventDateChanges.OrderBy(e => e.ChangedAt).Select(e => new EventDateChangeView(e.From, e.To, Name(e.ChangedBy), e.ChangedAt))],
            Discarded = record.DiscardedAt is { } discardedAt ? new DiscardView(Name(record.DiscardedBy), discardedAt, record.DiscardReason ?? "") : null,
            Reassigned = record.ReassignedAt is { } reassignedAt
                ? new ReassignView(Name(record.ReassignedFrom), Name(record.RecordedBy), Name(record.ReassignedBy), reassignedAt, record.ReassignReason ?? "") : null,
            IsSignificant = record.IsSignificant,
            // In the order the worker linked them; restricted ones as existing only, for those who may not open them.
            LinkedDocuments = [.. linkedIds.Select(id => linked.FirstOrDefault(d => d.Id == id)).OfType<Domain.Documents.CaseDocument>()
                .Select(d => d.IsRestricted && !mayOpenRestricted
                    ? new LinkedDocumentView(d.Id, true, null, null, null)
                    : new LinkedDocumentView(d.Id, d.IsRestricted, d.Title, d.Type.DisplayName(), d.DocumentDate))],
        };
    }
}

/// <summary>Loads a record for a change, after the access policy allows writing to its case.</summary>
public sealed class RecordLoader(AppDbContext db, CaseScope access, CurrentUser user)
{
    public async Task<(CaseRecord Record, Guid ChildId)> ForWriteAsync(Guid recordId, string auditAction, CancellationToken ct)
    {
        var caseId = await db.CaseRecords.Where(r => r.Id == recordId).Select(r => (Guid?)r.CaseFileId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The record");
        await access.DemandAsync(caseId, AccessAction.Write, auditAction, ct);
        var record = await db.CaseRecords.Include(r => r.Addenda).SingleAsync(r => r.Id == recordId, ct);
        var childId = await db.CaseFiles.Where(c => c.Id == caseId).Select(c => c.ChildId).SingleAsync(ct);
        return (record, childId);
    }

    /// <summary>
    /// A draft is changed, finalised and discarded only by the person who holds it, and only over the
    /// version they opened. They may, even when the case has since been transferred or reallocated
    /// away from them (<see cref="DraftAuthorAccess"/>): otherwise the draft could never be finished.
    /// </summary>
    public async Task<(CaseRecord Record, Guid ChildId)> ForAuthorAsync(Guid recordId, Guid? version, string auditAction, CancellationToken ct)
    {
        var row = await db.CaseRecords.Where(r => r.Id == recordId).Select(r => new { r.CaseFileId, r.RecordedBy, r.Status }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The record");
        var opened = await OpenAsAuthorAsync(row.CaseFileId, row.RecordedBy, row.Status == CaseRecordStatus.Draft, AccessAction.Write, auditAction, ct);
        var record = await db.CaseRecords.Include(r => r.Addenda).SingleAsync(r => r.Id == recordId, ct);
        if (record.Status == CaseRecordStatus.Final)
            throw new StateConflictException("record-locked", "This record is finalised and cannot be changed. Add an addendum to correct it.");
        if (record.Status == CaseRecordStatus.Discarded)
            throw new StateConflictException("record-discarded", "This draft was discarded and cannot be changed.");
        if (record.RecordedBy != user.Id)
            throw new AccessDeniedException("Only the person who wrote a draft can change, finalise or discard it.",
                "Ask them to finish it, or ask a manager of the case to give it to the allocated worker.");
        if (version is { } v && v != record.Version)
            throw new StateConflictException("stale-edit", "The record was changed after you opened it (perhaps in another window). Reload it, check the changes, and try again.");
        return (record, opened.ChildId);
    }

    /// <summary>
    /// Opens the case for <paramref name="action"/>, or, failing that, for the author of a draft on
    /// it (the access policy's <see cref="DraftAuthorAccess"/>). A refusal is audited as any other.
    /// </summary>
    public async Task<OpenedCase> OpenAsAuthorAsync(Guid caseId, Guid authorId, bool isDraft, AccessAction action, string auditAction, CancellationToken ct)
    {
        var opened = await access.FindAsync(caseId, ct) ?? throw new NotFoundException("The case file");
        if (opened.Permissions.For(action).Allowed || DraftAuthorAccess.Decide(opened.Viewer, opened.Facts, authorId, isDraft).Allowed) return opened;
        return await access.OpenAsync(caseId, action, auditAction, ct);
    }

    /// <summary>The worker the case was allocated to when the event happened (policy 3.8: the responsible worker).</summary>
    public static async Task<Guid> ResponsibleWorkerAtAsync(AppDbContext db, Guid caseId, DateTimeOffset at, CancellationToken ct)
    {
        var allocations = await db.CaseAllocations.AsNoTracking().Where(a => a.CaseFileId == caseId).Select(a => new { a.From, a.WorkerId }).ToListAsync(ct);
        return CaseRecordRules.ResponsibleWorkerAt(allocations.Select(a => (a.From, a.WorkerId)), at);
    }
}

/// <summary>Turns a command into record content: checks the inputs and links people present to the register.</summary>
internal static class RecordContent
{
    public static async Task<CaseRecordContent> BuildAsync(AppDbContext db, Guid caseId, RecordCommand command, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (command.Type is null) errors.Add("type", "Select the kind of contact or event");
        if (command.OccurredAt is null) errors.Add("occurredAt", "Enter the date and time of the event");
        var present = new List<PresentPerson>();
        var input = command.Present ?? [];
        if (input.Count > 100) errors.Add("present", "List up to 100 people present");
        var ids = input.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).Distinct().ToList();
        var known = ids.Count == 0 ? [] : await db.People.Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, ct);
        for (var i = 0; i < input.Count && i < 100; i++)
        {
            var p = input[i];
            var role = errors.Optional(p.Role, $"present[{i}].role", 200);
            if (p.PersonId is { } id)
            {
                if (known.TryGetValue(id, out var name)) present.Add(new PresentPerson(id, name, role));
                else errors.Add($"present[{i}].personId", "There is no one on the register with this id. Check it, or give their name and role instead");
            }
            else
            {
                var name = errors.Required(p.Name, $"present[{i}].name", "Enter the name of the person present, or choose them from the register", 200);
                if (name is not null) present.Add(new PresentPerson(null, name, role));
            }
        }
        var seen = errors.Optional(command.Seen, "seen", 2000);
        var spokenTo = errors.Optional(command.SpokenTo, "spokenTo", 2000);
        var childViews = errors.Optional(command.ChildViews, "childViews", 10_000);
        var familyViews = errors.Optional(command.FamilyViews, "familyViews", 10_000);
        var dispensed = errors.Optional(command.InterpreterDispensedReason, "interpreterDispensedReason", 2000);
        var agency = errors.Optional(command.ReferralAgency, "referralAgency", 200);
        var referralPurpose = errors.Optional(command.ReferralPurpose, "referralPurpose", 2000);
        var documents = errors.Optional(command.DocumentReferences, "documentReferences", 2000);
        errors.ThrowIfAny();
        var linked = await LinkedDocumentsAsync(db, caseId, command.LinkedDocuments, ct);
        var type = command.Type!.Value;
        return new CaseRecordContent(
            type, command.OccurredAt!.Value,
            // Policy 3.8: a section 47 enquiry visit is always a child protection enquiry record (1 working day).
            command.ChildProtectionEnquiry == true || type == CaseRecordType.ChildProtectionEnquiryVisit,
            command.Purpose, command.Outcome, command.Narrative, seen, spokenTo, present,
            command.ChildSeen, command.ChildSeenAlone, childViews, familyViews,
            command.Interpreter, dispensed, agency, referralPurpose,
            command.VideoRecorded == true, documents, command.HandwrittenNotesDestroyed == true, command.Significant == true, linked);
    }

    /// <summary>
    /// A record refers only to documents on its own child's file: one from another case would put
    /// another child's information on this record, so it is refused, naming the field.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> LinkedDocumentsAsync(AppDbContext db, Guid caseId, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count == 0) return [];
        if (wanted.Count > 100) throw new RuleViolationException("too-many-linked-documents", "Link up to 100 documents to one record", "linkedDocuments");
        var onCase = await db.CaseDocuments.Where(d => wanted.Contains(d.Id) && d.CaseFileId == caseId).Select(d => d.Id).ToListAsync(ct);
        if (onCase.Count != wanted.Count)
            throw new RuleViolationException("document-not-on-case",
                "A record can only refer to documents on this child's case file. Remove the document that is not on this file", "linkedDocuments");
        return wanted;
    }
}
