using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Common;
using Casefile.Domain.People;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.People;

/// <summary>
/// Who may change a person on the register (ADR 0019): for a child with a case file, only those the
/// case access policy lets write to that case; for anyone else, the case-work roles (the endpoint or
/// page policy). A child hidden by a restricted case is not found. Refusals are audited by <see cref="CaseScope"/>.
/// </summary>
public sealed class PersonChangeAccess(AppDbContext db, CaseScope access)
{
    /// <summary>Demands the right to change the person; answers the case file to audit the change against, if any.</summary>
    public async Task<Guid?> DemandAsync(Guid personId, string auditAction, CancellationToken ct)
    {
        var hidden = access.HiddenChildIds();
        if (!await db.People.AnyAsync(p => p.Id == personId && !hidden.Contains(p.Id), ct)) throw new NotFoundException("The person");
        var caseIds = await db.CaseFiles.Where(c => c.ChildId == personId).OrderByDescending(c => c.OpenedOn).Select(c => c.Id).ToListAsync(ct);
        foreach (var caseId in caseIds) await access.DemandAsync(caseId, AccessAction.Write, auditAction, ct);
        return caseIds.Count == 0 ? null : caseIds[0];
    }

    /// <summary>
    /// For a relationship: allowed when the user may write to either person's case, or when neither has one.
    /// Answers the case file to audit against.
    /// </summary>
    public async Task<Guid?> DemandEitherAsync(Guid personId, Guid relatedPersonId, string auditAction, CancellationToken ct)
    {
        var hidden = access.HiddenChildIds();
        if (await db.People.CountAsync(p => (p.Id == personId || p.Id == relatedPersonId) && !hidden.Contains(p.Id), ct) < 2)
            throw new NotFoundException("The relationship");
        var caseIds = await db.CaseFiles.Where(c => c.ChildId == personId || c.ChildId == relatedPersonId)
            .OrderByDescending(c => c.OpenedOn).Select(c => c.Id).ToListAsync(ct);
        if (caseIds.Count == 0) return null;
        foreach (var caseId in caseIds)
        {
            if ((await access.PermissionsAsync(caseId, ct))?.Write.Allowed == true) return caseId;
        }
        await access.DemandAsync(caseIds[0], AccessAction.Write, auditAction, ct); // refuses, audited, as 403 or 404
        return caseIds[0];
    }
}

public sealed record UpdatePersonCommand(
    string? GivenName, string? FamilyName, DateOnly? DateOfBirth, Sex? Sex = null,
    string? KnownAs = null, string? Ethnicity = null, string? Religion = null, string? FirstLanguage = null,
    bool NeedsInterpreter = false, string? Disability = null, string? School = null, DateOnly? DateOfDeath = null,
    Guid? Version = null, string? Upn = null, string? NhsNumber = null, IReadOnlyList<string>? Disabilities = null);

/// <summary>
/// Changes a person's basic details (Appendix 2 "MY CLIENT basic details" kept up to date; policy 2.3, 3.6),
/// including a date of death (policy 8 retention needs it). The kind (child or adult) does not change.
/// The caller sends back the version it read; a change made since is refused as a stale edit.
/// </summary>
public sealed class UpdatePerson(AppDbContext db, AuditTrail audit, PersonChangeAccess changeAccess, TimeProvider clock)
{
    /// <param name="pageErrors">A page adds its own errors (a date that is not a real date), so every error shows at once.</param>
    public async Task<Guid> HandleAsync(Guid id, UpdatePersonCommand command, CancellationToken ct, Action<ValidationErrors>? pageErrors = null)
    {
        var caseId = await changeAccess.DemandAsync(id, AuditAction.Update, ct);
        var person = await db.People.SingleAsync(p => p.Id == id, ct);
        var errors = Validate(command, person.Kind);
        pageErrors?.Invoke(errors);
        errors.ThrowIfAny();
        if (command.Version != person.Version)
            throw new StateConflictException("stale-edit",
                "Somebody else changed these details after you opened them. Check the details as they are now, then try again.");

        person.Update(new PersonDetails(command.GivenName, command.FamilyName, command.DateOfBirth, command.Sex ?? Sex.NotKnown,
            command.KnownAs, command.Ethnicity, command.Religion, command.FirstLanguage, command.NeedsInterpreter,
            command.Disability, command.School, command.DateOfDeath, command.Upn, command.NhsNumber, command.Disabilities), clock.Today());
        // What was read is what is written over: a change saved in between fails the concurrency check.
        db.Entry(person).Property(p => p.Version).OriginalValue = command.Version!.Value;
        audit.Record(AuditAction.Update, "person", id, caseFileId: caseId, personId: id,
            reason: command.DateOfDeath is { } died ? $"Basic details changed; date of death {died.Display()}" : "Basic details changed");
        await db.SaveChangesAsync(ct);
        return person.Version;
    }

