using System.Text.Json.Nodes;
using Casefile.Data;
using Casefile.Domain.Common;
using Casefile.Domain.Retention;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Retention;

public sealed record ScheduleVersionView(int Version, string ChangedBy, DateTimeOffset ChangedAt, string Reason);

public sealed record RuleView(string Id, string Category, string CategoryName, string Condition, string? CountsFrom, string Period, int? Years, string Title,
    string PeriodText, string? Assumption);

public sealed record ScheduleView(int Version, string ChangedBy, DateTimeOffset ChangedAt, string Reason, IReadOnlyList<RuleView> Rules, IReadOnlyList<ScheduleVersionView> Versions)
{
    public static IReadOnlyList<RuleView> RulesOf(RetentionSchedule s) => s.Rules.Select(r => new RuleView(r.Id, RetentionNames.Id(r.Category),
        RetentionNames.Name(r.Category), RetentionNames.Id(r.Condition), r.Kind == RetentionPeriodKind.Permanent ? null : RetentionNames.Id(r.CountsFrom),
        RetentionNames.Id(r.Kind), r.Kind == RetentionPeriodKind.Permanent ? null : r.Years, r.Title, r.PeriodText, r.Assumption)).ToList();
}

/// <summary>
/// The retention schedule and its versions (policy 8). Anyone signed in may read it; records managers
/// change it as a new version, saying why. Old versions are kept and listed.
/// </summary>
public sealed class ScheduleHandlers(AppDbContext db, RetentionSchedules schedules, RecordsManagerGate gate, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<ScheduleView> GetAsync(CancellationToken ct)
    {
        var current = await schedules.CurrentAsync(ct);
        var versions = await db.RetentionScheduleVersions.AsNoTracking().OrderByDescending(v => v.Version)
            .Select(v => new ScheduleVersionView(v.Version, v.ChangedBy, v.ChangedAt, v.Reason)).ToListAsync(ct);
        var shipped = DefaultRetentionSchedule.Schedule;
        if (!versions.Any(v => v.Version == shipped.Version))
            versions.Add(new ScheduleVersionView(shipped.Version, shipped.ChangedBy, shipped.ChangedAt, shipped.Reason));
        return new ScheduleView(current.Version, current.ChangedBy, current.ChangedAt, current.Reason, ScheduleView.RulesOf(current), versions);
    }

    /// <summary>One version as a schedule file, in the format the council uploads.</summary>
    public async Task<string> FileAsync(int version, CancellationToken ct)
    {
        var row = await db.RetentionScheduleVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Version == version, ct);
        if (row is not null) return RetentionSchedules.FromRow(row).ToJson();
        if (version == DefaultRetentionSchedule.Schedule.Version) return DefaultRetentionSchedule.Schedule.ToJson();
        throw new NotFoundException("That version of the schedule");
    }

    /// <summary>
    /// Saves a changed schedule as the next version. The body is a schedule file (its <c>rules</c>)
    /// with the <c>reason</c> for the change; a fault answers 400 naming the rule and field.
    /// </summary>
    public async Task<ScheduleView> ChangeAsync(JsonObject? body, CancellationToken ct)
    {
        await gate.DemandAsync(AuditAction.Update, "retention-schedule", null, null, ct);
        if (body is null) throw new RuleViolationException("schedule-required", "Send the schedule: its rules and the reason for the change", "rules");
        var reason = body["reason"] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "";
        List<RuleViolationException> errors = [];
        if (reason.Length == 0) errors.Add(new("required", "Say why the schedule is changing", "reason"));
        else if (reason.Length > 2000) errors.Add(new("too-long", "The reason must be 2000 characters or fewer", "reason"));
        IReadOnlyList<RetentionRule>? rules = null;
        try
        {
            rules = RetentionSchedule.ParseRules(body["rules"]);
        }
        catch (RuleViolationsException many) { errors.AddRange(many.Violations); }
        catch (RuleViolationException one) { errors.Add(one); }
        if (errors.Count == 1) throw errors[0];
        if (errors.Count > 1) throw new RuleViolationsException(errors);

        var current = await schedules.CurrentAsync(ct);
        var next = new RetentionSchedule(current.Version + 1, user.DisplayName, clock.GetUtcNow(), reason, rules!);
        db.RetentionScheduleVersions.Add(new RetentionScheduleVersion(next.Version, next.ToJson(), user.Id, user.DisplayName, next.ChangedAt, reason));
        audit.Record(AuditAction.Update, "retention-schedule", next.Version, reason: reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new StateConflictException("schedule-changed", "Somebody else changed the schedule at the same time. Reload it and make your change again.");
        }
        return await GetAsync(ct);
    }

    /// <summary>What the page upload reads: a whole schedule file.</summary>
    public Task<ScheduleView> ChangeFromFileAsync(string json, string? reason, CancellationToken ct)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new RuleViolationException("schedule-not-json", $"The file is not valid JSON: {e.Message}", "rules");
        }
        body ??= [];
        body["reason"] = reason;
        return ChangeAsync(body, ct);
    }
}
