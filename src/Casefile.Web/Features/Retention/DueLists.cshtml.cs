using Casefile.Web.Infrastructure;

namespace Casefile.Web.Features.Retention;

/// <summary>Records managers' list of files whose retention date has come (policy 8).</summary>
public sealed class DisposalsModel(DisposalQueries queries) : CasefilePageModel
{
    public IReadOnlyList<DisposalItem>? Files { get; private set; }
    public string? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        try { Files = await queries.DueAsync(ct); }
        catch (AccessDeniedException e)
        {
            Refusal = e.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}

/// <summary>Records managers' list of files due for review, each with its reason.</summary>
public sealed class ReviewsModel(DisposalQueries queries) : CasefilePageModel
{
    public IReadOnlyList<DisposalItem>? Files { get; private set; }
    public string? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        try { Files = await queries.ReviewsDueAsync(ct); }
        catch (AccessDeniedException e)
        {
            Refusal = e.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}
