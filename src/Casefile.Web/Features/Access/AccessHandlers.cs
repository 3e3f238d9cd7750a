using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Access;

public sealed record RestrictCaseCommand(RestrictionReason? Reason, string? Details, DateOnly? ReviewOn, IReadOnlyList<string>? NamedUsers);

/// <summary>
/// A manager restricts a case: only the people named (always including the manager and the
/// allocated worker) may find or open it. The reason and review date are required.
/// </summary>
public sealed class RestrictCase(AppDbContext db, CurrentUser user, CaseScope access, AuditTrail audit, TimeProvider clock)
{
    public async Task HandleAsync(Guid caseId, RestrictCaseCommand command, CancellationToken ct)
    {
        await access.OpenForAsync(caseId, CaseCapability.Manage, AuditAction.Update, ct);
        var file = await db.CaseFiles.SingleAsync(c => c.Id == caseId, ct);
        if (file.IsRestricted) throw new Domain.Common.StateConflictException("already-restricted", "This case is already restricted. Lift the restriction first to change it.");

        var errors = new ValidationErrors();
        if (command.Reason is null) errors.Add("reason", "Select why the case is restricted");
        if (command.ReviewOn is null) errors.Add("reviewOn", "Enter the date to review the restriction");
        var names = (command.NamedUsers ?? []).Select(n => n.Trim().ToUpperInvariant()).Where(n => n.Length > 0).Distinct().ToList();
        var named = await db.Users.Where(u => names.Contains(u.NormalizedUserName!) && u.IsActive).Select(u => new { u.Id, u.NormalizedUserName }).ToListAsync(ct);
        foreach (var missing in names.Except(named.Select(n => n.NormalizedUserName!)))
            errors.Add("namedUsers", $"There is no active user '{missing.ToLowerInvariant()}'");
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        var restriction = new CaseRestriction(Guid.NewGuid(), caseId, command.Reason!.Value, command.Details, command.ReviewOn!.Value, user.Id, now, clock.Today());
        db.CaseRestrictions.Add(restriction);
        foreach (var id in named.Select(n => n.Id).Append(user.Id).Append(file.AllocatedWorkerId).Distinct())
            db.CaseAccessGrants.Add(new CaseAccessGrant(Guid.NewGuid(), caseId, id, GrantKind.Named, user.Id, now, "Named on the restricted case"));
        file.MarkRestricted(true);
        audit.Record("restrict", "case", caseId, caseId, file.ChildId, reason: $"{command.Reason}: {command.Details}");
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Lifts a case's restriction: it becomes findable again by the usual access policy.</summary>
public sealed class LiftRestriction(AppDbContext db, CurrentUser user, CaseScope access, AuditTrail audit, TimeProvider clock)
{
    public async Task HandleAsync(Guid caseId, CancellationToken ct)
    {
        // Policy: only a manager of the case's team lifts its restriction, not any manager named on it.
        await access.OpenForAsync(caseId, CaseCapability.Manage, AuditAction.Update, ct);
        var file = await db.CaseFiles.SingleAsync(c => c.Id == caseId, ct);
        var restriction = await db.CaseRestrictions.SingleOrDefaultAsync(r => r.CaseFileId == caseId && r.LiftedAt == null, ct)
            ?? throw new Domain.Common.StateConflictException("not-restricted", "This case is not restricted");
        var now = clock.GetUtcNow();
        restriction.Lift(user.Id, now);
        await db.CaseAccessGrants.Where(g => g.CaseFileId == caseId && g.Kind == GrantKind.Named && g.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, now), ct);
        file.MarkRestricted(false);
        audit.Record("lift-restriction", "case", caseId, caseId, file.ChildId);
        await db.SaveChangesAsync(ct);
    }
}

public sealed record ShareWithLegalCommand(string? User, string? Reason);

/// <summary>Shares a case with a Legal Services user (read and export), for advice or proceedings.</summary>
public sealed class ShareWithLegal(AppDbContext db, CurrentUser user, CaseScope access, AuditTrail audit, TimeProvider clock)
{
    public async Task HandleAsync(Guid caseId, ShareWithLegalCommand command, CancellationToken ct)
    {
        var decision = await access.DemandAsync(caseId, AccessAction.Write, AuditAction.Update, ct);
        if (decision.IsEmergency) throw new AccessDeniedException("Emergency access does not allow sharing the case.");
        var errors = new ValidationErrors();
        var userName = errors.Required(command.User, "user", "Enter the username of the Legal Services colleague", 256);
        var reason = errors.Required(command.Reason, "reason", "Enter why the case is shared with Legal Services", 1000);
        errors.ThrowIfAny();
        var legal = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == userName!.ToUpperInvariant() && u.IsActive, ct);
        var isLegal = legal is not null && await (from ur in db.UserRoles
                                                  join r in db.Roles on ur.RoleId equals r.Id
                                                  where ur.UserId == legal.Id && r.Name == StaffRole.Legal
                                                  select r).AnyAsync(ct);
        if (!isLegal) throw ValidationFailedException.For("user", $"'{userName}' is not an active Legal Services user");
        if (await db.CaseAccessGrants.AnyAsync(g => g.CaseFileId == caseId && g.UserId == legal!.Id && g.Kind == GrantKind.SharedWithLegal && g.RevokedAt == null, ct))
            throw new Domain.Common.StateConflictException("already-shared", "The case is already shared with this person");
        db.CaseAccessGrants.Add(new CaseAccessGrant(Guid.NewGuid(), caseId, legal!.Id, GrantKind.SharedWithLegal, user.Id, clock.GetUtcNow(), reason));
        audit.Record("share", "case", caseId, caseId, reason: $"Shared with {legal.UserName}: {reason}");
        await db.SaveChangesAsync(ct);
    }
}

