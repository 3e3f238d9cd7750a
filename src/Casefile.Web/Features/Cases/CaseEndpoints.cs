using Casefile.Web.Hosting;

namespace Casefile.Web.Features.Cases;

public static class CaseEndpoints
{
    public static void MapCases(this RouteGroupBuilder api)
    {
        // No role gate here: the access policy decides for every role, so refusals are 404 or 403 as it says.
        var cases = api.MapGroup("/cases").WithTags("Cases");

        cases.MapGet("/{caseId:guid}", async (Guid caseId, GetCase handler, CancellationToken ct) =>
        {
            var c = await handler.HandleAsync(caseId, ct);
            return Results.Ok(new
            {
                id = c.Id,
                reference = c.Reference,
                childId = c.ChildId,
                status = c.Status,
                team = c.Team,
                allocatedWorker = c.AllocatedWorker,
                openedOn = c.OpenedOn,
                closedOn = c.ClosedOn,
                volume = c.Volume,
                accessBasis = c.AccessBasis,
                version = c.Version,
                allocations = c.Allocations.Select(a => new { from = a.From, team = a.Team, allocatedWorker = a.WorkerUserName, changedBy = a.ChangedBy, reason = a.Reason }),
                restricted = c.Restriction is not null,
                restriction = c.Restriction,
                consents = c.Consents,
                sharedWithoutConsent = c.SharedWithoutConsent,
            });
        }).WithSummary("A child's case file: reference, status, team and allocated worker, with the allocation history");

        cases.MapPost("/{caseId:guid}/allocation", async (Guid caseId, ReallocateCommand command, ReallocateCase handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(caseId, command, ct);
            return Results.NoContent();
        }).WithSummary("Reallocate the case to another worker or team (managers); the change is kept in the history");

        api.MapGet("/me/cases", async (MyCases handler, CancellationToken ct) =>
        {
            var (mine, teams) = await handler.HandleAsync(ct);
            return Results.Ok(new { allocated = mine, teams });
        }).WithTags("Cases").RequireAuthorization(Policies.CaseWork).WithSummary("The signed-in worker's allocated cases, and for managers their teams' open cases");
    }
}
