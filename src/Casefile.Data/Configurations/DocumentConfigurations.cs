using System.Text.Json;
using Casefile.Data.Identity;
using Casefile.Domain.Cases;
using Casefile.Domain.Documents;
using Casefile.Domain.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Casefile.Data.Configurations;

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> builder)
    {
        builder.ToTable("CaseDocuments");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(CaseDocument.TitleLength).IsRequired();
        builder.Property(x => x.Author).HasMaxLength(CaseDocument.AuthorLength);
        builder.Property(x => x.FileName).HasMaxLength(CaseDocument.FileNameLength).IsRequired();
        builder.Property(x => x.ContentType).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        builder.Ignore(x => x.IsRestricted);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EmailRecord>().WithMany().HasForeignKey(x => x.EmailRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.UploadedAt });
        // Content is shared by hash: disposal must know whether any other document still points at it.
        builder.HasIndex(x => x.Sha256);
    }
}

internal sealed class EmailRecordConfiguration : IEntityTypeConfiguration<EmailRecord>
{
    public void Configure(EntityTypeBuilder<EmailRecord> builder)
    {
        builder.ToTable("EmailRecords");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.FromName).HasMaxLength(EmailRecord.AddressLength).IsRequired();
        builder.Property(x => x.FromAddress).HasMaxLength(EmailRecord.AddressLength).IsRequired();
        builder.Property(x => x.To).HasConversion(AddressJson.Converter, AddressJson.Comparer).IsRequired();
        builder.Property(x => x.Cc).HasConversion(AddressJson.Converter, AddressJson.Comparer).IsRequired();
        builder.Property(x => x.Subject).HasMaxLength(EmailRecord.SubjectLength);
        builder.Property(x => x.MessageId).HasMaxLength(EmailRecord.MessageIdLength);
        builder.Property(x => x.InReplyTo).HasMaxLength(EmailRecord.MessageIdLength);
        builder.Property(x => x.References).HasConversion(StringsJson.Converter, StringsJson.Comparer).IsRequired();
        builder.Property(x => x.Incomplete).HasConversion(StringsJson.Converter, StringsJson.Comparer).IsRequired();
        builder.Property(x => x.BodyText).IsRequired();
        builder.Property(x => x.RawSha256).HasMaxLength(64).IsRequired();
        builder.Ignore(x => x.IsRestricted);
        builder.Ignore(x => x.From);
        builder.Ignore(x => x.Transmission);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EmailRecord>().WithMany().HasForeignKey(x => x.SupersededById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ImportedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.ImportedAt });
        builder.HasIndex(x => x.RawSha256);
        // Thread supersession (policy 4.7) and "already filed" checks look emails up by message id.
        builder.HasIndex(x => x.MessageId);
    }
}

/// <summary>Recipients kept as JSON in one column, read and written only with their email.</summary>
internal static class AddressJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<IReadOnlyList<EmailAddress>, string> Converter = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<EmailAddress>>(v, Options) ?? new List<EmailAddress>());

    public static readonly ValueComparer<IReadOnlyList<EmailAddress>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.GetHashCode())),
        v => v.ToList());
}

internal static class StringsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<IReadOnlyList<string>, string> Converter = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<string>>(v, Options) ?? new List<string>());

    public static readonly ValueComparer<IReadOnlyList<string>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.GetHashCode(StringComparison.Ordinal))),
        v => v.ToList());
}
