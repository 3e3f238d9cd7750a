using Casefile.Domain.Referrals;
using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace Casefile.Web.Features.Referrals;

[Authorize(Policy = Policies.FrontDoor)]
public sealed class IndexModel(ReferralQueries queries) : CasefilePageModel
{
    public IReadOnlyList<ReferralView> Awaiting { get; private set; } = [];
    public IReadOnlyList<ReferralView> Decided { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await queries.ListAsync(null, 100, ct);
        Awaiting = all.Where(r => r.Decision == ReferralDecision.Awaiting).OrderBy(r => r.ReceivedAt).ToList();
        Decided = all.Where(r => r.Decision != ReferralDecision.Awaiting).Take(30).ToList();
    }
}
