using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Staff;
using Casefile.Web.Hosting;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Referrals;

[Authorize(Policy = Policies.FrontDoor)]
public sealed class DetailsModel(ReferralQueries queries, AcceptReferral accept, DecideNoFurtherAction noFurtherAction,
    ClassifyReferral classify, CaseScope access, CurrentUser user, AppDbContext db) : CasefilePageModel
{
    public ReferralView Referral { get; private set; } = null!;
    public bool CanDecide { get; private set; }
    public bool ChildHasOpenCase { get; private set; }
    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Workers { get; private set; } = [];

    /// <summary>Whether the viewer may record the source and primary need: as for the referral, or its case once accepted.</summary>
    public bool CanClassify { get; private set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    [BindProperty]
    public ClassificationInput Classification { get; set; } = new();

    public sealed class ClassificationInput
    {
        public string? Source { get; set; }
        public string? PrimaryNeed { get; set; }
    }

    public sealed class DecisionInput
    {
        public string? Team { get; set; }
        public string? AllocatedWorker { get; set; }
        public string? Reason { get; set; }
    }

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        var accepted = await accept.HandleAsync(id, new AcceptReferralCommand(Input.Team, Input.AllocatedWorker), ct);
        TempData["Confirmation"] = accepted.Reopened
            ? $"Referral accepted. Case file {accepted.Reference} is reopened as a new volume."
            : accepted.AddedToOpenCase
                ? $"Referral accepted and added to the open case file {accepted.Reference}."
                : $"Referral accepted. Case file {accepted.Reference} is open.";
        return Redirect($"/cases/{accepted.CaseId}");
    }, reload: () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostNoFurtherActionAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        await noFurtherAction.HandleAsync(id, new NoFurtherActionCommand(Input.Reason), ct);
        TempData["Confirmation"] = "Referral decided as no further action.";
        return Redirect($"/referrals/{id}");
    }, reload: () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostClassifyAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        await classify.HandleAsync(id, new ClassifyReferralCommand(Classification.Source, Classification.PrimaryNeed), ct);
        TempData["Confirmation"] = "Where the referral came from and the primary need are saved.";
        return Redirect($"/referrals/{id}");
    }, field => field switch
    {
        "source" => "Classification.Source",
        "primaryNeed" => "Classification.PrimaryNeed",
        _ => null,
    }, () => LoadAsync(id, ct));

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Referral = await queries.GetAsync(id, ct);
        CanClassify = Referral.CaseId is not { } caseId || (await access.PermissionsAsync(caseId, ct))?.Write.Allowed == true;
        // The form starts from what is recorded (a failed post shows what was chosen instead).
        if (Classification.Source is null && Classification.PrimaryNeed is null)
            (Classification.Source, Classification.PrimaryNeed) = (Referral.Source, Referral.PrimaryNeed);
        CanDecide = Referral.Decision == Domain.Referrals.ReferralDecision.Awaiting && (await user.ViewerAsync(ct)).May(StaffCapability.DecideReferrals);
        if (!CanDecide) return;
        ChildHasOpenCase = await db.CaseFiles.AnyAsync(c => c.ChildId == Referral.ChildId && c.Status == Domain.Cases.CaseStatus.Open, ct);
        var viewer = await user.ViewerAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        Teams = [new SelectListItem("Choose a team", ""), .. teams.Where(t => viewer.Manages(t.Id)).Select(t => new SelectListItem(t.Name, t.Name))];
        var workers = await (from u in db.Users
                             where u.IsActive && u.TeamId != null
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where r.Name == StaffRole.SocialWorker || r.Name == StaffRole.PracticeManager
                                || r.Name == StaffRole.PrincipalManager || r.Name == StaffRole.DivisionalManager
                             join t in db.Teams on u.TeamId equals (Guid?)t.Id
                             orderby t.Name, u.DisplayName
                             select new { u.UserName, u.DisplayName, Team = t.Name, t.Id }).AsNoTracking().ToListAsync(ct);
        Workers = [new SelectListItem("Choose a worker", ""), .. workers.Where(w => viewer.Manages(w.Id))
            .Select(w => new SelectListItem($"{w.DisplayName} ({w.Team})", w.UserName))];
    }
}
