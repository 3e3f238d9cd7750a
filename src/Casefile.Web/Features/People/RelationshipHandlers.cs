using Casefile.Data;
using Casefile.Domain.People;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.People;

public sealed record AddRelationshipCommand(Guid? RelatedPersonId, RelationshipKind? Kind, string? Notes);

/// <summary>
/// Records how someone on the register is connected to a person (Appendix 2: "Family and
/// professional relationships added and updated"): "the related person is the person's mother".
/// </summary>
public sealed class AddRelationship(AppDbContext db, AuditTrail audit, CaseScope access, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(Guid personId, AddRelationshipCommand command, CancellationToken ct)
    {
        var hidden = access.HiddenChildIds();
        if (!await db.People.AnyAsync(p => p.Id == personId && !hidden.Contains(p.Id), ct)) throw new NotFoundException("The person");
        var errors = new ValidationErrors();
        if (command.RelatedPersonId is not { } relatedId) errors.Add("relatedPersonId", "Choose the person they are related to");
        else if (relatedId == personId) errors.Add("relatedPersonId", "A person cannot be related to themselves");
        else if (!await db.People.AnyAsync(p => p.Id == relatedId && !hidden.Contains(p.Id), ct))
            errors.Add("relatedPersonId", "There is no person with this id on the register");
        if (command.Kind is null) errors.Add("kind", "Choose the relationship");
        if (command.Notes?.Trim().Length > 500) errors.Add("notes", "Notes must be 500 characters or fewer");
        errors.ThrowIfAny();

        var kind = command.Kind!.Value;
        if (await db.Relationships.AnyAsync(r => r.PersonId == personId && r.RelatedPersonId == command.RelatedPersonId && r.Kind == kind, ct))
            throw new Domain.Common.StateConflictException("relationship-exists", "This relationship is already recorded");
        var relationship = new Relationship(Guid.NewGuid(), personId, command.RelatedPersonId!.Value, kind, command.Notes, clock.GetUtcNow());
        db.Relationships.Add(relationship);
        audit.Record(AuditAction.Create, "relationship", relationship.Id, personId: personId, reason: $"{kind} recorded");
        await db.SaveChangesAsync(ct);
        return relationship.Id;
    }
}
