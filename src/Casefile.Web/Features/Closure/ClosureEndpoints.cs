namespace Casefile.Web.Features.Closure;

public static class ClosureEndpoints
{
    public static void MapClosure(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId:guid}/closure-requests", async (Guid caseId, ClosureRequestCommand command, RequestClosure handler,
            ClosureQueries queries, CancellationToken ct) =>
        {
            var request = await handler.HandleAsync(caseId, command, ct);
            return Results.Created($"/api/v1/closure-requests/{request.Id}", await queries.GetAsync(request.Id, ct));
        }).WithTags("Closure")
            .WithSummary("Ask for the case to be closed (policy 6.3): closing summary, Appendix 2 checklist answers (done, not-applicable with reason, outstanding) and who gets a closure letter");

        api.MapPut("/cases/{caseId:guid}/care-leaver-adult-services", async (Guid caseId, AdultServicesCommand command, RecordAdultServices handler,
            CancellationToken ct) =>
        {
            await handler.HandleAsync(caseId, command.Value, ct);
            return Results.NoContent();
        }).WithTags("Closure").WithSummary("Record whether the young person is a care leaver also getting adult services: their file then stays open (policy 3.12 guidance)");

        var requests = api.MapGroup("/closure-requests").WithTags("Closure");
        requests.MapGet("/{id:guid}", async (Guid id, ClosureQueries queries, CancellationToken ct) => Results.Ok(await queries.GetAsync(id, ct)))
            .WithSummary("One closure request, with each checklist item as it stands now");
        requests.MapPut("/{id:guid}", async (Guid id, ClosureRequestCommand command, ReviseClosureRequest handler, ClosureQueries queries,
            CancellationToken ct) =>
        {
            await handler.HandleAsync(id, command, ct);
            return Results.Ok(await queries.GetAsync(id, ct));
        }).WithSummary("Change the request (after it was returned): it goes to the manager again");
        requests.MapPost("/{id:guid}/authorise", async (Guid id, DecideClosure handler, ClosureQueries queries, CancellationToken ct) =>
        {
            await handler.AuthoriseAsync(id, ct);
            return Results.Ok(await queries.GetAsync(id, ct));
        }).WithSummary("Authorise closure (the worker's line manager or above, never your own request). Refused with what is missing while the record is incomplete");
        requests.MapPost("/{id:guid}/return", async (Guid id, ReasonCommand command, DecideClosure handler, ClosureQueries queries, CancellationToken ct) =>
        {
            await handler.ReturnAsync(id, command, ct);
            return Results.Ok(await queries.GetAsync(id, ct));
        }).WithSummary("Send the request back to the worker with what needs to change");
        requests.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawClosureRequest handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("The worker takes the request back");
        api.MapGet("/closure-requests/awaiting-me", async (ClosureQueries queries, CancellationToken ct) =>
            Results.Ok(new { requests = await queries.AwaitingMyDecisionAsync(ct) })).WithTags("Closure")
            .WithSummary("Closure requests from people in your line, waiting for your decision");

        var tasks = api.MapGroup("/admin-tasks").WithTags("Closure");
        tasks.MapGet("/", async (AdminTasks handler, CancellationToken ct) => Results.Ok(new { tasks = await handler.MineAsync(ct) }))
            .WithSummary("Admin tasks still to do for your team (admin officers)");
        tasks.MapPost("/{id:guid}/done", async (Guid id, AdminTaskCommand command, AdminTasks handler, CancellationToken ct) =>
            Results.Ok(await handler.DoneAsync(id, command, ct))).WithSummary("Mark a task done, with an optional note");
        tasks.MapPost("/{id:guid}/not-needed", async (Guid id, AdminTaskCommand command, AdminTasks handler, CancellationToken ct) =>
            Results.Ok(await handler.NotNeededAsync(id, command, ct))).WithSummary("Mark a task not needed, saying why");
    }
}

public sealed record AdultServicesCommand(bool Value);
