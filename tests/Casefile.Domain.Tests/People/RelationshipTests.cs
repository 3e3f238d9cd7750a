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
