using Casefile.Domain.Records;
using Casefile.Domain.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.PlainLanguage;

/// <summary>
/// Administrators keep the council's plain-language list (policy 3.1) and try words
/// against the saved list. A list with a line Casefile cannot read is not saved: every such line is
/// shown, with the text exactly as typed.
/// </summary>
[Authorize(Policy = Hosting.Policies.Administer)]
public sealed class EditModel(GetPlainLanguageList getList, SavePlainLanguageList save, CheckPlainLanguage check) : CasefilePageModel
{
    public const string Path = "/admin/plain-language";

    public PlainLanguageListView List { get; private set; } = null!;

    [BindProperty]
    public string? ListText { get; set; }

    [BindProperty]
    public string? CheckText { get; set; }

    /// <summary>The advice for <see cref="CheckText"/>, once the administrator has asked for it.</summary>
    public IReadOnlyList<PlainLanguageHint>? Hints { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(keepTyped: false, ct);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => TryAsync(async () =>
    {
        await save.HandleAsync(new SavePlainLanguageListCommand(ListText), ct);
        TempData["Confirmation"] = "The plain language list is saved. Casefile uses it from now on.";
        return Redirect(Path);
    }, field => field == "text" ? nameof(ListText) : null, () => LoadAsync(keepTyped: true, ct));

    public Task<IActionResult> OnPostResetAsync(CancellationToken ct) => TryAsync(async () =>
    {
        await save.ResetAsync(ct);
        TempData["Confirmation"] = "Casefile is using the list it came with again.";
        return Redirect(Path);
    }, reload: () => LoadAsync(keepTyped: true, ct));

    // Checking changes nothing, so the advice is shown straight away rather than after a redirect.
    public Task<IActionResult> OnPostCheckAsync(CancellationToken ct) => TryAsync(async () =>
    {
        Hints = await check.HandleAsync(new CheckPlainLanguageCommand(CheckText), ct);
        await LoadAsync(keepTyped: false, ct);
        return Page();
    }, field => field == "text" ? nameof(CheckText) : null, () => LoadAsync(keepTyped: false, ct));

    private async Task LoadAsync(bool keepTyped, CancellationToken ct)
    {
        List = await getList.HandleAsync(ct);
        if (!keepTyped) ListText = List.Text;
    }

    /// <summary>What the page calls each kind of advice.</summary>
    public static string KindName(PlainLanguageHintKind kind) => kind switch
    {
        PlainLanguageHintKind.Jargon => "Jargon",
        PlainLanguageHintKind.Abbreviation => "Abbreviation not explained",
        PlainLanguageHintKind.LongSentence => "Long sentence",
        _ => kind.ToString(),
    };
}
