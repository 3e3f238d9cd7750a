using Casefile.Domain.Access;
using Casefile.Domain.Retention;
using Casefile.Domain.Staff;
using Casefile.Web.Govuk;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casefile.Web.Features.Retention;

/// <summary>
/// How long a case file is kept (policy 8): the decision and why, its categories and where each came
/// from, care events, legal holds. Workers record care events; records managers add categories and
/// place or lift holds.
/// </summary>
public sealed class CaseRetentionModel(GetRetention get, RecordCareEvent care, AddRetentionCategory categories, LegalHolds holds, CurrentUser user)
    : CasefilePageModel
{
    public RetentionView? View { get; private set; }
    public string? Refusal { get; private set; }
    public bool IsRecordsManager { get; private set; }

    [BindProperty] public CareInput Care { get; set; } = new();
    [BindProperty] public CategoryInput Category { get; set; } = new();
    [BindProperty] public HoldInput Hold { get; set; } = new();
    [BindProperty] public LiftInput Lift { get; set; } = new();

    public sealed class CareInput
    {
        public CareEventKind? Kind { get; set; }
        public DateParts From { get; set; } = new();
        public DateParts To { get; set; } = new();
        public string? Note { get; set; }
    }

    public sealed class CategoryInput
    {
        public string? Category { get; set; }
        public string? Reason { get; set; }
        public DateParts EventDate { get; set; } = new();
        public bool DeceasedOrWithdrawn { get; set; }
    }

    public sealed class HoldInput
    {
        public LegalHoldKind? Kind { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class LiftInput
    {
        public Guid HoldId { get; set; }
        public string? Reason { get; set; }
    }

    public static IEnumerable<SelectListItem> CareKinds =>
        Enum.GetValues<CareEventKind>().Select(k => new SelectListItem(CareEvent.Describe(k), k.ToString()));

    public static IEnumerable<SelectListItem> HoldKinds =>
        Enum.GetValues<LegalHoldKind>().Select(k => new SelectListItem(LegalHold.Describe(k), k.ToString()));

    public static IEnumerable<SelectListItem> Categories => new[] { new SelectListItem("Choose a category", "") }
        .Concat(RetentionNames.AllCategories.Where(c => c != RetentionCategory.Other).Select(c => new SelectListItem(RetentionNames.Name(c), RetentionNames.Id(c))));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCareAsync(Guid id, CancellationToken ct)
    {
        ClearExcept("Care.");
        var from = Date(Care.From, "Care.From", "the date");
        var to = Date(Care.To, "Care.To", "the end date");
        if (!ModelState.IsValid) return await ReloadAsync(id, ct);
        return await TryAsync(async () =>
        {
            await care.HandleAsync(id, new CareEventCommand(Care.Kind, from, to, Care.Note), ct);
            TempData["Confirmation"] = "Recorded. The file's categories and retention date now include it.";
            return Redirect($"/cases/{id}/retention");
        }, f => "Care." + Cap(f), () => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostCategoryAsync(Guid id, CancellationToken ct)
    {
        ClearExcept("Category.");
        var on = Date(Category.EventDate, "Category.EventDate", "the date");
        if (!ModelState.IsValid) return await ReloadAsync(id, ct);
        return await TryAsync(async () =>
        {
            await categories.HandleAsync(id, new AddRetentionCategoryCommand(Category.Category, Category.Reason, on, Category.DeceasedOrWithdrawn), ct);
            TempData["Confirmation"] = "Category added.";
            return Redirect($"/cases/{id}/retention");
        }, f => "Category." + Cap(f), () => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostHoldAsync(Guid id, CancellationToken ct)
    {
        ClearExcept("Hold.");
        return await TryAsync(async () =>
        {
            await holds.PlaceAsync(id, new LegalHoldCommand(Hold.Kind, Hold.Reason), ct);
            TempData["Confirmation"] = "Legal hold placed. The file will not be destroyed until it is lifted.";
            return Redirect($"/cases/{id}/retention");
        }, f => "Hold." + Cap(f), () => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostLiftAsync(Guid id, CancellationToken ct)
    {
        ClearExcept("Lift.");
        return await TryAsync(async () =>
        {
            await holds.LiftAsync(Lift.HoldId, new ReasonOnlyCommand(Lift.Reason), ct);
            TempData["Confirmation"] = "Legal hold lifted.";
            return Redirect($"/cases/{id}/retention");
        }, f => "Lift." + Cap(f), () => LoadAsync(id, ct));
    }

    private static string Cap(string f) => f.Length == 0 ? f : char.ToUpperInvariant(f[0]) + f[1..];

    private void ClearExcept(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        foreach (var key in ModelState.Keys.ToList()) ModelState[key]!.Errors.Clear();
    }

    private DateOnly? Date(DateParts parts, string key, string what)
    {
        if (parts.IsEmpty) return null;
        if (parts.TryGetDate(what, out var d, out var error)) return d;
        ModelState.AddModelError(key, error!);
        return null;
    }

    private async Task<IActionResult> ReloadAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        IsRecordsManager = (await user.ViewerAsync(ct)).May(StaffCapability.ManageRetention);
        try
        {
            View = await get.HandleAsync(id, ct);
        }
        catch (AccessDeniedException e)
        {
            Refusal = $"{e.Message} {e.HowToGetAccess}";
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}
