using Casefile.Domain.Access;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Closure;

/// <summary>
/// A request to close a case: the closing summary, each checklist item as it stands, the letters,
/// and the manager's decision (policy 6.3, 6.6). Authorising with anything missing is refused with the list.
/// </summary>
[Authorize]
public sealed class DetailsModel(ClosureQueries queries, DecideClosure decide, WithdrawClosureRequest withdraw, CurrentUser user) : CasefilePageModel
{
    public ClosureRequestView? Closure { get; private set; }
    public bool IsRequester { get; private set; }
    public bool MayAuthorise { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public Task<IActionResult> OnPostAuthoriseAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        await decide.AuthoriseAsync(id, ct);
        TempData["Confirmation"] = "Closure authorised. The case is closed, the letters are filed, and the admin officer has their tasks.";
        return Redirect($"/closure-requests/{id}");
    }, Map, () => ShowAsync(id, ct));

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        await decide.ReturnAsync(id, new ReasonCommand(Reason), ct);
        TempData["Confirmation"] = "Returned to the worker with your reason.";
        return Redirect($"/closure-requests/{id}");
    }, Map, () => ShowAsync(id, ct));

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        await withdraw.HandleAsync(id, ct);
        TempData["Confirmation"] = "You withdrew the request. The case stays open.";
        return Redirect($"/closure-requests/{id}");
    }, Map, () => ShowAsync(id, ct));

    private static string? Map(string field) => field == "reason" ? "Reason" : "";

    private async Task ShowAsync(Guid id, CancellationToken ct)
    {
        Closure = await queries.GetAsync(id, ct);
        var viewer = await user.ViewerAsync(ct);
        IsRequester = Closure.RequestedById == user.Id;
        MayAuthorise = viewer.May(StaffCapability.AuthoriseWork);
    }
}
