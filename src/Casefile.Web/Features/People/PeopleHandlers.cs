using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Casefile.Domain.People;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.People;

public sealed record AddressInput(string? Line1, string? Line2, string? Town, string? Postcode, DateOnly? From);

public sealed record CreatePersonCommand(
    PersonKind? Kind, string? GivenName, string? FamilyName, DateOnly? DateOfBirth, Sex? Sex = null,
    string? KnownAs = null, string? Ethnicity = null, string? Religion = null, string? FirstLanguage = null,
    bool NeedsInterpreter = false, string? Disability = null, string? School = null, DateOnly? DateOfDeath = null,
    AddressInput? Address = null, string? Upn = null, string? NhsNumber = null, IReadOnlyList<string>? Disabilities = null);

/// <summary>Adds a child or adult to the people register (policy 2.3; Appendix 2 "MY CLIENT basic details").</summary>
public sealed class CreatePerson(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(CreatePersonCommand command, CancellationToken ct)
    {
        Validate(command).ThrowIfAny();
        return await CreateAsync(command, Guid.NewGuid(), clock.Today(), ct);
    }

    /// <summary>Every problem with the input at once; pages add their own (a date that is not a real date) to it.</summary>
    public ValidationErrors Validate(CreatePersonCommand command)
    {
        var errors = new ValidationErrors();
        if (command.Kind is null) errors.Add("kind", "Select whether this is a child or an adult");
        errors.Required(command.GivenName, "givenName", "Enter a first name", 100);
        errors.Required(command.FamilyName, "familyName", "Enter a last name", 100);
        var today = clock.Today();
        // Checked in turn: a date of birth in the far future has no 25th birthday to compare (year 9999).
        if (command.DateOfBirth > today) errors.Add("dateOfBirth", "Date of birth must be today or in the past");
        else if (command.Kind == PersonKind.Child && command.DateOfBirth is { } dob && dob.AddYears(25) < today)
            errors.Add("dateOfBirth", "A child's date of birth must be within the last 25 years. Add them as an adult if they are over 25");
        PersonIdentifiers.Check(errors, command.Upn, command.NhsNumber);
        if (command.Address is { } a && (a.Line1 is not null || a.Postcode is not null || a.Town is not null))
        {
            errors.Required(a.Line1, "address.line1", "Enter the first line of the address", 200);
            if (a.From > today) errors.Add("address.from", "The date they moved in must be today or in the past");
        }
        return errors;
    }

    private async Task<Guid> CreateAsync(CreatePersonCommand command, Guid id, DateOnly today, CancellationToken ct)
    {
        var person = new Person(id, command.Kind!.Value, new PersonDetails(
            command.GivenName, command.FamilyName, command.DateOfBirth, command.Sex ?? Sex.NotKnown, command.KnownAs,
            command.Ethnicity, command.Religion, command.FirstLanguage, command.NeedsInterpreter, command.Disability,
            command.School, command.DateOfDeath, command.Upn, command.NhsNumber, command.Disabilities), clock.GetUtcNow(), today);
        if (command.Address is { Line1: not null } address)
            person.MoveTo(Guid.NewGuid(), new AddressLines(address.Line1, address.Line2, address.Town, address.Postcode),
                address.From ?? command.DateOfBirth ?? today);
        db.People.Add(person);
        audit.Record(AuditAction.Create, "person", id, personId: id);
        await db.SaveChangesAsync(ct);
        return id;
    }
}

/// <summary>
/// The domain's checks of a child's UPN and NHS number, run with a form's other checks so that every
/// problem shows at once, each on its own field.
/// </summary>
internal static class PersonIdentifiers
{
    public static void Check(ValidationErrors errors, string? upn, string? nhsNumber)
    {
        errors.Check(() => Domain.Journey.UniquePupilNumber.Normalise(upn));
        errors.Check(() => Domain.Journey.NhsNumber.Normalise(nhsNumber));
    }
}

