using Casefile.Data.Audit;
using Casefile.Data.Identity;
using Casefile.Data.Settings;
using Casefile.Domain.Access;
using Casefile.Domain.AccessRequests;
using Casefile.Domain.Assessments;
using Casefile.Domain.Cases;
using Casefile.Domain.Closure;
using Casefile.Domain.Consent;
using Casefile.Domain.Documents;
using Casefile.Domain.Emails;
using Casefile.Domain.Journey;
using Casefile.Domain.PaperFiles;
using Casefile.Domain.People;
using Casefile.Domain.Records;
using Casefile.Domain.Referrals;
using Casefile.Domain.Retention;
using Casefile.Domain.Staff;
using Casefile.Domain.Transfers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Casefile.Data;

/// <summary>
/// The one database context, shared by both providers. Each provider has its own migrations
/// assembly (Casefile.Migrations.Sqlite, Casefile.Migrations.Postgres).
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonAddress> Addresses => Set<PersonAddress>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();
    public DbSet<CaseAllocation> CaseAllocations => Set<CaseAllocation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<CaseRestriction> CaseRestrictions => Set<CaseRestriction>();
    public DbSet<CaseAccessGrant> CaseAccessGrants => Set<CaseAccessGrant>();
    public DbSet<EmergencyAccess> EmergencyAccesses => Set<EmergencyAccess>();
    public DbSet<ConsentToShare> Consents => Set<ConsentToShare>();
    public DbSet<SharingWithoutConsent> SharingWithoutConsent => Set<SharingWithoutConsent>();
    public DbSet<CaseRecord> CaseRecords => Set<CaseRecord>();
    public DbSet<CaseRecordAddendum> CaseRecordAddenda => Set<CaseRecordAddendum>();
    public DbSet<CaseRecordEventDateChange> CaseRecordEventDateChanges => Set<CaseRecordEventDateChange>();
    public DbSet<CaseRecordMove> CaseRecordMoves => Set<CaseRecordMove>();
    public DbSet<ChronologyEntry> Chronology => Set<ChronologyEntry>();
    public DbSet<AssessmentOrPlan> AssessmentsAndPlans => Set<AssessmentOrPlan>();
    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();
    public DbSet<EmailRecord> EmailRecords => Set<EmailRecord>();
    public DbSet<PaperFileVolume> PaperFileVolumes => Set<PaperFileVolume>();
    public DbSet<PaperFileRemoval> PaperFileRemovals => Set<PaperFileRemoval>();
    public DbSet<PaperFileMovement> PaperFileMovements => Set<PaperFileMovement>();
    public DbSet<ImportedBankHoliday> ImportedBankHolidays => Set<ImportedBankHoliday>();
    public DbSet<CouncilSetting> CouncilSettings => Set<CouncilSetting>();
    public DbSet<ClosureRequest> ClosureRequests => Set<ClosureRequest>();
    public DbSet<AdminTask> AdminTasks => Set<AdminTask>();
    public DbSet<CaseTransfer> CaseTransfers => Set<CaseTransfer>();
    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();
    public DbSet<DisclosureItem> DisclosureItems => Set<DisclosureItem>();
    public DbSet<RedactionProposal> RedactionProposals => Set<RedactionProposal>();
    public DbSet<DisclosureLogEntry> DisclosureLog => Set<DisclosureLogEntry>();
    public DbSet<CareEvent> CareEvents => Set<CareEvent>();
    public DbSet<RetentionCategoryAssignment> RetentionCategoryAssignments => Set<RetentionCategoryAssignment>();
    public DbSet<LegalHold> LegalHolds => Set<LegalHold>();
    public DbSet<DisposalReview> DisposalReviews => Set<DisposalReview>();
    public DbSet<DestructionTombstone> DestructionTombstones => Set<DestructionTombstone>();
    public DbSet<RetentionScheduleVersion> RetentionScheduleVersions => Set<RetentionScheduleVersion>();
    public DbSet<StrategyDiscussion> StrategyDiscussions => Set<StrategyDiscussion>();
    public DbSet<Section47Enquiry> Section47Enquiries => Set<Section47Enquiry>();
    public DbSet<ChildProtectionConference> ChildProtectionConferences => Set<ChildProtectionConference>();
    public DbSet<ChildProtectionPlan> ChildProtectionPlans => Set<ChildProtectionPlan>();
    public DbSet<CoreGroupMeeting> CoreGroupMeetings => Set<CoreGroupMeeting>();
    public DbSet<LookedAfterEpisode> LookedAfterEpisodes => Set<LookedAfterEpisode>();
    public DbSet<LookedAfterReview> LookedAfterReviews => Set<LookedAfterReview>();
    public DbSet<PrivateFosteringArrangement> PrivateFosteringArrangements => Set<PrivateFosteringArrangement>();
    public DbSet<ChildInNeedReview> ChildInNeedReviews => Set<ChildInNeedReview>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe to reorder in code.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        if (IsSqlite)
        {
            // SQLite has no date-time type; UTC ticks keep ordering and comparison in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            // PostgreSQL's timestamptz takes UTC only.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
        }
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);
}
