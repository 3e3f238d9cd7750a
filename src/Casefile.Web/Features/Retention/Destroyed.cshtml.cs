using System.Text;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Features.Retention;

/// <summary>Destroyed files (tombstones) and their destruction certificates, for records managers.</summary>
public sealed class DestroyedModel(TombstoneQueries queries, IOptions<CasefileOptions> options) : CasefilePageModel
{
    public IReadOnlyList<TombstoneView>? Tombstones { get; private set; }
    public string? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        try { Tombstones = await queries.ListAsync(ct); }
        catch (AccessDeniedException e)
        {
            Refusal = e.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        var t = await queries.GetAsync(id, "destruction-certificate", ct);
        return File(DestructionCertificate.Pdf(t, options.Value.CouncilName), "application/pdf", $"destruction-certificate-{t.CaseReference}.pdf");
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        var t = await queries.GetAsync(id, "destruction-certificate", ct);
        return File(Encoding.UTF8.GetBytes(DestructionCertificate.Csv(t)), "text/csv", $"destruction-certificate-{t.CaseReference}.csv");
    }
}
