using Casefile.Data;
using Casefile.Data.Documents;
using Casefile.Domain.Access;
using Casefile.Domain.AccessRequests;
using Casefile.Domain.Common;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Features.AccessRequests;

public enum DisclosureFormat { Pdf, LargePrint, Html }

/// <summary>
/// The released bundle in the form asked for (policy 3.2): PDF, large print PDF, or plain HTML.
/// Made from the frozen bundle on each download (a released request never changes, so each copy is
/// the same), with only accepted redactions' reasons in place of their text. Every download is audited.
/// </summary>
public sealed class DisclosureDownloads(AppDbContext db, AccessRequestAccess access, AuditTrail audit, IDocumentContentStore store,
    IOptions<CasefileOptions> options)
{
    public async Task<(byte[] Content, string ContentType, string FileName)> HandleAsync(Guid id, DisclosureFormat format, CancellationToken ct)
    {
        var (request, heading, _) = await access.DemandAsync(id, AccessAction.Read, AuditAction.View, ct);
        if (!request.IsReleased)
            throw new StateConflictException("request-not-released", "The bundle can be downloaded once the request has been released");
        var model = await ModelAsync(db, store, request, heading, options.Value.CouncilName, ct);
        audit.Record("download", "disclosure-bundle", id, request.CaseFileId, heading.ChildId, reason: format switch
        {
            DisclosureFormat.LargePrint => "Large print PDF",
            DisclosureFormat.Html => "HTML",
            _ => "PDF",
        });
        await db.SaveChangesAsync(ct);
        var name = $"disclosure-{heading.Reference}-{request.ReleasedAt!.Value.ToLondonDate():yyyy-MM-dd}";
        return format switch
        {
            DisclosureFormat.Html => (System.Text.Encoding.UTF8.GetBytes(DisclosureHtml.Render(model)), "text/html; charset=utf-8", name + ".html"),
            DisclosureFormat.LargePrint => (DisclosurePdf.Render(model, largePrint: true), "application/pdf", name + "-large-print.pdf"),
            _ => (DisclosurePdf.Render(model, largePrint: false), "application/pdf", name + ".pdf"),
        };
    }

    internal static async Task<DisclosurePrintModel> ModelAsync(AppDbContext db, IDocumentContentStore store, AccessRequest request, CaseHeading heading,
        string councilName, CancellationToken ct)
    {
        var items = await db.DisclosureItems.AsNoTracking().Where(i => i.AccessRequestId == request.Id).OrderBy(i => i.Position).ToListAsync(ct);
        var accepted = (await db.RedactionProposals.AsNoTracking()
                .Where(p => p.AccessRequestId == request.Id && p.Status == RedactionStatus.Accepted)
                .Select(p => new { p.DisclosureItemId, p.Start, p.Length, p.Reason }).ToListAsync(ct))
            .ToLookup(p => p.DisclosureItemId);
        var releasedBy = request.ReleasedById is { } by
            ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).SingleAsync(ct)
            : "";
        var printed = new List<DisclosurePrintItem>();
        var number = 1;
        foreach (var item in items)
        {
            if (item.IsImage)
            {
                byte[]? picture = null;
                if (item.ImageDecision == ImageDecision.IncludeWhole && item.Source == DisclosureSource.Document)
                {
                    var document = await db.CaseDocuments.AsNoTracking().SingleAsync(d => d.Id == item.SourceId, ct);
                    if (document.ContentType is "image/jpeg" or "image/png")
                    {
                        using var buffer = new MemoryStream();
                        await using (var stream = await store.OpenReadAsync(document.Sha256, ct)) await stream.CopyToAsync(buffer, ct);
                        picture = buffer.ToArray();
                    }
                }
                printed.Add(new DisclosurePrintItem(number++, item.Title, item.OccurredAt, picture is null && item.ImageDecision == ImageDecision.IncludeWhole
                    ? [new ReleasedSegment("This file cannot be shown as text. We have sent it to you separately.", null)]
                    : null, picture, item.ImageDecision != ImageDecision.IncludeWhole));
                continue;
            }
            var segments = ReleasedText.Segments(item.Text, accepted[item.Id].Select(p => (p.Start, p.Length, p.Reason ?? RedactionReason.ThirdParty)));
            printed.Add(new DisclosurePrintItem(number++, item.Title, item.OccurredAt, segments, null, false));
        }
        return new DisclosurePrintModel(councilName, heading.Reference, heading.ChildName, request.Kind.DisplayName(), request.RequesterName,
            request.RequesterOrganisation, request.ReleasedAt!.Value.ToLondonDate(), releasedBy, printed);
    }
}
