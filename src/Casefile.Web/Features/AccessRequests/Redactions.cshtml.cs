using Casefile.Domain.AccessRequests;
using Casefile.Domain.Common;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.AccessRequests;

/// <summary>
/// Review every proposed redaction in context: keep it with the reason printed on it, or remove it
/// saying why the detail may be disclosed; decide on each file that cannot be redacted as text.
/// </summary>
public sealed class RedactionsModel(AccessRequestQueries queries, ReviewDisclosure review) : CasefilePageModel
{
    public AccessRequestView Item { get; private set; } = null!;
    public BundleView Bundle { get; private set; } = null!;

    [BindProperty] public Dictionary<Guid, string?> Decisions { get; set; } = [];
    [BindProperty] public Dictionary<Guid, string?> Notes { get; set; } = [];
    [BindProperty] public Dictionary<Guid, string?> ImageDecisions { get; set; } = [];
    [BindProperty] public Dictionary<Guid, string?> ImageReasons { get; set; } = [];

    public static string NoteKey(Guid id) => $"Note-{id}";
    public static string ImageKey(Guid id) => $"Image-{id}";

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        foreach (var key in ModelState.Keys.ToList()) ModelState.Remove(key);
        var saved = 0;
        foreach (var (proposalId, decision) in Decisions.Where(d => !string.IsNullOrEmpty(d.Value)))
        {
            var command = decision == "remove"
                ? new ReviewRedactionCommand("remove", null, Notes.GetValueOrDefault(proposalId))
                : new ReviewRedactionCommand("accept", Enum.TryParse<RedactionReason>(decision, true, out var reason) ? reason : RedactionReason.ThirdParty, null);
            if (await TryOne(() => review.ReviewAsync(id, proposalId, command, ct), NoteKey(proposalId))) saved++;
        }
        foreach (var (itemId, decision) in ImageDecisions.Where(d => !string.IsNullOrEmpty(d.Value)))
            if (await TryOne(() => review.DecideImageAsync(id, itemId, new ImageDecisionCommand(decision, ImageReasons.GetValueOrDefault(itemId)), ct), ImageKey(itemId))) saved++;
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Confirmation"] = saved == 1 ? "1 decision saved." : $"{saved} decisions saved.";
        return Redirect($"/access-requests/{id}");
    }

    private async Task<bool> TryOne(Func<Task> action, string key)
    {
        try
        {
            await action();
            return true;
        }
        catch (ValidationFailedException e)
        {
            foreach (var message in e.Errors.SelectMany(x => x.Value)) ModelState.AddModelError(key, message);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError(key, e.Message);
        }
        return false;
    }

    /// <summary>The words around a proposal, so the reviewer sees what it covers.</summary>
    public (string Before, string Text, string After) Context(ProposalView p)
    {
        var text = Bundle.Items.First(i => i.Id == p.ItemId).Text;
        var start = Math.Max(0, p.Start - 60);
        var end = Math.Min(text.Length, p.Start + p.Length + 60);
        return ((start > 0 ? "…" : "") + text[start..p.Start], p.Text, text[(p.Start + p.Length)..end] + (end < text.Length ? "…" : ""));
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Item = await queries.GetAsync(id, ct);
        Bundle = await queries.BundleAsync(id, ct);
    }
}
