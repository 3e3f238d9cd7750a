using Casefile.Data.Identity;
using Casefile.Domain.Cases;
using Casefile.Domain.People;
using Casefile.Domain.Referrals;
using Casefile.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casefile.Data.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.ToTable("Referrals");
        builder.Property(r => r.ReferrerName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Source).HasMaxLength(4);
        builder.Property(r => r.PrimaryNeed).HasMaxLength(4);
        builder.Property(r => r.ReferrerAgency).HasMaxLength(200);
        builder.Property(r => r.Reason).HasMaxLength(10_000).IsRequired();
        builder.Property(r => r.NoFurtherActionReason).HasMaxLength(10_000);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(r => r.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(r => r.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Decision, r.ReceivedAt });
        builder.HasIndex(r => r.ChildId);
    }
}

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.ToTable("CaseFiles");
        builder.Property(c => c.Reference).HasMaxLength(20).IsRequired();
        builder.Property(c => c.ReasonForClosure).HasMaxLength(4);
        builder.HasIndex(c => c.Reference).IsUnique();
        // Policy 5.1: one electronic record per child.
        builder.HasIndex(c => c.ChildId).IsUnique();
        builder.HasIndex(c => new { c.AllocatedWorkerId, c.Status });
        builder.HasIndex(c => new { c.TeamId, c.Status });
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.AllocatedWorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Allocations).WithOne().HasForeignKey(a => a.CaseFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Volumes).WithOne().HasForeignKey(v => v.CaseFileId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Allocations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Volumes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseAllocationConfiguration : IEntityTypeConfiguration<CaseAllocation>
{
    public void Configure(EntityTypeBuilder<CaseAllocation> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.ToTable("CaseAllocations");
        builder.Property(a => a.Reason).HasMaxLength(1000).IsRequired();
        builder.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CaseFileId, a.From });
    }
}

internal sealed class CaseVolumeConfiguration : IEntityTypeConfiguration<CaseVolume>
{
    public void Configure(EntityTypeBuilder<CaseVolume> builder)
    {
        builder.ToTable("CaseVolumes");
        builder.HasKey(v => new { v.CaseFileId, v.Number });
    }
}
