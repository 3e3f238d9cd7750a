using Casefile.Domain.Referrals;
using Casefile.Web.Hosting;

namespace Casefile.Web.Features.Referrals;

public static class ReferralEndpoints
{
    public static void MapReferrals(this RouteGroupBuilder api)
    {
        var referrals = api.MapGroup("/referrals").WithTags("Referrals").RequireAuthorization(Policies.FrontDoor);

        referrals.MapPost("", async (RecordReferralCommand command, RecordReferral handler, ReferralQueries queries, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(command, ct);
            return Results.Created($"/api/v1/referrals/{id}", await queries.GetAsync(id, ct));
        }).WithSummary("Record a referral received about a child");

        referrals.MapGet("/{id:guid}", async (Guid id, ReferralQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.GetAsync(id, ct))).WithSummary("One referral and its decision");

        referrals.MapGet("", async (ReferralDecision? decision, ReferralQueries queries, CancellationToken ct) =>
            Results.Ok(new { results = await queries.ListAsync(decision, 200, ct) }))
            .WithSummary("Referrals, newest first; filter with decision=awaiting|accepted|noFurtherAction");

        referrals.MapPost("/{id:guid}/accept", async (Guid id, AcceptReferralCommand command, AcceptReferral handler, CancellationToken ct) =>
        {
            var accepted = await handler.HandleAsync(id, command, ct);
            return Results.Created($"/api/v1/cases/{accepted.CaseId}", new
            {
                caseId = accepted.CaseId,
                reference = accepted.Reference,
                reopened = accepted.Reopened,
                addedToOpenCase = accepted.AddedToOpenCase,
            });
        }).WithSummary("Accept the referral: opens the child's case file, or reopens a closed one as a new volume");

        referrals.MapPost("/{id:guid}/no-further-action", async (Guid id, NoFurtherActionCommand command, DecideNoFurtherAction handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, command, ct);
            return Results.NoContent();
        }).WithSummary("Decide no further action, with the reason");

        referrals.MapPost("/{id:guid}/classification", async (Guid id, ClassifyReferralCommand command, ClassifyReferral handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, command, ct);
            return Results.NoContent();
        }).WithSummary("Record the DfE referral source and primary need (1A to 10, N0 to N9); what is left out stays as it was");
    }
}
