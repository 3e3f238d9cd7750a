using Casefile.Domain.Access;
using Casefile.Domain.Staff;
using Casefile.Web.Features.Assessments;
using Casefile.Web.Features.Closure;
using Casefile.Web.Features.Transfers;
using Casefile.Web.Hosting;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace Casefile.Web.Features.MyWork;

/// <summary>
/// "Your work": everything waiting for the person in one list, in the order it matters (issue 17),
/// then the worker's and the manager's queues by kind. Each section shows only to the roles it
/// concerns; each queue is read (and audited) by the handler that owns it.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(CurrentUser user, AssessmentQueries assessments, ClosureQueries closures, TransferQueries transfers, AdminTasks adminTasks,
    WorkWaiting waiting)
    : CasefilePageModel
{
    public bool ManagesTeams { get; private set; }
    public bool WritesCases { get; private set; }
    public bool IsAdminOfficer { get; private set; }

    public IReadOnlyList<AssessmentOrPlanSummary> AwaitingAuthorisation { get; private set; } = [];
    public IReadOnlyList<ClosureQueueItem> ClosuresToDecide { get; private set; } = [];
    public IReadOnlyList<TransferView> TransfersToAccept { get; private set; } = [];
    public IReadOnlyList<AssessmentOrPlanSummary> ReturnedWork { get; private set; } = [];
    public IReadOnlyList<ClosureQueueItem> ReturnedClosures { get; private set; } = [];
    public IReadOnlyList<AdminTaskView> AdminTasks { get; private set; } = [];

    public int ReturnedCount => ReturnedWork.Count + ReturnedClosures.Count;

    /// <summary>Everything waiting, in the order it matters (issue 17): overdue first, then due soonest.</summary>
    public IReadOnlyList<WorkItem> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        Waiting = await waiting.ForMeAsync(ct);
        ManagesTeams = viewer.May(StaffCapability.ManageTeams);
        WritesCases = viewer.May(StaffCapability.WriteCaseRecords);
        IsAdminOfficer = viewer.May(StaffCapability.DoAdminTasks);
        if (WritesCases)
        {
            var queues = await assessments.QueuesAsync(ct);
            (AwaitingAuthorisation, ReturnedWork) = (queues.AwaitingMyAuthorisation, queues.ReturnedToMe);
            ReturnedClosures = await closures.ReturnedToMeAsync(ct);
        }
        if (ManagesTeams)
        {
            ClosuresToDecide = await closures.AwaitingMyDecisionAsync(ct);
            TransfersToAccept = await transfers.ToAcceptAsync(ct);
        }
        if (IsAdminOfficer) AdminTasks = await adminTasks.MineAsync(ct);
    }
}
