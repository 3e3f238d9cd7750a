using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.PaperFiles;

/// <summary>One paper volume: where it is, who has it, the request to take it out, and where it has been.</summary>
public sealed class DetailsModel(PaperFileQueries queries, PaperFileAccess access, MovePaperFile move) : CasefilePageModel
{
    public PaperVolumeView Volume { get; private set; } = null!;
    public bool MayKeepRegister { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostMarkOutAsync(Guid id, Guid removalId, CancellationToken ct) => TryAsync(async () =>
    {
        await move.MarkOutAsync(removalId, ct);
        TempData["Confirmation"] = "Marked as out of the office. Keep it safe, and mark it returned when it is back in the cabinet.";
        return Redirect($"/paper-files/{id}");
    }, reload: () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        await move.ReturnAsync(id, ct);
        TempData["Confirmation"] = "Marked as returned and back in store.";
        return Redirect($"/paper-files/{id}");
    }, reload: () => LoadAsync(id, ct));

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Volume = await queries.GetAsync(id, ct);
        MayKeepRegister = await access.MayKeepRegisterAsync(Volume.CaseId, ct);
    }
}
