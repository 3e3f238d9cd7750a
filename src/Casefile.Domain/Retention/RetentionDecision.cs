using System.Globalization;

namespace Casefile.Domain.Retention;

/// <summary>One category that applies to a file, and where it came from ("section 47 enquiry visit on 3 May 2019").</summary>
/// <param name="EventDate">The date of the event the category's rules count from where it is not on the person or case:
/// notification, adoption order, ceasing to foster; for the child protection unit, the youngest child's date of birth.</param>
/// <param name="DeceasedOrWithdrawn">Adopters who died, or withdrew without a child being placed.</param>
public sealed record CategoryFact(RetentionCategory Category, string Source, DateOnly? EventDate = null, bool DeceasedOrWithdrawn = false);

/// <summary>What the schedule needs to know about one file: the child's dates, the closure and the categories.</summary>
public sealed record RetentionFacts(DateOnly? DateOfBirth, DateOnly? DateOfDeath, DateOnly? ClosedOn, IReadOnlyList<CategoryFact> Categories);

public enum RetentionAction { Destroy, Review, RetainPermanently, NotYetKnown }

/// <summary>One rule that applies to the file, with the date it gives (null when permanent or not yet known).</summary>
public sealed record RetentionCandidate(RetentionRule Rule, string Source, DateOnly? Date, DateOnly? EventDate, string? NotYetKnownBecause, string Text)
{
    public bool Permanent => Rule.Kind == RetentionPeriodKind.Permanent;
}

/// <summary>A date to look at the file again before its retention date (child protection unit: the youngest child turns 18).</summary>
public sealed record RetentionReview(string RuleId, DateOnly Date, string Reason);

/// <summary>
/// What the schedule decides for one file: destroy or review on a date, keep permanently, or no date
/// yet; the rule that decided and why, every rule that applied, and reviews due before the date.
/// </summary>
public sealed record RetentionDecision(
    RetentionAction Action,
    DateOnly? Date,
    string? RuleId,
    string Explanation,
    IReadOnlyList<RetentionCandidate> Candidates,
    IReadOnlyList<RetentionReview> Reviews)
{
    public bool IsDue(DateOnly today) => Date is { } d && d <= today && Action is RetentionAction.Destroy or RetentionAction.Review;

    public IEnumerable<RetentionReview> ReviewsDue(DateOnly today) => Reviews.Where(r => r.Date <= today);
}

/// <summary>
/// Applies the retention schedule to one file (policy 8). Pure: the date comes in as <c>today</c>.
/// Each category that applies picks one rule: a rule whose condition holds (died before 18, and so on)
/// replaces the category's base rule. Of the rules picked, the longest wins: permanent beats any
/// date, and a rule whose event has not happened yet (closure of an open file) means no date yet.
/// </summary>
public static class RetentionDecider
{
    public static RetentionDecision Decide(RetentionSchedule schedule, RetentionFacts facts, DateOnly today)
    {
        _ = today; // Decisions do not depend on today; callers compare the date with it (IsDue).
        var categories = facts.Categories.Where(c => c.Category != RetentionCategory.Other).ToList();
        categories.Add(new CategoryFact(RetentionCategory.Other, "always applies"));

        var candidates = new List<RetentionCandidate>();
        var reviews = new List<RetentionReview>();
        foreach (var group in categories.GroupBy(c => c.Category))
        {
            var rules = schedule.Rules.Where(r => r.Category == group.Key).ToList();
            var source = string.Join("; ", group.Select(g => g.Source).Distinct());
            var eventDate = group.Max(g => g.EventDate);
            var deceasedOrWithdrawn = group.Any(g => g.DeceasedOrWithdrawn);
            bool Holds(RetentionRule r) => ConditionHolds(r.Condition, facts, deceasedOrWithdrawn);

            var keeping = rules.Where(r => r.Kind != RetentionPeriodKind.Review).ToList();
            var pool = keeping.Count > 0 ? keeping : rules;
            var chosen = pool.FirstOrDefault(r => r.Condition != RetentionCondition.None && Holds(r))
                ?? pool.FirstOrDefault(r => r.Condition == RetentionCondition.None);
            if (chosen is null) continue;
            var replaced = chosen.Condition != RetentionCondition.None ? pool.FirstOrDefault(r => r.Condition == RetentionCondition.None) : null;
            candidates.Add(Candidate(chosen, source, facts, eventDate, replaced));

            foreach (var review in rules.Where(r => r.Kind == RetentionPeriodKind.Review && r != chosen && (r.Condition == RetentionCondition.None || Holds(r))))
            {
                var (date, _, _) = DateOf(review, facts, eventDate);
                if (date is { } d) reviews.Add(new RetentionReview(review.Id, d, $"{review.Title} ({source}): {review.PeriodText}, {Day(d)}"));
            }
        }

        var permanent = candidates.FirstOrDefault(c => c.Permanent);
        var unknown = candidates.Where(c => !c.Permanent && c.Date is null).ToList();
        RetentionAction action;
        RetentionCandidate? winner;
        string explanation;
        if (permanent is not null)
        {
            action = RetentionAction.RetainPermanently;
            winner = permanent;
            explanation = permanent.Text + Others(candidates, permanent, "this outlasts");
        }
        else if (unknown.Count > 0)
        {
            action = RetentionAction.NotYetKnown;
            winner = null;
            explanation = "No date yet: " + string.Join("; ", unknown.Select(u => $"{u.Rule.Title} counts from {RetentionNames.Event(u.Rule.CountsFrom)}, and {u.NotYetKnownBecause}")) + ".";
        }
        else
        {
            // Longest wins; on the same day, a review comes before destruction.
            winner = candidates.OrderByDescending(c => c.Date).ThenByDescending(c => c.Rule.Kind == RetentionPeriodKind.Review).First();
            action = winner.Rule.Kind == RetentionPeriodKind.Review ? RetentionAction.Review : RetentionAction.Destroy;
            explanation = winner.Text + Others(candidates, winner, "longer than");
        }
        var before = winner?.Date;
        var dueReviews = reviews.Where(r => before is null || r.Date < before).OrderBy(r => r.Date).ToList();
        return new RetentionDecision(action, winner?.Date, winner?.Rule.Id, explanation, candidates, dueReviews);
    }

