using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Assessments;
using Casefile.Domain.Common;
using Casefile.Domain.Records;
using Casefile.Domain.Referrals;
using Casefile.Domain.Staff;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Assessments;

/// <summary>
/// Starts an assessment (<c>/cases/{id}/assessments</c>) or a plan, court report or final care plan
/// (<c>/cases/{id}/plans</c>) as a draft by the current user. A child and family assessment is due
/// 45 working days after the case's latest accepted referral.
/// </summary>
public sealed class StartAssessmentOrPlan(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock, BankHolidayCalendar calendars)
{
    public async Task<SavedAssessmentOrPlan> HandleAsync(Guid caseId, AssessmentOrPlanCategory category, AssessmentOrPlanCommand command, CancellationToken ct)
    {
        var (_, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Write, AuditAction.Create, ct);
        var kind = command.Kind ?? (category == AssessmentOrPlanCategory.Assessment ? AssessmentOrPlanKind.ChildAndFamilyAssessment : (AssessmentOrPlanKind?)null)
            ?? throw ValidationFailedException.For("kind", "Select the kind of plan or report");
        if (AssessmentOrPlanKinds.CategoryOf(kind) != category)
            throw ValidationFailedException.For("kind", category == AssessmentOrPlanCategory.Assessment
                ? "Start plans, court reports and final care plans under plans, not assessments"
                : "Start an assessment under assessments, not plans");
        var referral = await db.Referrals.AsNoTracking()
            .Where(r => r.CaseFileId == caseId && r.Decision == ReferralDecision.Accepted)
            .OrderByDescending(r => r.DecidedAt).Select(r => new { r.Id, r.DecidedAt }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var work = AssessmentOrPlan.Start(Guid.NewGuid(), caseId, kind, AssessmentContent.From(command), user.Id,
            referral?.Id, referral?.DecidedAt?.ToLondonDate(), await calendars.CurrentAsync(ct), now);
        if (command.Factors is { Count: > 0 }) work.SetFactors(command.Factors);
        db.AssessmentsAndPlans.Add(work);
        audit.Record(AuditAction.Create, AssessmentLoader.RecordType, work.Id, caseId, heading.ChildId, reason: AssessmentOrPlanKinds.Name(kind));
        await db.SaveChangesAsync(ct);
        return AssessmentLoader.Saved(work);
    }
}

/// <summary>The author changes a draft, or one returned to them, over the version they opened.</summary>
public sealed class ReviseAssessmentOrPlan(AppDbContext db, AssessmentLoader loader, CurrentUser user, AuditTrail audit)
{
    public async Task<SavedAssessmentOrPlan> HandleAsync(Guid id, AssessmentOrPlanCategory category, AssessmentOrPlanCommand command, CancellationToken ct)
    {
        var (work, childId) = await loader.ForChangeAsync(id, category, command.Version, AuditAction.Update, ct);
        if (command.Kind is { } kind && kind != work.Kind)
            throw ValidationFailedException.For("kind", "The kind cannot be changed once started. Start a new one instead");
        work.Revise(AssessmentContent.From(command), user.Id);
        work.SetFactors(command.Factors);
        audit.Record(AuditAction.Update, AssessmentLoader.RecordType, work.Id, work.CaseFileId, childId);
        await db.SaveChangesAsync(ct);
        return AssessmentLoader.Saved(work);
    }
}

/// <summary>The author submits it to their line manager (policy 9.2), once the family's contribution and how it was shared are recorded (3.13).</summary>
public sealed class SubmitAssessmentOrPlan(AppDbContext db, AssessmentLoader loader, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<SavedAssessmentOrPlan> HandleAsync(Guid id, AssessmentOrPlanCategory category, AssessmentOrPlanActionCommand command, CancellationToken ct)
    {
        var (work, childId) = await loader.ForChangeAsync(id, category, command.Version, "submit", ct);
        try
        {
            work.Submit(user.Id, clock.GetUtcNow());
        }
        catch (AssessmentOrPlanIncompleteException e)
        {
            throw new ValidationFailedException(e.Missing.GroupBy(m => m.Field).ToDictionary(g => g.Key, g => g.Select(m => m.Message).ToArray()));
        }
        audit.Record("submit", AssessmentLoader.RecordType, work.Id, work.CaseFileId, childId);
        await db.SaveChangesAsync(ct);
        return AssessmentLoader.Saved(work);
    }
}

/// <summary>
/// A manager in the author's line authorises (policy 9.2; a divisional manager for a final care
/// plan, 9.3). It is locked, and a line goes into the chronology.
/// </summary>
public sealed class AuthoriseAssessmentOrPlan(AppDbContext db, AssessmentLoader loader, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<SavedAssessmentOrPlan> HandleAsync(Guid id, AssessmentOrPlanCategory category, AssessmentOrPlanActionCommand command, CancellationToken ct)
    {
        var (work, childId) = await loader.ForChangeAsync(id, category, command.Version, "authorise", ct);
        var line = await LineManagers.ManagersAboveAsync(db, work.AuthorId, ct);
        var now = clock.GetUtcNow();
        try
        {
            work.Authorise(await loader.DeciderAsync(ct), line, now);
        }
        catch (RuleViolationException e) when (e is not StateConflictException)
        {
            await audit.RecordRefusalAsync("authorise", AssessmentLoader.RecordType, work.Id, work.CaseFileId, e.Message, ct);
            throw;
        }
        var name = AssessmentOrPlanKinds.Name(work.Kind);
        var order = work.Content.OrderSought is { } o ? $" For a {AssessmentOrPlanKinds.Name(o)}." : "";
        var nfa = work.Content.RecommendsNoFurtherAction ? " Recommends no further action." : "";
        db.Chronology.Add(new ChronologyEntry(work.CaseFileId, now, ChronologyKind.AssessmentOrPlanAuthorised, $"{name} authorised",
            $"Authorised by {user.DisplayName}.{order}{nfa} {work.Content.Summary}", work.Id, user.Id, significant: true));
        audit.Record("authorise", AssessmentLoader.RecordType, work.Id, work.CaseFileId, childId);
        await db.SaveChangesAsync(ct);
        return AssessmentLoader.Saved(work);
    }
}

/// <summary>A manager in the author's line returns it with reasons; the author changes it and submits it again.</summary>
public sealed class ReturnAssessmentOrPlan(AppDbContext db, AssessmentLoader loader, AuditTrail audit, TimeProvider clock)
{
    public async Task<SavedAssessmentOrPlan> HandleAsync(Guid id, AssessmentOrPlanCategory category, ReturnAssessmentOrPlanCommand command, CancellationToken ct)
    {
        var (work, childId) = await loader.ForChangeAsync(id, category, command.Version, "return", ct);
        var line = await LineManagers.ManagersAboveAsync(db, work.AuthorId, ct);
        try
        {
            work.Return(await loader.DeciderAsync(ct), line, command.Reason, clock.GetUtcNow());
        }
        catch (RuleViolationException e) when (e is not StateConflictException && e.Field is null)
        {
            await audit.RecordRefusalAsync("return", AssessmentLoader.RecordType, work.Id, work.CaseFileId, e.Message, ct);
            throw;
        }
        audit.Record("return", AssessmentLoader.RecordType, work.Id, work.CaseFileId, childId, reason: work.ReturnReason);
        await db.SaveChangesAsync(ct);
        return AssessmentLoader.Saved(work);
    }
}

/// <summary>An authorised plan ends on a date (a child protection plan ended at review, say); a line goes into the chronology.</summary>
public sealed class EndPlan(AppDbContext db, AssessmentLoader loader, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<SavedAssessmentOrPlan> HandleAsync(Guid id, EndPlanCommand command, CancellationToken ct)
    {
        var (work, childId) = await loader.ForChangeAsync(id, AssessmentOrPlanCategory.Plan, command.Version, "end", ct);
        if (command.EndedOn is not { } endedOn) throw ValidationFailedException.For("endedOn", "Enter the date the plan ended");
        work.End(endedOn, command.Reason, user.Id, clock.Today());
        db.Chronology.Add(new ChronologyEntry(work.CaseFileId, clock.GetUtcNow(), ChronologyKind.PlanEnded,
            $"{AssessmentOrPlanKinds.Name(work.Kind)} ended on {endedOn.Display()}", work.EndReason, work.Id, user.Id, significant: true));
        audit.Record("end", AssessmentLoader.RecordType, work.Id, work.CaseFileId, childId, reason: work.EndReason);
        await db.SaveChangesAsync(ct);
        return AssessmentLoader.Saved(work);
    }
}

/// <summary>Loads an assessment or plan for a change, after the access policy allows writing to its case.</summary>
public sealed class AssessmentLoader(AppDbContext db, CaseScope access, CurrentUser user)
{
    public const string RecordType = "assessment-or-plan";

