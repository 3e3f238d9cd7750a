using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Casefile.Domain.Common;
using Casefile.Domain.Retention;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Retention;

public sealed record AddRetentionCategoryCommand(string? Category, string? Reason, DateOnly? EventDate, bool DeceasedOrWithdrawn = false);

public sealed record CareEventCommand(CareEventKind? Kind, DateOnly? From, DateOnly? To, string? Note);

public sealed record LegalHoldCommand(LegalHoldKind? Kind, string? Reason);

public sealed record ReasonOnlyCommand(string? Reason);

public sealed record CategoryView(string Category, string Name, string Source, DateOnly? EventDate);

public sealed record CandidateView(string RuleId, string Category, string Title, string Period, DateOnly? Date, bool Permanent, string? NotYetKnownBecause, string Text, string? Assumption);

public sealed record ReviewDateView(string RuleId, DateOnly Date, string Reason);

public sealed record HoldView(Guid Id, LegalHoldKind Kind, string KindName, string Reason, string PlacedBy, DateTimeOffset PlacedAt, string? LiftedBy,
    DateTimeOffset? LiftedAt, string? LiftReason, bool Active);

public sealed record CareEventView(Guid Id, CareEventKind Kind, string KindName, DateOnly From, DateOnly? To, string? Note);

public sealed record RetentionView(
    Guid CaseId, string CaseReference, CaseStatus Status, IReadOnlyList<CategoryView> Categories, string Action, DateOnly? Date, string? RuleId,
    string Explanation, IReadOnlyList<CandidateView> Candidates, IReadOnlyList<ReviewDateView> Reviews, IReadOnlyList<HoldView> Holds,
    IReadOnlyList<CareEventView> CareEvents, int ScheduleVersion, DisposalItem? OnDisposalList);

/// <summary>How the API and pages name a decision's action.</summary>
public static class RetentionActions
{
    public static string Id(RetentionAction action) => action switch
    {
        RetentionAction.Destroy => "destroy",
        RetentionAction.Review => "review",
        RetentionAction.RetainPermanently => "retain-permanently",
        _ => "not-yet-known",
    };

    public static string Describe(RetentionAction action, DateOnly? date) => action switch
    {
        RetentionAction.Destroy => $"Destroy on {RetentionDecider.Day(date!.Value)}",
        RetentionAction.Review => $"Review on {RetentionDecider.Day(date!.Value)}",
        RetentionAction.RetainPermanently => "Keep permanently",
        _ => "No date yet",
    };
}

/// <summary>
/// Records managers' work (policy 8): only they add categories, place and lift holds, and decide
/// disposal. Anyone else is refused, and the refusal is audited.
/// </summary>
public sealed class RecordsManagerGate(CurrentUser user, AuditTrail audit)
{
    public const string Refusal = "Only records managers decide how long files are kept and when they are destroyed.";

    public async Task DemandAsync(string action, string recordType, object? recordId, Guid? caseId, CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        if (viewer.May(StaffCapability.ManageRetention)) return;
        await audit.RecordRefusalAsync(action, recordType, recordId, caseId, "Not a records manager", ct);
        throw new AccessDeniedException(Refusal, "Ask the council's records manager.");
    }
}

/// <summary>A case's retention: its categories and where each came from, the decision and why, holds and care events.</summary>
public sealed class GetRetention(AppDbContext db, CaseScope access, AuditTrail audit, RetentionFactsLoader loader, RetentionSchedules schedules,
    DisposalQueries disposals, TimeProvider clock)
{
    public async Task<RetentionView> HandleAsync(Guid caseId, CancellationToken ct)
    {
        var (decision, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Read, AuditAction.View, ct);
        var view = await BuildAsync(db, caseId, loader, schedules, disposals, clock, ct);
        audit.Record(AuditAction.View, "case-retention", caseId, caseId, heading.ChildId, reason: decision.IsEmergency ? "Emergency access" : null);
        await db.SaveChangesAsync(ct);
        return view;
    }

    internal static async Task<RetentionView> BuildAsync(AppDbContext db, Guid caseId, RetentionFactsLoader loader, RetentionSchedules schedules,
        DisposalQueries disposals, TimeProvider clock, CancellationToken ct)
    {
        var file = await loader.ForCaseAsync(caseId, ct) ?? throw new NotFoundException("The case file");
        var schedule = await schedules.CurrentAsync(ct);
        var decided = RetentionDecider.Decide(schedule, file.Facts, clock.Today());
        var holds = await (from h in db.LegalHolds.AsNoTracking()
                           where h.CaseFileId == caseId
                           join p in db.Users on h.PlacedBy equals p.Id
                           join l in db.Users on h.LiftedBy equals l.Id into lifted
                           from l in lifted.DefaultIfEmpty()
                           orderby h.PlacedAt descending
                           select new { h, Placer = p.DisplayName, Lifter = l == null ? null : l.DisplayName }).ToListAsync(ct);
        var events = await db.CareEvents.AsNoTracking().Where(e => e.CaseFileId == caseId).OrderBy(e => e.From).ToListAsync(ct);
        var listed = (await disposals.ItemsAsync(db.DisposalReviews.Where(r => r.CaseFileId == caseId && (r.Status == DisposalReviewStatus.Due
            || r.Status == DisposalReviewStatus.DestructionProposed)), ct)).FirstOrDefault();
        return new RetentionView(
            caseId, file.Reference, file.Status,
            file.Facts.Categories.Select(c => new CategoryView(RetentionNames.Id(c.Category), RetentionNames.Name(c.Category), c.Source, c.EventDate))
                .Append(new CategoryView("other", RetentionNames.Name(RetentionCategory.Other), "always applies", null)).ToList(),
            RetentionActions.Id(decided.Action), decided.Date, decided.RuleId, decided.Explanation,
            decided.Candidates.Select(c => new CandidateView(c.Rule.Id, RetentionNames.Id(c.Rule.Category), c.Rule.Title, c.Rule.PeriodText, c.Date, c.Permanent,
                c.NotYetKnownBecause, c.Text, c.Rule.Assumption)).ToList(),
            decided.Reviews.Select(r => new ReviewDateView(r.RuleId, r.Date, r.Reason)).ToList(),
            holds.Select(x => new HoldView(x.h.Id, x.h.Kind, LegalHold.Describe(x.h.Kind), x.h.Reason, x.Placer, x.h.PlacedAt, x.Lifter, x.h.LiftedAt, x.h.LiftReason,
                x.h.LiftedAt == null)).ToList(),
            events.Select(e => new CareEventView(e.Id, e.Kind, CareEvent.Describe(e.Kind), e.From, e.To, e.Note)).ToList(),
            schedule.Version, listed);
    }
}

