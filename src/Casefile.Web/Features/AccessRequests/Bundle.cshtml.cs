using Casefile.Domain.Records;
using Casefile.Web.Govuk;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.AccessRequests;

/// <summary>Choose what goes in the disclosure bundle: everything in a period, or chosen records, documents and emails.</summary>
public sealed class BundleModel(Data.AppDbContext db, AccessRequestQueries queries, BuildBundle build) : CasefilePageModel
{
    public AccessRequestView Item { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Label)> RecordChoices { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Label)> DocumentChoices { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Label)> EmailChoices { get; private set; } = [];

    [BindProperty] public string? Scope { get; set; } = "everything";
    [BindProperty] public DateParts From { get; set; } = new();
    [BindProperty] public DateParts To { get; set; } = new();
    [BindProperty] public List<Guid> Records { get; set; } = [];
    [BindProperty] public List<Guid> Documents { get; set; } = [];
    [BindProperty] public List<Guid> Emails { get; set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        DateOnly? from = null, to = null;
        if (!From.IsEmpty)
        {
            if (From.TryGetDate("the start of the period", out var d, out var error)) from = d;
            else ModelState.AddModelError(nameof(From), error!);
        }
        if (!To.IsEmpty)
        {
            if (To.TryGetDate("the end of the period", out var d, out var error)) to = d;
            else ModelState.AddModelError(nameof(To), error!);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        var everything = Scope != "chosen";
        return await TryAsync(async () =>
        {
            var bundle = await build.HandleAsync(id, new BundleCommand(everything, everything ? from : null, everything ? to : null,
                everything ? null : Records, everything ? null : Documents, everything ? null : Emails), ct);
            TempData["Confirmation"] = $"Bundle built: {bundle.Items.Count} items, {bundle.Proposals.Count} proposed redactions to review."
                + (bundle.Withheld.Count > 0 ? $" {bundle.Withheld.Count} legally privileged items were left out." : "");
            return Redirect($"/access-requests/{id}/redactions");
        }, f => f switch { "everything" => nameof(Scope), "to" => nameof(To), "records" or "documents" or "emails" => nameof(Scope), _ => "" }, () => LoadAsync(id, ct));
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Item = await queries.GetAsync(id, ct);
        var caseId = Item.CaseId;
        var records = await db.CaseRecords.AsNoTracking().Where(r => r.CaseFileId == caseId && r.Status == CaseRecordStatus.Final)
            .Select(r => new { r.Id, r.Content.Type, r.Content.OccurredAt }).ToListAsync(ct);
        RecordChoices = records.OrderBy(r => r.OccurredAt).Select(r => (r.Id, $"{CaseRecordTypeNames.Of(r.Type)}, {r.OccurredAt.Display()}")).ToList();
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseFileId == caseId).Select(d => new { d.Id, d.Title, d.DocumentDate, d.Section }).ToListAsync(ct);
        DocumentChoices = documents.OrderBy(d => d.DocumentDate).Select(d => (d.Id, $"{d.Title}, {d.DocumentDate.Display()}"
            + (d.Section == Domain.Emails.EmailSection.Restricted ? " (Restricted Access section)" : ""))).ToList();
        var emails = await db.EmailRecords.AsNoTracking().Where(e => e.CaseFileId == caseId).Select(e => new { e.Id, e.Subject, e.SentAt, e.ImportedAt, e.Section }).ToListAsync(ct);
        EmailChoices = emails.OrderBy(e => e.SentAt ?? e.ImportedAt).Select(e => (e.Id, $"{e.Subject ?? "(no subject)"}, {(e.SentAt ?? e.ImportedAt).Display()}"
            + (e.Section == Domain.Emails.EmailSection.Restricted ? " (Restricted Access section)" : ""))).ToList();
    }
}
