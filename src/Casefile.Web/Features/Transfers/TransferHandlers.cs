using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Closure;
using Casefile.Domain.Common;
using Casefile.Domain.Records;
using Casefile.Domain.Staff;
using Casefile.Domain.Transfers;
using Casefile.Web.Features.Referrals;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Transfers;

/// <summary>A proposed transfer: the receiving team, optionally the worker, and the transfer summary (policy 3.12).</summary>
public sealed record ProposeTransferCommand(string? ToTeam, string? ToWorker, string? ReasonForInvolvement, string? Assessment, string? Plan,
    string? ActionsUndertaken);

public sealed record AcceptTransferCommand(string? Worker);

public sealed record TransferReasonCommand(string? Reason);

/// <summary>The worker (or their manager) proposes moving the case to another worker or team.</summary>
public sealed class ProposeTransfer(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<CaseTransfer> HandleAsync(Guid caseId, ProposeTransferCommand command, CancellationToken ct)
    {
        await access.OpenAsync(caseId, AccessAction.Write, AuditAction.Create, ct);
        await access.OpenForAsync(caseId, CaseCapability.ProposeTransfer, AuditAction.Create, ct);

        var errors = new List<RuleViolationException>();
        TransferSummary? summary = null;
        try { summary = TransferSummary.Create(command.ReasonForInvolvement, command.Assessment, command.Plan, command.ActionsUndertaken); }
        catch (RuleViolationsException e) { errors.AddRange(e.Violations); }
        Guid? toTeamId = null;
        Guid? toWorkerId = null;
        if (string.IsNullOrWhiteSpace(command.ToTeam))
            errors.Add(new RuleViolationException("required", "Select the team the case is moving to", "toTeam"));
        else if (await StaffLookup.FindTeamAsync(db, command.ToTeam, ct) is not { } team)
            errors.Add(new RuleViolationException("unknown-team", $"There is no team called '{command.ToTeam.Trim()}'", "toTeam"));
        else
        {
            toTeamId = team.Id;
            if (!string.IsNullOrWhiteSpace(command.ToWorker))
            {
                var worker = await FindWorkerAsync(command.ToWorker, team.Id, "toWorker", ct);
                if (worker.Error is { } e) errors.Add(e);
                toWorkerId = worker.Id;
            }
        }
        if (errors.Count > 0) throw new RuleViolationsException(errors);
        if (await db.CaseTransfers.AnyAsync(t => t.CaseFileId == caseId && t.Status == TransferStatus.Proposed, ct))
            throw new StateConflictException("transfer-already-proposed", "A transfer of this case is already waiting for the receiving manager");

        var file = await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == caseId, ct);
        var transfer = new CaseTransfer(Guid.NewGuid(), file, toTeamId!.Value, toWorkerId, summary!, user.Id, clock.GetUtcNow());
        db.CaseTransfers.Add(transfer);
        audit.Record(AuditAction.Create, "transfer", transfer.Id, caseId);
        await db.SaveChangesAsync(ct);
        return transfer;
    }

    internal async Task<(Guid? Id, RuleViolationException? Error)> FindWorkerAsync(string text, Guid teamId, string field, CancellationToken ct) =>
        await TransferStaff.FindWorkerAsync(db, text, teamId, field, ct);
}

internal static class TransferStaff
{
    public static async Task<(Guid? Id, RuleViolationException? Error)> FindWorkerAsync(AppDbContext db, string text, Guid teamId, string field, CancellationToken ct)
    {
        var trimmed = text.Trim();
        var normalised = trimmed.ToUpperInvariant();
        var worker = Guid.TryParse(trimmed, out var id)
            ? await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct)
            : await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalised, ct);
        if (worker is null || !worker.IsActive)
            return (null, new RuleViolationException("unknown-worker", $"There is no active user '{trimmed}'", field));
        if (worker.TeamId != teamId)
            return (null, new RuleViolationException("worker-not-in-team", $"{worker.DisplayName} is not in the receiving team", field));
        if (!await StaffRoles.HoldsAnyAsync(db, worker.Id, [StaffRole.SocialWorker, .. StaffRole.Managers], ct))
            return (null, new RuleViolationException("cannot-hold-cases", $"{worker.DisplayName} is not a social worker or manager, so cannot hold a case", field));
        return (worker.Id, null);
    }
}

