using Casefile.Data;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Records;

/// <summary>Carry on writing a draft: saved as the worker types, and finalised from here.</summary>
public sealed class EditModel(AppDbContext db, RecordLoader loader, GetRecord getRecord, ReviseRecord revise, FinaliseRecord finalise, PlainLanguage.PlainLanguageList plainLanguage,
    Documents.RestrictedSection restricted)
    : RecordFormPage(db, plainLanguage.CurrentAsync, restricted)
{
    public Guid RecordId { get; private set; }
    public override string FormAction => $"/records/{RecordId}/edit";
    public override bool IsNew => false;

    public async Task<IActionResult> OnGetAsync(Guid id, bool? finalise, CancellationToken ct)
    {
        var record = await getRecord.HandleAsync(id, ct);
        if (!record.CanEdit) return Redirect($"/records/{id}");
        Show(record);
        Input = RecordInput.From(record);
        await LoadFormAsync(ct);
        if (finalise == true)
        {
            try
            {
                Domain.Records.CaseRecordRules.CompleteBeforeFinalising(record.Content);
            }
            catch (Domain.Records.RecordIncompleteException e)
            {
                foreach (var (field, message) in e.Missing) ModelState.AddModelError(RecordInput.FormKey(field) ?? "Input." + char.ToUpperInvariant(field[0]) + field[1..], message);
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await ShowAsync(id, ct);
        return await TryAsync(async () =>
        {
            var saved = await SaveAsync(id, ct);
            TempData["Confirmation"] = $"Draft saved. Finalise it by {saved.RecordBy.Display()}.";
            return Redirect($"/records/{id}/edit");
        }, RecordInput.FormKey);
    }

    public async Task<IActionResult> OnPostFinaliseAsync(Guid id, CancellationToken ct)
    {
        await ShowAsync(id, ct);
        return await TryAsync(async () =>
        {
            var saved = await SaveAsync(id, ct);
            var done = await finalise.HandleAsync(id, new FinaliseCommand(saved.Version, Input.ConfirmOtherChildren), ct);
            TempData["Confirmation"] = NewModel.FinaliseMessage(done);
            return Redirect($"/records/{id}");
        }, RecordInput.FormKey);
    }

    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken ct)
    {
        await ShowAsync(id, ct);
        return await AutosaveAnswerAsync(() => SaveAsync(id, ct), ct);
    }

    private async Task<SavedRecord> SaveAsync(Guid id, CancellationToken ct)
    {
        var (command, errors) = Command();
        errors.ThrowIfAny();
        var saved = await revise.HandleAsync(id, command, ct);
        Input.Version = saved.Version;
        return saved;
    }

    /// <summary>
    /// The page's heading for a post. Not audited as a view: the save that follows is audited,
    /// and the record's own access check runs in the handler.
    /// </summary>
    private async Task ShowAsync(Guid id, CancellationToken ct)
    {
        var head = await (from r in Db.CaseRecords
                          where r.Id == id
                          join c in Db.CaseFiles on r.CaseFileId equals c.Id
                          join p in Db.People on c.ChildId equals p.Id
                          select new { c.Id, c.Reference, c.ChildId, Name = p.GivenName + " " + p.FamilyName, r.RecordBy, r.RecordedBy, r.Status })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("The record");
        // The author finishes their draft even after the case has moved away from them (policy 3.8, 6.6).
        await loader.OpenAsAuthorAsync(head.Id, head.RecordedBy, head.Status == Domain.Records.CaseRecordStatus.Draft, Domain.Access.AccessAction.Write, AuditAction.Update, ct);
        (RecordId, CaseId, ChildId, ChildName, CaseReference, RecordBy) = (id, head.Id, head.ChildId, head.Name, head.Reference, head.RecordBy);
        await LoadFormAsync(ct);
    }

    private void Show(RecordView record)
    {
        RecordId = record.Id;
        CaseId = record.CaseId;
        ChildId = record.ChildId;
        ChildName = record.ChildName;
        CaseReference = record.CaseReference;
        RecordBy = record.RecordBy;
    }
}
