using Casefile.Domain.Common;
using Casefile.Domain.Journey;

namespace Casefile.Domain.Retention;

/// <summary>The events of a child's care that decide how long their file is kept (policy 8).</summary>
public enum CareEventKind { LookedAfterPeriod, PrivateFosteringNotified, AdoptionOrder }

/// <summary>
/// A period looked after, a private fostering arrangement notified to the council, or an adoption
/// order, recorded on the child's case: the record the retention categories are derived from.
/// </summary>
public sealed class CareEvent
{
    public const int NoteLength = 1000;

    private CareEvent() { }

    public CareEvent(Guid id, Guid caseFileId, CareEventKind kind, DateOnly? from, DateOnly? to, string? note, Guid recordedBy, DateTimeOffset recordedAt, DateOnly today)
    {
        var errors = new List<RuleViolationException>();
        if (from is null)
            errors.Add(new("required", kind switch
            {
                CareEventKind.LookedAfterPeriod => "Enter the date the child became looked after",
                CareEventKind.PrivateFosteringNotified => "Enter the date the council was told of the private fostering arrangement",
                _ => "Enter the date the adoption order was made",
            }, "from"));
        else if (from > today)
            errors.Add(new("date-in-future", "The date must be today or in the past", "from"));
        if (to is not null && kind != CareEventKind.LookedAfterPeriod)
            errors.Add(new("end-date-not-used", "Only a period looked after has an end date", "to"));
        else if (to is not null && from is not null && to < from)
            errors.Add(new("ends-before-start", "The end of the period must be on or after its start", "to"));
        string? trimmed = null;
        try { trimmed = Guard.Optional(note, "note", "the note", NoteLength); }
        catch (RuleViolationException e) { errors.Add(e); }
        if (errors.Count == 1) throw errors[0];
        if (errors.Count > 1) throw new RuleViolationsException(errors);
        Id = id;
        CaseFileId = caseFileId;
        Kind = kind;
        From = from!.Value;
        To = to;
        Note = trimmed;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public CareEventKind Kind { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public string? Note { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static string Describe(CareEventKind kind) => kind switch
    {
        CareEventKind.LookedAfterPeriod => "Looked after",
        CareEventKind.PrivateFosteringNotified => "Private fostering arrangement notified",
        CareEventKind.AdoptionOrder => "Adoption order made",
        _ => kind.ToString(),
    };
}

/// <summary>
/// A category added to a file by a records manager, with the reason, and the date of the event its
/// rule counts from where it needs one (notification, adoption order, ceasing to foster; for the child
/// protection unit, the youngest child's date of birth).
/// </summary>
public sealed class RetentionCategoryAssignment
{
    public const int ReasonLength = 1000;

    private RetentionCategoryAssignment() { }

    public RetentionCategoryAssignment(Guid id, Guid caseFileId, RetentionCategory category, string? reason, DateOnly? eventDate, bool deceasedOrWithdrawn,
        RetentionSchedule schedule, Guid addedBy, DateTimeOffset addedAt, DateOnly today)
    {
        var errors = new List<RuleViolationException>();
        string? trimmed = null;
        try { trimmed = Guard.Required(reason, "reason", "why this category applies", ReasonLength); }
        catch (RuleViolationException e) { errors.Add(e); }
        if (category == RetentionCategory.Other)
            errors.Add(new("other-always-applies", "'All other files' applies to every file already", "category"));
        if (eventDate is { } d && d > today && category != RetentionCategory.ChildProtectionUnit)
            errors.Add(new("date-in-future", "The date must be today or in the past", "eventDate"));
        var needs = NeedsEventDate(category, schedule);
        if (needs is not null && eventDate is null)
            errors.Add(new("required", $"Enter the date of {needs}: the category's rule counts from it", "eventDate"));
        if (errors.Count == 1) throw errors[0];
        if (errors.Count > 1) throw new RuleViolationsException(errors);
        Id = id;
        CaseFileId = caseFileId;
        Category = category;
        Reason = trimmed!;
        EventDate = eventDate;
        DeceasedOrWithdrawn = deceasedOrWithdrawn;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public RetentionCategory Category { get; private set; }
    public string Reason { get; private set; } = "";
    public DateOnly? EventDate { get; private set; }
    public bool DeceasedOrWithdrawn { get; private set; }
    public Guid AddedBy { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>The event a category's rules count from that only a person can tell Casefile, or null.</summary>
    public static string? NeedsEventDate(RetentionCategory category, RetentionSchedule schedule) =>
        schedule.Rules.Where(r => r.Category == category).Select(r => r.CountsFrom).FirstOrDefault(e => e is RetentionEvent.Notification
            or RetentionEvent.AdoptionOrder or RetentionEvent.CeasedToFoster or RetentionEvent.YoungestChildEighteenthBirthday) switch
        {
            RetentionEvent.Notification => "notification",
            RetentionEvent.AdoptionOrder => "the adoption order",
            RetentionEvent.CeasedToFoster => "ceasing to foster",
            RetentionEvent.YoungestChildEighteenthBirthday => "birth of the youngest child in the family",
            _ => null,
        };
}

/// <summary>
/// Derives a file's categories from what its record shows (policy 8): a section 47 enquiry or a child
/// protection plan makes it a child protection file; a child in care, placement or pathway plan or a
/// period looked after, a looked after child's; private fostering and adoption orders from their events;
/// and the categories records managers added. "All other files" always applies. The statutory journey
/// (issue 16) is read the same way: a section 47 enquiry or a child protection plan recorded there makes
/// a child protection file, any looked-after episode a looked after child's, and an episode placed for
/// adoption (A3 to A6) or under a placement or freeing order (E1, D1) an adoption file, counted from the
/// adoption order when an episode ended with it (E11, E12: the episode ends on the order's day).
/// </summary>
public static class RetentionCategories
{
    /// <param name="Journey">What the statutory journey holds for the file; none when not given.</param>
    public sealed record Evidence(
        DateOnly? FirstSection47Enquiry,
        DateOnly? FirstChildProtectionPlan,
        (string Plan, DateOnly On)? FirstLookedAfterPlan,
        IReadOnlyList<(CareEventKind Kind, DateOnly From)> CareEvents,
        IReadOnlyList<(RetentionCategory Category, string Reason, DateOnly? EventDate, bool DeceasedOrWithdrawn, string AddedBy)> Added,
        JourneyEvidence? Journey = null);

    /// <summary>
    /// The journey's steps that decide a file's categories: the first section 47 enquiry's start, the
    /// first child protection plan's start and category (a DfE code), and every looked-after episode.
    /// </summary>
    public sealed record JourneyEvidence(
        DateOnly? FirstSection47Enquiry,
        (DateOnly StartedOn, string Category)? FirstChildProtectionPlan,
        IReadOnlyList<EpisodeEvidence> Episodes,
        DateOnly? FirstPrivateFostering = null);

    /// <summary>One looked-after episode as the SSDA903 return codes it.</summary>
    public sealed record EpisodeEvidence(DateOnly StartedOn, string LegalStatus, string PlacementType, DateOnly? EndedOn, string? ReasonEnded);

    /// <summary>Placed for adoption, with consent or under a placement order, with the current foster carer or not (SSDA903).</summary>
    private static readonly HashSet<string> AdoptionPlacements = new(StringComparer.Ordinal) { "A3", "A4", "A5", "A6" };

    /// <summary>A placement order (E1) or a freeing order (D1): the child is to be adopted.</summary>
    private static readonly HashSet<string> AdoptionLegalStatuses = new(StringComparer.Ordinal) { "E1", "D1" };

    /// <summary>The episode ended with an adoption order (unopposed, or consent dispensed with).</summary>
    private static readonly HashSet<string> AdoptedReasons = new(StringComparer.Ordinal) { "E11", "E12" };

    public static IReadOnlyList<CategoryFact> Derive(Evidence e)
    {
        var facts = new List<CategoryFact>();
        if (e.FirstSection47Enquiry is { } s47)
            facts.Add(new(RetentionCategory.ChildProtection, $"section 47 enquiry on {RetentionDecider.Day(s47)}"));
        if (e.FirstChildProtectionPlan is { } cp)
            facts.Add(new(RetentionCategory.ChildProtection, $"child protection plan from {RetentionDecider.Day(cp)}"));
        if (e.FirstLookedAfterPlan is { } plan)
            facts.Add(new(RetentionCategory.LookedAfterChild, $"{plan.Plan.ToLowerInvariant()} from {RetentionDecider.Day(plan.On)}"));
        foreach (var (kind, from) in e.CareEvents.OrderBy(c => c.From))
        {
            facts.Add(kind switch
            {
                CareEventKind.LookedAfterPeriod => new(RetentionCategory.LookedAfterChild, $"looked after from {RetentionDecider.Day(from)}"),
                CareEventKind.PrivateFosteringNotified => new(RetentionCategory.PrivatelyFosteredChild, $"private fostering notified on {RetentionDecider.Day(from)}", from),
                _ => new(RetentionCategory.Adoption, $"adoption order made on {RetentionDecider.Day(from)}", from),
            });
        }
        if (e.Journey is { } journey) facts.AddRange(FromJourney(journey));
        foreach (var a in e.Added)
            facts.Add(new(a.Category, $"added by {a.AddedBy}: {a.Reason}", a.EventDate, a.DeceasedOrWithdrawn));
        return facts;
    }

    private static IEnumerable<CategoryFact> FromJourney(JourneyEvidence journey)
    {
        if (journey.FirstSection47Enquiry is { } s47)
            yield return new(RetentionCategory.ChildProtection, $"section 47 enquiry started on {RetentionDecider.Day(s47)}");
        if (journey.FirstChildProtectionPlan is { } cp)
            yield return new(RetentionCategory.ChildProtection,
                $"child protection plan ({DfeCodes.ChildProtectionCategory.Label(cp.Category).ToLowerInvariant()}) from {RetentionDecider.Day(cp.StartedOn)}");
        if (journey.FirstPrivateFostering is { } fostered)
            yield return new(RetentionCategory.PrivatelyFosteredChild, $"private fostering arrangement known from {RetentionDecider.Day(fostered)}", fostered);
        var episodes = journey.Episodes.OrderBy(x => x.StartedOn).ToList();
        if (episodes.Count == 0) yield break;
        var first = episodes[0];
        yield return new(RetentionCategory.LookedAfterChild,
            $"looked after from {RetentionDecider.Day(first.StartedOn)} ({DfeCodes.LegalStatus.Label(first.LegalStatus).ToLowerInvariant()})");

        // Policy 8, adoption: the placement or order is the evidence; the rule counts from the adoption order, known when an episode ended with it.
        var adopted = episodes.FirstOrDefault(x => x.ReasonEnded is { } r && AdoptedReasons.Contains(r) && x.EndedOn is not null);
        if (adopted is not null)
        {
            yield return new(RetentionCategory.Adoption, $"adopted on {RetentionDecider.Day(adopted.EndedOn!.Value)} (looked-after episode ended {adopted.ReasonEnded})",
                adopted.EndedOn);
        }
        else if (episodes.FirstOrDefault(x => AdoptionPlacements.Contains(x.PlacementType) || AdoptionLegalStatuses.Contains(x.LegalStatus)) is { } placed)
        {
            var what = AdoptionPlacements.Contains(placed.PlacementType)
                ? DfeCodes.PlacementType.Label(placed.PlacementType).ToLowerInvariant()
                : DfeCodes.LegalStatus.Label(placed.LegalStatus).ToLowerInvariant();
            yield return new(RetentionCategory.Adoption, $"{what} from {RetentionDecider.Day(placed.StartedOn)}");
        }
    }
}
