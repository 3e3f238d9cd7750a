using Casefile.Web.Features.Chronology;
using Casefile.Web.Hosting;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Records;

public static class RecordEndpoints
{
    public static void MapRecords(this RouteGroupBuilder api)
    {
        // No role gate: the access policy decides for every role (404 or 403 as it says).
        api.MapPost("/cases/{caseId:guid}/records", async (Guid caseId, RecordCommand command, StartRecord handler, CancellationToken ct) =>
        {
            var saved = await handler.HandleAsync(caseId, command, ct);
            return Results.Created($"/api/v1/records/{saved.Id}", Saved(saved));
        }).WithTags("Records").WithSummary("Start a case record (a draft) on a child's file. 409 with the existing record when it looks like the same event, unless confirmedNotDuplicate");

        var records = api.MapGroup("/records").WithTags("Records");
        records.MapGet("/{id:guid}", async (Guid id, GetRecord handler, CancellationToken ct) => Results.Ok(await handler.HandleAsync(id, ct)))
            .WithSummary("One case record with its addenda and any moves");

        records.MapGet("/search", async ([AsParameters] RecordSearchQuery query, SearchRecords handler, CancellationToken ct) =>
        {
            var found = await handler.HandleAsync(query, ct);
            return Results.Ok(new { words = found.Words, scope = found.Scope, records = found.Records, next = found.Next });
        }).WithSummary("Finalised records holding all the words (q), newest first, 25 at a time: scope=caseload (your cases and, for managers, your teams') or service (every case you may read); follow next");

        records.MapPut("/{id:guid}", async (Guid id, RecordCommand command, ReviseRecord handler, CancellationToken ct) =>
            Results.Ok(Saved(await handler.HandleAsync(id, command, ct))))
            .WithSummary("Save changes to your draft. Send the version you opened: a save over a newer version is refused with 409");

        records.MapPost("/{id:guid}/finalise", async (Guid id, [FromBody] FinaliseCommand? command, FinaliseRecord handler, CancellationToken ct) =>
        {
            var done = await handler.HandleAsync(id, command ?? new FinaliseCommand(null), ct);
            return Results.Ok(new { id = done.Id, caseId = done.CaseId, status = "final", finalisedAt = done.FinalisedAt, recordBy = done.RecordBy, late = done.Late, workingDaysLate = done.WorkingDaysLate });
        }).WithSummary("Finalise and lock your draft; says whether it was late and by how many working days. 409 other-child-named when its text names another child on the register, unless confirmOtherChildren; 400 naming interpreter when someone present needs one and the record does not say whether one was used");

        records.MapPost("/{id:guid}/discard", async (Guid id, DraftDecisionCommand command, DiscardRecord handler, CancellationToken ct) =>
            Results.Ok(Saved(await handler.HandleAsync(id, command, ct))))
            .WithSummary("Discard your draft with a reason (also after the case has moved away from you); a line in the chronology says so");

        records.MapPost("/{id:guid}/reassign", async (Guid id, DraftDecisionCommand command, ReassignRecord handler, CancellationToken ct) =>
            Results.Ok(Saved(await handler.HandleAsync(id, command, ct))))
            .WithSummary("Give a leaver's or stranded draft to the case's allocated worker to finish, with a reason (a manager of the case)");

        records.MapPost("/{id:guid}/addenda", async (Guid id, AddendumCommand command, AddAddendum handler, CancellationToken ct) =>
        {
            var addendumId = await handler.HandleAsync(id, command, ct);
            return Results.Created($"/api/v1/records/{id}", new { id = addendumId, recordId = id });
        }).WithSummary("Add a correction or addition to a finalised record; the original stays readable");

        records.MapPost("/{id:guid}/move", async (Guid id, MoveRecordCommand command, RequestRecordMove handler, CancellationToken ct) =>
        {
            var moveId = await handler.HandleAsync(id, command, ct);
            return Results.Created($"/api/v1/records/{id}", new { id = moveId, status = "requested" });
        }).WithSummary("Ask for a record filed on the wrong child to be moved; a manager decides");

        api.MapPost("/record-moves/{id:guid}/decision", async (Guid id, DecideMoveCommand command, DecideRecordMove handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, command, ct);
            return Results.NoContent();
        }).WithTags("Records").WithSummary("Approve or refuse moving a record to another child's file (a manager of the team, not the person who asked)");

        api.MapGet("/me/outstanding-records", async (OutstandingRecords handler, CancellationToken ct) =>
        {
            var o = await handler.HandleAsync(ct);
            return Results.Ok(new { mine = o.Mine, team = o.Team, movesToDecide = o.MovesToDecide });
        }).WithTags("Records").RequireAuthorization(Policies.CaseWork).WithSummary("Your write-ups still in draft (overdue first), and for managers their teams' and the record moves waiting for them");

        api.MapGet("/cases/{caseId:guid}/chronology", async (Guid caseId, [AsParameters] ChronologyQuery query, GetChronology handler, CancellationToken ct) =>
        {
            var page = await handler.HandleAsync(caseId, query, ct);
            return Results.Ok(new { caseId = page.CaseId, reference = page.CaseReference, total = page.Total, entries = page.Entries, next = page.Next, previous = page.Previous });
        }).WithTags("Chronology").WithSummary("The case in date order (oldest first), a page at a time: filter by type, significantOnly, q (words), from and to; follow next");

        api.MapGet("/cases/{caseId:guid}/chronology.pdf", async (Guid caseId, [AsParameters] ChronologyQuery query, GetChronology handler, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        {
            var page = await handler.ExportAsync(caseId, query, ct);
            return Results.File(ChronologyExport.Pdf(page, user.DisplayName, clock.GetUtcNow()), "application/pdf", $"chronology-{page.CaseReference}.pdf");
        }).WithTags("Chronology").WithSummary("The chronology (with the same filters) as a PDF for printing");
    }

    private static object Saved(SavedRecord s) => new { id = s.Id, caseId = s.CaseId, status = s.Status, recordBy = s.RecordBy, version = s.Version };
}
