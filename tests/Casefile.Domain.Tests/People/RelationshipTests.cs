using Casefile.Domain.Common;
using Casefile.Domain.People;

namespace Casefile.Domain.Tests.People;

public class RelationshipTests
{
    [Fact]
    public void Constructor_WhenPersonIsRelatedToThemselves_Refuses()
    {
        var tom = Guid.NewGuid();

        var ex = Should.Throw<RuleViolationException>(() =>
            new Relationship(Guid.NewGuid(), tom, tom, RelationshipKind.Mother, null, Clock.Now));

        ex.Rule.ShouldBe("relationship-to-self");
        ex.Field.ShouldBe("relatedPersonId");
    }

    [Fact]
    public void Constructor_WhenTwoPeopleAreRelated_RecordsTheRelationship()
    {
        var tom = Guid.NewGuid();
        var jane = Guid.NewGuid();

        var relationship = new Relationship(Guid.NewGuid(), tom, jane, RelationshipKind.Mother, "  Lives nearby ", Clock.Now);

        relationship.PersonId.ShouldBe(tom);
        relationship.RelatedPersonId.ShouldBe(jane);
        relationship.Kind.ShouldBe(RelationshipKind.Mother);
        relationship.Notes.ShouldBe("Lives nearby");
        relationship.RecordedAt.ShouldBe(Clock.Now);
        relationship.Ended.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_WhenNotesAreBlank_StoresNone(string? notes) =>
        new Relationship(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), RelationshipKind.Sibling, notes, Clock.Now)
            .Notes.ShouldBeNull();

    [Theory]
    [InlineData(RelationshipKind.Mother, false)]
    [InlineData(RelationshipKind.Father, false)]
    [InlineData(RelationshipKind.Parent, false)]
    [InlineData(RelationshipKind.StepParent, false)]
    [InlineData(RelationshipKind.Sibling, false)]
    [InlineData(RelationshipKind.HalfSibling, false)]
    [InlineData(RelationshipKind.Grandparent, false)]
    [InlineData(RelationshipKind.AuntOrUncle, false)]
    [InlineData(RelationshipKind.Cousin, false)]
    [InlineData(RelationshipKind.Carer, false)]
    [InlineData(RelationshipKind.FosterCarer, false)]
    [InlineData(RelationshipKind.FamilyFriend, false)]
    [InlineData(RelationshipKind.OtherFamily, false)]
    [InlineData(RelationshipKind.Teacher, true)]
    [InlineData(RelationshipKind.GeneralPractitioner, true)]
    [InlineData(RelationshipKind.HealthVisitor, true)]
    [InlineData(RelationshipKind.SchoolNurse, true)]
    [InlineData(RelationshipKind.Police, true)]
    [InlineData(RelationshipKind.YouthWorker, true)]
    [InlineData(RelationshipKind.OtherProfessional, true)]
    public void IsProfessional_WhenKindIsGiven_IsTrueOnlyForProfessionals(RelationshipKind kind, bool expected)
    {
        kind.IsProfessional().ShouldBe(expected);
        new Relationship(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), kind, null, Clock.Now).IsProfessional.ShouldBe(expected);
    }

    [Fact]
    public void IsProfessional_WhenEveryKindIsListed_TheTableAboveCoversThemAll() =>
        Enum.GetValues<RelationshipKind>().Length.ShouldBe(20);

    [Theory]
    [InlineData(RelationshipKind.Mother, "Mother")]
    [InlineData(RelationshipKind.StepParent, "Step-parent")]
    [InlineData(RelationshipKind.AuntOrUncle, "Aunt or uncle")]
    [InlineData(RelationshipKind.GeneralPractitioner, "GP")]
    [InlineData(RelationshipKind.OtherProfessional, "Other professional")]
    public void Describe_WhenKindIsGiven_UsesPlainLanguage(RelationshipKind kind, string expected) =>
        kind.Describe().ShouldBe(expected);
}

public class RelationshipEndTests
{
    private static readonly DateOnly Started = new(2026, 1, 10);
    private static readonly DateOnly Today = new(2026, 3, 20);

    private static Relationship Carer() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), RelationshipKind.Carer, null, Clock.Now);

    [Theory]
    [InlineData("2026-01-10")] // the day it started
    [InlineData("2026-03-03")]
    [InlineData("2026-03-20")] // today
    public void End_WhenDateIsBetweenStartAndToday_RecordsTheEndAndReason(string endedOn)
    {
        var relationship = Carer();

        relationship.End(DateOnly.Parse(endedOn, System.Globalization.CultureInfo.InvariantCulture), "  No longer caring for him ", Started, Today);

        relationship.Ended.ShouldBe(DateOnly.Parse(endedOn, System.Globalization.CultureInfo.InvariantCulture));
        relationship.EndReason.ShouldBe("No longer caring for him");
    }

    [Theory]
    [InlineData("2026-03-21", "Moved away", "relationship-end-in-future", "endedOn")]
    [InlineData("2026-01-09", "Moved away", "relationship-end-before-start", "endedOn")]
    [InlineData("2026-03-03", null, "relationship-end-reason-required", "reason")]
    [InlineData("2026-03-03", "   ", "relationship-end-reason-required", "reason")]
    public void End_WhenARuleIsBroken_RefusesNamingTheRuleAndFieldAndChangesNothing(string endedOn, string? reason, string rule, string field)
    {
        var relationship = Carer();

        var ex = Should.Throw<RuleViolationException>(() =>
            relationship.End(DateOnly.Parse(endedOn, System.Globalization.CultureInfo.InvariantCulture), reason, Started, Today));

        ex.Rule.ShouldBe(rule);
        ex.Field.ShouldBe(field);
        relationship.Ended.ShouldBeNull();
        relationship.EndReason.ShouldBeNull();
    }

    [Fact]
    public void End_WhenDateAndReasonAreBothWrong_ReportsBoth()
    {
        var ex = Should.Throw<RuleViolationsException>(() => Carer().End(new DateOnly(2027, 1, 1), "", Started, Today));

        ex.Violations.Select(v => v.Field).ShouldBe(["endedOn", "reason"]);
    }

    [Fact]
    public void End_WhenReasonIsTooLong_Refuses() =>
        Should.Throw<RuleViolationException>(() => Carer().End(Today, new string('x', 501), Started, Today)).Field.ShouldBe("reason");

    [Fact]
    public void End_WhenAlreadyEnded_IsAConflict()
    {
        var relationship = Carer();
        relationship.End(new DateOnly(2026, 3, 3), "Moved away", Started, Today);

        Should.Throw<StateConflictException>(() => relationship.End(Today, "Again", Started, Today)).Rule.ShouldBe("relationship-already-ended");
        relationship.Ended.ShouldBe(new DateOnly(2026, 3, 3));
    }
}
