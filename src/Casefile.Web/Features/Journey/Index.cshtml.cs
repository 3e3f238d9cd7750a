using Casefile.Domain.Access;
using Casefile.Domain.Journey;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Journey;

/// <summary>
/// The child's statutory journey (issue 16): where they are (child in need, section 47, child
/// protection plan, looked after, care leaver), what is due and by when, the steps so far, and the
/// forms to record the next step for those who may record on the case.
/// </summary>
public sealed class IndexModel(Data.AppDbContext db, CaseScope access, AuditTrail audit, JourneyQueries queries) : CasefilePageModel
{
    public Guid CaseId { get; private set; }
    public string ChildName { get; private set; } = "";
    public string CaseReference { get; private set; } = "";
    public bool MayRecord { get; private set; }
    public JourneyPicture Picture { get; private set; } = null!;
    public IReadOnlyList<StepLine> Steps { get; private set; } = [];
    public bool HasAgreedDiscussion { get; private set; }

    public sealed record StepLine(DateOnly On, string What, string? Detail);

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var opened = await access.OpenAsync(caseId, AccessAction.Read, AuditAction.View, ct);
        (CaseId, ChildName, CaseReference) = (caseId, opened.Heading.ChildName, opened.Heading.Reference);
        MayRecord = opened.May(CaseCapability.Record) && opened.Facts.Status == Domain.Cases.CaseStatus.Open;
        Picture = await queries.PictureAsync(caseId, ct);
        HasAgreedDiscussion = await db.StrategyDiscussions.AnyAsync(d => d.CaseFileId == caseId && d.Decision == StrategyDecision.Section47, ct);
        Steps = await db.Chronology.AsNoTracking().Where(e => e.CaseFileId == caseId && e.Kind == Domain.Records.ChronologyKind.JourneyStep)
            .OrderByDescending(e => e.OccurredAt).Select(e => new { e.OccurredAt, e.Title, e.Summary }).ToListAsync(ct) is var rows
            ? [.. rows.Select(r => new StepLine(r.OccurredAt.ToLondonDate(), r.Title, r.Summary))]
            : [];
        audit.Record(AuditAction.View, "journey", caseId, caseId, opened.ChildId, reason: opened.EmergencyNote);
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
