using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Casefile.Domain.Closure;
using Casefile.Domain.Common;
using Casefile.Domain.Records;
using Casefile.Domain.Staff;
using Casefile.Web.Features.Assessments;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Closure;

/// <summary>One checklist answer as a form or the API sends it: <c>done</c>, <c>not-applicable</c> (with a reason) or <c>outstanding</c>.</summary>
public sealed record ChecklistAnswerInput(string? Item, string? Answer, string? Reason);

public sealed record LetterRecipientInput(string? Kind, string? Name, string? Address, Guid? PersonId);

/// <summary>What the worker sends to ask for closure, or to change the request.</summary>
public sealed record ClosureRequestCommand(
    string? ReasonForInvolvement,
    string? ActionsAndOutcomes,
    string? OtherProfessionals,
    string? ContinuingSupport,
    IReadOnlyList<ChecklistAnswerInput>? Checklist,
    IReadOnlyList<LetterRecipientInput>? LetterRecipients,
    Guid? Version = null,
    string? ReasonForClosure = null);

public sealed record ReasonCommand(string? Reason);

internal static class ClosureInput
{
    public static ChecklistAnswer Answer(string? text, int index) => text?.Trim().ToLowerInvariant() switch
    {
        "done" => ChecklistAnswer.Done,
        "not-applicable" or "n/a" or "notapplicable" => ChecklistAnswer.NotApplicable,
        "outstanding" or "" or null => ChecklistAnswer.Outstanding,
        _ => throw new RuleViolationException("unknown-answer", "Answer each item with done, not-applicable or outstanding", $"checklist[{index}].answer"),
    };

    public static LetterRecipientKind Kind(string? text, int index) => text?.Trim().ToLowerInvariant() switch
    {
        "parent-or-carer" or "parent" or "carer" => LetterRecipientKind.ParentOrCarer,
        "professional" => LetterRecipientKind.Professional,
        _ => throw new RuleViolationException("unknown-recipient-kind", "Say whether the letter goes to a parent or carer, or to a professional",
            $"letterRecipients[{index}].kind"),
    };

    public static string Name(this ChecklistAnswer answer) => answer switch
    {
        ChecklistAnswer.Done => "done",
        ChecklistAnswer.NotApplicable => "not-applicable",
        _ => "outstanding",
    };

    public static string Name(this LetterRecipientKind kind) => kind == LetterRecipientKind.ParentOrCarer ? "parent-or-carer" : "professional";

    public static string Name(this ClosureRequestStatus status) => status switch
    {
        ClosureRequestStatus.Submitted => "submitted",
        ClosureRequestStatus.Returned => "returned",
        ClosureRequestStatus.Authorised => "authorised",
        ClosureRequestStatus.EndedByTransfer => "ended-by-transfer",
        _ => "withdrawn",
    };

    public static (ClosingSummary Summary, List<ChecklistEntry> Checklist, List<LetterRecipient> Recipients) Parse(ClosureRequestCommand command)
    {
        var errors = new List<RuleViolationException>();
        ClosingSummary? summary = null;
        try
        {
            summary = ClosingSummary.Create(command.ReasonForInvolvement, command.ActionsAndOutcomes, command.OtherProfessionals, command.ContinuingSupport);
        }
        catch (RuleViolationsException e) { errors.AddRange(e.Violations); }

        var checklist = new List<ChecklistEntry>();
        foreach (var (input, i) in (command.Checklist ?? []).Select((c, i) => (c, i)))
        {
            try
            {
                if (string.IsNullOrWhiteSpace(input.Item))
                    throw new RuleViolationException("required", "Say which checklist item this answers", $"checklist[{i}].item");
                checklist.Add(new ChecklistEntry(input.Item.Trim(), Answer(input.Answer, i), input.Reason));
            }
            catch (RuleViolationException e) { errors.Add(e); }
        }

        try { ClosureChecklist.Normalise(checklist); }
        catch (RuleViolationsException e) { errors.AddRange(e.Violations); }
        catch (RuleViolationException e) { errors.Add(e); }

        var recipients = new List<LetterRecipient>();
        foreach (var (input, i) in (command.LetterRecipients ?? []).Select((r, i) => (r, i)))
        {
            try { recipients.Add(new LetterRecipient(Kind(input.Kind, i), input.Name ?? "", input.Address, input.PersonId)); }
            catch (RuleViolationException e) { errors.Add(e); }
        }

        if (errors.Count > 0) throw new RuleViolationsException(errors);
        return (summary!, checklist, recipients);
    }
}

