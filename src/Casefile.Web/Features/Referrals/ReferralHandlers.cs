using Casefile.Data;
using Casefile.Data.Configurations;
using Casefile.Data.Identity;
using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Casefile.Domain.People;
using Casefile.Domain.Records;
using Casefile.Domain.Referrals;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Referrals;

/// <param name="Source">The DfE referral source (1A to 10).</param>
/// <param name="PrimaryNeed">The DfE primary need (N0 to N9), which may be given later.</param>
public sealed record RecordReferralCommand(Guid? ChildId, DateTimeOffset? ReceivedAt, string? ReferrerName, string? ReferrerAgency, string? Reason,
    string? Source = null, string? PrimaryNeed = null);

/// <summary>Records a referral received about a child, awaiting a decision.</summary>
public sealed class RecordReferral(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(RecordReferralCommand command, CancellationToken ct)
    {
        (await ValidateAsync(command, ct)).ThrowIfAny();
        var referral = new Referral(Guid.NewGuid(), command.ChildId!.Value, command.ReceivedAt!.Value, command.ReferrerName,
            command.ReferrerAgency, command.Reason, user.Id, clock.GetUtcNow());
        referral.Classify(command.Source, command.PrimaryNeed);
        db.Referrals.Add(referral);
        audit.Record(AuditAction.Create, "referral", referral.Id, personId: referral.ChildId);
        await db.SaveChangesAsync(ct);
        return referral.Id;
    }

    public async Task<ValidationErrors> ValidateAsync(RecordReferralCommand command, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var now = clock.GetUtcNow();
        if (command.ChildId is not { } childId) errors.Add("childId", "Select the child the referral is about");
        else
        {
            var child = await db.People.Where(p => p.Id == childId).Select(p => new { p.Kind, p.DateOfDeath }).SingleOrDefaultAsync(ct);
            if (child is null) errors.Add("childId", "There is no person with this id on the register");
            else if (child.Kind != PersonKind.Child) errors.Add("childId", "A referral must be about a child. This person is recorded as an adult");
        }
        if (command.ReceivedAt is not { } received) errors.Add("receivedAt", "Enter the date and time the referral was received");
        else if (received > now.AddMinutes(5)) errors.Add("receivedAt", "The date and time received must be in the past");
        errors.Required(command.ReferrerName, "referrerName", "Enter who made the referral", 200);
        errors.Optional(command.ReferrerAgency, "referrerAgency", 200);
        errors.Required(command.Reason, "reason", "Enter the reason for the referral", 10_000);
        return errors;
    }
}

public sealed record AcceptReferralCommand(string? Team, string? AllocatedWorker);

public sealed record AcceptedReferral(Guid CaseId, string Reference, bool Reopened, bool AddedToOpenCase);

/// <summary>
/// Accepts a referral: opens the child's case file (policy 5.2), reopens a closed one as a new
/// volume, or adds the referral to the open one. Only managers decide referrals.
/// </summary>
public sealed class AcceptReferral(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<AcceptedReferral> HandleAsync(Guid referralId, AcceptReferralCommand command, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, ct) ?? throw new NotFoundException("The referral");
        await EnsureManagerAsync(user, ct);
        referral.EnsureAwaiting();

        var existing = await db.CaseFiles.Include(c => c.Volumes).Include(c => c.Allocations)
            .SingleOrDefaultAsync(c => c.ChildId == referral.ChildId, ct);
        var (team, worker) = await StaffLookup.ResolveAllocationAsync(db, command.Team, command.AllocatedWorker,
            required: existing is null || existing.Status == CaseStatus.Closed, ct);

        if (team is not null && !(await user.ViewerAsync(ct)).Manages(team.Id))
            throw ValidationFailedException.For("team", $"You can only allocate to teams you manage. {team.Name} is not one of them");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        NewCaseFile opening = null!;
        if (existing is null)
        {
            var number = await NextCaseNumberAsync(ct);
            opening = new NewCaseFile(Guid.NewGuid(), CaseReference.Format(number), team!.Id, worker!.Id);
        }
        else if (existing.Status == CaseStatus.Closed)
        {
            opening = new NewCaseFile(existing.Id, existing.Reference, team!.Id, worker!.Id);
        }

        var wasClosed = existing?.Status == CaseStatus.Closed;
        var file = referral.Accept(existing, opening, user.Id, clock.GetUtcNow(), clock.Today());
        if (existing is null) db.CaseFiles.Add(file);
        AddToChronology(referral, file, opening is null ? null : (team!, worker!), wasClosed);
        audit.Record(AuditAction.Decide, "referral", referral.Id, file.Id, referral.ChildId, reason: "Accepted");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AcceptedReferral(file.Id, file.Reference, wasClosed, existing is not null && !wasClosed);
    }

    private void AddToChronology(Referral referral, CaseFile file, (Team Team, StaffUser Worker)? opened, bool reopened)
    {
        var from = referral.ReferrerAgency is { } agency ? $"{referral.ReferrerName}, {agency}" : referral.ReferrerName;
        db.Chronology.Add(new ChronologyEntry(file.Id, referral.ReceivedAt, ChronologyKind.Referral, $"Referral from {from}", referral.Reason,
            referral.Id, referral.RecordedBy, significant: true));
        if (opened is { } o)
            db.Chronology.Add(new ChronologyEntry(file.Id, clock.GetUtcNow(), ChronologyKind.CaseOpened, reopened ? "Case reopened" : "Case opened",
                $"Allocated to {o.Worker.DisplayName}, {o.Team.Name}", file.Id, user.Id, significant: true));
    }

    private async Task<long> NextCaseNumberAsync(CancellationToken ct)
    {
        await db.Counters.Where(c => c.Name == Counters.CaseReference)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), ct);
        return await db.Counters.Where(c => c.Name == Counters.CaseReference).Select(c => c.Value).SingleAsync(ct);
    }

    internal static async Task EnsureManagerAsync(CurrentUser user, CancellationToken ct)
    {
        if (!(await user.ViewerAsync(ct)).May(StaffCapability.DecideReferrals))
            throw new AccessDeniedException("Only a practice, principal or divisional manager can decide a referral.",
                "Ask your manager to decide it.");
    }
}

