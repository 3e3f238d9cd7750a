using Casefile.Data;
using Casefile.Domain.Closure;
using Casefile.Domain.Documents;
using Casefile.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Closure;

/// <summary>
/// Reads from the database what the closure checklist's own checks need (policy 6.6: the record is
/// complete): drafts, assessments and plans still open or not authorised, a consent form on file,
/// and gaps in the chronology of the volume being closed.
/// </summary>
public sealed class CaseCompletenessCheck(AppDbContext db, TimeProvider clock)
{
    public async Task<CaseCompleteness> CheckAsync(Guid caseId, CancellationToken ct)
    {
        var file = await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.OpenedOn }).SingleAsync(ct);
        var drafts = await db.CaseRecords.CountAsync(r => r.CaseFileId == caseId && r.Status == CaseRecordStatus.Draft, ct);
        var consent = await db.CaseDocuments.AnyAsync(d => d.CaseFileId == caseId && d.Type == DocumentType.ConsentForm, ct)
                      || await db.Consents.AnyAsync(c => c.CaseFileId == caseId && c.SignedFormReference != null, ct);
        // Every entry of the file; GapsIn keeps those of the volume being closed.
        var times = await db.Chronology.AsNoTracking().Where(e => e.CaseFileId == caseId).Select(e => e.OccurredAt).ToListAsync(ct);
        var today = Infrastructure.LondonTime.Today(clock);
        var gaps = ClosureChecklist.GapsIn(file.OpenedOn, times.Select(Infrastructure.LondonTime.ToLondonDate), today);
        var outstanding = await OutstandingWorkAsync(caseId, ct);
        return new CaseCompleteness(drafts, outstanding, consent, gaps);
    }

    // Assessments and plans not authorised, and plans still in force (policy 6.6, Appendix 2).
    private async Task<IReadOnlyList<string>> OutstandingWorkAsync(Guid caseId, CancellationToken ct) =>
        (await Assessments.AssessmentQueries.OutstandingForCaseAsync(db, caseId, ct)).Select(w => w.Description).ToList();
}
