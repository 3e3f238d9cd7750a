using Casefile.Domain.Closure;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Features.Closure;

/// <summary>
/// Administrators word the two standard closure letters (policy 6.4, Appendix 2) that admin officers
/// send when a case closes. A template with a placeholder Casefile does not know, or without the
/// required ones, is not saved: every problem is shown, with the text exactly as typed.
/// </summary>
[Authorize(Policy = Hosting.Policies.Administer)]
public sealed class LetterTemplatesModel(GetClosureLetterTemplate get, SaveClosureLetterTemplate save, IOptions<CasefileOptions> options) : CasefilePageModel
{
    public const string BasePath = "/admin/closure-letters";

    public ClosureLetterKind Kind { get; private set; }

    public ClosureLetterTemplateView Template { get; private set; } = null!;

    [BindProperty]
    public string? TemplateText { get; set; }

    /// <summary>The letter filled in with made-up details, once the administrator has asked to see it.</summary>
    public IReadOnlyList<string>? Preview { get; private set; }

    /// <summary>The made-up details a preview is filled in with.</summary>
    public LetterFields SampleFields => new("Amy Smith", Kind == ClosureLetterKind.ParentsOrCarers ? "Jo Smith" : "Mrs Patel", "CF-000123",
        "Amara Osei", "Northgate Children's Team", new DateOnly(2026, 11, 24), "The school nurse will keep seeing Amy every month.", options.Value.CouncilName);

    public static string PathFor(ClosureLetterKind kind) => $"{BasePath}/{ClosureLetterKinds.Slug(kind)}";

    public async Task<IActionResult> OnGetAsync(string? kind, CancellationToken ct)
    {
        if (!TryKind(kind)) return NotFound();
        await LoadAsync(keepTyped: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? kind, CancellationToken ct)
    {
        if (!TryKind(kind)) return NotFound();
        return await TryAsync(async () =>
        {
            await save.HandleAsync(Kind, new SaveClosureLetterTemplateCommand(TemplateText), ct);
            TempData["Confirmation"] = $"The {ClosureLetterKinds.Describe(Kind).ToLowerInvariant()} is saved. Casefile uses it from now on.";
            return Redirect(PathFor(Kind));
        }, FieldMap, () => LoadAsync(keepTyped: true, ct));
    }

    public async Task<IActionResult> OnPostResetAsync(string? kind, CancellationToken ct)
    {
        if (!TryKind(kind)) return NotFound();
        return await TryAsync(async () =>
        {
            await save.ResetAsync(Kind, ct);
            TempData["Confirmation"] = $"Casefile is using the {ClosureLetterKinds.Describe(Kind).ToLowerInvariant()} it came with again.";
            return Redirect(PathFor(Kind));
        }, reload: () => LoadAsync(keepTyped: true, ct));
    }

    // A preview changes nothing, so it is shown straight away rather than after a redirect.
    public async Task<IActionResult> OnPostPreviewAsync(string? kind, CancellationToken ct)
    {
        if (!TryKind(kind)) return NotFound();
        return await TryAsync(async () =>
        {
            var text = SaveClosureLetterTemplate.Validate(TemplateText);
            ClosureLetterTemplate.TryParse(text, out var template, out _);
            Preview = template.Render(SampleFields);
            await LoadAsync(keepTyped: true, ct);
            return Page();
        }, FieldMap, () => LoadAsync(keepTyped: true, ct));
    }

    private static string? FieldMap(string field) => field == "text" ? nameof(TemplateText) : null;

    private bool TryKind(string? slug)
    {
        if (ClosureLetterKinds.Parse(slug ?? ClosureLetterKinds.Parents) is not { } kind) return false;
        Kind = kind;
        return true;
    }

    private async Task LoadAsync(bool keepTyped, CancellationToken ct)
    {
        Template = await get.HandleAsync(Kind, ct);
        if (!keepTyped) TemplateText = Template.Text;
    }
}