    private ValidationErrors Validate(UpdatePersonCommand command, PersonKind kind)
    {
        var errors = new ValidationErrors();
        if (command.Version is null) errors.Add("version", "Send the version of the details you read");
        errors.Required(command.GivenName, "givenName", "Enter a first name", 100);
        errors.Required(command.FamilyName, "familyName", "Enter a last name", 100);
        errors.Optional(command.KnownAs, "knownAs", 100);
        errors.Optional(command.Ethnicity, "ethnicity", 100);
        errors.Optional(command.Religion, "religion", 100);
        errors.Optional(command.FirstLanguage, "firstLanguage", 100);
        errors.Optional(command.Disability, "disability", 500);
        errors.Optional(command.School, "school", 200);
        PersonIdentifiers.Check(errors, command.Upn, command.NhsNumber);
        var today = clock.Today();
        // Checked in turn: a date of birth in the far future has no 25th birthday to compare (year 9999).
        if (command.DateOfBirth > today) errors.Add("dateOfBirth", "Date of birth must be today or in the past");
        else if (kind == PersonKind.Child && command.DateOfBirth is { } dob && dob.AddYears(25) < today)
            errors.Add("dateOfBirth", "A child's date of birth must be within the last 25 years");
        if (command.DateOfDeath > today) errors.Add("dateOfDeath", "Date of death must be today or in the past");
        else if (command.DateOfDeath < command.DateOfBirth) errors.Add("dateOfDeath", "Date of death must be on or after the date of birth");
        return errors;
    }
}

/// <summary>
/// Records that a person moved (Appendix 2: addresses up to date): the current address ends the day
/// before the new one starts, and stays on the record as a previous address.
/// </summary>
public sealed class MovePerson(AppDbContext db, AuditTrail audit, PersonChangeAccess changeAccess, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(Guid id, AddressInput command, CancellationToken ct)
    {
        var caseId = await changeAccess.DemandAsync(id, "move", ct);
        var person = await db.People.Include(p => p.Addresses).SingleAsync(p => p.Id == id, ct);
        Validate(command).ThrowIfAny();
        var addressId = Guid.NewGuid();
        try
        {
            person.MoveTo(addressId, new AddressLines(command.Line1, command.Line2, command.Town, command.Postcode), command.From!.Value);
        }
        catch (RuleViolationException e) when (e.Field?.StartsWith("address.", StringComparison.Ordinal) == true)
        {
            // The domain names the fields as on the "add a person" form; here they stand alone.
            throw new RuleViolationException(e.Rule, e.Message, e.Field["address.".Length..]);
        }
        db.Addresses.Add(person.Addresses.Single(a => a.Id == addressId));
        audit.Record("move", "person", id, caseFileId: caseId, personId: id, reason: $"Moved on {command.From.Value.Display()}");
        await db.SaveChangesAsync(ct);
        return addressId;
    }

    public ValidationErrors Validate(AddressInput command)
    {
        var errors = new ValidationErrors();
        errors.Required(command.Line1, "line1", "Enter the first line of the address", 200);
        errors.Optional(command.Line2, "line2", 200);
        errors.Optional(command.Town, "town", 100);
        errors.Optional(command.Postcode, "postcode", 10);
        if (command.From is null) errors.Add("from", "Enter the date they moved in");
        else if (command.From > clock.Today()) errors.Add("from", "The date they moved in must be today or in the past");
        return errors;
    }
}

public sealed record EndRelationshipCommand(DateOnly? EndedOn, string? Reason);

/// <summary>
/// Ends a relationship (a carer who no longer is one; a GP who changed): kept on the record as ended,
/// with the reason, never deleted (policy 3.6: records are not silently changed).
/// </summary>
public sealed class EndRelationship(AppDbContext db, AuditTrail audit, PersonChangeAccess changeAccess, TimeProvider clock)
{
    public async Task HandleAsync(Guid id, EndRelationshipCommand command, CancellationToken ct)
    {
        var relationship = await db.Relationships.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("The relationship");
        var caseId = await changeAccess.DemandEitherAsync(relationship.PersonId, relationship.RelatedPersonId, "end", ct);
        if (command.EndedOn is not { } endedOn)
        {
            var errors = new ValidationErrors().Add("endedOn", "Enter the date the relationship ended");
            if (string.IsNullOrWhiteSpace(command.Reason)) errors.Add("reason", "Enter why the relationship ended");
            errors.ThrowIfAny();
            return;
        }
        relationship.End(endedOn, command.Reason, relationship.RecordedAt.ToLondonDate(), clock.Today());
        audit.Record("end", "relationship", id, caseFileId: caseId, personId: relationship.PersonId,
            reason: $"{relationship.Kind} ended on {endedOn.Display()}: {relationship.EndReason}");
        await db.SaveChangesAsync(ct);
    }
}
