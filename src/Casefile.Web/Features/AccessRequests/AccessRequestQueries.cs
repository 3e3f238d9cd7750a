using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.AccessRequests;
using Casefile.Domain.Staff;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Features.AccessRequests;

public sealed record AccessRequestView(
    Guid Id, Guid CaseId, string CaseReference, Guid SubjectId, string SubjectName, string Kind, string KindName, string RequesterName,
    string? RequesterOrganisation, string WhatIsAsked, DateOnly ReceivedOn, string? IdentityChecks, string LegalBasis, Guid OwnerId, string Owner,
    AccessRequestStatus Status, DateOnly DueOn, DueState DueState, DateOnly? OriginalDueOn, string? ExtensionReason, DateOnly? RequesterToldOfExtensionOn,
    Guid? ConsentDocumentId, Guid? CourtAuthorityDocumentId, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? LegalAdviceBy, string? LegalAdvice,
    DateTimeOffset? LegalAdviceAt, bool PrivilegedReleasedByLegal, DateTimeOffset? BundleBuiltAt, BundleFacts? Bundle, DateTimeOffset? ReleasedAt,
    IReadOnlyList<ReleaseRuleResult> Rules)
{
    public bool ReadyToRelease => Status == AccessRequestStatus.Open && Rules.All(r => r.Passed);
}

public sealed record AccessRequestListItem(Guid Id, string CaseReference, string SubjectName, string KindName, string RequesterName, string Owner,
    DateOnly ReceivedOn, DateOnly DueOn, DueState DueState, AccessRequestStatus Status);

public sealed record DisclosureLogView(Guid Id, string Action, string What, string Recipient, Guid? DocumentId, string By, DateTimeOffset At);

