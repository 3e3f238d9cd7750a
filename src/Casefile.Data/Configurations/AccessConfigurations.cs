using Casefile.Data.Identity;
using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Casefile.Domain.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casefile.Data.Configurations;

internal sealed class CaseRestrictionConfiguration : IEntityTypeConfiguration<CaseRestriction>
{
    public void Configure(EntityTypeBuilder<CaseRestriction> builder)
    {
        builder.ToTable("CaseRestrictions");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Details).HasMaxLength(1000);
        builder.Ignore(x => x.IsActive);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RestrictedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.LiftedAt });
        builder.HasIndex(x => x.ReviewOn);
    }
}

internal sealed class CaseAccessGrantConfiguration : IEntityTypeConfiguration<CaseAccessGrant>
{
    public void Configure(EntityTypeBuilder<CaseAccessGrant> builder)
    {
        builder.ToTable("CaseAccessGrants");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Reason).HasMaxLength(1000);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.UserId, x.Kind });
        builder.HasIndex(x => new { x.UserId, x.Kind });
    }
}

internal sealed class EmergencyAccessConfiguration : IEntityTypeConfiguration<EmergencyAccess>
{
    public void Configure(EntityTypeBuilder<EmergencyAccess> builder)
    {
        builder.ToTable("EmergencyAccesses");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.ReviewNote).HasMaxLength(2000);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.UserId, x.ExpiresAt });
        builder.HasIndex(x => x.ReviewedAt);
    }
}

internal sealed class ConsentToShareConfiguration : IEntityTypeConfiguration<ConsentToShare>
{
    public void Configure(EntityTypeBuilder<ConsentToShare> builder)
    {
        builder.ToTable("Consents");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.GiverName).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Scope).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.SignedFormReference).HasMaxLength(500);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.CaseFileId);
    }
}

internal sealed class SharingWithoutConsentConfiguration : IEntityTypeConfiguration<SharingWithoutConsent>
{
    public void Configure(EntityTypeBuilder<SharingWithoutConsent> builder)
    {
        builder.ToTable("SharingWithoutConsent");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.SharedWith).HasMaxLength(300).IsRequired();
        builder.Property(x => x.Justification).HasMaxLength(4000).IsRequired();
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.AgreedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.CaseFileId);
    }
}
