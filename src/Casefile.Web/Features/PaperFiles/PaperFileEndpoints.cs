namespace Casefile.Web.Features.PaperFiles;

public static class PaperFileEndpoints
{
    public static void MapPaperFiles(this RouteGroupBuilder api)
    {
        // No role gate: the access policy decides on the case (404 or 403 as it says), and the line decides removals.
        api.MapGet("/cases/{caseId:guid}/paper-files", async (Guid caseId, PaperFileQueries handler, CancellationToken ct) =>
            Results.Ok(new { caseId, volumes = await handler.ListAsync(caseId, ct) }))
            .WithTags("Paper files").WithSummary("The case's paper volumes from before the electronic record: where each is kept, who has it and any request to take it out");

        api.MapPost("/cases/{caseId:guid}/paper-files", async (Guid caseId, AddPaperVolumeCommand command, AddPaperVolume handler, CancellationToken ct) =>
        {
            var volume = await handler.HandleAsync(caseId, command, ct);
            return Results.Created($"/api/v1/paper-files/{volume.Id}", new { id = volume.Id, caseId, volumeNumber = volume.VolumeNumber, status = volume.Status });
        }).WithTags("Paper files").WithSummary("Add a paper volume to the register: volumeNumber (unique on the case), coversFrom, coversTo (yyyy-MM-dd, not in the future) and location");

        var files = api.MapGroup("/paper-files").WithTags("Paper files");
        files.MapGet("/{id:guid}", async (Guid id, PaperFileQueries handler, CancellationToken ct) => Results.Ok(await handler.GetAsync(id, ct)))
            .WithSummary("One paper volume with its history of movements");

        files.MapPost("/{id:guid}/removal-requests", async (Guid id, RemovalRequestCommand command, RequestPaperFileRemoval handler, CancellationToken ct) =>
        {
            var removal = await handler.HandleAsync(id, command, ct);
            return Results.Created($"/api/v1/paper-files/{id}", new { id = removal.Id, volumeId = id, status = removal.Status });
        }).WithSummary("Ask to take the volume out of the office (reason, destination, expectedReturn). Your line manager authorises it before it can be marked out (policy 7.3)");

        files.MapPost("/{id:guid}/return", async (Guid id, MovePaperFile handler, CancellationToken ct) =>
        {
            await handler.ReturnAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("The volume is back: mark it in store at its location");

        files.MapGet("/out-overnight", async (PaperFilesOutOvernight handler, CancellationToken ct) =>
        {
            var list = await handler.HandleAsync(ct);
            return Results.Ok(new { previousWorkingDay = list.PreviousWorkingDay, cutoff = list.Cutoff, volumes = list.Out, pending = list.Pending });
        }).WithSummary("For managers: volumes your line reports had out of the office overnight (out when it closed on the previous working day, or taken out since, before today), and removal requests waiting for you");

        var removals = api.MapGroup("/paper-file-removals").WithTags("Paper files");
        removals.MapPost("/{id:guid}/authorise", async (Guid id, DecidePaperFileRemoval handler, CancellationToken ct) =>
        {
            await handler.AuthoriseAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("Authorise taking the volume out (the requester's line manager, or a manager above them; never the requester)");

        removals.MapPost("/{id:guid}/refuse", async (Guid id, RefuseRemovalCommand command, DecidePaperFileRemoval handler, CancellationToken ct) =>
        {
            await handler.RefuseAsync(id, command, ct);
            return Results.NoContent();
        }).WithSummary("Refuse the request, with a reason the worker can act on");

        removals.MapPost("/{id:guid}/mark-out", async (Guid id, MovePaperFile handler, CancellationToken ct) =>
        {
            await handler.MarkOutAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("The volume has left the office on this authorised request; refused until the line manager has authorised it");
    }
}
