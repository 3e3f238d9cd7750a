using Casefile.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casefile.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.ToTable("People");
        builder.Property(p => p.GivenName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.FamilyName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.KnownAs).HasMaxLength(100);
        builder.Property(p => p.Ethnicity).HasMaxLength(100);
        builder.Property(p => p.Religion).HasMaxLength(100);
        builder.Property(p => p.FirstLanguage).HasMaxLength(100);
        builder.Property(p => p.Disability).HasMaxLength(500);
        builder.Property(p => p.School).HasMaxLength(200);
        builder.Property(p => p.Upn).HasMaxLength(13);
        builder.Property(p => p.NhsNumber).HasMaxLength(10);
        builder.Property(p => p.DisabilityCodes).HasMaxLength(100);
        builder.Ignore(p => p.Disabilities);
        builder.Ignore(p => p.EthnicityIsCoded);
        builder.Property(p => p.SearchGivenName).HasMaxLength(210).IsRequired();
        builder.Property(p => p.SearchFamilyName).HasMaxLength(110).IsRequired();
        builder.Property(p => p.GivenNameKey).HasMaxLength(4).IsRequired();
        builder.Property(p => p.FamilyNameKey).HasMaxLength(4).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.SearchFamilyName);
        builder.HasIndex(p => p.SearchGivenName);
        builder.HasIndex(p => p.FamilyNameKey);
        builder.HasIndex(p => p.GivenNameKey);
        builder.HasIndex(p => p.DateOfBirth);
        builder.Ignore(p => p.FullName);
        builder.Ignore(p => p.CurrentAddress);
        builder.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Addresses).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PersonAddressConfiguration : IEntityTypeConfiguration<PersonAddress>
{
    public void Configure(EntityTypeBuilder<PersonAddress> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.ToTable("Addresses");
        builder.Property(a => a.Line1).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Line2).HasMaxLength(200);
        builder.Property(a => a.Town).HasMaxLength(100);
        builder.Property(a => a.Postcode).HasMaxLength(10);
        builder.Ignore(a => a.SingleLine);
    }
}

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.ToTable("Relationships");
        builder.Property(r => r.Notes).HasMaxLength(500);
        builder.Property(r => r.EndReason).HasMaxLength(500);
        builder.Ignore(r => r.IsProfessional);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.RelatedPersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PersonId, r.RelatedPersonId, r.Kind }).IsUnique();
    }
}
