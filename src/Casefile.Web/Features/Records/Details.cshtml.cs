using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Records;

/// <summary>A record as it is on file, with its addenda; finalised records are corrected here by addendum.</summary>
public sealed class DetailsModel(GetRecord getRecord, AddAddendum addAddendum, RequestRecordMove requestMove, DiscardRecord discard, ReassignRecord reassign) : CasefilePageModel
{
    public RecordView Record { get; private set; } = null!;

    [BindProperty]
    public AddendumInput Input { get; set; } = new();

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    [BindProperty]
    public DraftDecisionInput Discard { get; set; } = new();

    [BindProperty]
    public DraftDecisionInput Reassign { get; set; } = new();

    public sealed class DraftDecisionInput
    {
        public string? Reason { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed class AddendumInput
    {
        public string? Text { get; set; }
    }

    public sealed class MoveInput
    {
        public string? ToCaseReference { get; set; }
        public string? Reason { get; set; }
    }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Record = await getRecord.HandleAsync(id, ct);

    public Task<IActionResult> OnPostAddendumAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        await addAddendum.HandleAsync(id, new AddendumCommand(Input.Text), ct);
        TempData["Confirmation"] = "Addendum added. The original record is unchanged.";
        return Redirect($"/records/{id}#addenda");
    }, reload: async () => Record = await getRecord.HandleAsync(id, ct));

    public Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        await discard.HandleAsync(id, new DraftDecisionCommand(Discard.Reason, Discard.Version), ct);
        TempData["Confirmation"] = "Draft discarded. The chronology shows that it was, and why.";
        return Redirect($"/records/{id}");
    }, field => field == "reason" ? "Discard.Reason" : null, reload: async () => Record = await getRecord.HandleAsync(id, ct));

    public Task<IActionResult> OnPostReassignAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        await reassign.HandleAsync(id, new DraftDecisionCommand(Reassign.Reason, Reassign.Version), ct);
        TempData["Confirmation"] = "The draft is now with the allocated worker to finish.";
        return Redirect($"/records/{id}");
    }, field => field == "reason" ? "Reassign.Reason" : null, reload: async () => Record = await getRecord.HandleAsync(id, ct));

    public Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        await requestMove.HandleAsync(id, new MoveRecordCommand(Move.ToCaseReference, Move.Reason), ct);
        TempData["Confirmation"] = "Move requested. A manager of the team will approve or refuse it; the record stays here until then.";
        return Redirect($"/records/{id}");
    }, field => field switch { "toCaseReference" => "Move.ToCaseReference", "reason" => "Move.Reason", _ => null },
    reload: async () => Record = await getRecord.HandleAsync(id, ct));
}