/// <summary>
/// The receiving manager accepts the transfer (choosing the worker) or returns it. Acceptance
/// reallocates the case and writes the transfer of responsibility on the case record (policy 3.12).
/// </summary>
public sealed class DecideTransfer(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<CaseTransfer> AcceptAsync(Guid id, AcceptTransferCommand command, CancellationToken ct)
    {
        var (transfer, by) = await LoadAsync(id, ct);
        Guid? workerId = null;
        if (!string.IsNullOrWhiteSpace(command.Worker))
        {
            var (found, error) = await TransferStaff.FindWorkerAsync(db, command.Worker, transfer.ToTeamId, "worker", ct);
            if (error is not null) throw error;
            workerId = found;
        }
        var file = await db.CaseFiles.Include(c => c.Allocations).SingleAsync(c => c.Id == transfer.CaseFileId, ct);
        var now = clock.GetUtcNow();
        transfer.Accept(file, by, workerId, now);
        var names = await db.Teams.Where(t => t.Id == transfer.FromTeamId || t.Id == transfer.ToTeamId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var worker = await db.Users.Where(u => u.Id == file.AllocatedWorkerId).Select(u => u.DisplayName).SingleAsync(ct);
        var s = transfer.Summary;
        db.Chronology.Add(new ChronologyEntry(file.Id, now, ChronologyKind.Transfer,
            $"Case transferred from {names[transfer.FromTeamId]} to {names[transfer.ToTeamId]}",
            $"Now held by {worker}. Reason for involvement: {s.ReasonForInvolvement} Assessment: {s.Assessment} Plan: {s.Plan} Actions: {s.ActionsUndertaken}",
            transfer.Id, user.Id, significant: true));
        // A restricted case: the worker who takes it is named on it, or they would be locked out of their own case.
        var facts = await access.FactsAsync(file.Id, ct);
        var alreadyNamed = await db.CaseAccessGrants.Where(g => g.CaseFileId == file.Id && g.Kind == GrantKind.Named && g.RevokedAt == null)
            .Select(g => g.UserId).ToListAsync(ct);
        foreach (var named in CaseAccessPolicy.NamedOnAcceptedTransfer(facts!, file.AllocatedWorkerId, user.Id).Except(alreadyNamed))
            db.CaseAccessGrants.Add(new CaseAccessGrant(Guid.NewGuid(), file.Id, named, GrantKind.Named, user.Id, now, "Named when the case was transferred to them"));
        access.Forget(file.Id);
        // Policy 6.3, 6.5: the previous worker's request to close ends with the transfer; the new worker asks afresh.
        foreach (var closure in await db.ClosureRequests.Where(r => r.CaseFileId == file.Id
                     && (r.Status == ClosureRequestStatus.Submitted || r.Status == ClosureRequestStatus.Returned)).ToListAsync(ct))
        {
            closure.EndByTransfer(transfer.Id, now);
            db.Chronology.Add(new ChronologyEntry(file.Id, now, ChronologyKind.Transfer, "Request to close the case ended by the transfer",
                $"The request to close the case made on {closure.RequestedAt.ToLondonDate().Display()} ended when the case was transferred to {worker}. The new worker can ask for closure with their own summary.",
                transfer.Id, user.Id, significant: false));
            audit.Record(AuditAction.Update, "closure-request", closure.Id, file.Id, reason: "ended by transfer");
        }
        audit.Record(AuditAction.Decide, "transfer", transfer.Id, file.Id, reason: "accepted");
        await db.SaveChangesAsync(ct);
        return transfer;
    }

    public async Task<CaseTransfer> ReturnAsync(Guid id, TransferReasonCommand command, CancellationToken ct)
    {
        var (transfer, by) = await LoadAsync(id, ct);
        transfer.Return(command.Reason, by, clock.GetUtcNow());
        audit.Record(AuditAction.Decide, "transfer", transfer.Id, transfer.CaseFileId, reason: "returned");
        await db.SaveChangesAsync(ct);
        return transfer;
    }

    public async Task WithdrawAsync(Guid id, CancellationToken ct)
    {
        var (transfer, _) = await LoadAsync(id, ct);
        transfer.Withdraw(user.Id, clock.GetUtcNow());
        audit.Record(AuditAction.Update, "transfer", transfer.Id, transfer.CaseFileId, reason: "withdrawn");
        await db.SaveChangesAsync(ct);
    }

    // The receiving manager may not yet have access to the case (it is not in their team yet): the
    // transfer itself is their reason to read it (CaseAccessPolicy.SeeTransfer), except on a
    // restricted case, where only the people named on it may see its transfer.
    private async Task<(CaseTransfer, ReceivingManager)> LoadAsync(Guid id, CancellationToken ct)
    {
        var transfer = await db.CaseTransfers.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("The transfer");
        var viewer = await user.ViewerAsync(ct);
        var facts = await access.FactsAsync(transfer.CaseFileId, ct) ?? throw new NotFoundException("The transfer");
        var decision = CaseAccessPolicy.SeeTransfer(viewer, facts, transfer.ToTeamId, transfer.RequestedBy, user.AccessOptions, clock.GetUtcNow());
        if (!decision.Allowed)
        {
            await audit.RecordRefusalAsync(AuditAction.Decide, "transfer", id, transfer.CaseFileId, decision.Basis, ct);
            throw new NotFoundException("The transfer");
        }
        return (transfer, new ReceivingManager(user.Id, viewer.Roles, viewer.Manages(transfer.ToTeamId)));
    }
}

public sealed record TransferView(Guid Id, Guid CaseId, string CaseReference, string ChildName, string FromTeam, string FromWorker, string ToTeam,
    string? ToWorker, string RequestedBy, DateTimeOffset RequestedAt, string Status, string? ReturnReason,
    string ReasonForInvolvement, string Assessment, string Plan, string ActionsUndertaken);

/// <summary>Reads transfers: one, a case's, and the receiving manager's queue.</summary>
public sealed class TransferQueries(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<TransferView> GetAsync(Guid id, CancellationToken ct)
    {
        var transfer = await db.CaseTransfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("The transfer");
        var viewer = await user.ViewerAsync(ct);
        // The receiving manager reads the transfer they are deciding (or decided) before the case is theirs;
        // a restricted case's transfer only if they are named on it (CaseAccessPolicy.SeeTransfer).
        var facts = await access.FactsAsync(transfer.CaseFileId, ct) ?? throw new NotFoundException("The transfer");
        var decision = CaseAccessPolicy.SeeTransfer(viewer, facts, transfer.ToTeamId, transfer.RequestedBy, user.AccessOptions, clock.GetUtcNow());
        if (!decision.Allowed && !decision.MayKnowItExists)
        {
            await audit.RecordRefusalAsync(AuditAction.View, "transfer", id, transfer.CaseFileId, decision.Basis, ct);
            throw new NotFoundException("The transfer");
        }
        if (!decision.Allowed) await access.DemandAsync(transfer.CaseFileId, AccessAction.Read, AuditAction.View, ct); // audited 403, with how to get access
        var receiving = viewer.Manages(transfer.ToTeamId);
        var view = await Views(db.CaseTransfers.Where(t => t.Id == id)).SingleAsync(ct);
        audit.Record(AuditAction.View, "transfer", id, transfer.CaseFileId, reason: receiving ? "Receiving manager" : null);
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>Transfers waiting for this manager: proposed into a team they manage.</summary>
    public async Task<IReadOnlyList<TransferView>> ToAcceptAsync(CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        var teams = StaffPolicy.TeamsManaged(viewer).ToList();
        var hidden = await access.HiddenCaseIds().ToListAsync(ct);
        var items = teams.Count == 0 ? []
            : (await Views(db.CaseTransfers.Where(t => t.Status == TransferStatus.Proposed && teams.Contains(t.ToTeamId))).ToListAsync(ct))
                .Where(t => !hidden.Contains(t.CaseId)).OrderBy(t => t.RequestedAt).ToList();
        audit.Record(AuditAction.View, "transfer-list", null, reason: $"{items.Count} transfers to accept");
        foreach (var t in items) audit.Record(AuditAction.View, "transfer", t.Id, t.CaseId, reason: "queue");
        await db.SaveChangesAsync(ct);
        return items;
    }

    /// <summary>The open transfer of a case, for its page (the page has already demanded access).</summary>
    public Task<TransferView?> OpenForCaseAsync(OpenedCase opened, CancellationToken ct) =>
        Views(db.CaseTransfers.Where(t => t.CaseFileId == opened.Id && t.Status == TransferStatus.Proposed)).FirstOrDefaultAsync(ct);

    private IQueryable<TransferView> Views(IQueryable<CaseTransfer> transfers) =>
        from t in transfers.AsNoTracking()
        join c in db.CaseFiles on t.CaseFileId equals c.Id
        join p in db.People on c.ChildId equals p.Id
        join ft in db.Teams on t.FromTeamId equals ft.Id
        join fw in db.Users on t.FromWorkerId equals fw.Id
        join tt in db.Teams on t.ToTeamId equals tt.Id
        join tw in db.Users on t.ToWorkerId equals (Guid?)tw.Id into tws
        from tw in tws.DefaultIfEmpty()
        join rb in db.Users on t.RequestedBy equals rb.Id
        select new TransferView(t.Id, c.Id, c.Reference, p.GivenName + " " + p.FamilyName, ft.Name, fw.DisplayName, tt.Name,
            tw == null ? null : tw.DisplayName, rb.DisplayName, t.RequestedAt,
            t.Status == TransferStatus.Proposed ? "proposed" : t.Status == TransferStatus.Accepted ? "accepted"
            : t.Status == TransferStatus.Returned ? "returned" : "withdrawn",
            t.ReturnReason, t.Summary.ReasonForInvolvement, t.Summary.Assessment, t.Summary.Plan, t.Summary.ActionsUndertaken);
}
