using System.Diagnostics.Metrics;
using Casefile.Data;
using Casefile.Data.Access;
using Casefile.Domain.Access;

namespace Casefile.Web.Infrastructure;

/// <summary>
/// A case as it was opened for this request: its access facts, its heading, and every permission
/// the viewer has on it, decided once. Sections of a case's pages take this, never a bare case id,
/// so a section cannot show anything of a case that was not opened through <see cref="CaseScope"/>.
/// </summary>
public sealed class OpenedCase
{
    internal OpenedCase(CaseFacts facts, CaseHeading heading, CasePermissions permissions, Viewer viewer)
    {
        Facts = facts;
        Heading = heading;
        Permissions = permissions;
        Viewer = viewer;
    }

    public Guid Id => Facts.CaseId;
    public CaseFacts Facts { get; }
    public CaseHeading Heading { get; }
    public CasePermissions Permissions { get; }
    public Viewer Viewer { get; }
    public Guid ChildId => Heading.ChildId;

    public bool May(CaseCapability capability) => Permissions.May(capability);

    /// <summary>The read decision (allowed, on what basis, and until when for emergency access).</summary>
    public AccessDecision Read => Permissions.Read;

    /// <summary>What an audit event says about why the viewer could see the case, when it is anything but their ordinary work.</summary>
    public string? EmergencyNote => Read.IsEmergency ? "Emergency access" : null;
}

/// <summary>
/// Opens a case once per request (ADR 0024): one facts query, one call of <see cref="CaseAccessPolicy.Permissions"/>,
/// memoised for the rest of the request, so a page with many sections, or a handler that calls
/// another, decides access once. A refusal becomes 404 (when the viewer may not know the file
/// exists) or 403 (with how to get access), and the refusal is audited.
/// </summary>
public sealed class CaseScope(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The access policy's meter: how many cases were opened (one facts query and one decision each).</summary>
    public static readonly Meter Meter = new("Casefile.Access");

    /// <summary>Counts <see cref="CaseAccessPolicy.Permissions"/> decisions, so tests and operators can see a page decide once.</summary>
    public static readonly Counter<long> Decisions = Meter.CreateCounter<long>("casefile.case_access.decisions", description: "Cases opened: access facts read and the policy asked");

    private readonly Dictionary<Guid, OpenedCase?> _opened = [];

    /// <summary>
    /// The case with the viewer's permissions, or null when there is no such case. Decides nothing
    /// for the caller: use <see cref="OpenAsync"/> to read a case.
    /// </summary>
    public async Task<OpenedCase?> FindAsync(Guid caseId, CancellationToken ct)
    {
        if (_opened.TryGetValue(caseId, out var known)) return known;
        var row = await CaseFactsQueries.OneAsync(db, caseId, user.Id, clock.GetUtcNow(), ct);
        OpenedCase? opened = null;
        if (row is not null)
        {
            var viewer = await user.ViewerAsync(ct);
            var facts = row.ToFacts();
            opened = new OpenedCase(facts, new CaseHeading(row.Reference, row.ChildId, row.ChildName, row.ChildDateOfBirth),
                CaseAccessPolicy.Permissions(viewer, facts, user.AccessOptions, clock.GetUtcNow()), viewer);
            Decisions.Add(1);
        }
        return _opened[caseId] = opened;
    }

    /// <summary>Forgets what was decided about the case: after a change to its access (a restriction, a grant, emergency access).</summary>
    public void Forget(Guid caseId) => _opened.Remove(caseId);

    /// <summary>Opens the case for the action, or refuses (audited) with 404 or 403.</summary>
    public async Task<OpenedCase> OpenAsync(Guid caseId, AccessAction action, string auditAction, CancellationToken ct)
    {
        var opened = await FindAsync(caseId, ct) ?? throw new NotFoundException("The case file");
        var decision = opened.Permissions.For(action);
        if (decision.Allowed) return opened;
        await audit.RecordRefusalAsync(auditAction, "case", caseId, caseId, decision.Basis, ct);
        if (!decision.MayKnowItExists) throw new NotFoundException("The case file");
        throw new AccessDeniedException(decision.Basis, CaseAccessPolicy.HowToGetAccess);
    }

    /// <summary>Opens the case and demands a capability of it (refusals audited, as for reading).</summary>
    public async Task<OpenedCase> OpenForAsync(Guid caseId, CaseCapability capability, string auditAction, CancellationToken ct)
    {
        var opened = await OpenAsync(caseId, AccessAction.Read, auditAction, ct);
        if (opened.May(capability)) return opened;
        await audit.RecordRefusalAsync(auditAction, "case", caseId, caseId, CasePermissions.WhyNot(capability), ct);
        throw new AccessDeniedException(CasePermissions.WhyNot(capability));
    }

    public async Task<AccessDecision> DemandAsync(Guid caseId, AccessAction action, string auditAction, CancellationToken ct) =>
        (await OpenAsync(caseId, action, auditAction, ct)).Permissions.For(action);

    /// <summary>As <see cref="DemandAsync"/>, with the case's heading (reference and child) for pages that show it.</summary>
    public async Task<(AccessDecision Decision, CaseHeading Heading)> DemandWithHeadingAsync(Guid caseId, AccessAction action, string auditAction, CancellationToken ct)
    {
        var opened = await OpenAsync(caseId, action, auditAction, ct);
        return (opened.Permissions.For(action), opened.Heading);
    }

    /// <summary>The case's facts as they stand for the current user, or null when there is no such case.</summary>
    public async Task<CaseFacts?> FactsAsync(Guid caseId, CancellationToken ct) => (await FindAsync(caseId, ct))?.Facts;

    /// <summary>The facts of each of the given cases as they stand for the current user, in one query (for lists that decide per case).</summary>
    public Task<IReadOnlyList<CaseFacts>> FactsAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct) =>
        CaseFactsQueries.ManyAsync(db, caseIds, user.Id, clock.GetUtcNow(), ct);

    /// <summary>The viewer's permissions on the case, or null when there is no such case.</summary>
    public async Task<CasePermissions?> PermissionsAsync(Guid caseId, CancellationToken ct) => (await FindAsync(caseId, ct))?.Permissions;

    /// <summary>
    /// Of the given case files, those the current user may read: one query for all their facts, then
    /// the policy for each, as <see cref="OpenAsync"/> decides one. For lists that show something of many cases.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> ReadableAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var facts = await CaseFactsQueries.ManyAsync(db, caseIds, user.Id, clock.GetUtcNow(), ct);
        var viewer = await user.ViewerAsync(ct);
        var now = clock.GetUtcNow();
        return facts.Where(f => CaseAccessPolicy.Decide(viewer, f, AccessAction.Read, user.AccessOptions, now).Allowed).Select(f => f.CaseId).ToHashSet();
    }

    /// <summary>Case files the current user may not even know exist: restricted ones they are not named on.</summary>
    public IQueryable<Guid> HiddenCaseIds() => CaseFactsQueries.HiddenCaseIds(db, user.Id);

    /// <summary>Children whose restricted case file hides them from the current user.</summary>
    public IQueryable<Guid> HiddenChildIds()
    {
        var hidden = HiddenCaseIds();
        return db.CaseFiles.Where(c => hidden.Contains(c.Id)).Select(c => c.ChildId);
    }
}

/// <summary>What a page about a case shows at its top: the case reference and the child.</summary>
public sealed record CaseHeading(string Reference, Guid ChildId, string ChildName, DateOnly? ChildDateOfBirth);
