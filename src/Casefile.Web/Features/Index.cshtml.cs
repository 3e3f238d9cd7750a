using Casefile.Domain.Staff;
using Casefile.Web.Features.Cases;
using Casefile.Web.Infrastructure;

namespace Casefile.Web.Features;

public sealed class IndexModel(MyCases myCases, CurrentUser user) : CasefilePageModel
{
    public IReadOnlyList<CaseListItem> Mine { get; private set; } = [];
    public IReadOnlyList<CaseListItem> Teams { get; private set; } = [];
    public bool WorksWithCases { get; private set; }
    public string RoleNames { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = user.Roles;
        RoleNames = string.Join(", ", roles.Select(StaffRole.Describe));
        WorksWithCases = roles.Any(r => Hosting.Policies.CaseWorkRoles.Contains(r));
        if (WorksWithCases) (Mine, Teams) = await myCases.HandleAsync(ct);
    }
}
