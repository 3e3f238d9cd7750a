namespace Casefile.Web.Features.AccessRequests;

public static class AccessRequestEndpoints
{
    public static void MapAccessRequests(this RouteGroupBuilder api)
    {
        // No role gate: the access policy on the subject's case decides, and Legal Services read what they are consulted on.
        var requests = api.MapGroup("/access-requests").WithTags("Access to records");

        requests.MapPost("/", async (AccessRequestCommand command, RegisterAccessRequest handler, AccessRequestQueries queries, CancellationToken ct) =>
        {
            var request = await handler.HandleAsync(command, ct);
            return Results.Created($"/api/v1/access-requests/{request.Id}", await queries.GetAsync(request.Id, ct));
        }).WithSummary("Register a request for a person's record: kind (statutory-enquiry, court-guardian, subject-access, court-order), subjectId (a person with a case file), requesterName, requesterOrganisation, whatIsAsked, receivedOn, identityChecks (required for subject access), legalBasis. The due date is set from the kind");

        requests.MapGet("/", async (bool? due, AccessRequestQueries queries, CancellationToken ct) =>
            Results.Ok(new { requests = await queries.ListAsync(due == true, ct) }))
            .WithSummary("Requests you own and, for a manager, those of people in your line (Legal Services: every open request). due=true lists only open requests past or within 5 working days of their due date");

        requests.MapGet("/{id:guid}", async (Guid id, AccessRequestQueries queries, CancellationToken ct) => Results.Ok(await queries.GetAsync(id, ct)))
            .WithSummary("One request: its due date, decisions, bundle and where each release rule stands");

        requests.MapPost("/{id:guid}/bundle", async (Guid id, BundleCommand command, BuildBundle handler, CancellationToken ct) =>
            Results.Ok(await handler.HandleAsync(id, command, ct)))
            .WithSummary("Build the disclosure bundle (everything with from/to, or records, documents and emails by id) and answer the items with the proposed redactions. Building again replaces the bundle and asks again for approval and legal advice");

        requests.MapGet("/{id:guid}/bundle", async (Guid id, AccessRequestQueries queries, CancellationToken ct) => Results.Ok(await queries.BundleAsync(id, ct)))
            .WithSummary("The bundle's items and the redaction proposals with their decisions");

        requests.MapPost("/{id:guid}/redactions/{proposalId:guid}", async (Guid id, Guid proposalId, ReviewRedactionCommand command, ReviewDisclosure handler,
            CancellationToken ct) =>
        {
            await handler.ReviewAsync(id, proposalId, command, ct);
            return Results.NoContent();
        }).WithSummary("Review one proposed redaction: decision accept (with reason thirdParty, seriousHarm or legalPrivilege) or remove (with a note saying why it may be disclosed)");

        requests.MapPost("/{id:guid}/items/{itemId:guid}/decision", async (Guid id, Guid itemId, ImageDecisionCommand command, ReviewDisclosure handler,
            CancellationToken ct) =>
        {
            await handler.DecideImageAsync(id, itemId, command, ct);
            return Results.NoContent();
        }).WithSummary("Decide on an image or other file whose text cannot be redacted: decision include or withhold (with a reason)");

        requests.MapPost("/{id:guid}/consent", async (Guid id, DocumentChoiceCommand command, UpdateAccessRequest handler, CancellationToken ct) =>
        {
            await handler.RecordConsentAsync(id, command, ct);
            return Results.NoContent();
        }).WithSummary("Choose the subject's written consent to the enquiring agency: a consent form on the subject's case (policy 10.1)");

        requests.MapPost("/{id:guid}/court-authority", async (Guid id, DocumentChoiceCommand command, UpdateAccessRequest handler, CancellationToken ct) =>
        {
            await handler.RecordCourtAuthorityAsync(id, command, ct);
            return Results.NoContent();
        }).WithSummary("Choose the court's order giving authority: a court order on the subject's case (policy 10.3)");

        requests.MapPost("/{id:guid}/extend", async (Guid id, ExtendCommand command, UpdateAccessRequest handler, CancellationToken ct) =>
        {
            await handler.ExtendAsync(id, command, ct);
            return Results.NoContent();
        }).WithSummary("Extend a subject access request once, to three months from receipt: reason and requesterToldOn (within the first month)");

        requests.MapPost("/{id:guid}/approve", async (Guid id, DecideAccessRequest handler, CancellationToken ct) =>
        {
            await handler.ApproveAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("A manager, not the request's owner, approves the bundle for release (policy 10.2)");

        requests.MapPost("/{id:guid}/legal-advice", async (Guid id, LegalAdviceCommand command, DecideAccessRequest handler, CancellationToken ct) =>
        {
            await handler.RecordLegalAdviceAsync(id, command, ct);
            return Results.NoContent();
        }).WithSummary("Legal Services record their advice on the people named (policy 10.2), and releasePrivileged to allow Restricted Access material");

        requests.MapPost("/{id:guid}/release", async (Guid id, ReleaseAccessRequest handler, AccessRequestQueries queries, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, ct);
            return Results.Ok(await queries.GetAsync(id, ct));
        }).WithSummary("Release the bundle. Refused (422, naming the first rule and listing all) until every release rule passes");

        requests.MapPost("/{id:guid}/guardian-access", async (Guid id, GuardianAccessCommand command, LogGuardianAccess handler, CancellationToken ct) =>
        {
            var entry = await handler.HandleAsync(id, command, ct);
            return Results.Created($"/api/v1/access-requests/{id}/disclosure-log", new { id = entry.Id, entry.Action, entry.What, entry.At });
        }).WithSummary("Record a document the children's guardian viewed or copied (action viewed or copied, documentId). Needs the court's authority on file (policy 10.3)");

        requests.MapGet("/{id:guid}/disclosure-log", async (Guid id, AccessRequestQueries queries, CancellationToken ct) =>
            Results.Ok(new { entries = await queries.DisclosureLogAsync(id, ct) }))
            .WithSummary("What was disclosed or shown, to whom and when: releases and the guardian's views and copies");

        requests.MapGet("/{id:guid}/disclosure.pdf", (Guid id, DisclosureDownloads handler, CancellationToken ct) => DownloadAsync(id, DisclosureFormat.Pdf, handler, ct))
            .WithSummary("The released bundle as a PDF, redactions burnt in");
        requests.MapGet("/{id:guid}/disclosure-large-print.pdf", (Guid id, DisclosureDownloads handler, CancellationToken ct) => DownloadAsync(id, DisclosureFormat.LargePrint, handler, ct))
            .WithSummary("The released bundle in large print (policy 3.2)");
        requests.MapGet("/{id:guid}/disclosure.html", (Guid id, DisclosureDownloads handler, CancellationToken ct) => DownloadAsync(id, DisclosureFormat.Html, handler, ct))
            .WithSummary("The released bundle as plain HTML for a screen reader (policy 3.2)");
    }

    private static async Task<IResult> DownloadAsync(Guid id, DisclosureFormat format, DisclosureDownloads handler, CancellationToken ct)
    {
        var (content, type, name) = await handler.HandleAsync(id, format, ct);
        return Results.File(content, type, name);
    }
}
