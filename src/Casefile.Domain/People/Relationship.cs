using Casefile.Domain.Common;

namespace Casefile.Domain.People;

/// <summary>
/// How one person on the register is connected to another (Appendix 2: "Family and
/// professional relationships added and updated"). Read as: <c>RelatedPerson</c> is the
/// <c>Kind</c> of <c>Person</c> ("Jane is Tom's mother").
/// </summary>
public sealed class Relationship
{
    private Relationship() { }

    public Relationship(Guid id, Guid personId, Guid relatedPersonId, RelationshipKind kind, string? notes, DateTimeOffset recordedAt)
    {
        if (personId == relatedPersonId)
            throw new RuleViolationException("relationship-to-self", "A person cannot be related to themselves", "relatedPersonId");
        Id = id;
        PersonId = personId;
        RelatedPersonId = relatedPersonId;
        Kind = kind;
        Notes = Guard.Optional(notes, "notes", "notes", 500);
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid RelatedPersonId { get; private set; }
    public RelationshipKind Kind { get; private set; }
    public string? Notes { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateOnly? Ended { get; private set; }

    public bool IsProfessional => Kind.IsProfessional();
}

public enum RelationshipKind
{
    Mother, Father, Parent, StepParent, Sibling, HalfSibling, Grandparent, AuntOrUncle, Cousin,
    Carer, FosterCarer, FamilyFriend, OtherFamily,
    Teacher, GeneralPractitioner, HealthVisitor, SchoolNurse, Police, YouthWorker, OtherProfessional,
}

public static class RelationshipKinds
{
    public static bool IsProfessional(this RelationshipKind kind) => kind >= RelationshipKind.Teacher;

    public static string Describe(this RelationshipKind kind) => kind switch
    {
        RelationshipKind.StepParent => "Step-parent",
        RelationshipKind.HalfSibling => "Half-sibling",
        RelationshipKind.AuntOrUncle => "Aunt or uncle",
        RelationshipKind.FosterCarer => "Foster carer",
        RelationshipKind.FamilyFriend => "Family friend",
        RelationshipKind.OtherFamily => "Other family member",
        RelationshipKind.GeneralPractitioner => "GP",
        RelationshipKind.HealthVisitor => "Health visitor",
        RelationshipKind.SchoolNurse => "School nurse",
        RelationshipKind.YouthWorker => "Youth worker",
        RelationshipKind.OtherProfessional => "Other professional",
        _ => kind.ToString(),
    };
}
