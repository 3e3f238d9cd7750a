using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Records;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Records;

/// <summary>
/// Asks for a record filed on the wrong child to be moved to the right child's file. Nothing
/// moves until a manager approves (see <see cref="DecideRecordMove"/>).
/// </summary>
public sealed class RequestRecordMove(AppDbContext db, RecordLoader loader, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(Guid recordId, MoveRecordCommand command, CancellationToken ct)
    {
        var (record, childId) = await loader.ForWriteAsync(recordId, "move-request", ct);
        var reference = command.ToCaseReference?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(reference))
            throw ValidationFailedException.For("toCaseReference", "Enter the case reference of the child the record belongs to");
        var target = await db.CaseFiles.Where(c => c.Reference == reference).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        var facts = target is { } t ? await access.FindAsync(t, ct) : null;
        if (facts is null || !facts.Read.MayKnowItExists)
            throw ValidationFailedException.For("toCaseReference", $"There is no case file {reference}. Check the reference");
        if (await db.CaseRecordMoves.AnyAsync(m => m.CaseRecordId == recordId && m.Status == CaseRecordMoveStatus.Requested, ct))
            throw new Domain.Common.StateConflictException("move-pending", "A move of this record is already waiting for a manager's decision.");
        var move = CaseRecordMove.Request(Guid.NewGuid(), record, facts.Id, command.Reason, user.Id, clock.GetUtcNow());
        db.CaseRecordMoves.Add(move);
        audit.Record("move-request", "case-record", record.Id, record.CaseFileId, childId, reason: move.Reason);
        await db.SaveChangesAsync(ct);
        return move.Id;
    }
}

/// <summary>
/// A manager of the team holding the file approves or refuses moving a record. On approval the
/// record (and its chronology line) moves, and both files keep a marker of what happened.
/// </summary>
public sealed class DecideRecordMove(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task HandleAsync(Guid moveId, DecideMoveCommand command, CancellationToken ct)
    {
        var move = await db.CaseRecordMoves.SingleOrDefaultAsync(m => m.Id == moveId, ct) ?? throw new NotFoundException("The move request");
        await access.DemandAsync(move.FromCaseFileId, AccessAction.Write, AuditAction.Decide, ct);
        if (command.Approve is null) throw ValidationFailedException.For("approve", "Select whether you approve the move");
        var files = await (from c in db.CaseFiles
                           where c.Id == move.FromCaseFileId || c.Id == move.ToCaseFileId
                           select new { c.Id, c.Reference, c.TeamId, c.ChildId }).ToDictionaryAsync(c => c.Id, ct);
        var from = files[move.FromCaseFileId];
        var to = files[move.ToCaseFileId];
        var viewer = await user.ViewerAsync(ct);
        var managesFile = viewer.Manages(from.TeamId);
        var now = clock.GetUtcNow();
        if (command.Approve == false)
        {
            move.Refuse(user.Id, managesFile, command.Note, now);
            audit.Record(AuditAction.Decide, "case-record-move", move.Id, from.Id, from.ChildId, reason: "Refused: " + move.DecisionNote);
            await db.SaveChangesAsync(ct);
            return;
        }
        var record = await db.CaseRecords.SingleAsync(r => r.Id == move.CaseRecordId, ct);
        move.Approve(record, user.Id, managesFile, command.Note, now);
        var entry = await db.Chronology.SingleOrDefaultAsync(e => e.SourceId == record.Id && e.Kind == ChronologyKind.Record, ct);
        entry?.MoveTo(to.Id);
        var what = $"{CaseRecordTypeNames.Of(record.Content.Type)} of {record.Content.OccurredAt.Display()}";
        var approvedBy = $"Approved by {user.DisplayName}.";
        db.Chronology.Add(new ChronologyEntry(from.Id, now, ChronologyKind.RecordMovedOut, "Record moved to another child's file",
            $"{what} was filed here in error and moved to {to.Reference}. Reason: {move.Reason} {approvedBy}", move.Id, user.Id, significant: false));
        db.Chronology.Add(new ChronologyEntry(to.Id, now, ChronologyKind.RecordMovedIn, "Record moved here from another child's file",
            $"{what} was filed in error on {from.Reference} and moved here. Reason: {move.Reason} {approvedBy}", move.Id, user.Id, significant: false));
        audit.Record(AuditAction.Decide, "case-record-move", move.Id, from.Id, from.ChildId, reason: $"Approved: moved to {to.Reference}");
        audit.Record(AuditAction.Update, "case-record", record.Id, to.Id, to.ChildId, reason: $"Moved here from {from.Reference}");
        await db.SaveChangesAsync(ct);
    }
}