public sealed record PersonSearchResult(Guid Id, string Name, PersonKind Kind, DateOnly? DateOfBirth, string? Postcode,
    Guid? CaseId, string? CaseReference, CaseStatus? CaseStatus);

/// <summary>
/// The person search a worker uses at the front door: partial names, typing slips and
/// sound-alikes, with an optional date or year of birth. Candidates come from indexed columns;
/// <see cref="PersonSearchQuery"/> scores them.
/// </summary>
public sealed class SearchPeople(AppDbContext db, AuditTrail audit, CaseScope access)
{
    public const int MaxResults = 50;

    public async Task<IReadOnlyList<PersonSearchResult>> HandleAsync(string? text, CancellationToken ct)
    {
        // A name and a date fit well within this; a longer text failed in the database (PostgreSQL) as a 500.
        if (text?.Length > 200) throw ValidationFailedException.For("query", "Search with 200 characters or fewer");
        var query = PersonSearchQuery.Parse(text);
        if (query.IsEmpty) return [];

        var hidden = access.HiddenChildIds();
        var candidates = db.People.AsNoTracking().Where(p => !hidden.Contains(p.Id));
        if (query.NameWords.Count > 0)
        {
            var longest = query.NameWords.OrderByDescending(w => w.Length).First();
            var prefix = longest.Length >= 3 ? longest[..3] : longest;
            var key = NameMatching.PhoneticKeyOfWord(longest);
            candidates = candidates.Where(p =>
                p.SearchFamilyName.StartsWith(prefix) || p.SearchGivenName.StartsWith(prefix)
                || p.FamilyNameKey == key || p.GivenNameKey == key);
        }
        if (query.DateOfBirth is { } dob)
        {
            var swapped = dob.Day <= 12 ? new DateOnly(dob.Year, dob.Day, Math.Min(dob.Month, DateTime.DaysInMonth(dob.Year, dob.Day))) : dob;
            candidates = candidates.Where(p => p.DateOfBirth == dob || p.DateOfBirth == swapped);
        }
        else if (query.YearOfBirth is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            candidates = candidates.Where(p => p.DateOfBirth >= from && p.DateOfBirth <= to);
        }

        var rows = await candidates
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Kind, p.DateOfBirth, p.SearchGivenName, p.SearchFamilyName })
            .Take(2000)
            .ToListAsync(ct);
        var ranked = rows
            .Select(r => (Row: r, Score: query.Score(r.SearchGivenName, r.SearchFamilyName, r.DateOfBirth)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Row.FamilyName).ThenBy(x => x.Row.GivenName)
            .Take(MaxResults)
            .ToList();

        var ids = ranked.Select(x => x.Row.Id).ToList();
        var cases = await db.CaseFiles.AsNoTracking().Where(c => ids.Contains(c.ChildId))
            .Select(c => new { c.ChildId, c.Id, c.Reference, c.Status }).ToDictionaryAsync(c => c.ChildId, ct);
        var postcodes = await db.Addresses.AsNoTracking().Where(a => ids.Contains(a.PersonId) && a.To == null)
            .Select(a => new { a.PersonId, a.Postcode }).ToListAsync(ct);

        audit.Record(AuditAction.Search, "person", null, reason: $"Searched for \"{text}\": {ranked.Count} found");
        await db.SaveChangesAsync(ct);

        return ranked.Select(x =>
        {
            cases.TryGetValue(x.Row.Id, out var c);
            return new PersonSearchResult(x.Row.Id, $"{x.Row.GivenName} {x.Row.FamilyName}", x.Row.Kind, x.Row.DateOfBirth,
                postcodes.FirstOrDefault(p => p.PersonId == x.Row.Id)?.Postcode, c?.Id, c?.Reference, c?.Status);
        }).ToList();
    }
}

public sealed record RelatedPersonView(Guid RelationshipId, Guid PersonId, string Name, string Relationship, bool IsProfessional,
    DateOnly? DateOfBirth, string? Notes, DateOnly? Ended = null, string? EndReason = null);

