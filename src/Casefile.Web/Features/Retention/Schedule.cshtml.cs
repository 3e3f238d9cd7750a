using System.Text;
using Casefile.Domain.Access;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Retention;

/// <summary>The retention schedule (policy 8) with each rule's assumption, its versions, and (records managers) uploading a changed schedule.</summary>
public sealed class ScheduleModel(ScheduleHandlers schedules, CurrentUser user) : CasefilePageModel
{
    public ScheduleView View { get; private set; } = null!;
    public bool IsRecordsManager { get; private set; }

    [BindProperty] public UploadInput Input { get; set; } = new();

    public sealed class UploadInput
    {
        public IFormFile? File { get; set; }
        public string? Reason { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetFileAsync(int version, CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(await schedules.FileAsync(version, ct)), "application/json", $"retention-schedule-v{version}.json");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var key in ModelState.Keys.ToList()) ModelState[key]!.Errors.Clear();
        if (Input.File is not { Length: > 0 } file)
        {
            ModelState.AddModelError("Input.File", "Choose the schedule file to upload");
            if (string.IsNullOrWhiteSpace(Input.Reason)) ModelState.AddModelError("Input.Reason", "Say why the schedule is changing");
            await LoadAsync(ct);
            return Page();
        }
        if (file.Length > 1024 * 1024)
        {
            ModelState.AddModelError("Input.File", "The schedule file must be smaller than 1 MB");
            await LoadAsync(ct);
            return Page();
        }
        using var reader = new StreamReader(file.OpenReadStream());
        var json = await reader.ReadToEndAsync(ct);
        return await TryAsync(async () =>
        {
            var saved = await schedules.ChangeFromFileAsync(json, Input.Reason, ct);
            TempData["Confirmation"] = $"Saved as version {saved.Version}. It applies from now on, including to the next daily sweep.";
            return RedirectToPage();
        }, f => f == "reason" ? "Input.Reason" : "Input.File", () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await schedules.GetAsync(ct);
        IsRecordsManager = (await user.ViewerAsync(ct)).May(StaffCapability.ManageRetention);
    }
}
