using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Cases;

[Authorize]
public sealed class DetailsModel(OpenCasePage casePage, Access.RequestEmergencyAccess emergency) : CasefilePageModel
{
    public CasePageView? View { get; private set; }
    public CaseView? Case => View?.Case;
    public string? RefusalReason { get; private set; }
    public string? HowToGetAccess { get; private set; }

    /// <summary>Where the back link goes: the page the user came from on this service, or My cases.</summary>
    public string BackHref { get; private set; } = "/";
    public string BackText { get; private set; } = "Back";

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
        SetBackLink(id);
        try
        {
            View = await casePage.HandleAsync(id, ct);
        }
        catch (AccessDeniedException e)
        {
            RefusalReason = e.Message;
            HowToGetAccess = e.HowToGetAccess;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Page();
    }

    private void SetBackLink(Guid id)
    {
        // Only a page of this service, and not the case's own pages (after a form or a redirect), is "where they came from".
        if (!Uri.TryCreate(Request.Headers.Referer.ToString(), UriKind.Absolute, out var from) || from.Authority != Request.Host.Value) return;
        var path = from.AbsolutePath;
        if (path.StartsWith($"/cases/{id}", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/account", StringComparison.OrdinalIgnoreCase)) return;
        BackHref = from.PathAndQuery;
    }
}
