using Casefile.Data.Identity;
using Casefile.Domain.Assessments;
using Casefile.Domain.Cases;
using Casefile.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casefile.Data.Configurations;

internal sealed class AssessmentOrPlanConfiguration : IEntityTypeConfiguration<AssessmentOrPlan>
{
    public void Configure(EntityTypeBuilder<AssessmentOrPlan> builder)
    {
        builder.ToTable("AssessmentsAndPlans");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Property(x => x.ReturnReason).HasMaxLength(4000);
        builder.Property(x => x.EndReason).HasMaxLength(4000);
        builder.Ignore(x => x.Category);
        builder.Ignore(x => x.IsLocked);
        builder.Ignore(x => x.IsEditable);
        builder.Property(x => x.FactorCodes).HasMaxLength(400);
        builder.Ignore(x => x.Factors);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.DecidedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.EndedBy).OnDelete(DeleteBehavior.Restrict);

        // The content is a value: its fields are columns of the row, named without a prefix.
        builder.ComplexProperty(x => x.Content, c =>
        {
            c.Property(x => x.Summary).HasColumnName("Summary").HasMaxLength(100_000);
            c.Property(x => x.FamilyContribution).HasColumnName("FamilyContribution").HasMaxLength(10_000);
            c.Property(x => x.HowShared).HasColumnName("HowShared").HasMaxLength(4000);
            c.Property(x => x.OrderSought).HasColumnName("OrderSought");
            c.Property(x => x.RecommendsNoFurtherAction).HasColumnName("RecommendsNoFurtherAction");
        });

        // The case page and closure read a case's work; the author's "returned to me" list reads by author and status.
        builder.HasIndex(x => new { x.CaseFileId, x.Status });
        builder.HasIndex(x => new { x.AuthorId, x.Status });
        builder.HasIndex(x => new { x.Status, x.SubmittedAt });
    }
}
