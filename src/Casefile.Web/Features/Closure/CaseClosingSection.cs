using Casefile.Domain.Access;
using Casefile.Web.Features.Transfers;
using Casefile.Web.Infrastructure;

namespace Casefile.Web.Features.Closure;

/// <summary>
/// The case page's "Transfer and closure" section (policy 3.12, 6): a transfer or request to close
/// that is waiting, the request that closed the case, the admin tasks after closure, and which of
/// the two actions the viewer may start.
/// </summary>
public sealed record CaseClosingSection(
    Guid CaseId, bool Open, DateOnly? ClosedOn, int Volume, TransferView? OpenTransfer, ClosureQueueItem? OpenClosure, Guid? AuthorisedClosureId,
    IReadOnlyList<AdminTaskView> AdminTasks, bool MayProposeTransfer, bool MayProposeClosure)
{
    public bool OffersClosure => Open && MayProposeClosure && OpenClosure is null;
    public bool OffersTransfer => Open && MayProposeTransfer && OpenTransfer is null;
}

/// <summary>Loads <see cref="CaseClosingSection"/> for a case already opened; audits nothing itself.</summary>
public sealed class CaseClosingLoader(ClosureQueries closures, TransferQueries transfers, AdminTasks adminTasks)
{
    public async Task<CaseClosingSection> LoadAsync(OpenedCase opened, Domain.Cases.CaseStatus status, DateOnly? closedOn, int volume, CancellationToken ct)
    {
        var open = status == Domain.Cases.CaseStatus.Open;
        return new CaseClosingSection(opened.Id, open, closedOn, volume,
            open ? await transfers.OpenForCaseAsync(opened, ct) : null,
            open ? await closures.OpenForCaseAsync(opened, ct) : null,
            open ? null : await closures.AuthorisedForCaseAsync(opened, ct),
            await adminTasks.ForCaseAsync(opened, ct),
            opened.May(CaseCapability.ProposeTransfer), opened.May(CaseCapability.ProposeClosure));
    }
}
