using Casefile.Data;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Emails;

/// <summary>
/// A filed email with its transmission data (policy 4.5) and attachments (4.6). A restricted one
/// is opened only with a reason, which the handler audits; the thread offer of policy 4.7 is made
/// here just after filing.
/// </summary>
public sealed class DetailsModel(EmailQueries emails, SupersedeEmails supersede, AppDbContext db) : CasefilePageModel
{
    public EmailView? Email { get; private set; }
    public Guid Id { get; private set; }

    /// <summary>True when the email is restricted and no reason has been given yet.</summary>
    public bool NeedsReason { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    [BindProperty]
    public List<Guid> Replaces { get; set; } = [];

    public IReadOnlyList<(Guid Id, string? Subject)> Offer { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        if (TempData["MayReplace"] is string offered)
            Replaces = [.. offered.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];
        return await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostSupersedeAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var offered = Replaces;
        return await TryAsync(async () =>
        {
            var replaced = await supersede.HandleAsync(id, new SupersedeCommand(offered), ct);
            TempData["Confirmation"] = replaced.Count == 1 ? "The earlier email is marked as replaced by this one. It is kept and can still be read."
                : $"{replaced.Count} earlier emails are marked as replaced by this one. They are kept and can still be read.";
            return Redirect($"/emails/{id}");
        }, field => field.StartsWith("replaces", StringComparison.Ordinal) ? "Replaces" : null, reload: async () => await LoadAsync(id, ct));
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Email = await emails.GetAsync(id, Reason, ct);
        }
        catch (ValidationFailedException e) when (e.Errors.ContainsKey("reason"))
        {
            NeedsReason = true;
            if (Reason is not null)
                foreach (var message in e.Errors["reason"]) ModelState.AddModelError(nameof(Reason), message);
            return Page();
        }
        if (Replaces.Count > 0)
        {
            var ids = Replaces;
            Offer = (await db.EmailRecords.AsNoTracking().Where(e => ids.Contains(e.Id) && e.CaseFileId == Email.CaseId)
                .Select(e => new { e.Id, e.Subject }).ToListAsync(ct)).Select(e => (e.Id, e.Subject)).ToList();
        }
        return Page();
    }
}
