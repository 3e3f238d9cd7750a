using Casefile.Data.Identity;
using Casefile.Domain.Cases;
using Casefile.Domain.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casefile.Data.Configurations;

internal sealed class StrategyDiscussionConfiguration : IEntityTypeConfiguration<StrategyDiscussion>
{
    public void Configure(EntityTypeBuilder<StrategyDiscussion> builder)
    {
        builder.ToTable("StrategyDiscussions");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Attendees).HasMaxLength(StrategyDiscussion.AttendeesLength);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.HeldOn });
    }
}

internal sealed class Section47EnquiryConfiguration : IEntityTypeConfiguration<Section47Enquiry>
{
    public void Configure(EntityTypeBuilder<Section47Enquiry> builder)
    {
        builder.ToTable("Section47Enquiries");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Ignore(x => x.IsOpen);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StrategyDiscussion>().WithMany().HasForeignKey(x => x.StrategyDiscussionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.StartedOn });
    }
}

internal sealed class ChildProtectionConferenceConfiguration : IEntityTypeConfiguration<ChildProtectionConference>
{
    public void Configure(EntityTypeBuilder<ChildProtectionConference> builder)
    {
        builder.ToTable("ChildProtectionConferences");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Category).HasMaxLength(8);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Section47Enquiry>().WithMany().HasForeignKey(x => x.Section47EnquiryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.HeldOn });
    }
}

internal sealed class ChildProtectionPlanConfiguration : IEntityTypeConfiguration<ChildProtectionPlan>
{
    public void Configure(EntityTypeBuilder<ChildProtectionPlan> builder)
    {
        builder.ToTable("ChildProtectionPlans");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Category).HasMaxLength(8);
        builder.Property(x => x.EndReason).HasMaxLength(ChildProtectionPlan.ReasonLength);
        builder.Ignore(x => x.IsCurrent);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChildProtectionConference>().WithMany().HasForeignKey(x => x.StartedByConferenceId).OnDelete(DeleteBehavior.Restrict);
        // The team's due list reads the plans in force.
        builder.HasIndex(x => new { x.CaseFileId, x.EndedOn });
        builder.HasIndex(x => x.EndedOn);
    }
}

internal sealed class CoreGroupMeetingConfiguration : IEntityTypeConfiguration<CoreGroupMeeting>
{
    public void Configure(EntityTypeBuilder<CoreGroupMeeting> builder)
    {
        builder.ToTable("CoreGroupMeetings");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChildProtectionPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.HeldOn });
    }
}

internal sealed class LookedAfterEpisodeConfiguration : IEntityTypeConfiguration<LookedAfterEpisode>
{
    public void Configure(EntityTypeBuilder<LookedAfterEpisode> builder)
    {
        builder.ToTable("LookedAfterEpisodes");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.LegalStatus).HasMaxLength(8);
        builder.Property(x => x.PlacementType).HasMaxLength(8);
        builder.Property(x => x.ReasonForNewEpisode).HasMaxLength(8);
        builder.Property(x => x.ReasonEnded).HasMaxLength(8);
        builder.Property(x => x.PlacementProvider).HasMaxLength(LookedAfterEpisode.ProviderLength);
        builder.Ignore(x => x.IsOpen);
        builder.Ignore(x => x.StartsAPlacement);
        builder.Ignore(x => x.IsLongTermPlacement);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.StartedOn });
        builder.HasIndex(x => x.EndedOn);
    }
}

internal sealed class PrivateFosteringArrangementConfiguration : IEntityTypeConfiguration<PrivateFosteringArrangement>
{
    public void Configure(EntityTypeBuilder<PrivateFosteringArrangement> builder)
    {
        builder.ToTable("PrivateFosteringArrangements");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.EndReason).HasMaxLength(PrivateFosteringArrangement.ReasonLength);
        builder.Ignore(x => x.IsOpen);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.StartedOn });
    }
}

internal sealed class ChildInNeedReviewConfiguration : IEntityTypeConfiguration<ChildInNeedReview>
{
    public void Configure(EntityTypeBuilder<ChildInNeedReview> builder)
    {
        builder.ToTable("ChildInNeedReviews");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.HeldOn });
    }
}

internal sealed class LookedAfterReviewConfiguration : IEntityTypeConfiguration<LookedAfterReview>
{
    public void Configure(EntityTypeBuilder<LookedAfterReview> builder)
    {
        builder.ToTable("LookedAfterReviews");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseFileId, x.HeldOn });
    }
}
