namespace Casefile.Domain.Retention;

/// <summary>
/// The kinds of file in the retention schedule (policy 8). The ids are part of the schedule file and
/// the API, so they never change once released.
/// </summary>
public enum RetentionCategory
{
    LookedAfterChild,
    PrivatelyFosteredChild,
    Adoption,
    AdoptionEnquiry,
    Adopters,
    FosterCarers,
    ChildProtection,
    ChildProtectionUnit,
    Send,
    AdultPosingRisk,
    CprMissingPersons,
    Financial,
    Other,
}

/// <summary>When a rule applies instead of its category's base rule (policy 8's "deceased before 18th birthday" rows).</summary>
public enum RetentionCondition { None, DiedBefore18, DiedAtOrAfter18, DeceasedOrWithdrawn }

/// <summary>The event a rule's period counts from.</summary>
public enum RetentionEvent { Closure, EighteenthBirthday, DateOfDeath, Notification, AdoptionOrder, CeasedToFoster, YoungestChildEighteenthBirthday }

/// <summary>A number of years, kept permanently, or looked at again (review) on the date.</summary>
public enum RetentionPeriodKind { Years, Permanent, Review }

/// <summary>
/// One row of the retention schedule: the file category it applies to, the condition under which it
/// replaces the category's base rule, the event it counts from and the period. <see cref="Assumption"/>
/// says what Casefile assumed where the policy leaves the start open.
/// </summary>
public sealed record RetentionRule(
    string Id,
    RetentionCategory Category,
    RetentionCondition Condition,
    RetentionEvent CountsFrom,
    RetentionPeriodKind Kind,
    int Years,
    string Title,
    string? Assumption = null)
{
    /// <summary>The period in plain words: "35 years from closure", "permanently", "review at the 18th birthday of the youngest child".</summary>
    public string PeriodText => Kind switch
    {
        RetentionPeriodKind.Permanent => "kept permanently",
        RetentionPeriodKind.Review when Years == 0 => $"review at {RetentionNames.Event(CountsFrom)}",
        RetentionPeriodKind.Review => $"review {Years} {(Years == 1 ? "year" : "years")} from {RetentionNames.Event(CountsFrom)}",
        _ => $"{Years} {(Years == 1 ? "year" : "years")} from {RetentionNames.Event(CountsFrom)}",
    };
}

/// <summary>Ids (kebab-case, as in the schedule file and the API) and plain names.</summary>
public static class RetentionNames
{
    private static readonly Dictionary<RetentionCategory, (string Id, string Name)> Categories = new()
    {
        [RetentionCategory.LookedAfterChild] = ("looked-after-child", "Looked after child"),
        [RetentionCategory.PrivatelyFosteredChild] = ("privately-fostered-child", "Privately fostered child"),
        [RetentionCategory.Adoption] = ("adoption", "Adoption"),
        [RetentionCategory.AdoptionEnquiry] = ("adoption-enquiry", "Adoption enquiry"),
        [RetentionCategory.Adopters] = ("adopters", "Adopters"),
        [RetentionCategory.FosterCarers] = ("foster-carers", "Foster carers"),
        [RetentionCategory.ChildProtection] = ("child-protection", "Child protection"),
        [RetentionCategory.ChildProtectionUnit] = ("child-protection-unit", "Child protection unit"),
        [RetentionCategory.Send] = ("send", "Special educational needs and disabilities (SEND)"),
        [RetentionCategory.AdultPosingRisk] = ("adult-posing-risk", "Adult who poses a risk to children"),
        [RetentionCategory.CprMissingPersons] = ("cpr-missing-persons", "CPR missing persons record"),
        [RetentionCategory.Financial] = ("financial", "Financial"),
        [RetentionCategory.Other] = ("other", "All other children's social care files"),
    };

    private static readonly Dictionary<RetentionCondition, string> Conditions = new()
    {
        [RetentionCondition.None] = "none",
        [RetentionCondition.DiedBefore18] = "died-before-18",
        [RetentionCondition.DiedAtOrAfter18] = "died-at-or-after-18",
        [RetentionCondition.DeceasedOrWithdrawn] = "deceased-or-withdrawn",
    };

    private static readonly Dictionary<RetentionEvent, (string Id, string Name)> Events = new()
    {
        [RetentionEvent.Closure] = ("closure", "closure"),
        [RetentionEvent.EighteenthBirthday] = ("18th-birthday", "the 18th birthday"),
        [RetentionEvent.DateOfDeath] = ("date-of-death", "the date of death"),
        [RetentionEvent.Notification] = ("notification", "notification"),
        [RetentionEvent.AdoptionOrder] = ("adoption-order", "the adoption order"),
        [RetentionEvent.CeasedToFoster] = ("ceased-to-foster", "ceasing to foster"),
        [RetentionEvent.YoungestChildEighteenthBirthday] = ("youngest-child-18th-birthday", "the 18th birthday of the youngest child in the family"),
    };

    private static readonly Dictionary<RetentionPeriodKind, string> Kinds = new()
    {
        [RetentionPeriodKind.Years] = "years",
        [RetentionPeriodKind.Permanent] = "permanent",
        [RetentionPeriodKind.Review] = "review",
    };

    public static IReadOnlyList<RetentionCategory> AllCategories { get; } = Enum.GetValues<RetentionCategory>();

    public static string Id(RetentionCategory c) => Categories[c].Id;
    public static string Name(RetentionCategory c) => Categories[c].Name;
    public static string Id(RetentionCondition c) => Conditions[c];
    public static string Id(RetentionEvent e) => Events[e].Id;
    public static string Event(RetentionEvent e) => Events[e].Name;
    public static string Id(RetentionPeriodKind k) => Kinds[k];

    public static bool TryCategory(string? id, out RetentionCategory category) => TryFind(Categories.ToDictionary(p => p.Key, p => p.Value.Id), id, out category);
    public static bool TryCondition(string? id, out RetentionCondition condition) => TryFind(Conditions, id ?? "none", out condition);
    public static bool TryEvent(string? id, out RetentionEvent e) => TryFind(Events.ToDictionary(p => p.Key, p => p.Value.Id), id, out e);
    public static bool TryKind(string? id, out RetentionPeriodKind kind) => TryFind(Kinds, id, out kind);

    public static IEnumerable<string> CategoryIds => Categories.Values.Select(v => v.Id);
    public static IEnumerable<string> EventIds => Events.Values.Select(v => v.Id);

    private static bool TryFind<T>(Dictionary<T, string> map, string? id, out T value) where T : struct
    {
        foreach (var (key, name) in map)
        {
            if (string.Equals(name, id?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = key;
                return true;
            }
        }
        value = default;
        return false;
    }
}

/// <summary>
/// Anniversaries for retention. A date of 29 February falls on 1 March in a year with no
/// 29 February: the later of the two candidate days, so a file is never destroyed a day early
/// (the 18th birthday of a child born on 29 February 2008 is 1 March 2026). .NET's AddYears would
/// give 28 February.
/// </summary>
public static class Anniversary
{
    public static DateOnly AddYears(DateOnly date, int years)
    {
        if (date is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(date.Year + years))
            return new DateOnly(date.Year + years, 3, 1);
        return date.AddYears(years);
    }

    public static DateOnly EighteenthBirthday(DateOnly dateOfBirth) => AddYears(dateOfBirth, 18);
}
