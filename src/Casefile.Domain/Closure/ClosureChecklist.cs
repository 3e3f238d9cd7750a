using System.Globalization;
using Casefile.Domain.Common;

namespace Casefile.Domain.Closure;

/// <summary>How an item of the checklist is answered.</summary>
public enum ChecklistAnswer { Outstanding, Done, NotApplicable }

/// <summary>Who answers an item: the worker ticks it, or Casefile checks it from the record itself.</summary>
public enum ChecklistSource { Worker, Casefile }

/// <summary>One line of the case closure checklist (policy Appendix 2).</summary>
/// <param name="MayExplain">
/// For an item Casefile checks: whether the worker may instead say why it does not apply (a gap in
/// the chronology while the family moved away; no consent form because consent was refused). Items
/// the policy makes absolute (6.6: no drafts, no unauthorised assessments or plans) cannot be explained away.
/// </param>
public sealed record ChecklistItem(string Id, string Text, ChecklistSource Source, bool MayExplain = true);

/// <summary>The worker's answer to one item.</summary>
public sealed record ChecklistEntry(string ItemId, ChecklistAnswer Answer, string? Reason = null);

/// <summary>
/// What Casefile found in the record when it checked the items it can check itself. Built by the
/// caller from the database at the moment of the check; the checklist only judges it.
/// </summary>
/// <param name="MissingBasicDetails">What the child's own record lacks of Appendix 2's basic details ("ethnicity", "school").</param>
/// <param name="ReferralOnFile">A referral accepted onto this case is on the record.</param>
/// <param name="AssessmentAuthorised">A child and family assessment on this case was authorised by a manager.</param>
public sealed record CaseCompleteness(
    int DraftRecords,
    IReadOnlyList<string> OutstandingWork,
    bool ConsentFormOnFile,
    IReadOnlyList<ChronologyGap> ChronologyGaps,
    IReadOnlyList<string> MissingBasicDetails,
    bool ReferralOnFile,
    bool AssessmentAuthorised);

/// <summary>The child's details Appendix 2 asks to be recorded before closing ("MY CLIENT basic details").</summary>
/// <param name="HasCurrentAddress">An address with no end date.</param>
public sealed record ChildBasicDetails(string? Ethnicity, string? Religion, DateOnly? DateOfBirth, bool HasCurrentAddress, string? School)
{
    /// <summary>
    /// What is missing, in plain words. A school is expected of a child of compulsory school age
    /// (5 to 15 on <paramref name="today"/>); a younger child or a young adult may have none.
    /// </summary>
    public IReadOnlyList<string> Missing(DateOnly today)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Ethnicity)) missing.Add("ethnicity");
        if (string.IsNullOrWhiteSpace(Religion)) missing.Add("religion");
        if (DateOfBirth is null) missing.Add("date of birth");
        if (!HasCurrentAddress) missing.Add("current address");
        if (string.IsNullOrWhiteSpace(School) && DateOfBirth is { } born && AgeOn(born, today) is >= 5 and <= 15) missing.Add("school");
        return missing;
    }

    private static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }
}

/// <summary>A stretch with nothing on the chronology for longer than the policy's expectation of regular recording.</summary>
public sealed record ChronologyGap(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber;
}

/// <summary>How one item stands, with what is missing in plain words when it is outstanding.</summary>
public sealed record ChecklistResult(ChecklistItem Item, ChecklistAnswer Answer, string? Detail)
{
    public bool IsOutstanding => Answer == ChecklistAnswer.Outstanding;
}

/// <summary>
/// The case closure checklist of policy Appendix 2, as a worker in Casefile meets it. The lines about
/// Carefirst screens become the same checks on this record; the two manager sign-off lines are the
/// authorisation itself, and "closure checklist scanned onto ESCR" is not needed because the checklist
/// is kept with the closure request.
/// </summary>
public static class ClosureChecklist
{
    public const int ReasonLength = 2000;