public sealed record EmergencyAccessCommand(string? Reason, int? Hours);

/// <summary>
/// Emergency access: a worker with no relationship to the case gives a written reason and may
/// open it for at most 24 hours. Restricted cases cannot be opened this way (and are not found).
/// </summary>
public sealed class RequestEmergencyAccess(AppDbContext db, CurrentUser user, CaseScope access, AuditTrail audit, TimeProvider clock, BurstGuard bursts)
{
    public async Task<EmergencyAccess> HandleAsync(Guid caseId, EmergencyAccessCommand command, CancellationToken ct)
    {
        var facts = await access.FactsAsync(caseId, ct) ?? throw new NotFoundException("The case file");
        if (facts.IsRestricted && !facts.ViewerIsNamed) throw new NotFoundException("The case file");
        var viewer = await user.ViewerAsync(ct);
        if (!viewer.MayAskForEmergencyAccess)
            throw new AccessDeniedException("Only social workers and managers can ask for emergency access.");
        var current = (await access.PermissionsAsync(caseId, ct))!.Read;
        if (current.Allowed)
            throw new Domain.Common.StateConflictException("already-has-access", $"You can already open this case ({current.Basis.ToLowerInvariant()}).");
        await bursts.CheckAsync(BurstKind.EmergencyAccess, caseId, ct);
        var grant = new EmergencyAccess(Guid.NewGuid(), caseId, user.Id, command.Reason, clock.GetUtcNow(),
            command.Hours is { } h ? TimeSpan.FromHours(h) : null);
        db.EmergencyAccesses.Add(grant);
        audit.Record("emergency-access", "case", caseId, caseId, reason: grant.Reason);
        await db.SaveChangesAsync(ct);
        return grant;
    }
}

