using Casefile.Domain.Staff;
using Casefile.Web.Hosting;

namespace Casefile.Web.Features.PlainLanguage;

public static class PlainLanguageEndpoints
{
    public static void MapPlainLanguage(this RouteGroupBuilder api)
    {
        var plain = api.MapGroup("/plain-language").WithTags("Plain language");

        // Policy 3.1. For whoever writes case records; the text is checked, not kept, so nothing is audited.
        plain.MapPost("/check", async (CheckPlainLanguageCommand command, CheckPlainLanguage handler, CancellationToken ct) =>
            Results.Ok(new { hints = await handler.HandleAsync(command, ct) }))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Plain-language advice for some text: jargon, unexplained abbreviations and long sentences. Advice only; the text is not stored");

        // Holds no one's personal data: any signed-in user may read it.
        plain.MapGet("/list", async (GetPlainLanguageList handler, CancellationToken ct) => Results.Ok(await handler.HandleAsync(ct)))
            .WithSummary("The plain-language list in force: its text, terms, abbreviations everyone knows, and who last changed it");

        var admin = plain.MapGroup("/list").RequireAuthorization(Policies.Administer);

        admin.MapPut("", async (SavePlainLanguageListCommand command, SavePlainLanguageList save, GetPlainLanguageList get, CancellationToken ct) =>
        {
            await save.HandleAsync(command, ct);
            return Results.Ok(await get.HandleAsync(ct));
        }).WithSummary("Replace the council's plain-language list (administrators). Refused with 400 and every line's problem unless each line can be read");

        admin.MapDelete("", async (SavePlainLanguageList save, GetPlainLanguageList get, CancellationToken ct) =>
        {
            await save.ResetAsync(ct);
            return Results.Ok(await get.HandleAsync(ct));
        }).WithSummary("Go back to the plain-language list Casefile came with (administrators)");
    }
}
