using System.Text;
using System.Text.Json.Nodes;
using Casefile.Domain.Retention;
using Casefile.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Features.Retention;

public static class RetentionEndpoints
{
    public static void MapRetention(this RouteGroupBuilder api)
    {
        // The case's own access policy decides reading; records managers' acts are checked in the handlers (403, audited).
        api.MapGet("/cases/{caseId:guid}/retention", async (Guid caseId, GetRetention handler, CancellationToken ct) =>
            Results.Ok(await handler.HandleAsync(caseId, ct))).WithTags("Retention")
            .WithSummary("How long the file is kept (policy 8): categories and where each came from, action (destroy, review, retain-permanently, not-yet-known), date (null when permanent or not yet known), ruleId, explanation, every rule that applied, review dates, holds and care events");

        api.MapPost("/cases/{caseId:guid}/retention-categories", async (Guid caseId, AddRetentionCategoryCommand command, AddRetentionCategory handler,
            GetRetention get, CancellationToken ct) =>
        {
            var added = await handler.HandleAsync(caseId, command, ct);
            return Results.Created($"/api/v1/cases/{caseId}/retention", new { id = added.Id, category = RetentionNames.Id(added.Category), caseId });
        }).WithTags("Retention").WithSummary("Records managers: add a category (category id, reason, eventDate where its rule counts from an event, deceasedOrWithdrawn for adopters)");

        api.MapPost("/cases/{caseId:guid}/care-events", async (Guid caseId, CareEventCommand command, RecordCareEvent handler, CancellationToken ct) =>
        {
            var care = await handler.HandleAsync(caseId, command, ct);
            return Results.Created($"/api/v1/cases/{caseId}/retention", new { id = care.Id, kind = care.Kind, from = care.From, to = care.To });
        }).WithTags("Retention").WithSummary("Record a period looked after (from, to), a private fostering arrangement notified (from) or an adoption order (from): kind is lookedAfterPeriod, privateFosteringNotified or adoptionOrder");

        api.MapPost("/cases/{caseId:guid}/legal-holds", async (Guid caseId, LegalHoldCommand command, LegalHolds handler, CancellationToken ct) =>
        {
            var hold = await handler.PlaceAsync(caseId, command, ct);
            return Results.Created($"/api/v1/cases/{caseId}/retention", new { id = hold.Id, kind = hold.Kind, reason = hold.Reason, active = true });
        }).WithTags("Retention").WithSummary("Records managers: place a legal hold (kind litigation, inquiry or accessRequest, with a reason). The file is not destroyed until it is lifted");

        api.MapPost("/legal-holds/{id:guid}/lift", async (Guid id, ReasonOnlyCommand command, LegalHolds handler, CancellationToken ct) =>
        {
            var hold = await handler.LiftAsync(id, command, ct);
            return Results.Ok(new { id = hold.Id, active = false, liftedAt = hold.LiftedAt, liftReason = hold.LiftReason });
        }).WithTags("Retention").WithSummary("Records managers: lift a legal hold, with a reason");

        var disposals = api.MapGroup("/disposals").WithTags("Retention");
        disposals.MapGet("/due", async (DisposalQueries queries, CancellationToken ct) => Results.Ok(new { files = await queries.DueAsync(ct) }))
            .WithSummary("Records managers: files whose retention date has come, as the daily sweep found them, with the reason, any hold and any proposal to destroy");
        disposals.MapGet("/reviews-due", async (DisposalQueries queries, CancellationToken ct) => Results.Ok(new { files = await queries.ReviewsDueAsync(ct) }))
            .WithSummary("Records managers: files due for review, with the reason (for example the youngest child in the family reaching 18)");

        var reviews = api.MapGroup("/disposal-reviews").WithTags("Retention");
        reviews.MapGet("/{id:guid}", async (Guid id, DisposalQueries queries, CancellationToken ct) => Results.Ok(await queries.GetAsync(id, ct)))
            .WithSummary("One file on the disposal or review list");
        reviews.MapPost("/{id:guid}/keep", async (Guid id, KeepCommand command, DecideDisposal handler, DisposalQueries queries, CancellationToken ct) =>
        {
            await handler.KeepAsync(id, command, ct);
            return Results.Ok(await queries.GetAsync(id, ct));
        }).WithSummary("Keep the file for now: reason and nextReviewOn (after today)");
        reviews.MapPost("/{id:guid}/propose-destruction", async (Guid id, ReasonOnlyCommand command, DecideDisposal handler, DisposalQueries queries, CancellationToken ct) =>
        {
            await handler.ProposeAsync(id, command, ct);
            return Results.Ok(await queries.GetAsync(id, ct));
        }).WithSummary("Propose destruction, with a reason: a second, different records manager confirms. Refused (422 legal-hold) while a hold is on the file");
        reviews.MapPost("/{id:guid}/confirm-destruction", async (Guid id, DecideDisposal handler, CancellationToken ct) =>
        {
            var tombstone = await handler.ConfirmAsync(id, ct);
            return Results.Ok(TombstoneView.From(tombstone));
        }).WithSummary("Confirm destruction (a records manager other than the proposer; 422 second-records-manager-needed otherwise). Destroys the file and answers its tombstone");

        var tombstones = api.MapGroup("/tombstones").WithTags("Retention");
        tombstones.MapGet("/", async (TombstoneQueries queries, CancellationToken ct) => Results.Ok(new { tombstones = await queries.ListAsync(ct) }))
            .WithSummary("Records managers: destroyed files (newest first, at most 500)");
        tombstones.MapGet("/{id:guid}", async (Guid id, TombstoneQueries queries, CancellationToken ct) => Results.Ok(await queries.GetAsync(id, "tombstone", ct)))
            .WithSummary("What is left of a destroyed file: reference, categories, dates, rule, who proposed and confirmed destruction and when");
        tombstones.MapGet("/{id:guid}/certificate.pdf", async (Guid id, TombstoneQueries queries, IOptions<CasefileOptions> options, CancellationToken ct) =>
        {
            var t = await queries.GetAsync(id, "destruction-certificate", ct);
            return Results.File(DestructionCertificate.Pdf(t, options.Value.CouncilName), "application/pdf", $"destruction-certificate-{t.CaseReference}.pdf");
        }).WithSummary("The destruction certificate as a PDF");
        tombstones.MapGet("/{id:guid}/certificate.csv", async (Guid id, TombstoneQueries queries, CancellationToken ct) =>
        {
            var t = await queries.GetAsync(id, "destruction-certificate", ct);
            return Results.File(Encoding.UTF8.GetBytes(DestructionCertificate.Csv(t)), "text/csv", $"destruction-certificate-{t.CaseReference}.csv");
        }).WithSummary("The destruction certificate as CSV");

        var schedule = api.MapGroup("/retention/schedule").WithTags("Retention");
        schedule.MapGet("/", async (ScheduleHandlers handler, CancellationToken ct) => Results.Ok(await handler.GetAsync(ct)))
            .WithSummary("The retention schedule in force (policy 8) with the assumption beside each rule, and every version: who changed it, when and why");
        schedule.MapGet("/versions/{version:int}", async (int version, ScheduleHandlers handler, CancellationToken ct) =>
            Results.Text(await handler.FileAsync(version, ct), "application/json"))
            .WithSummary("One version of the schedule as a schedule file");
        schedule.MapPut("/", async (JsonObject? body, ScheduleHandlers handler, CancellationToken ct) => Results.Ok(await handler.ChangeAsync(body, ct)))
            .WithSummary("Records managers: change the schedule as a new version. Body: { reason, rules: [...] } as in the schedule file; 400 names the rule and field at fault");
    }
}