/// <summary>A records manager adds a category to a file, with the reason and, where its rule counts from one, the event's date.</summary>
public sealed class AddRetentionCategory(AppDbContext db, CaseScope access, RecordsManagerGate gate, CurrentUser user, AuditTrail audit,
    RetentionSchedules schedules, TimeProvider clock)
{
    public async Task<RetentionCategoryAssignment> HandleAsync(Guid caseId, AddRetentionCategoryCommand command, CancellationToken ct)
    {
        await gate.DemandAsync(AuditAction.Create, "retention-category", null, caseId, ct);
        var (_, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Read, AuditAction.Create, ct);
        if (!RetentionNames.TryCategory(command.Category, out var category))
            throw new RuleViolationException("unknown-category", $"Choose a category: one of {string.Join(", ", RetentionNames.CategoryIds.Where(c => c != "other"))}", "category");
        var schedule = await schedules.CurrentAsync(ct);
        var assignment = new RetentionCategoryAssignment(Guid.NewGuid(), caseId, category, command.Reason, command.EventDate, command.DeceasedOrWithdrawn,
            schedule, user.Id, clock.GetUtcNow(), clock.Today());
        db.RetentionCategoryAssignments.Add(assignment);
        audit.Record(AuditAction.Create, "retention-category", assignment.Id, caseId, heading.ChildId, reason: RetentionNames.Id(category));
        await db.SaveChangesAsync(ct);
        return assignment;
    }
}

/// <summary>Records a period looked after, a private fostering notification or an adoption order on the child's case (the case's workers and managers).</summary>
public sealed class RecordCareEvent(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<CareEvent> HandleAsync(Guid caseId, CareEventCommand command, CancellationToken ct)
    {
        var (_, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Write, AuditAction.Create, ct);
        if (command.Kind is not { } kind)
            throw new RuleViolationException("required", "Choose what happened: looked after, private fostering notified, or adoption order", "kind");
        var care = new CareEvent(Guid.NewGuid(), caseId, kind, command.From, command.To, command.Note, user.Id, clock.GetUtcNow(), clock.Today());
        db.CareEvents.Add(care);
        audit.Record(AuditAction.Create, "care-event", care.Id, caseId, heading.ChildId);
        await db.SaveChangesAsync(ct);
        return care;
    }
}

/// <summary>Legal holds (litigation, inquiry, access request in progress): placed and lifted by records managers, with reasons.</summary>
public sealed class LegalHolds(AppDbContext db, CaseScope access, RecordsManagerGate gate, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<LegalHold> PlaceAsync(Guid caseId, LegalHoldCommand command, CancellationToken ct)
    {
        await gate.DemandAsync(AuditAction.Create, "legal-hold", null, caseId, ct);
        var (_, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Read, AuditAction.Create, ct);
        var errors = new ValidationErrors();
        if (command.Kind is null) errors.Add("kind", "Choose the kind of hold: litigation, inquiry or access request");
        errors.Required(command.Reason, "reason", "Say why the file is held, for example the claim or inquiry", LegalHold.ReasonLength);
        errors.ThrowIfAny();
        var hold = new LegalHold(Guid.NewGuid(), caseId, command.Kind!.Value, command.Reason, user.Id, clock.GetUtcNow());
        db.LegalHolds.Add(hold);
        audit.Record(AuditAction.Create, "legal-hold", hold.Id, caseId, heading.ChildId, reason: hold.Reason);
        await db.SaveChangesAsync(ct);
        return hold;
    }

    public async Task<LegalHold> LiftAsync(Guid holdId, ReasonOnlyCommand command, CancellationToken ct)
    {
        var hold = await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == holdId, ct) ?? throw new NotFoundException("The legal hold");
        await gate.DemandAsync(AuditAction.Update, "legal-hold", holdId, hold.CaseFileId, ct);
        var (_, heading) = await access.DemandWithHeadingAsync(hold.CaseFileId, AccessAction.Read, AuditAction.Update, ct);
        hold.Lift(user.Id, command.Reason, clock.GetUtcNow());
        audit.Record("lift", "legal-hold", hold.Id, hold.CaseFileId, heading.ChildId, reason: hold.LiftReason);
        await db.SaveChangesAsync(ct);
        return hold;
    }
}
