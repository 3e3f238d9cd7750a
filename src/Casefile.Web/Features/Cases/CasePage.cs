using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Web.Features.Assessments;
using Casefile.Web.Features.Closure;
using Casefile.Web.Features.Documents;
using Casefile.Web.Features.PaperFiles;
using Casefile.Web.Infrastructure;

namespace Casefile.Web.Features.Cases;

/// <summary>Everything the case page shows, each section loaded from the one opened case.</summary>
public sealed record CasePageView(
    OpenedCase Opened, CaseSummaryView Summary, CaseDocumentsSection Documents, IReadOnlyList<AssessmentOrPlanSummary> AssessmentsAndPlans,
    IReadOnlyList<PaperVolumeView> PaperVolumes, CaseClosingSection Closing)
{
    public CaseView Case => Summary.Case;
    public CasePermissions Permissions => Opened.Permissions;
}

/// <summary>
/// The child's case page (issue 14): the case is opened once (one facts query, one access
/// decision), each feature's section loads from the opened case, and the view is one audit event
/// saying what was shown, committed once.
/// </summary>
public sealed class OpenCasePage(
    AppDbContext db, CaseScope scope, AuditTrail audit, GetCase getCase, CaseSummaryQuery summaries, CaseDocumentsLoader documents,
    AssessmentQueries assessments, PaperFileQueries paperFiles, CaseClosingLoader closing)
{
    public async Task<CasePageView> HandleAsync(Guid caseId, CancellationToken ct)
    {
        var opened = await scope.OpenAsync(caseId, AccessAction.Read, AuditAction.View, ct);
        var summary = await summaries.LoadAsync(opened, ct);
        var filed = await documents.LoadAsync(opened, ct);
        var work = await assessments.ForCaseAsync(opened, null, ct);
        var paper = await paperFiles.ForCaseAsync(opened, ct);
        var c = summary.Case;
        var closingSection = await closing.LoadAsync(opened, c.Status, c.ClosedOn, c.Volume, ct);

        var shown = $"Case page: summary, {filed.Shown}, {Count(work.Count, "assessment or plan", "assessments or plans")}, " +
            $"{Count(paper.Count, "paper volume", "paper volumes")}, {Count(summary.Latest.Count, "chronology entry", "chronology entries")}";
        audit.Record(AuditAction.View, "case", caseId, caseId, opened.ChildId, reason: await getCase.AuditReasonAsync(opened, shown, ct));
        await db.SaveChangesAsync(ct);
        return new CasePageView(opened, summary, filed, work, paper, closingSection);
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
