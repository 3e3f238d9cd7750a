using Casefile.Domain.Access;
using Casefile.Domain.Journey;
using Casefile.Web.Govuk;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Journey;

/// <summary>
/// One form per step of the journey (GOV.UK: one thing per page), each posting to the same handler
/// as the API: a strategy discussion, a section 47 enquiry, a conference, a core group, a
/// looked-after episode or a review. A refusal shows the error summary and keeps what was typed.
/// </summary>
public sealed class StepModel(Data.AppDbContext db, CaseScope access, AuditTrail audit, RecordJourneyStep record, JourneyQueries queries) : CasefilePageModel
{
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        ["strategy-discussion"] = "Record a strategy discussion",
        ["section47"] = "Start a section 47 enquiry",
        ["conference"] = "Record a child protection conference",
        ["core-group"] = "Record a core group meeting",
        ["looked-after"] = "Record a looked-after episode",
        ["review"] = "Record a looked-after review",
        ["private-fostering"] = "Record a private fostering arrangement",
        ["child-in-need-review"] = "Record a child in need plan review",
    };

    [BindProperty]
    public StepInput Input { get; set; } = new();

    public string Step { get; private set; } = "";
    public string Title => Titles[Step];
    public Guid CaseId { get; private set; }
    public string ChildName { get; private set; } = "";
    public string CaseReference { get; private set; } = "";
    public IReadOnlyList<SelectListItem> Discussions { get; private set; } = [];
    public bool LookedAfterNow { get; private set; }
    public bool PlanInForce { get; private set; }

    public sealed class StepInput
    {
        public DateParts Date { get; set; } = new();
        public string? Attendees { get; set; }
        public string? Decision { get; set; }
        public string? StrategyDiscussionId { get; set; }
        public string? Kind { get; set; }
        public string? Category { get; set; }
        public string? Reason { get; set; }
        public string? LegalStatus { get; set; }
        public string? PlacementType { get; set; }
        public string? ReasonForNewEpisode { get; set; }
        public string? PlacementProvider { get; set; }
    }

    public static IEnumerable<SelectListItem> Options(IEnumerable<(string Value, string Text)> options, string? selected) =>
        options.Select(o => new SelectListItem(o.Text, o.Value, o.Value == selected));

    public IEnumerable<SelectListItem> StrategyDecisions =>
        Options([("section47", "Start a section 47 enquiry"), ("nosection47", "No section 47 enquiry")], Input.Decision?.ToLowerInvariant());

    public IEnumerable<SelectListItem> ConferenceKinds =>
        PlanInForce ? Options([("review", "A review conference")], "review") : Options([("initial", "The initial child protection conference")], "initial");

    public IEnumerable<SelectListItem> ConferenceDecisions => PlanInForce
        ? Options([("continue", "The plan continues"), ("end", "The plan ends")], Input.Decision?.ToLowerInvariant())
        : Options([("plan", "A child protection plan"), ("noplan", "No plan")], Input.Decision?.ToLowerInvariant());

    public IEnumerable<SelectListItem> Categories =>
        Options([("neglect", "Neglect"), ("physical", "Physical abuse"), ("emotional", "Emotional abuse"), ("sexual", "Sexual abuse"), ("multiple", "Multiple categories")],
            Input.Category);

    public IEnumerable<SelectListItem> LegalStatuses => Codes(DfeCodes.LegalStatus, Input.LegalStatus, "Select the legal status");
    public IEnumerable<SelectListItem> PlacementTypes => Codes(DfeCodes.PlacementType, Input.PlacementType, "Select the placement");
    public IEnumerable<SelectListItem> NewEpisodeReasons => Codes(DfeCodes.ReasonForNewEpisode, Input.ReasonForNewEpisode, "Select what changed");

    public static IEnumerable<SelectListItem> Codes(DfeCodeSet set, string? selected, string prompt) =>
        new[] { new SelectListItem(prompt, "") }.Concat(set.Codes.Select(c => new SelectListItem($"{c.Label} ({c.Code})", c.Code, c.Code == selected)));

    public async Task<IActionResult> OnGetAsync(Guid caseId, string step, CancellationToken ct)
    {
        if (!Titles.ContainsKey(step)) return NotFound();
        var childId = await LoadAsync(caseId, step, ct);
        audit.Record(AuditAction.View, "case", caseId, caseId, childId, reason: "Opened the form: " + Titles[step].ToLowerInvariant());
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, string step, CancellationToken ct)
    {
        if (!Titles.ContainsKey(step)) return NotFound();
        await LoadAsync(caseId, step, ct);
        DateOnly? on = null;
        foreach (var key in ModelState.Keys.ToList()) ModelState.Remove(key);
        if (Input.Date.TryGetDate("the date", out var d, out var error)) on = d;
        else ModelState.AddModelError("Input.Date", error!);
        if (!ModelState.IsValid) return Page();

        return await TryAsync(async () =>
        {
            string done;
            switch (step)
            {
                case "strategy-discussion":
                    await record.StrategyDiscussionAsync(caseId, new StrategyDiscussionCommand(on, Input.Attendees, Enum<StrategyDecision>(Input.Decision)), ct);
                    done = "Strategy discussion recorded.";
                    break;
                case "section47":
                    var saved = await record.StartSection47Async(caseId, new Section47Command(Guid.TryParse(Input.StrategyDiscussionId, out var s) ? s : null, on), ct);
                    done = $"Section 47 enquiry started. The initial child protection conference is due by {saved.InitialConferenceDueBy.Display()}.";
                    break;
                case "conference":
                    var kind = Enum<ConferenceKind>(Input.Kind);
                    await record.ConferenceAsync(caseId, new ConferenceCommand(kind, on, Enum<ConferenceDecision>(Input.Decision),
                        string.IsNullOrWhiteSpace(Input.Category) ? null : Input.Category, null, Input.Reason), ct);
                    done = "Conference recorded.";
                    break;
                case "core-group":
                    await record.CoreGroupAsync(caseId, new MeetingCommand(on), ct);
                    done = "Core group meeting recorded.";
                    break;
                case "looked-after":
                    await record.StartEpisodeAsync(caseId, new EpisodeCommand(on, Input.LegalStatus, Input.PlacementType,
                        LookedAfterNow ? Input.ReasonForNewEpisode : "S", Input.PlacementProvider), ct);
                    done = "Looked-after episode recorded.";
                    break;
                case "private-fostering":
                    await record.PrivateFosteringAsync(caseId, new ArrangementCommand(on), ct);
                    done = "Private fostering arrangement recorded. The first visit is due within 7 days.";
                    break;
                case "child-in-need-review":
                    await record.ChildInNeedReviewAsync(caseId, new MeetingCommand(on), ct);
                    done = "Child in need plan review recorded.";
                    break;
                default:
                    await record.LookedAfterReviewAsync(caseId, new MeetingCommand(on), ct);
                    done = "Looked-after review recorded.";
                    break;
            }
            TempData["Confirmation"] = done;
            return Redirect($"/cases/{caseId}/journey");
        }, field => field switch
        {
            "heldOn" or "startedOn" or "completedOn" or "endedOn" => "Input.Date",
            "kind" => "Input.Kind",
            _ => null,
        });
    }

    private static T? Enum<T>(string? value) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    private async Task<Guid> LoadAsync(Guid caseId, string step, CancellationToken ct)
    {
        var opened = await access.OpenForAsync(caseId, CaseCapability.Record, AuditAction.Create, ct);
        (Step, CaseId, ChildName, CaseReference) = (step, caseId, opened.Heading.ChildName, opened.Heading.Reference);
        var picture = await queries.PictureAsync(caseId, ct);
        LookedAfterNow = picture.CurrentEpisode is not null;
        PlanInForce = picture.CurrentPlan is not null;
        if (step == "section47")
            Discussions = (await db.StrategyDiscussions.AsNoTracking().Where(d => d.CaseFileId == caseId && d.Decision == StrategyDecision.Section47)
                .OrderByDescending(d => d.HeldOn).Select(d => new { d.Id, d.HeldOn, d.Attendees }).ToListAsync(ct))
                .Select((d, i) => new SelectListItem($"{d.HeldOn.Display()}: {d.Attendees}", d.Id.ToString(),
                    Input.StrategyDiscussionId is null ? i == 0 : Input.StrategyDiscussionId == d.Id.ToString())).ToList();
        return opened.ChildId;
    }
}
