using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.AccessRequests;
using Casefile.Domain.Common;
using Casefile.Domain.Documents;
using Casefile.Domain.People;
using Casefile.Domain.Staff;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Features.AccessRequests;

public sealed record AccessRequestCommand(
    string? Kind, Guid? SubjectId, string? RequesterName, string? RequesterOrganisation, string? WhatIsAsked, DateOnly? ReceivedOn,
    string? IdentityChecks, string? LegalBasis);

public sealed record ExtendCommand(string? Reason, DateOnly? RequesterToldOn);

public sealed record DocumentChoiceCommand(Guid? DocumentId);

public sealed record LegalAdviceCommand(string? Advice, bool ReleasePrivileged);

public sealed record ReviewRedactionCommand(string? Decision, RedactionReason? Reason, string? Note);

public sealed record ImageDecisionCommand(string? Decision, string? Reason);

public sealed record GuardianAccessCommand(Guid? DocumentId, string? Action);

/// <summary>
/// Who may see and work on a request: the access policy on the subject's case decides, as for
/// the case itself (<see cref="CaseAccessPolicy.SeeAccessRequest"/>). Legal Services may read any
/// request they are consulted on (policy 10.2), except on a restricted case they are not named on,
/// which they cannot know exists. Every look is audited.
/// </summary>
public sealed class AccessRequestAccess(AppDbContext db, CaseScope access, CurrentUser user, TimeProvider clock)
{
    public async Task<(AccessRequest Request, CaseHeading Heading, bool ViaLegal)> DemandAsync(Guid requestId, AccessAction action, string auditAction,
        CancellationToken ct, bool track = false)
    {
        var query = track ? db.AccessRequests : db.AccessRequests.AsNoTracking();
        var request = await query.SingleOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException("The access request");
        if (action == AccessAction.Read && await access.FindAsync(request.CaseFileId, ct) is { Read.Allowed: false } opened
            && CaseAccessPolicy.SeeAccessRequest(opened.Viewer, opened.Facts, user.AccessOptions, clock.GetUtcNow()).Allowed)
            return (request, opened.Heading, true);
        // Working on a request (building, reviewing, releasing) is working the register, as registering one is.
        if (action == AccessAction.Write)
            return (request, (await access.OpenForAsync(request.CaseFileId, CaseCapability.RegisterAccessRequest, auditAction, ct)).Heading, false);
        var (_, caseHeading) = await access.DemandWithHeadingAsync(request.CaseFileId, action, auditAction, ct);
        return (request, caseHeading, false);
    }
}

/// <summary>Registers a request for a person's record (policy 10; the council's Access to Records Policy).</summary>
public sealed class RegisterAccessRequest(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock,
    BankHolidayCalendar calendar, IOptions<CasefileOptions> options)
{
    public async Task<AccessRequest> HandleAsync(AccessRequestCommand command, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!AccessRequestKindNames.TryParse(command.Kind, out var kind))
            errors.Add("kind", "Choose the kind of request: statutory-enquiry, court-guardian, subject-access or court-order");
        if (command.SubjectId is null) errors.Add("subjectId", "Choose the person the request is about");
        if (command.ReceivedOn is null) errors.Add("receivedOn", "Enter the date the request was received");
        Guid? caseId = null;
        if (command.SubjectId is { } subjectId)
        {
            caseId = await db.CaseFiles.Where(c => c.ChildId == subjectId).OrderByDescending(c => c.OpenedOn).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (caseId is null) errors.Add("subjectId", "The person has no case file. Choose a person whose record we hold");
        }
        errors.ThrowIfAny();

        await access.OpenForAsync(caseId!.Value, CaseCapability.RegisterAccessRequest, AuditAction.Create, ct);
        var request = new AccessRequest(Guid.NewGuid(), caseId.Value, command.SubjectId!.Value,
            new AccessRequestDetails(kind, command.RequesterName, command.RequesterOrganisation, command.WhatIsAsked, command.ReceivedOn!.Value,
                command.IdentityChecks, command.LegalBasis),
            user.Id, user.Id, clock.GetUtcNow(), clock.Today(), options.Value.AccessRequests, await calendar.CurrentAsync(ct));
        db.AccessRequests.Add(request);
        audit.Record(AuditAction.Create, "access-request", request.Id, caseId, request.SubjectPersonId, reason: kind.DisplayName());
        await db.SaveChangesAsync(ct);
        return request;
    }
}

/// <summary>The owner's changes to a request: extension, consent, the court's authority.</summary>
public sealed class UpdateAccessRequest(AppDbContext db, AccessRequestAccess access, AuditTrail audit, TimeProvider clock, BankHolidayCalendar calendar)
{
    public async Task ExtendAsync(Guid id, ExtendCommand command, CancellationToken ct)
    {
        var (request, heading, _) = await access.DemandAsync(id, AccessAction.Write, AuditAction.Update, ct, track: true);
        request.Extend(command.Reason, command.RequesterToldOn, clock.Today(), await calendar.CurrentAsync(ct));
        audit.Record("extend", "access-request", id, request.CaseFileId, heading.ChildId, reason: request.ExtensionReason);
        await db.SaveChangesAsync(ct);
    }