    private static string Others(List<RetentionCandidate> all, RetentionCandidate winner, string word)
    {
        var others = all.Where(c => c != winner).ToList();
        if (others.Count == 0) return "";
        return $"; {word} " + string.Join(", ", others.Select(o => $"'{o.Rule.Title}': {Short(o)}"));
    }

    private static string Short(RetentionCandidate c) => c.Permanent ? "permanently"
        : c.Date is { } d ? $"{c.Rule.PeriodText} ({Day(d)})" : $"{c.Rule.PeriodText} (no date yet)";

    private static RetentionCandidate Candidate(RetentionRule rule, string source, RetentionFacts facts, DateOnly? categoryEvent, RetentionRule? replaced)
    {
        var (date, eventDate, why) = DateOf(rule, facts, categoryEvent);
        var condition = ConditionText(rule.Condition, facts, replaced);
        var text = rule.Kind == RetentionPeriodKind.Permanent
            ? $"{rule.Title} ({source}{condition}): kept permanently"
            : date is { } d
                ? $"{rule.Title} ({source}{condition}): {rule.PeriodText} on {Day(eventDate!.Value)} = {Day(d)}"
                : $"{rule.Title} ({source}{condition}): {rule.PeriodText}; no date yet because {why}";
        return new RetentionCandidate(rule, source, date, eventDate, rule.Kind == RetentionPeriodKind.Permanent ? null : why, text);
    }

    private static string ConditionText(RetentionCondition condition, RetentionFacts facts, RetentionRule? replaced)
    {
        var instead = replaced is null ? "" : $", so this replaces '{replaced.Title}'";
        return condition switch
        {
            RetentionCondition.DiedBefore18 => $"; died on {Day(facts.DateOfDeath!.Value)}, before their 18th birthday{instead}",
            RetentionCondition.DiedAtOrAfter18 => $"; died on {Day(facts.DateOfDeath!.Value)}, after their 18th birthday{instead}",
            RetentionCondition.DeceasedOrWithdrawn => $"; deceased or withdrawn without a child being placed{instead}",
            _ => "",
        };
    }

    /// <summary>The rule's date, the date of the event it counts from, or why it is not known yet.</summary>
    public static (DateOnly? Date, DateOnly? EventDate, string? NotYetKnownBecause) DateOf(RetentionRule rule, RetentionFacts facts, DateOnly? categoryEvent)
    {
        if (rule.Kind == RetentionPeriodKind.Permanent) return (null, null, null);
        var (start, why) = rule.CountsFrom switch
        {
            RetentionEvent.Closure => (facts.ClosedOn, "the file is still open"),
            RetentionEvent.EighteenthBirthday => (facts.DateOfBirth is { } b ? Anniversary.EighteenthBirthday(b) : (DateOnly?)null, "the date of birth is not recorded"),
            RetentionEvent.DateOfDeath => (facts.DateOfDeath, "no date of death is recorded"),
            RetentionEvent.YoungestChildEighteenthBirthday => (categoryEvent is { } y ? Anniversary.EighteenthBirthday(y) : (DateOnly?)null,
                "the youngest child's date of birth is not recorded"),
            RetentionEvent.Notification => (categoryEvent, "the date of notification is not recorded"),
            RetentionEvent.AdoptionOrder => (categoryEvent, "the date of the adoption order is not recorded"),
            RetentionEvent.CeasedToFoster => (categoryEvent, "the date they ceased to foster is not recorded"),
            _ => ((DateOnly?)null, "the event is not known"),
        };
        return start is { } s ? (Anniversary.AddYears(s, rule.Years), s, null) : (null, null, why);
    }

    public static bool ConditionHolds(RetentionCondition condition, RetentionFacts facts, bool deceasedOrWithdrawn) => condition switch
    {
        RetentionCondition.None => true,
        RetentionCondition.DiedBefore18 => facts is { DateOfDeath: { } d, DateOfBirth: { } b } && d < Anniversary.EighteenthBirthday(b),
        RetentionCondition.DiedAtOrAfter18 => facts is { DateOfDeath: { } d, DateOfBirth: { } b } && d >= Anniversary.EighteenthBirthday(b),
        RetentionCondition.DeceasedOrWithdrawn => deceasedOrWithdrawn,
        _ => false,
    };

    public static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
