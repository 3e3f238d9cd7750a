using System.Text.Json;

namespace Casefile.Domain.Journey;

/// <summary>
/// The statutory journey's timescales (Working Together to Safeguard Children 2023; the Care
/// Planning, Placement and Case Review Regulations 2010), as the council sets them. The defaults
/// are the statutory ones, kept as data (<c>journey-timescales.json</c>) like the retention
/// schedule; a council changes its own intervals (a child in need visit every 20 working days, a
/// child protection visit every 10) in configuration. Working days come from the council's calendar.
/// </summary>
public sealed record JourneyTimescales
{
    /// <summary>Deciding what to do about a referral (Working Together: within one working day).</summary>
    public int ReferralDecisionWorkingDays { get; init; } = 1;

    /// <summary>A child and family assessment, from the referral's acceptance.</summary>
    public int AssessmentWorkingDays { get; init; } = 45;

    /// <summary>The initial child protection conference, from the strategy discussion that started the enquiry.</summary>
    public int InitialConferenceWorkingDays { get; init; } = 15;

    /// <summary>The first core group meeting, from the conference that made the plan.</summary>
    public int FirstCoreGroupWorkingDays { get; init; } = 10;

    /// <summary>The first review conference, in months from the plan's start.</summary>
    public int FirstReviewConferenceMonths { get; init; } = 3;

    /// <summary>Later review conferences, in months from the previous one.</summary>
    public int ReviewConferenceMonths { get; init; } = 6;

    /// <summary>Statutory visits to a child on a child protection plan (the council's default; the conference may set another per plan).</summary>
    public int ChildProtectionVisitWorkingDays { get; init; } = 10;

    /// <summary>Visits to a child in need with a plan (the council's interval).</summary>
    public int ChildInNeedVisitWorkingDays { get; init; } = 20;

    /// <summary>The first looked-after review, from the day the child started to be looked after.</summary>
    public int LookedAfterFirstReviewWorkingDays { get; init; } = 20;

    /// <summary>The second looked-after review, in months from the first.</summary>
    public int LookedAfterSecondReviewMonths { get; init; } = 3;

    /// <summary>Later looked-after reviews, in months from the previous one.</summary>
    public int LookedAfterReviewMonths { get; init; } = 6;

    /// <summary>The first visit after a placement starts (regulation 28: within one week).</summary>
    public int LookedAfterFirstVisitDays { get; init; } = 7;

    /// <summary>Visits in a placement's first year, and in a placement that is not long-term (regulation 28: at most six weeks apart).</summary>
    public int LookedAfterVisitDays { get; init; } = 42;

    /// <summary>Visits once a long-term placement has lasted a year (regulation 28: at most three months apart).</summary>
    public int LookedAfterLongTermVisitMonths { get; init; } = 3;

    /// <summary>A child in need plan's reviews, in months from the plan's authorisation, then from each review (the council's interval).</summary>
    public int ChildInNeedReviewMonths { get; init; } = 3;

    /// <summary>The first visit to a privately fostered child, from the day the council heard of the arrangement (regulation 7: within 7 days).</summary>
    public int PrivateFosteringFirstVisitDays { get; init; } = 7;

    /// <summary>Visits in the arrangement's first year (regulation 8: at most 6 weeks apart).</summary>
    public int PrivateFosteringVisitDays { get; init; } = 42;

    /// <summary>Visits after the first year (regulation 8: at most 12 weeks apart).</summary>
    public int PrivateFosteringLaterVisitDays { get; init; } = 84;

    public static JourneyTimescales Default { get; } = Load();

    private static JourneyTimescales Load()
    {
        using var stream = typeof(JourneyTimescales).Assembly.GetManifestResourceStream("Casefile.Domain.Journey.journey-timescales.json")
            ?? throw new InvalidOperationException("The journey timescales resource is missing");
        return JsonSerializer.Deserialize<JourneyTimescales>(stream, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })
            ?? throw new InvalidOperationException("The journey timescales resource is empty");
    }
}
