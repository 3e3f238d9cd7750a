using Casefile.Data;
using Casefile.Domain.Assessments;
using Casefile.Domain.Closure;
using Casefile.Domain.Documents;
using Casefile.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Closure;

/// <summary>
/// Reads from the database what the closure checklist's own checks need (policy 6.6: the record is
/// complete): drafts, assessments and plans still open or not authorised, a consent form on file,
/// gaps in the chronology of the volume being closed, the child's basic details, the referral and
/// an authorised assessment (Appendix 2).
/// </summary>
public sealed class CaseCompletenessCheck(AppDbContext db, TimeProvider clock)
{
    public async Task<CaseCompleteness> CheckAsync(Guid caseId, CancellationToken ct)
    {
        var file = await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.OpenedOn, c.ChildId }).SingleAsync(ct);
        var drafts = await db.CaseRecords.CountAsync(r => r.CaseFileId == caseId && r.Status == CaseRecordStatus.Draft, ct);
        var consent = await db.CaseDocuments.AnyAsync(d => d.CaseFileId == caseId && d.Type == DocumentType.ConsentForm, ct)
                      || await db.Consents.AnyAsync(c => c.CaseFileId == caseId && c.SignedFormReference != null, ct);
        // Every entry of the file; GapsIn keeps those of the volume being closed.
        var times = await db.Chronology.AsNoTracking().Where(e => e.CaseFileId == caseId).Select(e => e.OccurredAt).ToListAsync(ct);
        var today = Infrastructure.LondonTime.Today(clock);
        var gaps = ClosureChecklist.GapsIn(file.OpenedOn, times.Select(Infrastructure.LondonTime.ToLondonDate), today);
        var outstanding = await OutstandingWorkAsync(caseId, ct);
        var child = await db.People.AsNoTracking().Where(p => p.Id == file.ChildId)
            .Select(p => new { p.Ethnicity, p.Religion, p.DateOfBirth, p.School }).SingleAsync(ct);
        var hasAddress = await db.Addresses.AnyAsync(a => a.PersonId == file.ChildId && a.To == null, ct);
        var missing = new ChildBasicDetails(child.Ethnicity, child.Religion, child.DateOfBirth, hasAddress, child.School).Missing(today);
        var referral = await db.Referrals.AnyAsync(r => r.CaseFileId == caseId, ct);
        var assessed = await db.AssessmentsAndPlans.AnyAsync(w => w.CaseFileId == caseId && w.Kind == AssessmentOrPlanKind.ChildAndFamilyAssessment
            && (w.Status == AssessmentOrPlanStatus.Authorised || w.Status == AssessmentOrPlanStatus.Ended), ct);
        return new CaseCompleteness(drafts, outstanding, consent, gaps, missing, referral, assessed);
    }

    // Assessments and plans not authorised, and plans still in force (policy 6.6, Appendix 2).
    private async Task<IReadOnlyList<string>> OutstandingWorkAsync(Guid caseId, CancellationToken ct) =>
        (await Assessments.AssessmentQueries.OutstandingForCaseAsync(db, caseId, ct)).Select(w => w.Description).ToList();
}