public sealed record NoFurtherActionCommand(string? Reason);

/// <summary>Decides a referral as no further action, with the reason. No case file is opened.</summary>
public sealed class DecideNoFurtherAction(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task HandleAsync(Guid referralId, NoFurtherActionCommand command, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, ct) ?? throw new NotFoundException("The referral");
        await AcceptReferral.EnsureManagerAsync(user, ct);
        referral.EnsureAwaiting();
        var errors = new ValidationErrors();
        errors.Required(command.Reason, "reason", "Enter why no further action is needed", 10_000);
        errors.ThrowIfAny();
        referral.DecideNoFurtherAction(command.Reason, user.Id, clock.GetUtcNow());
        audit.Record(AuditAction.Decide, "referral", referral.Id, personId: referral.ChildId, reason: "No further action");
        await db.SaveChangesAsync(ct);
    }
}

/// <param name="Source">The DfE referral source (1A to 10); left out, it stays as recorded.</param>
/// <param name="PrimaryNeed">The DfE primary need (N0 to N9); left out, it stays as recorded.</param>
public sealed record ClassifyReferralCommand(string? Source, string? PrimaryNeed);

/// <summary>
/// Records the DfE referral source and primary need after the referral was recorded: the need is
/// often clear only once the child's needs are known (CIN census). Whoever may work the referral may
/// do this; once accepted, it is part of the child's case file and needs the right to write to it.
/// </summary>
public sealed class ClassifyReferral(AppDbContext db, CaseScope access, AuditTrail audit)
{
    public async Task HandleAsync(Guid referralId, ClassifyReferralCommand command, CancellationToken ct)
    {
        var hidden = access.HiddenChildIds();
        var referral = await db.Referrals.Where(r => r.Id == referralId && !hidden.Contains(r.ChildId)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The referral");
        if (referral.CaseFileId is { } caseId) await access.DemandAsync(caseId, AccessAction.Write, AuditAction.Update, ct);
        if (string.IsNullOrWhiteSpace(command.Source) && string.IsNullOrWhiteSpace(command.PrimaryNeed))
            throw ValidationFailedException.For("primaryNeed", "Choose the primary need, or where the referral came from");
        referral.Classify(command.Source, command.PrimaryNeed);
        audit.Record(AuditAction.Update, "referral", referral.Id, referral.CaseFileId, referral.ChildId,
            reason: $"Source: {Words(Domain.Journey.DfeCodes.ReferralSource, referral.Source)}; primary need: {Words(Domain.Journey.DfeCodes.PrimaryNeed, referral.PrimaryNeed)}");
        await db.SaveChangesAsync(ct);
    }

    private static string Words(Domain.Journey.DfeCodeSet set, string? code) => code is null ? "not recorded" : set.Label(code);
}

public sealed record ReferralView(
    Guid Id, Guid ChildId, string ChildName, DateOnly? ChildDateOfBirth, DateTimeOffset ReceivedAt, string ReferrerName,
    string? ReferrerAgency, string Reason, ReferralDecision Decision, DateTimeOffset? DecidedAt, string? DecidedBy,
    string? NoFurtherActionReason, Guid? CaseId, string? CaseReference, string RecordedBy, string? Source = null, string? PrimaryNeed = null);

/// <summary>Reads referrals: one, or the list awaiting a decision and recently decided.</summary>
public sealed class ReferralQueries(AppDbContext db, AuditTrail audit, CaseScope access)
{
    public async Task<ReferralView> GetAsync(Guid id, CancellationToken ct)
    {
        var view = await Query(db.Referrals.Where(r => r.Id == id)).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("The referral");
        // Once accepted, a referral is part of the child's case file: the case's access decision applies to it.
        if (view.CaseId is { } caseId) await access.DemandAsync(caseId, Domain.Access.AccessAction.Read, AuditAction.View, ct);
        audit.Record(AuditAction.View, "referral", id, view.CaseId, view.ChildId);
        await db.SaveChangesAsync(ct);
        return view;
    }

