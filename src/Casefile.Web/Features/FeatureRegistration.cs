using Casefile.Web.Features.Access;
using Casefile.Web.Features.Account;
using Casefile.Web.Features.Assessments;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Features.Cases;
using Casefile.Web.Features.Chronology;
using Casefile.Web.Features.Closure;
using Casefile.Web.Features.Documents;
using Casefile.Web.Features.Emails;
using Casefile.Web.Features.PaperFiles;
using Casefile.Web.Features.People;
using Casefile.Web.Features.PlainLanguage;
using Casefile.Web.Features.Records;
using Casefile.Web.Features.Referrals;
using Casefile.Web.Features.Retention;
using Casefile.Web.Features.Transfers;

namespace Casefile.Web.Features;

/// <summary>Registers each feature's handlers and maps its API endpoints under <c>/api/v1</c>.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        services.AddScoped<CreatePerson>();
        services.AddScoped<SearchPeople>();
        services.AddScoped<GetPerson>();
        services.AddScoped<AddRelationship>();
        services.AddScoped<RecordReferral>();
        services.AddScoped<AcceptReferral>();
        services.AddScoped<DecideNoFurtherAction>();
        services.AddScoped<ReferralQueries>();
        services.AddScoped<GetCase>();
        services.AddScoped<MyCases>();
        services.AddScoped<ReallocateCase>();
        services.AddScoped<RestrictCase>();
        services.AddScoped<LiftRestriction>();
        services.AddScoped<ShareWithLegal>();
        services.AddScoped<RequestEmergencyAccess>();
        services.AddScoped<ReviewEmergencyAccess>();
        services.AddScoped<AccessLogs>();
        services.AddScoped<ConsentHandlers>();
        services.AddSingleton<BankHolidayCalendar>();
        services.AddScoped<ImportBankHolidays>();
        services.AddScoped<RecordLoader>();
        services.AddScoped<StartRecord>();
        services.AddScoped<ReviseRecord>();
        services.AddScoped<FinaliseRecord>();
        services.AddScoped<AddAddendum>();
        services.AddScoped<GetRecord>();
        services.AddScoped<RequestRecordMove>();
        services.AddScoped<DecideRecordMove>();
        services.AddScoped<OutstandingRecords>();
        services.AddScoped<GetChronology>();
        services.AddScoped<SearchRecords>();
        services.AddSingleton<PlainLanguageList>();
        services.AddScoped<CheckPlainLanguage>();
        services.AddScoped<GetPlainLanguageList>();
        services.AddScoped<SavePlainLanguageList>();
        services.AddScoped<RestrictedSection>();
        services.AddScoped<UploadDocument>();
        services.AddScoped<DocumentQueries>();
        services.AddScoped<ImportEmail>();
        services.AddScoped<EmailQueries>();
        services.AddScoped<SupersedeEmails>();
        services.AddScoped<CaseCompletenessCheck>();
        services.AddScoped<ClosureLetterFiling>();
        services.AddScoped<RequestClosure>();
        services.AddScoped<ReviseClosureRequest>();
        services.AddScoped<DecideClosure>();
        services.AddScoped<WithdrawClosureRequest>();
        services.AddScoped<RecordAdultServices>();
        services.AddScoped<ClosureQueries>();
        services.AddScoped<AdminTasks>();
        services.AddScoped<ProposeTransfer>();
        services.AddScoped<DecideTransfer>();
        services.AddScoped<TransferQueries>();
        services.AddScoped<PaperFileAccess>();
        services.AddScoped<AddPaperVolume>();
        services.AddScoped<RequestPaperFileRemoval>();
        services.AddScoped<DecidePaperFileRemoval>();
        services.AddScoped<MovePaperFile>();
        services.AddScoped<PaperFileQueries>();
        services.AddScoped<PaperFilesOutOvernight>();
        services.AddScoped<AssessmentLoader>();
        services.AddScoped<StartAssessmentOrPlan>();
        services.AddScoped<ReviseAssessmentOrPlan>();
        services.AddScoped<SubmitAssessmentOrPlan>();
        services.AddScoped<AuthoriseAssessmentOrPlan>();
        services.AddScoped<ReturnAssessmentOrPlan>();
        services.AddScoped<EndPlan>();
        services.AddScoped<AssessmentQueries>();
        services.AddSingleton<ClosureLetterTemplates>();
        services.AddScoped<GetClosureLetterTemplate>();
        services.AddScoped<SaveClosureLetterTemplate>();
        services.AddScoped<WriteClosureLetter>();
        services.AddScoped<RetentionFactsLoader>();
        services.AddScoped<RetentionSchedules>();
        services.AddScoped<RecordsManagerGate>();
        services.AddScoped<GetRetention>();
        services.AddScoped<AddRetentionCategory>();
        services.AddScoped<RecordCareEvent>();
        services.AddScoped<LegalHolds>();
        services.AddScoped<DisposalQueries>();
        services.AddScoped<DecideDisposal>();
        services.AddScoped<CaseFileDestruction>();
        services.AddScoped<TombstoneQueries>();
        services.AddScoped<ScheduleHandlers>();
        services.AddScoped<RetentionSweep>();
        return services;
    }

    public static void MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").DisableAntiforgery();
        api.MapAccount();
        api.MapPeople();
        api.MapReferrals();
        api.MapCases();
        api.MapAccess();
        api.MapCalendar();
        api.MapRecords();
        api.MapPlainLanguage();
        api.MapDocuments();
        api.MapEmails();
        api.MapClosure();
        api.MapTransfers();
        api.MapPaperFiles();
        api.MapAssessments();
        api.MapClosureLetters();
        api.MapRetention();
    }
}
