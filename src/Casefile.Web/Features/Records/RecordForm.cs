using System.Globalization;
using Casefile.Data;
using Casefile.Domain.Documents;
using Casefile.Domain.People;
using Casefile.Domain.Records;
using Casefile.Web.Govuk;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Records;

/// <summary>
/// What the record form posts: kept as typed (text, not parsed values), so a form that fails
/// validation shows back exactly what the worker wrote (no lost work).
/// </summary>
public sealed class RecordInput
{
    public string? Type { get; set; }
    public DateParts OccurredOn { get; set; } = new();
    public string? OccurredTime { get; set; }
    public bool ChildProtectionEnquiry { get; set; }
    public string? Purpose { get; set; }
    public string? Outcome { get; set; }
    public string? Narrative { get; set; }
    public string? Seen { get; set; }
    public string? SpokenTo { get; set; }
    public List<Guid> PresentFromRegister { get; set; } = [];
    public string? OthersPresent { get; set; }
    public string? ChildSeen { get; set; }
    public string? ChildSeenAlone { get; set; }
    public string? ChildViews { get; set; }
    public string? FamilyViews { get; set; }
    public string? Interpreter { get; set; }
    public string? InterpreterDispensedReason { get; set; }
    public string? ReferralAgency { get; set; }
    public string? ReferralPurpose { get; set; }
    public bool VideoRecorded { get; set; }
    public string? DocumentReferences { get; set; }
    public bool HandwrittenNotesDestroyed { get; set; }
    public bool Significant { get; set; }
    public List<Guid> LinkedDocuments { get; set; } = [];
    public bool ConfirmedNotDuplicate { get; set; }

    /// <summary>On finalising: the worker has seen the other children the record names and keeps it as it is (policy 4.4).</summary>
    public bool ConfirmOtherChildren { get; set; }

    public Guid? Version { get; set; }

    /// <summary>The command, and the form's own errors (date and time as typed) keyed by API field name.</summary>
    public (RecordCommand Command, ValidationErrors Errors) ToCommand(IReadOnlyDictionary<Guid, string> registerRoles)
    {
        var errors = new ValidationErrors();
        CaseRecordType? type = null;
        if (!string.IsNullOrWhiteSpace(Type))
        {
            if (Enum.TryParse<CaseRecordType>(Type, out var t) && Enum.IsDefined(t)) type = t;
            else errors.Add("type", "Select the kind of contact or event");
        }
        DateTimeOffset? occurredAt = null;
        var hasDate = OccurredOn.TryGetDate("the date of the event", out var date, out var dateError);
        if (!hasDate) errors.Add("occurredOn", dateError!);
        if (!TryTime(OccurredTime, out var time)) errors.Add("occurredTime", "Enter the time of the event, for example 14:30");
        else if (hasDate) occurredAt = LondonTime.FromLondon(date, time);

        var present = PresentFromRegister.Distinct().Select(id => new PresentPersonInput(id, null, registerRoles.GetValueOrDefault(id))).ToList();
        foreach (var line in (OthersPresent ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            present.Add(comma < 0 ? new PresentPersonInput(null, line, null) : new PresentPersonInput(null, line[..comma].Trim(), line[(comma + 1)..].Trim()));
        }
        var command = new RecordCommand
        {
            Type = type,
            OccurredAt = occurredAt,
            ChildProtectionEnquiry = ChildProtectionEnquiry,
            Purpose = Purpose,
            Outcome = Outcome,
            Narrative = Narrative,
            Seen = Seen,
            SpokenTo = SpokenTo,
            Present = present,
            ChildSeen = YesNo(ChildSeen),
            ChildSeenAlone = YesNo(ChildSeenAlone),
            ChildViews = ChildViews,
            FamilyViews = FamilyViews,
            Interpreter = Enum.TryParse<InterpreterUse>(Interpreter, out var i) && Enum.IsDefined(i) ? i : null,
            InterpreterDispensedReason = InterpreterDispensedReason,
            ReferralAgency = ReferralAgency,
            ReferralPurpose = ReferralPurpose,
            VideoRecorded = VideoRecorded,
            DocumentReferences = DocumentReferences,
            HandwrittenNotesDestroyed = HandwrittenNotesDestroyed,
            Significant = Significant,
            LinkedDocuments = [.. LinkedDocuments.Distinct()],
            ConfirmedNotDuplicate = ConfirmedNotDuplicate,
            Version = Version,
        };
        return (command, errors);
    }

    public static RecordInput From(RecordView r)
    {
        var c = r.Content;
        var local = c.OccurredAt.ToLondon();
        return new RecordInput
        {
            Type = c.Type.ToString(),
            OccurredOn = DateParts.From(DateOnly.FromDateTime(local.DateTime)),
            OccurredTime = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            ChildProtectionEnquiry = c.ChildProtectionEnquiry,
            Purpose = c.Purpose,
            Outcome = c.Outcome,
            Narrative = c.Narrative,
            Seen = c.Seen,
            SpokenTo = c.SpokenTo,
            PresentFromRegister = [.. r.Present.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value)],
            OthersPresent = string.Join('\n', r.Present.Where(p => p.PersonId is null).Select(p => p.Role is null ? p.Name : $"{p.Name}, {p.Role}")),
            ChildSeen = c.ChildSeen is { } s ? (s ? "yes" : "no") : null,
            ChildSeenAlone = c.ChildSeenAlone is { } a ? (a ? "yes" : "no") : null,
            ChildViews = c.ChildViews,
            FamilyViews = c.FamilyViews,
            Interpreter = c.Interpreter?.ToString(),
            InterpreterDispensedReason = c.InterpreterDispensedReason,
            ReferralAgency = c.ReferralAgency,
            ReferralPurpose = c.ReferralPurpose,
            VideoRecorded = c.VideoRecorded,
            DocumentReferences = c.DocumentReferences,
            HandwrittenNotesDestroyed = c.HandwrittenNotesDestroyed,
            Significant = c.Significant,
            LinkedDocuments = [.. r.LinkedDocuments.Select(d => d.Id)],
            Version = r.Version,
        };
    }