    public async Task<(AssessmentOrPlan Work, Guid ChildId)> ForChangeAsync(Guid id, AssessmentOrPlanCategory category, Guid? version, string auditAction, CancellationToken ct)
    {
        var caseId = await CaseOfAsync(db, id, category, ct);
        var (_, heading) = await access.DemandWithHeadingAsync(caseId, AccessAction.Write, auditAction, ct);
        var work = await db.AssessmentsAndPlans.SingleAsync(w => w.Id == id, ct);
        if (version is { } v && v != work.Version)
            throw new StateConflictException("stale-edit", "This was changed after you opened it (perhaps in another window). Reload it, check the changes, and try again.");
        return (work, heading.ChildId);
    }

    /// <summary>The case of an assessment (under /assessments) or a plan (under /plans); the other category's id is not found.</summary>
    public static async Task<Guid> CaseOfAsync(AppDbContext db, Guid id, AssessmentOrPlanCategory category, CancellationToken ct)
    {
        var row = await db.AssessmentsAndPlans.Where(w => w.Id == id).Select(w => new { w.CaseFileId, w.Kind }).SingleOrDefaultAsync(ct);
        if (row is null || AssessmentOrPlanKinds.CategoryOf(row.Kind) != category)
            throw new NotFoundException(category == AssessmentOrPlanCategory.Assessment ? "The assessment" : "The plan");
        return row.CaseFileId;
    }

    /// <summary>For pages, which serve both categories under one address.</summary>
    public static async Task<AssessmentOrPlanCategory> CategoryOfAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var kind = await db.AssessmentsAndPlans.Where(w => w.Id == id).Select(w => (AssessmentOrPlanKind?)w.Kind).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The assessment or plan");
        return AssessmentOrPlanKinds.CategoryOf(kind);
    }

    public async Task<Decider> DeciderAsync(CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        return new Decider(user.Id, viewer.May(StaffCapability.AuthoriseWork), viewer.May(StaffCapability.ValidateFinalCarePlans));
    }

    public static SavedAssessmentOrPlan Saved(AssessmentOrPlan w) => new(w.Id, w.CaseFileId, w.Kind, w.Status, w.DueBy, w.Version);
}

internal static class AssessmentContent
{
    public static AssessmentOrPlanContent From(AssessmentOrPlanCommand c) =>
        new(c.Summary, c.FamilyContribution, c.HowShared, c.OrderSought, c.RecommendsNoFurtherAction == true);
}
