using Casefile.Data.Identity;
using Casefile.Domain.Cases;
using Casefile.Domain.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casefile.Data.Configurations;

internal sealed class CareEventConfiguration : IEntityTypeConfiguration<CareEvent>
{
    public void Configure(EntityTypeBuilder<CareEvent> builder)
    {
        builder.ToTable("CareEvents");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Note).HasMaxLength(CareEvent.NoteLength);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.CaseFileId);
    }
}

internal sealed class RetentionCategoryAssignmentConfiguration : IEntityTypeConfiguration<RetentionCategoryAssignment>
{
    public void Configure(EntityTypeBuilder<RetentionCategoryAssignment> builder)
    {
        builder.ToTable("RetentionCategoryAssignments");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Reason).HasMaxLength(RetentionCategoryAssignment.ReasonLength).IsRequired();
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.AddedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.CaseFileId);
    }
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> builder)
    {
        builder.ToTable("LegalHolds");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Reason).HasMaxLength(LegalHold.ReasonLength).IsRequired();
        builder.Property(x => x.LiftReason).HasMaxLength(LegalHold.ReasonLength);
        builder.Ignore(x => x.IsActive);
        // Restrict: a file with holds cannot be deleted by accident; destruction removes lifted holds itself.
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.PlacedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.LiftedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.LiftedAt });
    }
}

internal sealed class DisposalReviewConfiguration : IEntityTypeConfiguration<DisposalReview>
{
    public void Configure(EntityTypeBuilder<DisposalReview> builder)
    {
        builder.ToTable("DisposalReviews");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RuleId).HasMaxLength(60).IsRequired();
        builder.Property(x => x.Reason).HasMaxLength(DisposalReview.TextLength).IsRequired();
        builder.Property(x => x.KeepReason).HasMaxLength(DisposalReview.TextLength);
        builder.Property(x => x.ProposalReason).HasMaxLength(DisposalReview.TextLength);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsOpen);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.KeptBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ProposedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ConfirmedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Status, x.Kind, x.DueOn });
        builder.HasIndex(x => x.CaseFileId);
    }
}

internal sealed class DestructionTombstoneConfiguration : IEntityTypeConfiguration<DestructionTombstone>
{
    public void Configure(EntityTypeBuilder<DestructionTombstone> builder)
    {
        // No foreign key to the case: the case is gone; the tombstone is what is left.
        builder.ToTable("DestructionTombstones");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.CaseReference).HasMaxLength(20).IsRequired();
        builder.Property(x => x.Categories).HasMaxLength(1000).IsRequired();
        builder.Property(x => x.RuleId).HasMaxLength(60).IsRequired();
        builder.Property(x => x.RuleApplied).HasMaxLength(1000).IsRequired();
        builder.Property(x => x.ProposedByName).HasMaxLength(256).IsRequired();
        builder.Property(x => x.ConfirmedByName).HasMaxLength(256).IsRequired();
        builder.HasIndex(x => x.ConfirmedAt);
        builder.HasIndex(x => x.CaseReference);
    }
}

internal sealed class RetentionScheduleVersionConfiguration : IEntityTypeConfiguration<RetentionScheduleVersion>
{
    public void Configure(EntityTypeBuilder<RetentionScheduleVersion> builder)
    {
        builder.ToTable("RetentionScheduleVersions");
        builder.HasKey(x => x.Version);
        builder.Property(x => x.Version).ValueGeneratedNever();
        builder.Property(x => x.Json).IsRequired();
        builder.Property(x => x.ChangedBy).HasMaxLength(256).IsRequired();
        builder.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ChangedById).OnDelete(DeleteBehavior.Restrict);
    }
}