    /// <summary>API field names to this form's keys, where they differ.</summary>
    public static string? FormKey(string field) => field switch
    {
        "occurredAt" or "occurredOn" => "Input.OccurredOn",
        "occurredTime" => "Input.OccurredTime",
        _ when field.StartsWith("present", StringComparison.Ordinal) => "Input.OthersPresent",
        "linkedDocuments" => "Input.LinkedDocuments",
        _ => null,
    };

    private static bool? YesNo(string? value) => value switch { "yes" => true, "no" => false, _ => null };

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact((text ?? "").Trim().Replace('.', ':'), ["H:mm", "HH:mm", "Hmm", "HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}

/// <summary>The choices the record form offers, and the people on the register around the child.</summary>
public static class RecordFormOptions
{
    public static IEnumerable<SelectListItem> Types(string? selected) =>
        new[] { new SelectListItem("Select the kind of contact", "") }.Concat(
            Enum.GetValues<CaseRecordType>().Select(t => new SelectListItem(CaseRecordTypeNames.Of(t), t.ToString(), t.ToString() == selected)));

    public static IEnumerable<SelectListItem> YesNo(string? selected) =>
        [new SelectListItem("Yes", "yes", selected == "yes"), new SelectListItem("No", "no", selected == "no")];

    /// <summary>Policy 3.2 guidance: nothing is chosen for the worker; "not needed" is an answer they give.</summary>
    public static IEnumerable<SelectListItem> Interpreters(string? selected) =>
    [
        new SelectListItem("Not needed", nameof(InterpreterUse.NotNeeded), selected == nameof(InterpreterUse.NotNeeded)),
        new SelectListItem("An interpreter or communication aid was used", nameof(InterpreterUse.Used), selected == nameof(InterpreterUse.Used)),
        new SelectListItem("One was needed but not used", nameof(InterpreterUse.Dispensed), selected == nameof(InterpreterUse.Dispensed)),
    ];

    /// <summary>
    /// The case's documents a record can refer to, newest first (an email's attachments with their
    /// email, superseded thread copies left out). Restricted ones are offered only as "A restricted
    /// document" to those who may not open them: they learn it exists, never what it is.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Label)>> CaseDocumentsAsync(AppDbContext db, Guid caseId, bool mayOpenRestricted, CancellationToken ct)
    {
        var rows = await (from d in db.CaseDocuments.AsNoTracking()
                          where d.CaseFileId == caseId
                          join e in db.EmailRecords on d.EmailRecordId equals e.Id into emails
                          from e in emails.DefaultIfEmpty()
                          where e == null || e.SupersededById == null
                          select d).ToListAsync(ct);
        return [.. rows.OrderByDescending(d => d.DocumentDate).ThenByDescending(d => d.UploadedAt)
            .Select(d => (d.Id, d.IsRestricted && !mayOpenRestricted
                ? "A restricted document"
                : $"{d.Title} ({d.Type.DisplayName()}, {d.DocumentDate.Display()})"))];
    }

    /// <summary>The child and the people recorded as related to them: who can be ticked as present.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name, string Role)>> RegisterPeopleAsync(AppDbContext db, Guid childId, CancellationToken ct)
    {
        var child = await db.People.Where(p => p.Id == childId).Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName }).SingleAsync(ct);
        var related = await (from r in db.Relationships
                             where r.PersonId == childId && r.Ended == null
                             join p in db.People on r.RelatedPersonId equals p.Id
                             orderby p.FamilyName, p.GivenName
                             select new { p.Id, Name = p.GivenName + " " + p.FamilyName, r.Kind }).ToListAsync(ct);
        // One line per person: someone related to the child in two ways (mother and carer) is one
        // person present, not two. (Two lines once made every autosave of such a child's record fail.)
        return [(child.Id, child.Name, "Child"), .. related.Where(r => r.Id != child.Id).GroupBy(r => r.Id)
            .Select(g => (g.Key, g.First().Name, string.Join(" and ", g.Select(r => r.Kind.Describe()).Distinct())))];
    }
}
