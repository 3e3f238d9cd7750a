using Casefile.Web.Features.Emails;

namespace Casefile.Web.Features.Documents;

public static class DocumentEndpoints
{
    public static void MapDocuments(this RouteGroupBuilder api)
    {
        // No role gate: the access policy decides for every role (404 or 403 as it says), as for records.
        api.MapPost("/cases/{caseId:guid}/documents", async (Guid caseId, HttpRequest request, UploadDocument handler, CancellationToken ct) =>
        {
            var saved = await handler.HandleAsync(caseId, request, ct);
            return Results.Created($"/api/v1/documents/{saved.Id}", new { id = saved.Id, sha256 = saved.Sha256, size = saved.Size, contentType = saved.ContentType, restricted = saved.Restricted });
        }).WithTags("Documents").DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Upload a document to the child's record (multipart: file, type, title, optional date yyyy-MM-dd, author and section general|restricted: legal advice goes in the Restricted Access section). The type is read from the content; refused files are not kept. 409 other-child-named when the document's text names another child on the register, unless confirmOtherChildren=true");

        api.MapGet("/cases/{caseId:guid}/documents", async (Guid caseId, bool? includeSuperseded, DocumentQueries handler, CancellationToken ct) =>
        {
            var documents = await handler.ListAsync(caseId, includeSuperseded == true, ct);
            return Results.Ok(new { caseId, documents = documents.Select(d => d.Restricted && d.Title is null ? (object)new { id = d.Id, restricted = true } : d) });
        }).WithTags("Documents").WithSummary("The case's documents and email attachments, newest first. Restricted ones show only that they exist unless you are Legal Services, the allocated worker, a manager of the case or named on a restricted case");

        var documents = api.MapGroup("/documents").WithTags("Documents");
        documents.MapGet("/{id:guid}", async (Guid id, DocumentQueries handler, CancellationToken ct) => Results.Ok(await handler.GetAsync(id, ct)))
            .WithSummary("One document's details");
        documents.MapGet("/{id:guid}/content", async (Guid id, string? reason, DocumentQueries handler, CancellationToken ct) =>
        {
            var (content, contentType, fileName) = await handler.OpenAsync(id, reason, ct);
            return Results.Stream(content, contentType, fileName, enableRangeProcessing: false);
        }).WithSummary("Download the document exactly as uploaded (checked against its SHA-256 first). Restricted documents need a reason");
    }
}
