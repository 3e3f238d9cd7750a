using Casefile.Domain.Retention;
using Casefile.Web.Govuk;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Retention;

/// <summary>
/// One file on the records managers' list: keep it (reason, next review date), propose destruction,
/// or, as a second records manager, confirm it.
/// </summary>
public sealed class DecideModel(DisposalQueries queries, DecideDisposal decide, CurrentUser user) : CasefilePageModel
{
    public DisposalItem Item { get; private set; } = null!;
    public bool ProposedByMe { get; private set; }

    [BindProperty] public KeepInput Keep { get; set; } = new();
    [BindProperty] public ProposeInput Propose { get; set; } = new();

    public sealed class KeepInput
    {
        public string? Reason { get; set; }
        public DateParts NextReviewOn { get; set; } = new();
    }

    public sealed class ProposeInput
    {
        public string? Reason { get; set; }
    }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostKeepAsync(Guid id, CancellationToken ct)
    {
        Only("Keep.");
        DateOnly? next = null;
        if (!Keep.NextReviewOn.IsEmpty)
        {
            if (Keep.NextReviewOn.TryGetDate("the date of the next review", out var d, out var error)) next = d;
            else ModelState.AddModelError("Keep.NextReviewOn", error!);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        return await TryAsync(async () =>
        {
            await decide.KeepAsync(id, new KeepCommand(Keep.Reason, next), ct);
            TempData["Confirmation"] = $"Kept. The file comes back to the list on {next.Display()}.";
            return Redirect("/retention/disposals");
        }, f => f == "reason" ? "Keep.Reason" : f == "nextReviewOn" ? "Keep.NextReviewOn" : null, () => LoadAsync(id, ct));
    }

    public Task<IActionResult> OnPostProposeAsync(Guid id, CancellationToken ct)
    {
        Only("Propose.");
        return TryAsync(async () =>
        {
            await decide.ProposeAsync(id, new ReasonOnlyCommand(Propose.Reason), ct);
            TempData["Confirmation"] = "Destruction proposed. A second records manager must confirm it.";
            return Redirect($"/retention/disposals/{id}");
        }, f => f == "reason" ? "Propose.Reason" : null, () => LoadAsync(id, ct));
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        Only("none");
        return TryAsync(async () =>
        {
            var tombstone = await decide.ConfirmAsync(id, ct);
            TempData["Confirmation"] = $"{tombstone.CaseReference} was destroyed. Its destruction certificate is below.";
            return Redirect("/retention/destroyed");
        }, reload: () => LoadAsync(id, ct));
    }

    private void Only(string prefix)
    {
        foreach (var key in ModelState.Keys.ToList())
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) ModelState.Remove(key);
            else ModelState[key]!.Errors.Clear();
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Item = await queries.GetAsync(id, ct);
        ProposedByMe = Item.ProposedById == user.Id;
    }

    public static string KindText(DisposalItem item) => item.Kind == DisposalReviewKind.Disposal ? "Due for disposal" : "Due for review";
}
