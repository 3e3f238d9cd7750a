using Casefile.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;

namespace Casefile.Web.Features.Cases;

[Authorize]
public sealed class AccessLogModel(AccessLogs logs) : CasefilePageModel
{
    public Guid CaseId { get; private set; }
    public IReadOnlyList<AccessLogEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        CaseId = id;
        Entries = await logs.ForCaseAsync(id, ct);
    }
}
