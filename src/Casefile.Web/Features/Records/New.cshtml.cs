using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Records;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Records;

/// <summary>Start a case record on a child's file; it is a draft until finalised.</summary>
public sealed class NewModel(AppDbContext db, CaseScope access, AuditTrail audit, StartRecord start, FinaliseRecord finalise, PlainLanguage.PlainLanguageList plainLanguage, TimeProvider clock,
    Documents.RestrictedSection restricted)
    : RecordFormPage(db, plainLanguage.CurrentAsync, restricted)
{
    public override string FormAction => $"/cases/{CaseId}/records/new";
    public override bool IsNew => true;

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        await LoadCaseAsync(caseId, ct);
        audit.Record(AuditAction.View, "case", caseId, caseId, ChildId, reason: "Opened the form to write a record");
        await Db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow().ToLondon();
        Input.OccurredOn = Govuk.DateParts.From(DateOnly.FromDateTime(now.DateTime));
        await LoadFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        await LoadCaseAsync(caseId, ct);
        await LoadFormAsync(ct);
        return await TryAsync(async () =>
        {
            var saved = await SaveAsync(caseId, ct);
            TempData["Confirmation"] = "Draft saved. Finish it and finalise it by " + saved.RecordBy.Display() + ".";
            return Redirect($"/records/{saved.Id}/edit");
        }, RecordInput.FormKey);
    }

    public async Task<IActionResult> OnPostFinaliseAsync(Guid caseId, CancellationToken ct)
    {
        await LoadCaseAsync(caseId, ct);
        await LoadFormAsync(ct);
        return await TryAsync(async () =>
        {
            var saved = await SaveAsync(caseId, ct);
            try
            {
                var done = await finalise.HandleAsync(saved.Id, new FinaliseCommand(saved.Version, Input.ConfirmOtherChildren), ct);
                TempData["Confirmation"] = FinaliseMessage(done);
                return Redirect($"/records/{saved.Id}");
            }
            catch (ValidationFailedException)
            {
                TempData["Confirmation"] = "Draft saved, but it is not finished yet: see what is missing below.";
                return Redirect($"/records/{saved.Id}/edit?finalise=1");
            }
        }, RecordInput.FormKey);
    }

    public async Task<IActionResult> OnPostAutosaveAsync(Guid caseId, CancellationToken ct)
    {
        await LoadCaseAsync(caseId, ct);
        await LoadFormAsync(ct);
        return await AutosaveAnswerAsync(() => SaveAsync(caseId, ct), ct);
    }

    internal static string FinaliseMessage(FinalisedRecord done) => done.Late
        ? $"Record finalised. It was {done.WorkingDaysLate} working {(done.WorkingDaysLate == 1 ? "day" : "days")} late (due by {done.RecordBy.Display()})."
        : "Record finalised on time. It is now locked: add an addendum if anything needs correcting.";

    private async Task<SavedRecord> SaveAsync(Guid caseId, CancellationToken ct)
    {
        var (command, errors) = Command();
        errors.ThrowIfAny();
        try
        {
            return await start.HandleAsync(caseId, command, ct);
        }
        catch (PossibleDuplicateRecordException e)
        {
            Duplicate = e.Existing;
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["confirmedNotDuplicate"] = [e.Message] });
        }
    }

    private async Task LoadCaseAsync(Guid caseId, CancellationToken ct)
    {
        await access.DemandAsync(caseId, AccessAction.Write, AuditAction.Create, ct);
        var row = await (from c in Db.CaseFiles
                         where c.Id == caseId
                         join p in Db.People on c.ChildId equals p.Id
                         select new { c.Reference, c.ChildId, Name = p.GivenName + " " + p.FamilyName }).SingleAsync(ct);
        (CaseId, ChildId, ChildName, CaseReference) = (caseId, row.ChildId, row.Name, row.Reference);
    }
}