    /// <summary>The longest quiet stretch on a chronology that passes without explanation.</summary>
    public const int LongestGapDays = 92;

    public const string AssessmentsAndPlans = "assessments-and-plans";
    public const string RecordsFinalised = "records-finalised";
    public const string ConsentForm = "consent-form";
    public const string ChronologyUpToDate = "chronology-up-to-date";
    public const string BasicDetails = "basic-details";
    public const string ReferralDetails = "referral-details";
    public const string AssessmentAuthorised = "assessment-authorised";

    public static IReadOnlyList<ChecklistItem> Items { get; } =
    [
        new(AssessmentsAndPlans, "Assessments and plans are completed, authorised by a manager, and ended", ChecklistSource.Casefile, MayExplain: false),
        new(RecordsFinalised, "Every case record is finished: none is still a draft", ChecklistSource.Casefile, MayExplain: false),
        new(AssessmentAuthorised, "The child's needs were assessed, and a manager authorised the assessment", ChecklistSource.Casefile),
        new(ChronologyUpToDate, "The chronology is up to date, with no long gaps", ChecklistSource.Casefile),
        new(ConsentForm, "A completed consent form (from a parent, or the young person if 16 or over) is saved on the record", ChecklistSource.Casefile),
        new("front-sheet", "The child's details, addresses and phone numbers are up to date", ChecklistSource.Worker),
        new(BasicDetails, "Ethnicity, religion, date of birth, current address and school are recorded", ChecklistSource.Casefile),
        new("relationships", "Family and professional relationships are added and up to date", ChecklistSource.Worker),
        new(ReferralDetails, "The referral details are on the record", ChecklistSource.Casefile),
        new("referral-information", "The referral and information document, with the manager's instructions, is on the record", ChecklistSource.Worker),
        new("letter-to-referrer", "A copy of the letter to the referrer (and any Team Around the Family notice) is saved on the record", ChecklistSource.Worker),
        new("statutory-visits", "Statutory visits are completed and authorised", ChecklistSource.Worker),
        new("section-47", "Section 47 documents and strategy meeting minutes are completed and authorised", ChecklistSource.Worker),
        new("conference-documents", "Conference and review documents are completed and authorised", ChecklistSource.Worker),
        new("statutory-visit-assessments", "Statutory visit assessments (child protection, child in care, private fostering) are completed and authorised", ChecklistSource.Worker),
        new("placement-plans", "Placement plans and personal education plans are completed and authorised", ChecklistSource.Worker),
        new("agency-notification", "An up-to-date agency notification is signed off and saved on the record", ChecklistSource.Worker),
        new("delegated-authority", "The delegated authority form is completed, signed and saved on the record", ChecklistSource.Worker),
        new("private-fostering", "The private fostering file on the carers is open or complete", ChecklistSource.Worker),
    ];

    public static ChecklistItem Item(string id) =>
        Items.FirstOrDefault(i => i.Id == id) ?? throw new RuleViolationException("unknown-checklist-item", $"There is no checklist item '{id}'", "checklist");

    /// <summary>
    /// Checks the worker's answers: every item they answer must exist; "not applicable" needs a reason;
    /// items Casefile checks cannot be ticked, only explained where the item allows it. Items not
    /// answered are outstanding.
    /// </summary>
    public static IReadOnlyList<ChecklistEntry> Normalise(IEnumerable<ChecklistEntry>? entries)
    {
        var byId = new Dictionary<string, ChecklistEntry>();
        var errors = new List<RuleViolationException>();
        foreach (var entry in entries ?? [])
        {
            try
            {
                var item = Item(entry.ItemId);
                var field = $"checklist.{item.Id}";
                if (!byId.TryAdd(item.Id, entry))
                    throw new RuleViolationException("checklist-item-repeated", $"'{item.Text}' is answered twice", field);
                if (item.Source == ChecklistSource.Casefile && entry.Answer == ChecklistAnswer.Done)
                    throw new RuleViolationException("checked-by-casefile", $"Casefile checks '{item.Text}' itself: it cannot be ticked", field);
                if (item.Source == ChecklistSource.Casefile && entry.Answer == ChecklistAnswer.NotApplicable && !item.MayExplain)
                    throw new RuleViolationException("cannot-be-explained", $"'{item.Text}' must be true before the case can close", field);
                byId[item.Id] = entry.Answer == ChecklistAnswer.NotApplicable
                    ? entry with { Reason = Guard.Required(entry.Reason, field, "why this does not apply", ReasonLength) }
                    : entry with { Reason = null };
            }
            catch (RuleViolationException e) { errors.Add(e); }
        }
        if (errors.Count == 1) throw errors[0];
        if (errors.Count > 1) throw new RuleViolationsException(errors);

        return Items.Select(i => byId.TryGetValue(i.Id, out var e) ? e : new ChecklistEntry(i.Id, ChecklistAnswer.Outstanding)).ToList();
    }