public sealed record CaseFileSummary(Guid Id, string Reference, CaseStatus Status, string Team, string AllocatedWorker,
    DateOnly OpenedOn, DateOnly? ClosedOn, int Volume, bool CanOpen, string AccessNote, IReadOnlyList<string>? JourneyTags = null);

public sealed record PersonView(Person Person, IReadOnlyList<RelatedPersonView> Relationships, CaseFileSummary? CaseFile)
{
    /// <summary>Whether the viewer may change this person (the rule of <see cref="PersonChangeAccess"/>): the page offers the links only then.</summary>
    public bool MayChange { get; init; } = true;
}

/// <summary>A person's page: basic details, addresses, relationships and their case file, if any.</summary>
public sealed class GetPerson(AppDbContext db, AuditTrail audit, CaseScope access, Journey.JourneyQueries journeys)
{
    public async Task<PersonView> HandleAsync(Guid id, CancellationToken ct)
    {
        var hidden = access.HiddenChildIds();
        var person = await db.People.AsNoTracking().Include(p => p.Addresses).Where(p => !hidden.Contains(p.Id)).SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("The person");

        var outgoing = from r in db.Relationships
                       where r.PersonId == id
                       join p in db.People on r.RelatedPersonId equals p.Id
                       select new { r.Id, PersonId = p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, r.Kind, r.Notes, r.Ended, r.EndReason, Inverse = false };
        var incoming = from r in db.Relationships
                       where r.RelatedPersonId == id
                       join p in db.People on r.PersonId equals p.Id
                       select new { r.Id, PersonId = p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, r.Kind, r.Notes, r.Ended, r.EndReason, Inverse = true };
        var related = (await outgoing.Where(r => !hidden.Contains(r.PersonId)).AsNoTracking().ToListAsync(ct))
            .Concat(await incoming.Where(r => !hidden.Contains(r.PersonId)).AsNoTracking().ToListAsync(ct))
            .Select(r => new RelatedPersonView(r.Id, r.PersonId, $"{r.GivenName} {r.FamilyName}",
                r.Inverse ? $"{person.GivenName} is their {r.Kind.Describe().ToLowerInvariant()}" : r.Kind.Describe(),
                r.Kind.IsProfessional(), r.DateOfBirth, r.Notes, r.Ended, r.EndReason))
            .OrderBy(r => r.Ended is not null).ThenBy(r => r.IsProfessional).ThenBy(r => r.Name)
            .ToList();

        CaseFileSummary? summary = null;
        var mayChange = true;
        var file = await (from c in db.CaseFiles
                          where c.ChildId == id
                          join t in db.Teams on c.TeamId equals t.Id
                          join u in db.Users on c.AllocatedWorkerId equals u.Id
                          select new { c.Id, c.Reference, c.Status, c.TeamId, c.AllocatedWorkerId, Team = t.Name, Worker = u.DisplayName, c.OpenedOn, c.ClosedOn, c.CurrentVolume })
            .AsNoTracking().SingleOrDefaultAsync(ct);
        if (file is not null)
        {
            var permissions = (await access.PermissionsAsync(file.Id, ct))!;
            var decision = permissions.Read;
            mayChange = permissions.Write.Allowed;
            // The child's statuses on the statutory journey (issue 16), for those who may open the case.
            var tags = decision.Allowed ? (await journeys.PictureAsync(file.Id, ct)).Tags : [];
            summary = new CaseFileSummary(file.Id, file.Reference, file.Status, file.Team, file.Worker, file.OpenedOn, file.ClosedOn,
                file.CurrentVolume, decision.Allowed, decision.Allowed ? decision.Basis : CaseAccessPolicy.HowToGetAccess, tags);
        }

        audit.Record(AuditAction.View, "person", id, caseFileId: file?.Id, personId: id);
        await db.SaveChangesAsync(ct);
        return new PersonView(person, related, summary) { MayChange = mayChange };
    }
}
