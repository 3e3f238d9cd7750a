using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Documents;

/// <summary>
/// A document on a child's record and its download. Opening the content is audited by the
/// handler; a restricted document is opened only with a reason.
/// </summary>
public sealed class DetailsModel(DocumentQueries documents) : CasefilePageModel
{
    public DocumentView Document { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Document = await documents.GetAsync(id, ct);

    public async Task<IActionResult> OnGetContentAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var (content, contentType, fileName) = await documents.OpenAsync(id, Reason, ct);
            return File(content, contentType, fileName);
        }
        catch (Infrastructure.ValidationFailedException e) when (e.Errors.ContainsKey("reason"))
        {
            foreach (var message in e.Errors["reason"]) ModelState.AddModelError(nameof(Reason), message);
            Document = await documents.GetAsync(id, ct);
            return Page();
        }
    }
}
