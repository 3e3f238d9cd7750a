using Casefile.Data.Identity;
using Casefile.Domain.Cases;
using Casefile.Domain.PaperFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casefile.Data.Configurations;

internal sealed class PaperFileVolumeConfiguration : IEntityTypeConfiguration<PaperFileVolume>
{
    public void Configure(EntityTypeBuilder<PaperFileVolume> builder)
    {
        builder.ToTable("PaperFileVolumes");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Location).HasMaxLength(PaperFileVolume.LocationLength).IsRequired();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsInStore);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.HolderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.AddedById).OnDelete(DeleteBehavior.Restrict);
        // Volume numbers never repeat on a case (the domain checks first; this catches two adds at once).
        builder.HasIndex(x => new { x.CaseFileId, x.VolumeNumber }).IsUnique();
        builder.HasIndex(x => x.Status);
    }
}

internal sealed class PaperFileRemovalConfiguration : IEntityTypeConfiguration<PaperFileRemoval>
{
    public void Configure(EntityTypeBuilder<PaperFileRemoval> builder)
    {
        builder.ToTable("PaperFileRemovals");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Reason).HasMaxLength(PaperFileRemoval.TextLength).IsRequired();
        builder.Property(x => x.Destination).HasMaxLength(PaperFileRemoval.DestinationLength).IsRequired();
        builder.Property(x => x.RefusalReason).HasMaxLength(PaperFileRemoval.TextLength);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsOpen);
        builder.HasOne<PaperFileVolume>().WithMany().HasForeignKey(x => x.VolumeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.MarkedOutById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ReturnedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.VolumeId, x.Status });
        // The managers' morning list reads requests waiting for a decision and volumes out.
        builder.HasIndex(x => new { x.Status, x.RequestedById });
    }
}

internal sealed class PaperFileMovementConfiguration : IEntityTypeConfiguration<PaperFileMovement>
{
    public void Configure(EntityTypeBuilder<PaperFileMovement> builder)
    {
        builder.ToTable("PaperFileMovements");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Note).HasMaxLength(PaperFileMovement.NoteLength).IsRequired();
        builder.HasOne<PaperFileVolume>().WithMany().HasForeignKey(x => x.VolumeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PaperFileRemoval>().WithMany().HasForeignKey(x => x.RemovalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.VolumeId, x.At });
    }
}