/// <summary>
/// The worker asks for the case to be closed (policy 6.3): closing summary, checklist and letters.
/// One open request per case; it goes to the worker's line manager.
/// </summary>
public sealed class RequestClosure(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task<ClosureRequest> HandleAsync(Guid caseId, ClosureRequestCommand command, CancellationToken ct)
    {
        await access.OpenAsync(caseId, AccessAction.Write, AuditAction.Create, ct);
        await access.OpenForAsync(caseId, CaseCapability.ProposeClosure, AuditAction.Create, ct);
        var (summary, checklist, recipients) = ClosureInput.Parse(command);
        var file = await db.CaseFiles.Include(c => c.Volumes).SingleAsync(c => c.Id == caseId, ct);
        if (await db.ClosureRequests.AnyAsync(r => r.CaseFileId == caseId
                && (r.Status == ClosureRequestStatus.Submitted || r.Status == ClosureRequestStatus.Returned), ct))
            throw new StateConflictException("closure-already-requested", "There is already a request to close this case. Change that request instead.");

        var request = ClosureRequest.Submit(Guid.NewGuid(), file, summary, checklist, recipients, user.Id, file.CareLeaverWithAdultServices, clock.GetUtcNow());
        request.SetReasonForClosure(command.ReasonForClosure);
        db.ClosureRequests.Add(request);
        audit.Record(AuditAction.Create, "closure-request", request.Id, caseId);
        await db.SaveChangesAsync(ct);
        return request;
    }
}

/// <summary>The worker changes their request (usually after the manager returned it); it goes back to the manager.</summary>
public sealed class ReviseClosureRequest(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit)
{
    public async Task<ClosureRequest> HandleAsync(Guid id, ClosureRequestCommand command, CancellationToken ct)
    {
        var request = await db.ClosureRequests.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("The closure request");
        await access.DemandAsync(request.CaseFileId, AccessAction.Write, AuditAction.Update, ct);
        if (command.Version is { } version && version != request.Version)
            throw new DbUpdateConcurrencyException("stale closure request");
        var (summary, checklist, recipients) = ClosureInput.Parse(command);
        var file = await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == request.CaseFileId, ct);
        request.Revise(summary, checklist, recipients, user.Id, file.CareLeaverWithAdultServices);
        request.SetReasonForClosure(command.ReasonForClosure);
        audit.Record(AuditAction.Update, "closure-request", request.Id, request.CaseFileId);
        await db.SaveChangesAsync(ct);
        return request;
    }
}

/// <summary>
/// The manager's decision on a closure request: authorise (which closes the case, files the closure
/// letters and gives the admin officer their tasks, policy 6.4 and 6.6) or return with a reason.
/// </summary>
public sealed class DecideClosure(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock,
    CaseCompletenessCheck completeness, ClosureLetterFiling letters)
{
    public async Task<ClosureRequest> AuthoriseAsync(Guid id, CancellationToken ct)
    {
        var (request, decider) = await LoadAsync(id, ct);
        var file = await db.CaseFiles.Include(c => c.Volumes).SingleAsync(c => c.Id == request.CaseFileId, ct);
        var record = await completeness.CheckAsync(file.Id, ct);
        var now = clock.GetUtcNow();
        request.Authorise(decider, record, file.CareLeaverWithAdultServices, now);
        var today = clock.Today();
        var closedOn = today < file.OpenedOn ? file.OpenedOn : today;
        file.RecordClosure(closedOn, request.ReasonForClosure);

        var teamId = file.TeamId;
        foreach (var (kind, description) in AdminTask.Standard())
            db.AdminTasks.Add(new AdminTask(Guid.NewGuid(), file.Id, request.Id, teamId, kind, description, null, now));
        foreach (var letter in await letters.FileAsync(file, request, closedOn, ct))
            db.AdminTasks.Add(new AdminTask(Guid.NewGuid(), file.Id, request.Id, teamId,
                letter.Recipient.Kind == LetterRecipientKind.ParentOrCarer ? AdminTaskKind.ClosureLetterToParentOrCarer : AdminTaskKind.ClosureLetterToProfessional,
                $"Send the closure letter to {letter.Recipient.Name}", letter.DocumentId, now));

        var agreement = await AssessmentQueries.AgreementToCloseAsync(db, file.Id, file.OpenedOn, ct);
        var agreed = agreement is null ? ""
            : $" {agreement.AuthorisedBy} agreed to close when authorising the assessment that recommended no further action ({agreement.AuthorisedAt.ToLondonDate().Display()})."; // Policy 6.2
        db.Chronology.Add(new ChronologyEntry(file.Id, now, ChronologyKind.CaseClosed, $"Case closed (volume {file.CurrentVolume})",
            $"Closure authorised by {user.DisplayName}.{agreed} {request.Summary.ContinuingSupport}", request.Id, user.Id, significant: true));
        audit.Record(AuditAction.Decide, "closure-request", request.Id, file.Id, reason: "authorised");
        await db.SaveChangesAsync(ct);
        return request;
    }

    public async Task<ClosureRequest> ReturnAsync(Guid id, ReasonCommand command, CancellationToken ct)
    {
        var (request, decider) = await LoadAsync(id, ct);
        request.Return(command.Reason, decider, clock.GetUtcNow());
        audit.Record(AuditAction.Decide, "closure-request", request.Id, request.CaseFileId, reason: "returned");
        await db.SaveChangesAsync(ct);
        return request;
    }

    private async Task<(ClosureRequest, Decider)> LoadAsync(Guid id, CancellationToken ct)
    {
        var request = await db.ClosureRequests.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("The closure request");
        await access.DemandAsync(request.CaseFileId, AccessAction.Write, AuditAction.Decide, ct);
        var viewer = await user.ViewerAsync(ct);
        var manages = await LineManagers.ManagesAsync(db, user.Id, request.RequestedBy, ct);
        return (request, new Decider(user.Id, viewer.Roles, manages));
    }
}

