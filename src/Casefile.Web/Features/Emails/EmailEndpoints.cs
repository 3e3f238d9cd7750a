using Casefile.Domain.Emails;

namespace Casefile.Web.Features.Emails;

public static class EmailEndpoints
{
    public static void MapEmails(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId:guid}/emails", async (Guid caseId, HttpRequest request, ImportEmail handler, CancellationToken ct) =>
        {
            var e = await handler.HandleAsync(caseId, request, ct);
            return Results.Created($"/api/v1/emails/{e.Id}", new
            {
                id = e.Id,
                from = e.From,
                to = e.To,
                cc = e.Cc,
                sentAt = e.SentAt,
                receivedAt = e.ReceivedAt,
                subject = e.Subject,
                messageId = e.MessageId,
                section = Section(e.Section),
                attachments = e.Attachments,
                incomplete = e.Incomplete,
                mayReplace = e.MayReplace,
            });
        }).WithTags("Emails").DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("File an email (.eml in the multipart field file) with its attachments. 409 other-child-named when it names another child on the register, unless confirmOtherChildren=true");

        api.MapGet("/cases/{caseId:guid}/emails", async (Guid caseId, bool? includeSuperseded, EmailQueries handler, CancellationToken ct) =>
        {
            var (visible, hidden) = await handler.ListAsync(caseId, includeSuperseded == true, ct);
            return Results.Ok(new { caseId, emails = visible.Select(Summary).Concat(hidden.Select(id => (object)new { id, restricted = true })) });
        }).WithTags("Emails").WithSummary("The emails filed on the case, newest first; superseded ones only with includeSuperseded=true; restricted ones show only that they exist unless you may open them");

        var emails = api.MapGroup("/emails").WithTags("Emails");
        emails.MapGet("/{id:guid}", async (Guid id, string? reason, EmailQueries handler, CancellationToken ct) =>
        {
            var e = await handler.GetAsync(id, reason, ct);
            return Results.Ok(new
            {
                id = e.Id,
                caseId = e.CaseId,
                from = e.From,
                to = e.To,
                cc = e.Cc,
                sentAt = e.SentAt,
                receivedAt = e.ReceivedAt,
                subject = e.Subject,
                messageId = e.MessageId,
                inReplyTo = e.InReplyTo,
                section = Section(e.Section),
                incomplete = e.Incomplete,
                supersededBy = e.SupersededById,
                sha256 = e.RawSha256,
                size = e.RawSize,
                importedBy = e.ImportedBy,
                importedAt = e.ImportedAt,
                attachments = e.Attachments,
                bodyText = e.BodyText,
            });
        }).WithSummary("One filed email: its transmission data, text and attachments. Restricted emails need a reason");
        emails.MapGet("/{id:guid}/original", async (Guid id, string? reason, EmailQueries handler, CancellationToken ct) =>
        {
            var (content, fileName) = await handler.OriginalAsync(id, reason, ct);
            return Results.Stream(content, "message/rfc822", fileName, enableRangeProcessing: false);
        }).WithSummary("The original message byte for byte (.eml). Restricted emails need a reason");
        emails.MapPost("/{id:guid}/supersede", async (Guid id, SupersedeCommand command, SupersedeEmails handler, CancellationToken ct) =>
        {
            var replaced = await handler.HandleAsync(id, command, ct);
            return Results.Ok(new { id, replaced });
        }).WithSummary("Mark earlier emails of the thread as replaced by this one (policy 4.7); only those it quotes whole with their attachments. They stay readable");
    }

    private static string Section(EmailSection section) => section == EmailSection.Restricted ? "restricted" : "general";

    private static object Summary(EmailView e) => new
    {
        id = e.Id,
        restricted = e.Restricted,
        from = e.From,
        to = e.To,
        cc = e.Cc,
        sentAt = e.SentAt,
        receivedAt = e.ReceivedAt,
        subject = e.Subject,
        section = Section(e.Section),
        incomplete = e.Incomplete,
        supersededBy = e.SupersededById,
        importedBy = e.ImportedBy,
        importedAt = e.ImportedAt,
    };
}
