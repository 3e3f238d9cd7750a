using Casefile.Domain.Staff;
using Casefile.Web.Features.Cases;
using Casefile.Web.Infrastructure;

namespace Casefile.Web.Features;

public sealed class IndexModel(MyCases myCases, CurrentUser user, Access.AccessLogs logs, Access.ReviewEmergencyAccess review, Records.OutstandingRecords outstanding, BurstAlerts bursts,
    MyWork.WorkWaiting waiting, RoleHome roleHome) : CasefilePageModel
{
    /// <summary>What the roles without a caseload come to this page for (issue 17): Legal, records managers, administrators.</summary>
    public RoleHomeView Role { get; private set; } = RoleHomeView.Empty;

    /// <summary>How much is waiting on "Your work", from the same list (a count here is never zero while that list has items).</summary>
    public (int Items, int Overdue) Waiting { get; private set; }

    public (int Drafts, int Overdue) WriteUps { get; private set; }

    public IReadOnlyList<Access.EmergencyAccessView> EmergencyToReview { get; private set; } = [];

    public IReadOnlyList<BurstAlert> Bursts { get; private set; } = [];

    public IReadOnlyList<CaseListItem> Mine { get; private set; } = [];
    public IReadOnlyList<CaseListItem> Teams { get; private set; } = [];
    public bool WorksWithCases { get; private set; }
    public string RoleNames { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        RoleNames = string.Join(", ", viewer.Roles.Select(StaffRole.Describe));
        WorksWithCases = viewer.May(Domain.Access.StaffCapability.WorkWithCases);
        if (WorksWithCases)
        {
            (Mine, Teams) = await myCases.HandleAsync(ct);
            WriteUps = await outstanding.CountsAsync(ct);
        }
        if (WorksWithCases)
        {
            var items = await waiting.ForMeAsync(ct);
            Waiting = (items.Count, items.Count(i => i.Overdue));
        }
        Role = await roleHome.ForAsync(viewer, ct);
        EmergencyToReview = await logs.EmergencyForReviewAsync(ct);
        Bursts = await bursts.ForMeAsync(ct);
    }

    public Task<Microsoft.AspNetCore.Mvc.IActionResult> OnPostReviewAsync(Guid emergencyAccessId, string? note, CancellationToken ct) => TryAsync(async () =>
    {
        await review.HandleAsync(emergencyAccessId, note, ct);
        TempData["Confirmation"] = "Emergency access reviewed.";
        return Redirect("/");
    }, reload: () => OnGetAsync(ct));
}