    public Task RecordConsentAsync(Guid id, DocumentChoiceCommand command, CancellationToken ct) =>
        ChooseDocumentAsync(id, command, "record-consent", (r, d) => r.RecordConsent(d.Id, d.CaseFileId, d.Type), ct);

    public Task RecordCourtAuthorityAsync(Guid id, DocumentChoiceCommand command, CancellationToken ct) =>
        ChooseDocumentAsync(id, command, "record-court-authority", (r, d) => r.RecordCourtAuthority(d.Id, d.CaseFileId, d.Type), ct);

    private async Task ChooseDocumentAsync(Guid id, DocumentChoiceCommand command, string action, Action<AccessRequest, CaseDocument> choose, CancellationToken ct)
    {
        var (request, heading, _) = await access.DemandAsync(id, AccessAction.Write, AuditAction.Update, ct, track: true);
        if (command.DocumentId is not { } documentId) throw ValidationFailedException.For("documentId", "Choose the document on the subject's case file");
        var document = await db.CaseDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct)
            ?? throw new RuleViolationException("document-not-on-case", "Choose a document on the subject's own case file", "documentId");
        choose(request, document);
        audit.Record(action, "access-request", id, request.CaseFileId, heading.ChildId, reason: $"Document {document.Id}");
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A manager approves a disclosure (policy 10.2); Legal Services record their advice (policy 10.2).</summary>
public sealed class DecideAccessRequest(AppDbContext db, AccessRequestAccess access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task ApproveAsync(Guid id, CancellationToken ct)
    {
        var (request, heading, _) = await access.DemandAsync(id, AccessAction.Read, AuditAction.Decide, ct, track: true);
        var viewer = await user.ViewerAsync(ct);
        try
        {
            request.Approve(user.Id, viewer.May(StaffCapability.ManageTeams), clock.GetUtcNow());
        }
        catch (RuleViolationException e) when (e.Rule is "approver-not-manager" or "approver-is-owner")
        {
            await audit.RecordRefusalAsync("approve", "access-request", id, request.CaseFileId, e.Message, ct);
            throw;
        }
        audit.Record(AuditAction.Decide, "access-request", id, request.CaseFileId, heading.ChildId, reason: "Approved for release");
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordLegalAdviceAsync(Guid id, LegalAdviceCommand command, CancellationToken ct)
    {
        var (request, heading, _) = await access.DemandAsync(id, AccessAction.Read, AuditAction.Decide, ct, track: true);
        var viewer = await user.ViewerAsync(ct);
        request.RecordLegalAdvice(user.Id, viewer.May(StaffCapability.AdviseAsLegalServices), command.Advice, command.ReleasePrivileged, clock.GetUtcNow());
        audit.Record("legal-advice", "access-request", id, request.CaseFileId, heading.ChildId,
            reason: command.ReleasePrivileged ? "Legal advice recorded; privileged material released" : "Legal advice recorded");
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The reviewer accepts or removes each proposed redaction, and decides on each image.</summary>
public sealed class ReviewDisclosure(AppDbContext db, AccessRequestAccess access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task ReviewAsync(Guid id, Guid proposalId, ReviewRedactionCommand command, CancellationToken ct)
    {
        var (request, heading, _) = await access.DemandAsync(id, AccessAction.Write, AuditAction.Update, ct, track: true);
        request.EnsureOpen();
        var proposal = await db.RedactionProposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.AccessRequestId == id, ct)
            ?? throw new NotFoundException("The proposed redaction");
        switch (command.Decision?.Trim().ToLowerInvariant())
        {
            case "accept":
                proposal.Accept(command.Reason ?? proposal.SuggestedReason, user.Id, clock.GetUtcNow());
                break;
            case "remove":
                proposal.Remove(command.Note, user.Id, clock.GetUtcNow());
                break;
            default:
                throw ValidationFailedException.For("decision", "Choose accept (keep the redaction) or remove (disclose this detail)");
        }
        request.BundleChanged(clock.GetUtcNow(), rebuilt: false);
        audit.Record("review-redaction", "access-request", id, request.CaseFileId, heading.ChildId,
            reason: proposal.Status == RedactionStatus.Accepted ? $"Redaction kept: {proposal.Reason!.Value.Label()}" : "Redaction removed");
        await db.SaveChangesAsync(ct);
    }

    public async Task DecideImageAsync(Guid id, Guid itemId, ImageDecisionCommand command, CancellationToken ct)
    {
        var (request, heading, _) = await access.DemandAsync(id, AccessAction.Write, AuditAction.Update, ct, track: true);
        request.EnsureOpen();
        var item = await db.DisclosureItems.SingleOrDefaultAsync(i => i.Id == itemId && i.AccessRequestId == id, ct)
            ?? throw new NotFoundException("The bundle item");
        var decision = command.Decision?.Trim().ToLowerInvariant() switch
        {
            "include" => ImageDecision.IncludeWhole,
            "withhold" => ImageDecision.Withhold,
            _ => throw ValidationFailedException.For("decision", "Choose include (release the whole file) or withhold (leave it out, saying why)"),
        };
        item.DecideImage(decision, command.Reason);
        request.BundleChanged(clock.GetUtcNow(), rebuilt: false);
        audit.Record("decide-image", "access-request", id, request.CaseFileId, heading.ChildId,
            reason: decision == ImageDecision.Withhold ? $"Withheld: {item.WithholdReason}" : "Included whole");
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Releases the disclosure when every rule passes, and writes the disclosure log (policy 10, Appendix 1).</summary>
public sealed class ReleaseAccessRequest(AppDbContext db, AccessRequestAccess access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task HandleAsync(Guid id, CancellationToken ct)
    {
        var (request, heading, _) = await access.DemandAsync(id, AccessAction.Write, AuditAction.Update, ct, track: true);
        var facts = await BundleQueries.FactsAsync(db, request, ct);
        try
        {
            request.Release(user.Id, facts ?? new BundleFacts(0, 0, 0, false, false), clock.GetUtcNow());
        }
        catch (RuleViolationException e) when (e is not StateConflictException)
        {
            await audit.RecordRefusalAsync("release", "access-request", id, request.CaseFileId, e.Message, ct);
            throw;
        }
        var items = await db.DisclosureItems.AsNoTracking().Where(i => i.AccessRequestId == id).OrderBy(i => i.Position).ToListAsync(ct);
        var released = items.Where(i => i.IsReleased).ToList();
        var recipient = request.RequesterOrganisation is { } org && org != request.RequesterName ? $"{request.RequesterName} ({org})" : request.RequesterName;
        db.DisclosureLog.Add(new DisclosureLogEntry(Guid.NewGuid(), id, request.CaseFileId, "released",
            $"Disclosure bundle of {released.Count} item{(released.Count == 1 ? "" : "s")} ({request.Kind.DisplayName()})", recipient, null, user.Id, clock.GetUtcNow()));
        audit.Record("release", "access-request", id, request.CaseFileId, heading.ChildId, reason: $"Released to {recipient}");
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Policy 10.3: a guardian may see and copy documents on the child's record under the court's
/// authority, and a record is kept of what they saw and copied, printable for the court.
/// </summary>
public sealed class LogGuardianAccess(AppDbContext db, AccessRequestAccess access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<DisclosureLogEntry> HandleAsync(Guid id, GuardianAccessCommand command, CancellationToken ct)
    {
        var (request, heading, _) = await access.DemandAsync(id, AccessAction.Write, AuditAction.Update, ct);
        var errors = new ValidationErrors();
        var action = command.Action?.Trim().ToLowerInvariant() switch
        {
            "viewed" or "view" => (GuardianAccessKind?)GuardianAccessKind.Viewed,
            "copied" or "copy" => GuardianAccessKind.Copied,
            _ => null,
        };
        if (action is null) errors.Add("action", "Say whether the guardian viewed or copied the document");
        if (command.DocumentId is null) errors.Add("documentId", "Choose the document the guardian saw or copied");
        errors.ThrowIfAny();
        request.EnsureGuardianMayAccess();
        var document = await db.CaseDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.DocumentId && d.CaseFileId == request.CaseFileId, ct)
            ?? throw new RuleViolationException("document-not-on-case", "Choose a document on the child's own case file", "documentId");
        if (document.IsRestricted && !request.PrivilegedReleasedByLegal)
            throw new RuleViolationException(ReleaseRules.PrivilegedMaterial, "This document is in the Restricted Access section (legal privilege). Only Legal Services can release it to the guardian.", "documentId");
        var entry = new DisclosureLogEntry(Guid.NewGuid(), id, request.CaseFileId, action == GuardianAccessKind.Copied ? "guardian-copied" : "guardian-viewed",
            $"{document.Type.DisplayName()}: {document.Title} ({document.DocumentDate:d MMMM yyyy})", request.RequesterName, document.Id, user.Id, clock.GetUtcNow());
        db.DisclosureLog.Add(entry);
        audit.Record(entry.Action, "case-document", document.Id, request.CaseFileId, heading.ChildId, reason: $"Children's guardian {request.RequesterName} (policy 10.3)");
        await db.SaveChangesAsync(ct);
        return entry;
    }
}