/// <summary>Reads of the register, one request, its bundle and its disclosure log; every read is audited against the subject's case.</summary>
public sealed class AccessRequestQueries(AppDbContext db, AccessRequestAccess access, CurrentUser user, AuditTrail audit, TimeProvider clock,
    BankHolidayCalendar calendar, IOptions<CasefileOptions> options)
{
    public async Task<AccessRequestView> GetAsync(Guid id, CancellationToken ct)
    {
        var (request, heading, viaLegal) = await access.DemandAsync(id, AccessAction.Read, AuditAction.View, ct);
        var names = await NamesAsync([request.OwnerId, request.ApprovedById, request.LegalAdviceById], ct);
        var facts = await BundleQueries.FactsAsync(db, request, ct);
        var cal = await calendar.CurrentAsync(ct);
        audit.Record(AuditAction.View, "access-request", id, request.CaseFileId, heading.ChildId, reason: viaLegal ? CaseAccessPolicy.LegalServicesConsulted : null);
        await db.SaveChangesAsync(ct);
        return new AccessRequestView(request.Id, request.CaseFileId, heading.Reference, request.SubjectPersonId, heading.ChildName, request.Kind.ApiName(),
            request.Kind.DisplayName(), request.RequesterName, request.RequesterOrganisation, request.WhatIsAsked, request.ReceivedOn, request.IdentityChecks,
            request.LegalBasis, request.OwnerId, names.GetValueOrDefault(request.OwnerId, ""), request.Status, request.DueOn,
            AccessRequestDueDates.StateOn(request.DueOn, clock.Today(), options.Value.AccessRequests, cal), request.OriginalDueOn, request.ExtensionReason,
            request.RequesterToldOfExtensionOn, request.ConsentDocumentId, request.CourtAuthorityDocumentId,
            request.ApprovedById is { } a ? names.GetValueOrDefault(a) : null, request.ApprovedAt,
            request.LegalAdviceById is { } l ? names.GetValueOrDefault(l) : null, request.LegalAdvice, request.LegalAdviceAt, request.PrivilegedReleasedByLegal,
            request.BundleBuiltAt, facts, request.ReleasedAt, ReleaseRules.Check(request, facts));
    }

    public async Task<BundleView> BundleAsync(Guid id, CancellationToken ct)
    {
        var (request, heading, viaLegal) = await access.DemandAsync(id, AccessAction.Read, AuditAction.View, ct);
        var view = await BundleQueries.ViewAsync(db, id, request.BundleBuiltAt, ct);
        audit.Record(AuditAction.View, "disclosure-bundle", id, request.CaseFileId, heading.ChildId, reason: viaLegal ? CaseAccessPolicy.LegalServicesConsulted : null);
        await db.SaveChangesAsync(ct);
        return view;
    }

    public async Task<IReadOnlyList<DisclosureLogView>> DisclosureLogAsync(Guid id, CancellationToken ct)
    {
        var (request, heading, viaLegal) = await access.DemandAsync(id, AccessAction.Read, AuditAction.View, ct);
        var rows = await (from e in db.DisclosureLog.AsNoTracking()
                          where e.AccessRequestId == id
                          join u in db.Users on e.ById equals u.Id
                          select new { e, u.DisplayName }).ToListAsync(ct);
        audit.Record(AuditAction.View, "disclosure-log", id, request.CaseFileId, heading.ChildId, reason: viaLegal ? CaseAccessPolicy.LegalServicesConsulted : null);
        await db.SaveChangesAsync(ct);
        return rows.OrderBy(r => r.e.At).Select(r => new DisclosureLogView(r.e.Id, r.e.Action, r.e.What, r.e.Recipient, r.e.DocumentId, r.DisplayName, r.e.At)).ToList();
    }

    /// <summary>
    /// The register as the user works it: requests they own, and, for a manager, those owned by
    /// people in their line; Legal Services see every open request. With <paramref name="dueOnly"/>,
    /// only open requests past or near their due date (issue 9).
    /// </summary>
    public async Task<IReadOnlyList<AccessRequestListItem>> ListAsync(bool dueOnly, CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        var owners = new HashSet<Guid> { user.Id };
        if (viewer.May(StaffCapability.ManageTeams)) owners.UnionWith(await LineManagers.ReportsOfAsync(db, user.Id, ct));
        var everyone = viewer.May(StaffCapability.AdviseAsLegalServices);
        var hidden = await HiddenCasesAsync(ct);
        var rows = await (from r in db.AccessRequests.AsNoTracking()
                          where (everyone ? r.Status == AccessRequestStatus.Open : owners.Contains(r.OwnerId))
                          join c in db.CaseFiles on r.CaseFileId equals c.Id
                          join p in db.People on r.SubjectPersonId equals p.Id
                          join u in db.Users on r.OwnerId equals u.Id
                          select new { r, c.Reference, c.ChildId, Subject = p.GivenName + " " + p.FamilyName, Owner = u.DisplayName }).ToListAsync(ct);
        var cal = await calendar.CurrentAsync(ct);
        var today = clock.Today();
        var items = rows.Where(x => !hidden.Contains(x.r.CaseFileId))
            .Select(x => (x, State: AccessRequestDueDates.StateOn(x.r.DueOn, today, options.Value.AccessRequests, cal)))
            .Where(x => !dueOnly || (x.x.r.Status == AccessRequestStatus.Open && x.State != DueState.OnTime))
            .OrderBy(x => x.x.r.Status).ThenBy(x => x.x.r.DueOn).ToList();
        foreach (var (x, _) in items) audit.Record(AuditAction.View, "access-request", x.r.Id, x.r.CaseFileId, x.ChildId, reason: dueOnly ? "Requests due" : "Access requests register");
        if (items.Count == 0) audit.Record(AuditAction.View, "access-requests", null, reason: "Nothing listed");
        await db.SaveChangesAsync(ct);
        return items.Select(i => new AccessRequestListItem(i.x.r.Id, i.x.Reference, i.x.Subject, i.x.r.Kind.DisplayName(), i.x.r.RequesterName, i.x.Owner,
            i.x.r.ReceivedOn, i.x.r.DueOn, i.State, i.x.r.Status)).ToList();
    }

    private async Task<HashSet<Guid>> HiddenCasesAsync(CancellationToken ct)
    {
        var userId = user.Id;
        return (await db.CaseFiles.Where(c => c.IsRestricted
                && !db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == userId && g.Kind == GrantKind.Named && g.RevokedAt == null))
            .Select(c => c.Id).ToListAsync(ct)).ToHashSet();
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
