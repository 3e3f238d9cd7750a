using System.Text.Json;
using System.Text.Json.Nodes;
using Casefile.Domain.Common;

namespace Casefile.Domain.Retention;

/// <summary>
/// The retention schedule (policy 8) as data: its rules, and which version it is, who changed it,
/// when and why. The default ships as a JSON file with the policy as written; the council changes it
/// as a new version and the old versions are kept.
/// </summary>
public sealed record RetentionSchedule(int Version, string ChangedBy, DateTimeOffset ChangedAt, string Reason, IReadOnlyList<RetentionRule> Rules)
{
    public const int MaxYears = 200;

    public RetentionRule? Rule(string id) => Rules.FirstOrDefault(r => r.Id == id);

    /// <summary>
    /// Reads a schedule file. Refuses it with every fault named by its place, such as
    /// <c>rules[3].years</c>, so the council can correct its file.
    /// </summary>
    public static RetentionSchedule Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new RuleViolationException("schedule-not-json", $"The schedule is not valid JSON: {e.Message}", "schedule");
        }
        if (root is not JsonObject obj)
            throw new RuleViolationException("schedule-not-json", "The schedule must be a JSON object with a list of rules", "schedule");
        var version = obj["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
        var changedBy = obj["changedBy"]?.GetValue<string>() ?? "";
        var changedAt = obj["changedAt"] is JsonValue a && a.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : default;
        var reason = obj["reason"]?.GetValue<string>() ?? "";
        return new RetentionSchedule(version, changedBy, changedAt, reason, ParseRules(obj["rules"]));
    }

    /// <summary>Reads and checks a list of rules (the <c>rules</c> array of a schedule file or an API request).</summary>
    public static IReadOnlyList<RetentionRule> ParseRules(JsonNode? node)
    {
        if (node is not JsonArray array || array.Count == 0)
            throw new RuleViolationException("schedule-has-no-rules", "The schedule must have a list of rules", "rules");
        var errors = new List<RuleViolationException>();
        var rules = new List<RetentionRule>();
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"rules[{i}]";
            if (array[i] is not JsonObject r)
            {
                errors.Add(new("rule-not-object", $"Rule {i + 1} must be an object", at));
                continue;
            }
            var id = Text(r, "id");
            var name = id ?? $"rule {i + 1}";
            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(id) || id.Length > 60)
                errors.Add(new("rule-id-required", $"Rule {i + 1} needs an id of at most 60 characters", $"{at}.id"));
            if (!RetentionNames.TryCategory(Text(r, "category"), out var category))
                errors.Add(new("unknown-category", $"Rule '{name}': the category must be one of {string.Join(", ", RetentionNames.CategoryIds)}", $"{at}.category"));
            if (!RetentionNames.TryCondition(Text(r, "condition"), out var condition))
                errors.Add(new("unknown-condition", $"Rule '{name}': the condition must be none, died-before-18, died-at-or-after-18 or deceased-or-withdrawn", $"{at}.condition"));
            if (!RetentionNames.TryKind(Text(r, "period"), out var kind))
                errors.Add(new("unknown-period", $"Rule '{name}': the period must be years, permanent or review", $"{at}.period"));
            var countsFrom = RetentionEvent.Closure;
            if (kind != RetentionPeriodKind.Permanent && !RetentionNames.TryEvent(Text(r, "countsFrom"), out countsFrom))
                errors.Add(new("unknown-event", $"Rule '{name}': countsFrom must be one of {string.Join(", ", RetentionNames.EventIds)}", $"{at}.countsFrom"));
            var years = 0;
            if (kind == RetentionPeriodKind.Years || r["years"] is not null)
            {
                if (r["years"] is not JsonValue y || !y.TryGetValue(out years) || years < (kind == RetentionPeriodKind.Years ? 1 : 0) || years > MaxYears)
                    errors.Add(new("years-out-of-range", $"Rule '{name}': years must be a whole number from {(kind == RetentionPeriodKind.Years ? 1 : 0)} to {MaxYears}", $"{at}.years"));
            }
            var title = Text(r, "title");
            if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
                errors.Add(new("rule-title-required", $"Rule '{name}' needs a title of at most 200 characters, in plain words", $"{at}.title"));
            var assumption = Text(r, "assumption");
            if (assumption is { Length: > 1000 })
                errors.Add(new("too-long", $"Rule '{name}': the assumption must be 1000 characters or fewer", $"{at}.assumption"));
            if (errors.Count == before)
                rules.Add(new RetentionRule(id!.Trim(), category, condition, countsFrom, kind, years, title!.Trim(), string.IsNullOrWhiteSpace(assumption) ? null : assumption.Trim()));
        }
        if (errors.Count == 0)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules.Take(i).Any(p => p.Id == rules[i].Id))
                    errors.Add(new("rule-id-repeated", $"Rule '{rules[i].Id}' appears more than once", $"rules[{i}].id"));
                else if (rules[i].Kind != RetentionPeriodKind.Review
                    && rules.Take(i).Any(p => p.Kind != RetentionPeriodKind.Review && p.Category == rules[i].Category && p.Condition == rules[i].Condition))
                    errors.Add(new("rule-repeated", $"Rule '{rules[i].Id}': {RetentionNames.Id(rules[i].Category)} already has a rule for this condition", $"rules[{i}].condition"));
            }
            foreach (var category in RetentionNames.AllCategories)
            {
                if (!rules.Any(r => r.Category == category && r.Condition == RetentionCondition.None))
                    errors.Add(new("category-without-rule", $"The category {RetentionNames.Id(category)} needs a rule with no condition", "rules"));
            }
        }
        if (errors.Count == 1) throw errors[0];
        if (errors.Count > 1) throw new RuleViolationsException(errors);
        return rules;
    }

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Writes the schedule in the file format <see cref="Parse"/> reads.</summary>
    public string ToJson()
    {
        var rules = new JsonArray();
        foreach (var r in Rules)
        {
            var o = new JsonObject
            {
                ["id"] = r.Id,
                ["category"] = RetentionNames.Id(r.Category),
                ["condition"] = RetentionNames.Id(r.Condition),
                ["countsFrom"] = r.Kind == RetentionPeriodKind.Permanent ? null : RetentionNames.Id(r.CountsFrom),
                ["period"] = RetentionNames.Id(r.Kind),
                ["years"] = r.Kind == RetentionPeriodKind.Permanent ? null : r.Years,
                ["title"] = r.Title,
                ["assumption"] = r.Assumption,
            };
            rules.Add(o);
        }
        var root = new JsonObject
        {
            ["version"] = Version,
            ["changedBy"] = ChangedBy,
            ["changedAt"] = ChangedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = Reason,
            ["rules"] = rules,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}

/// <summary>The schedule Casefile ships: policy 8 as written, with an assumption beside each rule whose start the policy leaves open.</summary>
public static class DefaultRetentionSchedule
{
    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = typeof(DefaultRetentionSchedule).Assembly.GetManifestResourceStream("Casefile.Domain.Retention.retention-schedule.json")
            ?? throw new InvalidOperationException("The default retention schedule is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Json => Text.Value;

    public static RetentionSchedule Schedule { get; } = RetentionSchedule.Parse(Text.Value);
}
