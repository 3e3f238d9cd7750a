using Casefile.Web.Hosting;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Cases;

[Authorize]
public sealed class DetailsModel(GetCase getCase, Access.RequestEmergencyAccess emergency) : CasefilePageModel
{
    public CaseView? Case { get; private set; }
    public string? RefusalReason { get; private set; }
    public string? HowToGetAccess { get; private set; }

    [BindProperty]
    public EmergencyInput Input { get; set; } = new();

    public sealed class EmergencyInput
    {
        public string? Reason { get; set; }
    }

    public Task<IActionResult> OnPostEmergencyAccessAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        var grant = await emergency.HandleAsync(id, new Access.EmergencyAccessCommand(Input.Reason, null), ct);
        TempData["Confirmation"] = $"You have emergency access until {grant.ExpiresAt.ToLondon():HH:mm} on {grant.ExpiresAt.ToLondon():d MMMM}. The case's managers can see that you opened it and why.";
        return Redirect($"/cases/{id}");
    }, reload: async () => await OnGetAsync(id, ct));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Case = await getCase.HandleAsync(id, ct);
        }
        catch (AccessDeniedException e)
        {
            RefusalReason = e.Message;
            HowToGetAccess = e.HowToGetAccess;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Page();
    }
}
