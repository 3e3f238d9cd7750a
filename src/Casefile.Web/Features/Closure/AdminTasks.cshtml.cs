using Casefile.Domain.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Closure;

/// <summary>The admin officer's tasks after closures (policy 6.4, Appendix 2 admin tasks): send the letters, close activities, update finance.</summary>
[Authorize(Policy = Hosting.Policies.AdminTasks)]
public sealed class AdminTasksModel(AdminTasks tasks) : CasefilePageModel
{
    public IReadOnlyList<AdminTaskView> Tasks { get; private set; } = [];

    [BindProperty]
    public Dictionary<Guid, string?> Notes { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tasks = await tasks.MineAsync(ct);

    public Task<IActionResult> OnPostDoneAsync(Guid taskId, CancellationToken ct) => TryAsync(async () =>
    {
        var done = await tasks.DoneAsync(taskId, new AdminTaskCommand(Notes.GetValueOrDefault(taskId)), ct);
        TempData["Confirmation"] = $"Marked as done: {done.Description} ({done.CaseReference}).";
        return RedirectToPage();
    }, field => field == "note" ? $"Notes[{taskId}]" : "", async () => Tasks = await tasks.MineAsync(ct));

    public Task<IActionResult> OnPostNotNeededAsync(Guid taskId, CancellationToken ct) => TryAsync(async () =>
    {
        var done = await tasks.NotNeededAsync(taskId, new AdminTaskCommand(Notes.GetValueOrDefault(taskId)), ct);
        TempData["Confirmation"] = $"Marked as not needed: {done.Description} ({done.CaseReference}).";
        return RedirectToPage();
    }, field => field == "note" ? $"Notes[{taskId}]" : "", async () => Tasks = await tasks.MineAsync(ct));
}
