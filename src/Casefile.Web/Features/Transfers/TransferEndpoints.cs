namespace Casefile.Web.Features.Transfers;

public static class TransferEndpoints
{
    public static void MapTransfers(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId:guid}/transfers", async (Guid caseId, ProposeTransferCommand command, ProposeTransfer handler,
            TransferQueries queries, CancellationToken ct) =>
        {
            var transfer = await handler.HandleAsync(caseId, command, ct);
            return Results.Created($"/api/v1/transfers/{transfer.Id}", await queries.GetAsync(transfer.Id, ct));
        }).WithTags("Transfers").WithSummary("Propose moving the case to another team or worker, with the transfer summary (policy 3.12)");

        var transfers = api.MapGroup("/transfers").WithTags("Transfers");
        transfers.MapGet("/to-accept", async (TransferQueries queries, CancellationToken ct) => Results.Ok(new { transfers = await queries.ToAcceptAsync(ct) }))
            .WithSummary("Transfers into teams you manage, waiting for you");
        transfers.MapGet("/{id:guid}", async (Guid id, TransferQueries queries, CancellationToken ct) => Results.Ok(await queries.GetAsync(id, ct)));
        transfers.MapPost("/{id:guid}/accept", async (Guid id, AcceptTransferCommand? command, DecideTransfer handler, TransferQueries queries,
            CancellationToken ct) =>
        {
            await handler.AcceptAsync(id, command ?? new AcceptTransferCommand(null), ct);
            return Results.Ok(await queries.GetAsync(id, ct));
        }).WithSummary("Accept the transfer as a manager of the receiving team; name the worker if the proposal did not");
        transfers.MapPost("/{id:guid}/return", async (Guid id, TransferReasonCommand command, DecideTransfer handler, TransferQueries queries,
            CancellationToken ct) =>
        {
            await handler.ReturnAsync(id, command, ct);
            return Results.Ok(await queries.GetAsync(id, ct));
        }).WithSummary("Return the transfer with a reason");
        transfers.MapPost("/{id:guid}/withdraw", async (Guid id, DecideTransfer handler, CancellationToken ct) =>
        {
            await handler.WithdrawAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("The proposer takes the transfer back");
    }
}