/// <summary>A manager of the case reviews a use of emergency access and notes the outcome.</summary>
public sealed class ReviewEmergencyAccess(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task HandleAsync(Guid id, string? note, CancellationToken ct)
    {
        var grant = await db.EmergencyAccesses.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("The emergency access");
        var viewer = await user.ViewerAsync(ct);
        var teamId = await db.CaseFiles.Where(c => c.Id == grant.CaseFileId).Select(c => c.TeamId).SingleAsync(ct);
        if (!viewer.Manages(teamId))
            throw new AccessDeniedException("Only a manager of the case's team can review emergency access.");
        grant.Review(user.Id, clock.GetUtcNow(), note);
        audit.Record("review-emergency-access", "case", grant.CaseFileId, grant.CaseFileId, reason: note);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>One line of an access log: one visit or change, by whom (username and name), in plain words.</summary>
public sealed record AccessLogEntry(long Sequence, DateTimeOffset At, string User, string? UserDisplayName, string What, string Action, string RecordType,
    string? RecordId, string Outcome, string? Reason, string Channel, Guid? CaseId);

/// <summary>Which lines of an access log to show: one person's, between two dates, a page at a time (newest first).</summary>
public sealed record AccessLogFilter(string? User = null, DateOnly? From = null, DateOnly? To = null, int? Page = null)
{
    public const int PageSize = 50;
}

/// <summary>A page of an access log, and whether there is another after it.</summary>
public sealed record AccessLogPage(IReadOnlyList<AccessLogEntry> Entries, int Page, bool HasMore);

public sealed record EmergencyAccessView(Guid Id, Guid CaseId, string CaseReference, string ChildName, string User, string Reason,
    DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ReviewedAt, string? ReviewNote, int Uses);

/// <summary>
/// "Who has seen this record": every view and change of a case, when and why; and what one
/// worker opened in a period. For the case's managers and records managers.
/// </summary>
public sealed class AccessLogs(AppDbContext db, CurrentUser user, AuditTrail audit, CaseScope access)
{
    public async Task<AccessLogPage> ForCaseAsync(Guid caseId, AccessLogFilter filter, CancellationToken ct)
    {
        var opened = await access.FindAsync(caseId, ct) ?? throw new NotFoundException("The case file");
        if (!opened.Read.Allowed && !opened.Read.MayKnowItExists) throw new NotFoundException("The case file");
        if (!opened.May(CaseCapability.SeeAccessLog))
        {
            await audit.RecordRefusalAsync("view", "access-log", caseId, caseId, "Not a manager of the case or a records manager", ct);
            throw new AccessDeniedException(CasePermissions.WhyNot(CaseCapability.SeeAccessLog));
        }
        var (start, end, page) = Range(filter);
        var events = db.AuditEvents.AsNoTracking().Where(e => e.CaseFileId == caseId && e.OccurredAt >= start && e.OccurredAt < end);
        if (filter.User?.Trim() is { Length: > 256 })
            throw ValidationFailedException.For("user", "Enter a username or name of 256 characters or fewer");
        if (filter.User?.Trim() is { Length: > 0 } who)
        {
            var normalised = who.ToUpperInvariant();
            var ids = db.Users.Where(u => u.NormalizedUserName == normalised || u.DisplayName.ToUpper() == normalised).Select(u => (Guid?)u.Id);
            events = events.Where(e => ids.Contains(e.UserId));
        }
        var result = await PageAsync(events, page, ct);
        audit.Record("view", "access-log", caseId, caseId, reason: $"Page {page}: {result.Entries.Count} entries{Filtered(filter)}");
        await db.SaveChangesAsync(ct);
        return result;
    }

    public async Task<AccessLogPage> ForUserAsync(string userName, AccessLogFilter filter, CancellationToken ct)
    {
        var subject = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == userName.Trim().ToUpperInvariant(), ct)
            ?? throw new NotFoundException("The user");
        var viewer = await user.ViewerAsync(ct);
        if (!StaffPolicy.MaySeeWhatWorkerOpened(viewer, subject.TeamId, await LineManagers.ManagersAboveAsync(db, subject.Id, ct)))
            throw new AccessDeniedException("Only a manager of the worker's team, above them in the line, can see what the worker opened.");
        var (start, end, page) = Range(filter);
        var subjectId = subject.Id;
        var result = await PageAsync(db.AuditEvents.AsNoTracking().Where(e => e.UserId == subjectId && e.OccurredAt >= start && e.OccurredAt < end), page, ct, maskFor: subjectId);
        audit.Record("view", "user-access-log", subject.UserName, reason: $"Page {page}: {result.Entries.Count} entries{Filtered(filter)}");
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static (DateTimeOffset Start, DateTimeOffset End, int Page) Range(AccessLogFilter filter)
    {
        var errors = new ValidationErrors();
        if (filter.From is { Year: < 2000 or > 2200 }) errors.Add("from", "The start date must be between the years 2000 and 2200");
        if (filter.To is { Year: < 2000 or > 2200 }) errors.Add("to", "The end date must be between the years 2000 and 2200");
        if (filter.From is { } f && filter.To is { } t && t < f) errors.Add("to", "The end date must be on or after the start date");
        if (filter.Page is < 1 or > 100_000) errors.Add("page", "The page must be a number from 1");
        errors.ThrowIfAny();
        var start = LondonTime.FromLondon(filter.From ?? new DateOnly(2000, 1, 1), TimeOnly.MinValue);
        var end = LondonTime.FromLondon((filter.To ?? new DateOnly(2200, 12, 31)).AddDays(1), TimeOnly.MinValue);
        return (start, end, filter.Page ?? 1);
    }

    private static string Filtered(AccessLogFilter filter) =>
        (filter.User is { Length: > 0 } u ? $", person {u.Trim()}" : "") + (filter.From is { } f ? $", from {f:yyyy-MM-dd}" : "") + (filter.To is { } t ? $", to {t:yyyy-MM-dd}" : "");

    /// <summary>A page of events, newest first, with people's names and what each opened named where the log can say it.</summary>
    private async Task<AccessLogPage> PageAsync(IQueryable<Data.Audit.AuditEvent> events, int page, CancellationToken ct, Guid? maskFor = null)
    {
        var rows = await (from e in events
                          orderby e.OccurredAt descending, e.Id descending
                          join u in db.Users on e.UserId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          select new { e.Id, e.OccurredAt, e.UserName, Name = u == null ? null : u.DisplayName, e.Action, e.RecordType, e.RecordId, e.Outcome, e.Reason, e.Channel, e.CaseFileId, e.PersonId })
            .Skip((page - 1) * AccessLogFilter.PageSize).Take(AccessLogFilter.PageSize + 1).ToListAsync(ct);
        var more = rows.Count > AccessLogFilter.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        // What was opened, by name: an email's subject or a document's title, and whether it is in the Restricted Access section.
        var emailIds = rows.Where(r => r.RecordType == "email-record").Select(r => Guid.TryParse(r.RecordId, out var id) ? id : Guid.Empty).ToList();
        var documentIds = rows.Where(r => r.RecordType == "case-document").Select(r => Guid.TryParse(r.RecordId, out var id) ? id : Guid.Empty).ToList();
        var titles = new Dictionary<string, (string Title, bool Restricted)>();
        if (emailIds.Count > 0)
            foreach (var e in await db.EmailRecords.AsNoTracking().Where(e => emailIds.Contains(e.Id)).Select(e => new { e.Id, e.Subject, e.IsRestricted }).ToListAsync(ct))
                titles[e.Id.ToString()] = (e.Subject ?? "(no subject)", e.IsRestricted);
        if (documentIds.Count > 0)
            foreach (var d in await db.CaseDocuments.AsNoTracking().Where(d => documentIds.Contains(d.Id)).Select(d => new { d.Id, d.Title, d.IsRestricted }).ToListAsync(ct))
                titles[d.Id.ToString()] = (d.Title, d.IsRestricted);
        var hidden = maskFor is { } subjectId ? await HiddenFromViewerAsync(subjectId, ct) : null;
        var entries = rows.Select(r =>
        {
            if (hidden is not null && ((r.CaseFileId is { } c && hidden.Cases.Contains(c)) || (r.PersonId is { } p && hidden.Children.Contains(p))))
                return new AccessLogEntry(r.Id, r.OccurredAt, r.UserName, r.Name, "Opened a restricted case", r.Action, "restricted-case", null, r.Outcome,
                    "A restricted case", r.Channel, null);
            var named = r.RecordId is not null && titles.TryGetValue(r.RecordId, out var t) ? t : ((string Title, bool Restricted)?)null;
            var reason = hidden is { SubjectIsNamed: true } && r.Action == AuditAction.Search ? null : r.Reason;
            return new AccessLogEntry(r.Id, r.OccurredAt, r.UserName, r.Name,
                AuditDescriptions.Describe(r.Action, r.RecordType, r.Outcome, reason, named?.Title, named?.Restricted == true),
                r.Action, r.RecordType, r.RecordId, r.Outcome, reason, r.Channel, r.CaseFileId);
        }).ToList();
        return new AccessLogPage(entries, page, more);
    }

    /// <summary>
    /// What of a worker's activity the viewing manager may not see (policy 3.4: a restricted case is
    /// seen only by the people named on it): events on a case, or about a child, hidden from the
    /// viewer show only as "a restricted case", with no record or reason; when the worker is named on
    /// such a case, the reasons of their searches (words and counts that could reveal the child) are blanked.
    /// </summary>
    private async Task<HiddenActivity> HiddenFromViewerAsync(Guid subjectId, CancellationToken ct)
    {
        var hiddenCases = (await access.HiddenCaseIds().ToListAsync(ct)).ToHashSet();
        HashSet<Guid> hiddenChildren = hiddenCases.Count == 0 ? [] : (await access.HiddenChildIds().ToListAsync(ct)).ToHashSet();
        var subjectSeesHidden = hiddenCases.Count > 0 && await db.CaseAccessGrants.AnyAsync(g => g.UserId == subjectId && g.Kind == GrantKind.Named
            && g.RevokedAt == null && hiddenCases.Contains(g.CaseFileId), ct);
        return new HiddenActivity(hiddenCases, hiddenChildren, subjectSeesHidden);
    }

    private sealed record HiddenActivity(HashSet<Guid> Cases, HashSet<Guid> Children, bool SubjectIsNamed);

    /// <summary>Emergency access to the cases of the teams the manager oversees: live and waiting for review.</summary>
    public async Task<IReadOnlyList<EmergencyAccessView>> EmergencyForReviewAsync(CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        var teams = StaffPolicy.TeamsManaged(viewer).ToList();
        if (teams.Count == 0) return [];
        // One query: each grant with the number of audited uses inside its window.
        return await (from e in db.EmergencyAccesses.AsNoTracking()
                      where e.ReviewedAt == null
                      join c in db.CaseFiles on e.CaseFileId equals c.Id
                      where teams.Contains(c.TeamId)
                      join p in db.People on c.ChildId equals p.Id
                      join u in db.Users on e.UserId equals u.Id
                      orderby e.GrantedAt descending
                      select new EmergencyAccessView(e.Id, e.CaseFileId, c.Reference, p.GivenName + " " + p.FamilyName, u.DisplayName, e.Reason,
                          e.GrantedAt, e.ExpiresAt, e.ReviewedAt, e.ReviewNote,
                          db.AuditEvents.Count(a => a.CaseFileId == e.CaseFileId && a.UserId == e.UserId && a.OccurredAt >= e.GrantedAt && a.OccurredAt <= e.ExpiresAt)))
            .Take(200).ToListAsync(ct);
    }
}

/// <summary>What the access log table shows: a page of entries, whether to name who, and how to link to another page.</summary>
public sealed record AccessLogTable(AccessLogPage Page, bool ShowWho, bool LinkCases, Func<int, string> PageHref)
{
    /// <summary>
    /// A link to another page of the log keeping the filters the reader chose. The page number is <c>p</c>:
    /// Razor Pages keeps <c>page</c> for the page's own name.
    /// </summary>
    public static Func<int, string> Links(string? person, Govuk.DateParts from, Govuk.DateParts to) => page =>
        Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
        {
            ["person"] = person,
            ["From.Day"] = from.Day,
            ["From.Month"] = from.Month,
            ["From.Year"] = from.Year,
            ["To.Day"] = to.Day,
            ["To.Month"] = to.Month,
            ["To.Year"] = to.Year,
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
