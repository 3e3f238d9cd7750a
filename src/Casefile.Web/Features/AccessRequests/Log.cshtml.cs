namespace Casefile.Web.Features.AccessRequests;

/// <summary>The disclosure log on its own page, to print for the court (policy 10.3).</summary>
public sealed class LogModel(AccessRequestQueries queries) : CasefilePageModel
{
    public AccessRequestView Item { get; private set; } = null!;
    public IReadOnlyList<DisclosureLogView> Log { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Item = await queries.GetAsync(id, ct);
        Log = await queries.DisclosureLogAsync(id, ct);
    }
}