/// <summary>The worker takes their request back.</summary>
public sealed class WithdrawClosureRequest(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public async Task HandleAsync(Guid id, CancellationToken ct)
    {
        var request = await db.ClosureRequests.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("The closure request");
        await access.DemandAsync(request.CaseFileId, AccessAction.Write, AuditAction.Update, ct);
        request.Withdraw(user.Id, clock.GetUtcNow());
        audit.Record(AuditAction.Update, "closure-request", request.Id, request.CaseFileId, reason: "withdrawn");
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Records whether the young person is a care leaver also getting adult services (their file stays open).</summary>
public sealed class RecordAdultServices(AppDbContext db, CaseScope access, AuditTrail audit)
{
    public async Task HandleAsync(Guid caseId, bool value, CancellationToken ct)
    {
        await access.DemandAsync(caseId, AccessAction.Write, AuditAction.Update, ct);
        var file = await db.CaseFiles.SingleAsync(c => c.Id == caseId, ct);
        file.RecordCareLeaverWithAdultServices(value);
        audit.Record(AuditAction.Update, "case", caseId, caseId, reason: value ? "care leaver with adult services" : "not a care leaver with adult services");
        await db.SaveChangesAsync(ct);
    }
}

public sealed record ChecklistResultView(string Item, string Text, string Source, string Answer, string? Detail);

public sealed record ClosureRequestView(
    Guid Id, Guid CaseId, string CaseReference, string ChildName, int Volume, string Status,
    string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? ReturnReason,
    string ReasonForInvolvement, string ActionsAndOutcomes, string OtherProfessionals, string ContinuingSupport,
    IReadOnlyList<ChecklistResultView> Checklist, IReadOnlyList<LetterRecipientInput> LetterRecipients, Guid Version,
    AgreementToClose? AgreementToClose)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid RequestedById { get; init; }

    /// <summary>The DfE reason for closure (RC1 to RC9) the worker gave, if any.</summary>
    public string? ReasonForClosure { get; init; }

    public IEnumerable<ChecklistResultView> Outstanding => Checklist.Where(c => c.Answer == "outstanding");
}

public sealed record ClosureQueueItem(Guid Id, Guid CaseId, string CaseReference, string ChildName, string RequestedBy, DateTimeOffset RequestedAt, string Status);

/// <summary>Reads closure requests: one with its checklist as it stands now, a case's, and the queues.</summary>
public sealed class ClosureQueries(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, CaseCompletenessCheck completeness)
{
    public async Task<ClosureRequestView> GetAsync(Guid id, CancellationToken ct)
    {
        var request = await db.ClosureRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("The closure request");
        var (_, heading) = await access.DemandWithHeadingAsync(request.CaseFileId, AccessAction.Read, AuditAction.View, ct);
        // Once decided, the checklist is shown as the manager saw it; while open, as the record stands now.
        var record = await completeness.CheckAsync(request.CaseFileId, ct);
        var results = ClosureChecklist.Evaluate(request.Checklist, record);
        var names = await NamesAsync([request.RequestedBy, .. request.DecidedBy is { } d ? new[] { d } : []], ct);
        var openedOn = await db.Set<CaseVolume>().Where(v => v.CaseFileId == request.CaseFileId && v.Number == request.Volume).Select(v => v.OpenedOn).SingleAsync(ct);
        var agreement = await AssessmentQueries.AgreementToCloseAsync(db, request.CaseFileId, openedOn, ct);
        audit.Record(AuditAction.View, "closure-request", request.Id, request.CaseFileId);
        await db.SaveChangesAsync(ct);
        return new ClosureRequestView(request.Id, request.CaseFileId, heading.Reference, heading.ChildName, request.Volume, request.Status.Name(),
            names[request.RequestedBy], request.RequestedAt, request.DecidedBy is { } by ? names[by] : null, request.DecidedAt, request.ReturnReason,
            request.Summary.ReasonForInvolvement, request.Summary.ActionsAndOutcomes, request.Summary.OtherProfessionals, request.Summary.ContinuingSupport,
            results.Select(r => new ChecklistResultView(r.Item.Id, r.Item.Text, r.Item.Source == ChecklistSource.Casefile ? "casefile" : "worker",
                request.Status == ClosureRequestStatus.Authorised && r.Answer == ChecklistAnswer.Outstanding ? "done" : r.Answer.Name(), r.Detail)).ToList(),
            request.LetterRecipients.Select(l => new LetterRecipientInput(l.Kind.Name(), l.Name, l.Address, l.PersonId)).ToList(),
            request.Version, agreement)
        { RequestedById = request.RequestedBy, ReasonForClosure = request.ReasonForClosure };
    }

    /// <summary>The case's open request, if any (the case page links to it).</summary>
    public Task<ClosureQueueItem?> OpenForCaseAsync(OpenedCase opened, CancellationToken ct) =>
        Items(db.ClosureRequests.Where(r => r.CaseFileId == opened.Id
            && (r.Status == ClosureRequestStatus.Submitted || r.Status == ClosureRequestStatus.Returned))).FirstOrDefaultAsync(ct);

    /// <summary>The request that closed the case's current volume.</summary>
    public Task<Guid?> AuthorisedForCaseAsync(OpenedCase opened, CancellationToken ct) =>
        db.ClosureRequests.Where(r => r.CaseFileId == opened.Id && r.Status == ClosureRequestStatus.Authorised)
            .OrderByDescending(r => r.Volume).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);

    /// <summary>Requests waiting for this manager: submitted by people in their line (policy 6.5).</summary>
    public async Task<IReadOnlyList<ClosureQueueItem>> AwaitingMyDecisionAsync(CancellationToken ct)
    {
        var viewer = await user.ViewerAsync(ct);
        var reports = viewer.May(StaffCapability.AuthoriseWork) ? (await LineManagers.ReportsOfAsync(db, user.Id, ct)).ToList() : [];
        var items = reports.Count == 0 ? []
            : await Items(db.ClosureRequests.Where(r => r.Status == ClosureRequestStatus.Submitted && reports.Contains(r.RequestedBy))).ToListAsync(ct);
        return await VisibleAsync(items, ct);
    }

    /// <summary>My requests that a manager sent back.</summary>
    public async Task<IReadOnlyList<ClosureQueueItem>> ReturnedToMeAsync(CancellationToken ct)
    {
        var me = user.Id;
        var items = await Items(db.ClosureRequests.Where(r => r.Status == ClosureRequestStatus.Returned && r.RequestedBy == me)).ToListAsync(ct);
        return await VisibleAsync(items, ct);
    }

    // A restricted case the viewer is not named on never shows in a queue.
    private async Task<IReadOnlyList<ClosureQueueItem>> VisibleAsync(List<ClosureQueueItem> items, CancellationToken ct)
    {
        var hidden = await access.HiddenCaseIds().ToListAsync(ct);
        var visible = items.Where(i => !hidden.Contains(i.CaseId)).OrderBy(i => i.RequestedAt).ToList();
        audit.Record(AuditAction.View, "closure-request-list", null, reason: $"{visible.Count} requests");
        foreach (var i in visible) audit.Record(AuditAction.View, "closure-request", i.Id, i.CaseId, reason: "queue");
        await db.SaveChangesAsync(ct);
        return visible;
    }

    private IQueryable<ClosureQueueItem> Items(IQueryable<ClosureRequest> requests) =>
        from r in requests.AsNoTracking()
        join c in db.CaseFiles on r.CaseFileId equals c.Id
        join p in db.People on c.ChildId equals p.Id
        join u in db.Users on r.RequestedBy equals u.Id
        select new ClosureQueueItem(r.Id, c.Id, c.Reference, p.GivenName + " " + p.FamilyName, u.DisplayName, r.RequestedAt,
            r.Status == ClosureRequestStatus.Submitted ? "submitted" : r.Status == ClosureRequestStatus.Returned ? "returned"
            : r.Status == ClosureRequestStatus.Authorised ? "authorised"
            : r.Status == ClosureRequestStatus.EndedByTransfer ? "ended-by-transfer" : "withdrawn");

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