    public async Task<IReadOnlyList<ReferralView>> ListAsync(ReferralDecision? decision, int take, CancellationToken ct)
    {
        var referrals = db.Referrals.AsQueryable();
        if (decision is { } d) referrals = referrals.Where(r => r.Decision == d);
        var list = await Query(referrals.OrderByDescending(r => r.ReceivedAt).Take(take)).ToListAsync(ct);
        // An accepted referral is part of the child's case file (policy 5.2): it is listed only for
        // those the case's access decision lets read it, as opening it already was.
        var readable = await access.ReadableAsync(list.Where(r => r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct().ToList(), ct);
        list = list.Where(r => r.CaseId is not { } caseId || readable.Contains(caseId)).ToList();
        audit.Record(AuditAction.View, "referral-list", decision?.ToString(), reason: $"{list.Count} referrals listed");
        await db.SaveChangesAsync(ct);
        return list;
    }

    private IQueryable<ReferralView> Query(IQueryable<Referral> referrals) =>
        from r in referrals.AsNoTracking().Where(r => !access.HiddenChildIds().Contains(r.ChildId))
        join p in db.People on r.ChildId equals p.Id
        join recorder in db.Users on r.RecordedBy equals recorder.Id
        join decider in db.Users on r.DecidedBy equals (Guid?)decider.Id into deciders
        from decider in deciders.DefaultIfEmpty()
        join c in db.CaseFiles on r.CaseFileId equals (Guid?)c.Id into files
        from c in files.DefaultIfEmpty()
        orderby r.ReceivedAt descending
        select new ReferralView(r.Id, r.ChildId, p.GivenName + " " + p.FamilyName, p.DateOfBirth, r.ReceivedAt, r.ReferrerName,
            r.ReferrerAgency, r.Reason, r.Decision, r.DecidedAt, decider == null ? null : decider.DisplayName,
            r.NoFurtherActionReason, r.CaseFileId, c == null ? null : c.Reference, recorder.DisplayName, r.Source, r.PrimaryNeed);
}

/// <summary>Finds teams and workers by what people type: a team by name (or id), a worker by username.</summary>
public static class StaffLookup
{
    public static async Task<(Team? Team, StaffUser? Worker)> ResolveAllocationAsync(AppDbContext db, string? teamText, string? workerText, bool required, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Team? team = null;
        StaffUser? worker = null;
        if (string.IsNullOrWhiteSpace(teamText))
        {
            if (required) errors.Add("team", "Select the team the case is allocated to");
        }
        else
        {
            team = await FindTeamAsync(db, teamText, ct);
            if (team is null) errors.Add("team", $"There is no team called '{teamText.Trim()}'");
        }
        if (string.IsNullOrWhiteSpace(workerText))
        {
            if (required) errors.Add("allocatedWorker", "Select the social worker the case is allocated to");
        }
        else
        {
            var userName = workerText.Trim().ToLowerInvariant();
            worker = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == userName.ToUpperInvariant(), ct);
            if (worker is null || !worker.IsActive) errors.Add("allocatedWorker", $"There is no active user '{workerText.Trim()}'");
            else
            {
                if (!await StaffRoles.HoldsAnyAsync(db, worker.Id, [StaffRole.SocialWorker, .. StaffRole.Managers], ct))
                    errors.Add("allocatedWorker", $"{worker.DisplayName} is not a social worker or manager, so cannot hold a case");
                else if (team is not null && worker.TeamId != team.Id)
                    errors.Add("allocatedWorker", $"{worker.DisplayName} is not in {team.Name}");
            }
        }
        if (!required && (team is null) != (worker is null) && !errors.Any)
            errors.Add(team is null ? "team" : "allocatedWorker", "Give both the team and the worker, or neither");
        errors.ThrowIfAny();
        return (team, worker);
    }

    public static async Task<Team?> FindTeamAsync(AppDbContext db, string text, CancellationToken ct)
    {
        var trimmed = text.Trim();
        if (Guid.TryParse(trimmed, out var id)) return await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        var lower = trimmed.ToLowerInvariant();
        return await db.Teams.SingleOrDefaultAsync(t => t.Name.ToLower() == lower, ct);
    }
}
