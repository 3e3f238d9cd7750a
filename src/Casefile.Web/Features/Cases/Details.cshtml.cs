using Casefile.Web.Hosting;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Cases;

[Authorize]
public sealed class DetailsModel(GetCase getCase) : CasefilePageModel
{
    public CaseView? Case { get; private set; }
    public string? RefusalReason { get; private set; }
    public string? HowToGetAccess { get; private set; }

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
