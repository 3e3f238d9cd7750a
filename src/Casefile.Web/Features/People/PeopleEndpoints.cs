using Casefile.Domain.People;
using Casefile.Web.Hosting;

namespace Casefile.Web.Features.People;

public static class PeopleEndpoints
{
    public static void MapPeople(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People").RequireAuthorization(Policies.CaseWork);

        people.MapPost("", async (CreatePersonCommand command, CreatePerson handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(command, ct);
            return Results.Created($"/api/v1/people/{id}", new { id });
        }).WithSummary("Add a child or adult to the people register");

        people.MapGet("/{id:guid}", async (Guid id, GetPerson handler, CancellationToken ct) =>
            Results.Ok(PersonResponse.From(await handler.HandleAsync(id, ct))))
            .WithSummary("A person's basic details, addresses, relationships and case file");

        people.MapPost("/{id:guid}/relationships", async (Guid id, AddRelationshipCommand command, AddRelationship handler, CancellationToken ct) =>
        {
            var relationshipId = await handler.HandleAsync(id, command, ct);
            return Results.Created($"/api/v1/people/{id}", new { id = relationshipId });
        }).WithSummary("Record a family or professional relationship: relatedPersonId is the person's <kind> (for example their mother)");

        people.MapPut("/{id:guid}", async (Guid id, UpdatePersonCommand command, UpdatePerson handler, CancellationToken ct) =>
            Results.Ok(new { id, version = await handler.HandleAsync(id, command, ct) }))
            .WithSummary("Change a person's basic details, including a date of death; send back the version read (a stale one answers 409 stale-edit)");

        people.MapPost("/{id:guid}/addresses", async (Guid id, AddressInput command, MovePerson handler, CancellationToken ct) =>
        {
            var addressId = await handler.HandleAsync(id, command, ct);
            return Results.Created($"/api/v1/people/{id}", new { id = addressId });
        }).WithSummary("Record a move to a new address from a date; the current address ends the day before");

        api.MapGroup("/relationships").WithTags("People").RequireAuthorization(Policies.CaseWork)
            .MapPost("/{id:guid}/end", async (Guid id, EndRelationshipCommand command, EndRelationship handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(id, command, ct);
                return Results.NoContent();
            }).WithSummary("End a relationship (endedOn, reason): it stays on the record as ended");

        people.MapGet("", async (string? query, SearchPeople handler, CancellationToken ct) =>
            Results.Ok(new { query, results = await handler.HandleAsync(query, ct) }))
            .WithSummary("Search the register by name, with an optional date or year of birth; typing slips are tolerated");
    }
}

public sealed record AddressResponse(string Line1, string? Line2, string? Town, string? Postcode, DateOnly From, DateOnly? To);

public sealed record PersonResponse(
    Guid Id, PersonKind Kind, string GivenName, string FamilyName, string? KnownAs, DateOnly? DateOfBirth, Sex Sex,
    string? Ethnicity, string? Religion, string? FirstLanguage, bool NeedsInterpreter, string? Disability, string? School,
    DateOnly? DateOfDeath, Guid Version, AddressResponse? Address, IReadOnlyList<AddressResponse> Addresses,
    IReadOnlyList<RelatedPersonView> Relationships, object? CaseFile, string? Upn = null, string? NhsNumber = null, IReadOnlyList<string>? Disabilities = null,
    string? EthnicityName = null, bool EthnicityIsCoded = true)
{
    public static PersonResponse From(PersonView view)
    {
        var p = view.Person;
        static AddressResponse Map(PersonAddress a) => new(a.Line1, a.Line2, a.Town, a.Postcode, a.From, a.To);
        var file = view.CaseFile;
        return new PersonResponse(p.Id, p.Kind, p.GivenName, p.FamilyName, p.KnownAs, p.DateOfBirth, p.Sex, p.Ethnicity, p.Religion,
            p.FirstLanguage, p.NeedsInterpreter, p.Disability, p.School, p.DateOfDeath, p.Version,
            p.CurrentAddress is { } current ? Map(current) : null,
            p.Addresses.OrderByDescending(a => a.From).Select(Map).ToList(),
            view.Relationships,
            file is null ? null : new { id = file.Id, reference = file.Reference, status = file.Status, team = file.Team, canOpen = file.CanOpen },
            p.Upn, p.NhsNumber, p.Disabilities, p.Ethnicity is null ? null : Domain.Journey.DfeCodes.Ethnicity.Label(p.Ethnicity), p.EthnicityIsCoded);
    }
}
