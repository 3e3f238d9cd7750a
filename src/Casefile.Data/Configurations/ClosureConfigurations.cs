using System.Text.Json;
using Casefile.Data.Identity;
using Casefile.Domain.Cases;
using Casefile.Domain.Closure;
using Casefile.Domain.Staff;
using Casefile.Domain.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Casefile.Data.Configurations;

internal sealed class ClosureRequestConfiguration : IEntityTypeConfiguration<ClosureRequest>
{
    public void Configure(EntityTypeBuilder<ClosureRequest> builder)
    {
        builder.ToTable("ClosureRequests");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ReasonForClosure).HasMaxLength(4);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsOpen);
        builder.ComplexProperty(x => x.Summary, c =>
        {
            c.Property(x => x.ReasonForInvolvement).HasColumnName("ReasonForInvolvement").HasMaxLength(ClosingSummary.FieldLength).IsRequired();
            c.Property(x => x.ActionsAndOutcomes).HasColumnName("ActionsAndOutcomes").HasMaxLength(ClosingSummary.FieldLength).IsRequired();
            c.Property(x => x.OtherProfessionals).HasColumnName("OtherProfessionals").HasMaxLength(ClosingSummary.FieldLength).IsRequired();
            c.Property(x => x.ContinuingSupport).HasColumnName("ContinuingSupport").HasMaxLength(ClosingSummary.FieldLength).IsRequired();
        });
        builder.Property(x => x.Checklist).HasConversion(JsonList<ChecklistEntry>.Converter, JsonList<ChecklistEntry>.Comparer).IsRequired();
        builder.Property(x => x.LetterRecipients).HasConversion(JsonList<LetterRecipient>.Converter, JsonList<LetterRecipient>.Comparer).IsRequired();
        builder.Property(x => x.ReturnReason).HasMaxLength(ClosureRequest.ReasonLength);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RequestedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.DecidedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.Status });
        // Managers' queue: requests waiting for a decision.
        builder.HasIndex(x => new { x.Status, x.RequestedAt });
    }
}

internal sealed class AdminTaskConfiguration : IEntityTypeConfiguration<AdminTask>
{
    public void Configure(EntityTypeBuilder<AdminTask> builder)
    {
        builder.ToTable("AdminTasks");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Property(x => x.Description).HasMaxLength(1000).IsRequired();
        builder.Property(x => x.Note).HasMaxLength(AdminTask.NoteLength);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClosureRequest>().WithMany().HasForeignKey(x => x.ClosureRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.CompletedBy).OnDelete(DeleteBehavior.Restrict);
        // The admin officer's queue: a team's tasks still to do.
        builder.HasIndex(x => new { x.TeamId, x.Status, x.CreatedAt });
        builder.HasIndex(x => x.CaseFileId);
    }
}

internal sealed class CaseTransferConfiguration : IEntityTypeConfiguration<CaseTransfer>
{
    public void Configure(EntityTypeBuilder<CaseTransfer> builder)
    {
        builder.ToTable("CaseTransfers");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsOpen);
        builder.ComplexProperty(x => x.Summary, c =>
        {
            c.Property(x => x.ReasonForInvolvement).HasColumnName("ReasonForInvolvement").HasMaxLength(TransferSummary.FieldLength).IsRequired();
            c.Property(x => x.Assessment).HasColumnName("Assessment").HasMaxLength(TransferSummary.FieldLength).IsRequired();
            c.Property(x => x.Plan).HasColumnName("Plan").HasMaxLength(TransferSummary.FieldLength).IsRequired();
            c.Property(x => x.ActionsUndertaken).HasColumnName("ActionsUndertaken").HasMaxLength(TransferSummary.FieldLength).IsRequired();
        });
        builder.Property(x => x.ReturnReason).HasMaxLength(CaseTransfer.ReasonLength);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(x => x.FromTeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(x => x.ToTeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.FromWorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ToWorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RequestedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.DecidedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.Status });
        // Receiving managers' queue.
        builder.HasIndex(x => new { x.ToTeamId, x.Status });
    }
}

/// <summary>A short list kept in one JSON text column: written and read whole with its row.</summary>
internal static class JsonList<T>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static readonly ValueConverter<IReadOnlyList<T>, string> Converter = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>());

    public static readonly ValueComparer<IReadOnlyList<T>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
        v => v.ToList());
}
