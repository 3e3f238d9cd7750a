using Casefile.Data;
using Casefile.Domain.Records;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Records;

/// <summary>
/// What the new-record and edit-draft pages share: the form, the people who can be ticked as
/// present, plain-language hints, the duplicate-visit question and the autosave answer.
/// </summary>
public abstract class RecordFormPage(AppDbContext db, Func<CancellationToken, Task<PlainLanguageGuide>> guide, Documents.RestrictedSection restricted) : CasefilePageModel
{
    protected AppDbContext Db { get; } = db;

    [BindProperty]
    public RecordInput Input { get; set; } = new();

    public Guid CaseId { get; protected set; }
    public Guid ChildId { get; protected set; }
    public string ChildName { get; protected set; } = "";
    public string CaseReference { get; protected set; } = "";
    public IReadOnlyList<(Guid Id, string Name, string Role)> RegisterPeople { get; private set; } = [];
    public IReadOnlyList<PlainLanguageHint> Hints { get; private set; } = [];

    /// <summary>The case's documents, offered as "Documents this record refers to".</summary>
    public IReadOnlyList<(Guid Id, string Label)> CaseDocuments { get; private set; } = [];
    public ExistingRecordSummary? Duplicate { get; protected set; }
    public DateOnly? RecordBy { get; protected set; }
    public abstract string FormAction { get; }
    public abstract bool IsNew { get; }

    protected async Task LoadFormAsync(CancellationToken ct)
    {
        RegisterPeople = await RecordFormOptions.RegisterPeopleAsync(Db, ChildId, ct);
        CaseDocuments = await RecordFormOptions.CaseDocumentsAsync(Db, CaseId, await restricted.MayOpenAsync(CaseId, ct), ct);
        Hints = await HintsAsync(ct);
    }

    protected async Task<IReadOnlyList<PlainLanguageHint>> HintsAsync(CancellationToken ct)
    {
        var g = await guide(ct);
        // Policy 3.1: the parts a family will read are checked; each hint says which part it is in.
        return [.. new[] { Input.Purpose, Input.Outcome, Input.Narrative, Input.ChildViews, Input.FamilyViews }
            .Where(t => !string.IsNullOrWhiteSpace(t)).SelectMany(t => g.Check(t)).DistinctBy(h => (h.Kind, h.Found)).Take(30)];
    }

    protected (RecordCommand Command, ValidationErrors Errors) Command() =>
        Input.ToCommand(RegisterPeople.ToDictionary(p => p.Id, p => p.Role));

    /// <summary>The answer to an autosave: saved or why not, and the hints for what is written so far.</summary>
    protected async Task<IActionResult> AutosaveAnswerAsync(Func<Task<SavedRecord>> save, CancellationToken ct)
    {
        var hints = (await HintsAsync(ct)).Select(h => new { kind = h.Kind.ToString(), found = h.Found, advice = h.Advice });
        try
        {
            var saved = await save();
            return new JsonResult(new
            {
                saved = true,
                id = saved.Id,
                version = saved.Version,
                editUrl = $"/records/{saved.Id}/edit",
                savedAt = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToLondon().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                recordBy = saved.RecordBy.Display(),
                hints,
            });
        }
        catch (Exception e) when (e is ValidationFailedException or Domain.Common.RuleViolationException or PossibleDuplicateRecordException or AccessDeniedException)
        {
            var message = e is ValidationFailedException v ? string.Join(" ", v.Errors.SelectMany(x => x.Value).Take(2)) : e.Message;
            return new JsonResult(new { saved = false, message, stale = e is Domain.Common.StateConflictException { Rule: "stale-edit" }, hints });
        }
    }
}
