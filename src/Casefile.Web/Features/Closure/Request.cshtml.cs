using Casefile.Data;
using Casefile.Domain.Closure;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Closure;

/// <summary>
/// "Ask to close this case" (policy 3.13, 6.3, Appendix 2): the closing summary, the checklist with
/// Casefile's own checks shown beside it, and who should get a closure letter. The same page changes
/// the worker's open request after a manager returned it.
/// </summary>
[Authorize]
public sealed class RequestModel(AppDbContext db, CaseScope access, CurrentUser user, AuditTrail audit, CaseCompletenessCheck completeness,
    RequestClosure request, ReviseClosureRequest revise) : CasefilePageModel
{
    public const int RecipientRows = 4;

    [BindProperty]
    public ClosureForm Input { get; set; } = new();

    public CaseHeading? Heading { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid? ExistingId { get; private set; }

    /// <summary>Set when the open request is someone else's: the page links to it instead of showing the form.</summary>
    public string? OtherRequester { get; private set; }
    public IReadOnlyDictionary<string, ChecklistResult> Checks { get; private set; } = new Dictionary<string, ChecklistResult>();

    public sealed class ClosureForm
    {
        public string? ReasonForInvolvement { get; set; }
        public string? ActionsAndOutcomes { get; set; }
        public string? OtherProfessionals { get; set; }
        public string? ContinuingSupport { get; set; }
        public List<ItemForm> Checklist { get; set; } = [];

        /// <summary>The DfE reason for closure (RC1 to RC9), recorded on the case when it closes.</summary>
        public string? ReasonForClosure { get; set; }
        public List<RecipientForm> Recipients { get; set; } = [];
    }

    public sealed class ItemForm
    {
        public string? Item { get; set; }
        public string? Answer { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class RecipientForm
    {
        public string? Kind { get; set; }
        public string? Name { get; set; }
        public string? Address { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Address);
    }

    public static IEnumerable<SelectListItem> WorkerAnswers(string? current) =>
    [
        new("Done", "done", current == "done"),
        new("Does not apply to this case", "not-applicable", current == "not-applicable"),
        new("Not done yet", "outstanding", current is null or "outstanding"),
    ];

    public static IEnumerable<SelectListItem> CheckedAnswers(string? current) =>
    [
        new("Casefile checks it", "outstanding", current is null or "outstanding"),
        new("Does not apply to this case (say why)", "not-applicable", current == "not-applicable"),
    ];

    /// <summary>The DfE reasons for closure by their plain labels (policy 3.1).</summary>
    public static IEnumerable<SelectListItem> ReasonsForClosure { get; } =
        [.. Domain.Journey.DfeCodes.ReasonForClosure.Codes.Select(c => new SelectListItem(c.Label, c.Code))];

    public static IEnumerable<SelectListItem> Kinds(string? current) =>
    [
        new("Parent or carer", "parent-or-carer", current is null or "parent-or-carer"),
        new("Professional", "professional", current == "professional"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        await LoadAsync(caseId, ct);
        if (ExistingId is { } id)
        {
            var existing = await db.ClosureRequests.AsNoTracking().SingleAsync(r => r.Id == id, ct);
            if (existing.RequestedBy != user.Id)
            {
                // Someone else's request: say so and link to it, rather than start a second one.
                OtherRequester = await db.Users.Where(u => u.Id == existing.RequestedBy).Select(u => u.DisplayName).SingleAsync(ct);
                return Page();
            }
            Input = new ClosureForm
            {
                ReasonForInvolvement = existing.Summary.ReasonForInvolvement,
                ActionsAndOutcomes = existing.Summary.ActionsAndOutcomes,
                OtherProfessionals = existing.Summary.OtherProfessionals,
                ContinuingSupport = existing.Summary.ContinuingSupport,
                Checklist = existing.Checklist.Select(e => new ItemForm { Item = e.ItemId, Answer = e.Answer.Name(), Reason = e.Reason }).ToList(),
                Recipients = existing.LetterRecipients.Select(r => new RecipientForm { Kind = r.Kind.Name(), Name = r.Name, Address = r.Address }).ToList(),
                ReasonForClosure = existing.ReasonForClosure,
            };
        }
        Complete();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        Complete();
        var filled = Input.Recipients.Select((r, i) => (r, i)).Where(x => !x.r.IsBlank).ToList();
        var command = new ClosureRequestCommand(Input.ReasonForInvolvement, Input.ActionsAndOutcomes, Input.OtherProfessionals, Input.ContinuingSupport,
            Input.Checklist.Select(c => new ChecklistAnswerInput(c.Item, c.Answer, c.Reason)).ToList(),
            filled.Select(x => new LetterRecipientInput(x.r.Kind, x.r.Name, x.r.Address, null)).ToList(),
            ReasonForClosure: Input.ReasonForClosure);
        return await TryAsync(async () =>
        {
            var open = await OpenRequestAsync(caseId, ct);
            var saved = open is { } id ? await revise.HandleAsync(id, command, ct) : await request.HandleAsync(caseId, command, ct);
            TempData["Confirmation"] = "Your request to close the case has gone to your line manager.";
            return Redirect($"/closure-requests/{saved.Id}");
        }, field => MapField(field, filled.Select(x => x.i).ToList()), () => LoadAsync(caseId, ct));
    }

    // "checklist.front-sheet" and "checklist[3].answer" from the domain; "letterRecipients[0].name" counts only filled rows.
    private string? MapField(string field, IReadOnlyList<int> filledRows)
    {
        if (field.StartsWith("checklist.", StringComparison.Ordinal))
        {
            var index = Input.Checklist.FindIndex(c => c.Item == field["checklist.".Length..]);
            return index < 0 ? "" : $"Input.Checklist[{index}].Reason";
        }
        if (field.StartsWith("checklist[", StringComparison.Ordinal)) return "Input.C" + field[1..].Replace(".answer", ".Answer", StringComparison.Ordinal);
        if (field.StartsWith("letterRecipients[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            if (int.TryParse(field["letterRecipients[".Length..close], out var n) && n < filledRows.Count)
            {
                var rest = field[(close + 2)..];
                return $"Input.Recipients[{filledRows[n]}].{char.ToUpperInvariant(rest[0])}{rest[1..]}";
            }
            return "";
        }
        return null;
    }

    private async Task LoadAsync(Guid caseId, CancellationToken ct)
    {
        CaseId = caseId;
        (_, Heading) = await access.DemandWithHeadingAsync(caseId, Domain.Access.AccessAction.Write, AuditAction.View, ct);
        ExistingId = await OpenRequestAsync(caseId, ct);
        var record = await completeness.CheckAsync(caseId, ct);
        Checks = ClosureChecklist.Evaluate([], record).ToDictionary(r => r.Item.Id);
        audit.Record(AuditAction.View, "case", caseId, caseId, Heading.ChildId, reason: "closure form");
        await db.SaveChangesAsync(ct);
    }

    private Task<Guid?> OpenRequestAsync(Guid caseId, CancellationToken ct) =>
        db.ClosureRequests.Where(r => r.CaseFileId == caseId && (r.Status == ClosureRequestStatus.Submitted || r.Status == ClosureRequestStatus.Returned))
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);

    // One row per checklist item, in the checklist's order, whatever the form posted; empty letter rows to fill.
    private void Complete()
    {
        var posted = Input.Checklist.Where(c => c.Item is not null).GroupBy(c => c.Item!).ToDictionary(g => g.Key, g => g.First());
        Input.Checklist = ClosureChecklist.Items.Select(i => posted.TryGetValue(i.Id, out var c) ? c : new ItemForm { Item = i.Id }).ToList();
        while (Input.Recipients.Count < RecipientRows) Input.Recipients.Add(new RecipientForm());
    }
}
