using Casefile.Web.Hosting;

namespace Casefile.Web.Features.Access;

public static class AccessEndpoints
{
    public static void MapAccess(this RouteGroupBuilder api)
    {
        // Case-scoped: no role gate, so the access policy alone decides (a restricted case stays 404 for every role).
        var cases = api.MapGroup("/cases/{caseId:guid}").WithTags("Access");

        cases.MapPost("/emergency-access", async (Guid caseId, EmergencyAccessCommand command, RequestEmergencyAccess handler, CancellationToken ct) =>
        {
            var grant = await handler.HandleAsync(caseId, command, ct);
            return Results.Created($"/api/v1/cases/{caseId}", new { id = grant.Id, caseId, expiresAt = grant.ExpiresAt, reason = grant.Reason });
        }).WithSummary("Open a case you have no relationship with, giving a written reason; lasts at most 24 hours");

        cases.MapGet("/access-log", async (Guid caseId, string? user, DateOnly? from, DateOnly? to, int? page, AccessLogs logs, CancellationToken ct) =>
        {
            var result = await logs.ForCaseAsync(caseId, new AccessLogFilter(user, from, to, page), ct);
            return Results.Ok(new { caseId, entries = result.Entries, page = result.Page, hasMore = result.HasMore });
        })
            .WithSummary("Who has viewed or changed this case, when and why (the case's managers and records managers)");

        cases.MapPost("/restriction", async (Guid caseId, RestrictCaseCommand command, RestrictCase handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(caseId, command, ct);
            return Results.NoContent();
        }).WithSummary("Restrict the case to a named list of people, with a reason and review date");

        cases.MapDelete("/restriction", async (Guid caseId, LiftRestriction handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(caseId, ct);
            return Results.NoContent();
        }).WithSummary("Lift the case's restriction");

        cases.MapPost("/legal-shares", async (Guid caseId, ShareWithLegalCommand command, ShareWithLegal handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(caseId, command, ct);
            return Results.NoContent();
        }).WithSummary("Share the case with a Legal Services colleague");

        cases.MapPost("/consents", async (Guid caseId, RecordConsentCommand command, ConsentHandlers handler, CancellationToken ct) =>
            Results.Created($"/api/v1/cases/{caseId}", new { id = await handler.RecordConsentAsync(caseId, command, ct) }))
            .WithSummary("Record consent to share, by a parent or the young person (16 or over)");

        cases.MapPost("/sharing-without-consent", async (Guid caseId, SharingWithoutConsentCommand command, ConsentHandlers handler, CancellationToken ct) =>
            Results.Created($"/api/v1/cases/{caseId}", new { id = await handler.RecordSharingWithoutConsentAsync(caseId, command, ct) }))
            .WithSummary("Record information shared without consent to protect a child, with the manager who agreed");

        api.MapPost("/emergency-access/{id:guid}/review", async (Guid id, ReviewCommand command, ReviewEmergencyAccess handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, command.Note, ct);
            return Results.NoContent();
        }).WithTags("Access").RequireAuthorization(Policies.CaseWork).WithSummary("A manager reviews a use of emergency access");

        api.MapGet("/burst-alerts", async (Infrastructure.BurstAlerts alerts, CancellationToken ct) => Results.Ok(new { alerts = await alerts.ForMeAsync(ct) }))
            .WithSummary("Bursts of emergency access or exports refused to people in the user's line (issue 15)");
        api.MapGet("/emergency-access", async (AccessLogs logs, CancellationToken ct) =>
            Results.Ok(new { results = await logs.EmergencyForReviewAsync(ct) }))
            .WithTags("Access").RequireAuthorization(Policies.CaseWork).WithSummary("Emergency access to your teams' cases waiting for review");

        api.MapGet("/users/{userName}/access-log", async (string userName, DateOnly? from, DateOnly? to, int? page, AccessLogs logs, CancellationToken ct) =>
        {
            var result = await logs.ForUserAsync(userName, new AccessLogFilter(null, from, to, page), ct);
            return Results.Ok(new { userName, from, to, entries = result.Entries, page = result.Page, hasMore = result.HasMore });
        })
            .WithTags("Access").WithSummary("What a worker opened in a period (their managers, for a complaint)");
    }
}

public sealed record ReviewCommand(string? Note);
