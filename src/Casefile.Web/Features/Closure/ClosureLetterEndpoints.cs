using Casefile.Domain.Closure;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;

namespace Casefile.Web.Features.Closure;

public static class ClosureLetterEndpoints
{
    public static void MapClosureLetters(this RouteGroupBuilder api)
    {
        // Policy 6.4, Appendix 2: the council's wording of the standard closure letters. Administrators only.
        var templates = api.MapGroup("/settings/closure-letter-templates").WithTags("Closure letters")
            .RequireAuthorization(Hosting.Policies.Administer);

        templates.MapGet("/{kind}", async (string kind, GetClosureLetterTemplate get, CancellationToken ct) =>
            Results.Ok(await get.HandleAsync(KindOf(kind), ct)))
            .WithSummary("The closure letter template in force (kind: parents or professionals), the placeholders it may use, and who last changed it (administrators)");

        templates.MapPut("/{kind}", async (string kind, SaveClosureLetterTemplateCommand command, SaveClosureLetterTemplate save, GetClosureLetterTemplate get, CancellationToken ct) =>
        {
            var letter = KindOf(kind);
            await save.HandleAsync(letter, command, ct);
            return Results.Ok(await get.HandleAsync(letter, ct));
        }).WithSummary("Replace the council's closure letter template (administrators). Refused with 400 and every problem under \"text\", each naming its line, unless every placeholder is known and {ChildName}, {RecipientName} and {ClosedOn} are used");

        templates.MapDelete("/{kind}", async (string kind, SaveClosureLetterTemplate save, GetClosureLetterTemplate get, CancellationToken ct) =>
        {
            var letter = KindOf(kind);
            await save.ResetAsync(letter, ct);
            return Results.Ok(await get.HandleAsync(letter, ct));
        }).WithSummary("Go back to the closure letter Casefile came with (administrators)");
    }

    private static ClosureLetterKind KindOf(string kind) =>
        ClosureLetterKinds.Parse(kind) ?? throw new NotFoundException("That kind of closure letter");
}
