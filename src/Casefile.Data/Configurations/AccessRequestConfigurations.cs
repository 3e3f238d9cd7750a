using Casefile.Data.Identity;
using Casefile.Domain.AccessRequests;
using Casefile.Domain.Cases;
using Casefile.Domain.Documents;
using Casefile.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casefile.Data.Configurations;

internal sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> builder)
    {
        builder.ToTable("AccessRequests");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RequesterName).HasMaxLength(AccessRequest.NameLength).IsRequired();
        builder.Property(x => x.RequesterOrganisation).HasMaxLength(AccessRequest.NameLength);
        builder.Property(x => x.WhatIsAsked).HasMaxLength(AccessRequest.TextLength).IsRequired();
        builder.Property(x => x.IdentityChecks).HasMaxLength(AccessRequest.TextLength);
        builder.Property(x => x.LegalBasis).HasMaxLength(AccessRequest.TextLength).IsRequired();
        builder.Property(x => x.ExtensionReason).HasMaxLength(AccessRequest.TextLength);
        builder.Property(x => x.LegalAdvice).HasMaxLength(AccessRequest.TextLength);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsReleased);
        builder.Ignore(x => x.IsExtended);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(x => x.SubjectPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.LegalAdviceById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ReleasedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseDocument>().WithMany().HasForeignKey(x => x.ConsentDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseDocument>().WithMany().HasForeignKey(x => x.CourtAuthorityDocumentId).OnDelete(DeleteBehavior.Restrict);
        // The owners' and managers' lists read open requests by due date.
        builder.HasIndex(x => new { x.Status, x.DueOn });
        builder.HasIndex(x => x.CaseFileId);
    }
}

internal sealed class DisclosureItemConfiguration : IEntityTypeConfiguration<DisclosureItem>
{
    public void Configure(EntityTypeBuilder<DisclosureItem> builder)
    {
        builder.ToTable("DisclosureItems");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(1000).IsRequired();
        builder.Property(x => x.Text).IsRequired();
        builder.Property(x => x.WithholdReason).HasMaxLength(500);
        builder.Ignore(x => x.IsReleased);
        // A bundle built again replaces its items; their proposals go with them.
        builder.HasOne<AccessRequest>().WithMany().HasForeignKey(x => x.AccessRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.AccessRequestId, x.Position });
    }
}

internal sealed class RedactionProposalConfiguration : IEntityTypeConfiguration<RedactionProposal>
{
    public void Configure(EntityTypeBuilder<RedactionProposal> builder)
    {
        builder.ToTable("RedactionProposals");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Text).HasMaxLength(1000).IsRequired();
        builder.Property(x => x.RemovalNote).HasMaxLength(500);
        builder.HasOne<DisclosureItem>().WithMany().HasForeignKey(x => x.DisclosureItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AccessRequest>().WithMany().HasForeignKey(x => x.AccessRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.AccessRequestId, x.Status });
        builder.HasIndex(x => new { x.DisclosureItemId, x.Start });
    }
}

internal sealed class DisclosureLogEntryConfiguration : IEntityTypeConfiguration<DisclosureLogEntry>
{
    public void Configure(EntityTypeBuilder<DisclosureLogEntry> builder)
    {
        builder.ToTable("DisclosureLog");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Action).HasMaxLength(40).IsRequired();
        builder.Property(x => x.What).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.Recipient).HasMaxLength(400).IsRequired();
        builder.HasOne<AccessRequest>().WithMany().HasForeignKey(x => x.AccessRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.AccessRequestId, x.At });
    }
}
