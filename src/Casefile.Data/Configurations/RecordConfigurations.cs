using System.Text.Json;
using Casefile.Data.Identity;
using Casefile.Domain.Cases;
using Casefile.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casefile.Data.Configurations;

internal sealed class CaseRecordConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> builder)
    {
        builder.ToTable("CaseRecords");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsLocked);
        builder.Ignore(x => x.IsSignificant);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ResponsibleWorkerId).OnDelete(DeleteBehavior.Restrict);

        // The content is a value: its fields are columns of the record's row, named without a prefix.
        builder.ComplexProperty(x => x.Content, c =>
        {
            c.Property(x => x.Type).HasColumnName("Type");
            c.Property(x => x.OccurredAt).HasColumnName("OccurredAt");
            c.Property(x => x.ChildProtectionEnquiry).HasColumnName("ChildProtectionEnquiry");
            c.Property(x => x.Purpose).HasColumnName("Purpose").HasMaxLength(4000);
            c.Property(x => x.Outcome).HasColumnName("Outcome").HasMaxLength(4000);
            c.Property(x => x.Narrative).HasColumnName("Narrative").HasMaxLength(100_000);
            c.Property(x => x.Seen).HasColumnName("Seen").HasMaxLength(2000);
            c.Property(x => x.SpokenTo).HasColumnName("SpokenTo").HasMaxLength(2000);
            c.Property(x => x.Present).HasColumnName("Present").HasConversion(PresentJson.Converter, PresentJson.Comparer);
            c.Property(x => x.ChildSeen).HasColumnName("ChildSeen");
            c.Property(x => x.ChildSeenAlone).HasColumnName("ChildSeenAlone");
            c.Property(x => x.ChildViews).HasColumnName("ChildViews").HasMaxLength(10_000);
            c.Property(x => x.FamilyViews).HasColumnName("FamilyViews").HasMaxLength(10_000);
            c.Property(x => x.Interpreter).HasColumnName("Interpreter");
            c.Property(x => x.InterpreterDispensedReason).HasColumnName("InterpreterDispensedReason").HasMaxLength(2000);
            c.Property(x => x.ReferralAgency).HasColumnName("ReferralAgency").HasMaxLength(200);
            c.Property(x => x.ReferralPurpose).HasColumnName("ReferralPurpose").HasMaxLength(2000);
            c.Property(x => x.VideoRecorded).HasColumnName("VideoRecorded");
            c.Property(x => x.DocumentReferences).HasColumnName("DocumentReferences").HasMaxLength(2000);
            c.Property(x => x.HandwrittenNotesDestroyed).HasColumnName("HandwrittenNotesDestroyed");
            c.Property(x => x.Significant).HasColumnName("Significant");
            // Documents on the same case the record refers to (issue 6), as JSON like Present.
            c.Property(x => x.LinkedDocuments).HasColumnName("LinkedDocuments").HasConversion(GuidsJson.Converter, GuidsJson.Comparer);
        });

        builder.HasMany(x => x.Addenda).WithOne().HasForeignKey(a => a.CaseRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Addenda).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.EventDateChanges).WithOne().HasForeignKey(e => e.CaseRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.EventDateChanges).UsePropertyAccessMode(PropertyAccessMode.Field);

        // A discarded draft and a draft a manager gave to another worker keep who, when and why (policy 3.8, 6.6).
        builder.Property(x => x.DiscardReason).HasMaxLength(2000);
        builder.Property(x => x.ReassignReason).HasMaxLength(2000);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.DiscardedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ReassignedFrom).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ReassignedBy).OnDelete(DeleteBehavior.Restrict);

        // Outstanding write-ups: a worker's drafts, and a team's, by deadline.
        builder.HasIndex(x => new { x.RecordedBy, x.Status, x.RecordBy });
        builder.HasIndex(x => new { x.CaseFileId, x.Status });
    }
}

internal sealed class CaseRecordAddendumConfiguration : IEntityTypeConfiguration<CaseRecordAddendum>
{
    public void Configure(EntityTypeBuilder<CaseRecordAddendum> builder)
    {
        builder.ToTable("CaseRecordAddenda");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Text).HasMaxLength(10_000).IsRequired();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.AddedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseRecordEventDateChangeConfiguration : IEntityTypeConfiguration<CaseRecordEventDateChange>
{
    public void Configure(EntityTypeBuilder<CaseRecordEventDateChange> builder)
    {
        builder.ToTable("CaseRecordEventDateChanges");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ChangedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseRecordMoveConfiguration : IEntityTypeConfiguration<CaseRecordMove>
{
    public void Configure(EntityTypeBuilder<CaseRecordMove> builder)
    {
        builder.ToTable("CaseRecordMoves");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.DecisionNote).HasMaxLength(2000);
        builder.HasOne<CaseRecord>().WithMany().HasForeignKey(x => x.CaseRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.FromCaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.ToCaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RequestedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Status, x.RequestedAt });
    }
}

internal sealed class ChronologyEntryConfiguration : IEntityTypeConfiguration<ChronologyEntry>
{
    public void Configure(EntityTypeBuilder<ChronologyEntry> builder)
    {
        builder.ToTable("ChronologyEntries");
        builder.Property(x => x.Id).ValueGeneratedOnAdd();
        builder.Property(x => x.Title).HasMaxLength(ChronologyEntry.TitleLength).IsRequired();
        builder.Property(x => x.Summary).HasMaxLength(ChronologyEntry.SummaryLength);
        builder.Ignore(x => x.IsManagementDecision);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        // The chronology is read a page at a time in this order (keyset paging, no offsets).
        builder.HasIndex(x => new { x.CaseFileId, x.OccurredAt, x.Id });
        builder.HasIndex(x => x.SourceId);
    }
}

/// <summary>Who was present, kept as JSON in one column: read and written only with its record.</summary>
internal static class PresentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<PresentPerson>?, string> Converter = new(
        v => JsonSerializer.Serialize(v ?? Array.Empty<PresentPerson>(), Options),
        v => JsonSerializer.Deserialize<List<PresentPerson>>(v, Options) ?? new List<PresentPerson>());

    public static readonly ValueComparer<IReadOnlyList<PresentPerson>?> Comparer = new(
        (a, b) => (a ?? Array.Empty<PresentPerson>()).SequenceEqual(b ?? Array.Empty<PresentPerson>()),
        v => v == null ? 0 : v.Aggregate(0, (h, p) => HashCode.Combine(h, p.GetHashCode())),
        v => v == null ? null : v.ToList());
}

/// <summary>Ids kept as JSON in one column, read and written only with their record.</summary>
internal static class GuidsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<Guid>?, string> Converter = new(
        v => JsonSerializer.Serialize(v ?? Array.Empty<Guid>(), Options),
        v => JsonSerializer.Deserialize<List<Guid>>(v, Options) ?? new List<Guid>());

    public static readonly ValueComparer<IReadOnlyList<Guid>?> Comparer = new(
        (a, b) => (a ?? Array.Empty<Guid>()).SequenceEqual(b ?? Array.Empty<Guid>()),
        v => v == null ? 0 : v.Aggregate(0, (h, g) => HashCode.Combine(h, g.GetHashCode())),
        v => v == null ? null : v.ToList());
}