    /// <summary>How every item stands now: the worker's answers, and Casefile's own checks of the record.</summary>
    public static IReadOnlyList<ChecklistResult> Evaluate(IReadOnlyList<ChecklistEntry> answers, CaseCompleteness record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var normalised = Normalise(answers);
        return Items.Select(item =>
        {
            var answer = normalised.Single(a => a.ItemId == item.Id);
            if (item.Source == ChecklistSource.Worker)
                return new ChecklistResult(item, answer.Answer,
                    answer.Answer == ChecklistAnswer.NotApplicable ? answer.Reason : answer.Answer == ChecklistAnswer.Outstanding ? "Not done yet" : null);

            var problem = Check(item.Id, record);
            if (problem is null) return new ChecklistResult(item, ChecklistAnswer.Done, null);
            return answer.Answer == ChecklistAnswer.NotApplicable
                ? new ChecklistResult(item, ChecklistAnswer.NotApplicable, answer.Reason)
                : new ChecklistResult(item, ChecklistAnswer.Outstanding, problem);
        }).ToList();
    }

    private static string? Check(string itemId, CaseCompleteness record) => itemId switch
    {
        AssessmentsAndPlans => record.OutstandingWork.Count == 0 ? null : string.Join("; ", record.OutstandingWork),
        RecordsFinalised => record.DraftRecords switch
        {
            0 => null,
            1 => "1 case record is still a draft",
            var n => $"{n} case records are still drafts",
        },
        ConsentForm => record.ConsentFormOnFile ? null : "No consent form is saved on the record",
        BasicDetails => record.MissingBasicDetails.Count == 0 ? null : "The child's record has no " + Join(record.MissingBasicDetails),
        ReferralDetails => record.ReferralOnFile ? null : "No referral is recorded on this case",
        AssessmentAuthorised => record.AssessmentAuthorised ? null : "No child and family assessment on this case has been authorised by a manager",
        ChronologyUpToDate => record.ChronologyGaps.Count == 0 ? null
            : "Nothing was recorded " + string.Join("; ", record.ChronologyGaps.Select(g =>
                $"from {Long(g.From)} to {Long(g.To)} ({g.Days} days)")),
        _ => null,
    };

    private static string Join(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1];

    private static string Long(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The gaps longer than <see cref="LongestGapDays"/> between the days something went on the
    /// chronology, from the day the volume opened to <paramref name="today"/>.
    /// </summary>
    public static IReadOnlyList<ChronologyGap> GapsIn(DateOnly openedOn, IEnumerable<DateOnly> entryDays, DateOnly today)
    {
        var days = entryDays.Where(d => d >= openedOn && d <= today).Append(openedOn).Append(today).Distinct().Order().ToList();
        var gaps = new List<ChronologyGap>();
        for (var i = 1; i < days.Count; i++)
            if (days[i].DayNumber - days[i - 1].DayNumber > LongestGapDays)
                gaps.Add(new ChronologyGap(days[i - 1], days[i]));
        return gaps;
    }
}
