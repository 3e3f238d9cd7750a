using Casefile.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casefile.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.Property(e => e.UserName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(50).IsRequired();
        builder.Property(e => e.RecordType).HasMaxLength(50).IsRequired();
        builder.Property(e => e.RecordId).HasMaxLength(64);
        builder.Property(e => e.Outcome).HasMaxLength(20).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.Channel).HasMaxLength(10).IsRequired();
        builder.HasIndex(e => new { e.CaseFileId, e.OccurredAt });
        builder.HasIndex(e => new { e.UserId, e.OccurredAt });
    }
}
