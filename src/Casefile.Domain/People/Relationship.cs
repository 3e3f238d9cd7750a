using System.Globalization;
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
    public string? EndReason { get; private set; }

    /// <summary>
    /// Ends the relationship (a carer who no longer cares for the child, a GP who changed): it stays
    /// on the record as ended, with why, rather than being deleted (records are not silently changed).
    /// Every problem is reported at once. <paramref name="startedOn"/> is the day it was recorded:
    /// the register knows no earlier start.
    /// </summary>
    public void End(DateOnly endedOn, string? reason, DateOnly startedOn, DateOnly today)
    {
        if (Ended is not null)
            throw new StateConflictException("relationship-already-ended", $"This relationship already ended on {Long(Ended.Value)}");
        var violations = new List<RuleViolationException>();
        if (endedOn > today)
            violations.Add(new RuleViolationException("relationship-end-in-future", "The date it ended must be today or in the past", "endedOn"));
        if (endedOn < startedOn)
            violations.Add(new RuleViolationException("relationship-end-before-start",
                $"The date it ended must be on or after {Long(startedOn)}, when it was recorded", "endedOn"));
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            violations.Add(new RuleViolationException("relationship-end-reason-required", "Enter why the relationship ended", "reason"));
        else if (trimmed.Length > 500)
            violations.Add(new RuleViolationException("too-long", "The reason must be 500 characters or fewer", "reason"));
        if (violations.Count == 1) throw violations[0];
        if (violations.Count > 1) throw new RuleViolationsException(violations);
        Ended = endedOn;
        EndReason = trimmed;
    }

    private static string Long(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

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
