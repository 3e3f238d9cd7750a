using Casefile.Domain.Common;

namespace Casefile.Domain.Records;

/// <summary>
/// The policy's rules for a case record, each named. A record that breaks one is refused with a
/// plain reason (and the field at fault where there is one).
/// </summary>
public static class CaseRecordRules
{
    public static void Check(CaseRecordContent content, CaseRecordContext context, DateTimeOffset now)
    {
        EventIsNotInTheFuture(content, now);
        StatutoryAndSection47VisitsByTheResponsibleWorker(content, context);
        DispensedInterpreterNeedsAReason(content);
        ReferralToAnotherAgencyNeedsAgencyAndPurpose(content);
        ChildSeenAloneOnlyIfSeen(content);
        ManagementDecisionsByManagers(content, context);
    }

    /// <summary>Policy 3.11: the time and date of the event; it cannot be in the future.</summary>
    public static void EventIsNotInTheFuture(CaseRecordContent content, DateTimeOffset now)
    {
        if (content.OccurredAt > now.AddMinutes(5))
            throw new RuleViolationException("event-in-future", "The date and time of the event must be in the past", "occurredAt");
    }

    /// <summary>
    /// Policy 3.8 guidance: statutory and section 47 visits are recorded by the responsible social
    /// worker: the one responsible when the visit happened (<see cref="ResponsibleWorkerAt"/>), so a
    /// transfer afterwards does not strand their draft. A draft a manager gave to the allocated
    /// worker to finish (its author had left) may be finished by them.
    /// </summary>
    public static void StatutoryAndSection47VisitsByTheResponsibleWorker(CaseRecordContent content, CaseRecordContext context)
    {
        var needsResponsibleWorker = content.Type is CaseRecordType.StatutoryVisit or CaseRecordType.ChildProtectionEnquiryVisit;
        if (needsResponsibleWorker && context.RecordedBy != context.ResponsibleWorkerId && !context.ReassignedByManager)
            throw new RuleViolationException("responsible-worker-only",
                "Only the case's responsible social worker can record a statutory or section 47 visit (policy 3.8).");
    }

    /// <summary>Policy 3.2 guidance: where an interpreter or communication aid is dispensed with, the reason is recorded.</summary>
    public static void DispensedInterpreterNeedsAReason(CaseRecordContent content)
    {
        if (content.Interpreter == InterpreterUse.Dispensed && string.IsNullOrWhiteSpace(content.InterpreterDispensedReason))
            throw new RuleViolationException("interpreter-reason-required",
                "Say why an interpreter or communication aid was not used", "interpreterDispensedReason");
    }

    /// <summary>
    /// The worker the case was allocated to at <paramref name="at"/>: the latest allocation from on or
    /// before then. An event before the first allocation (recorded on the referral's day, before the
    /// case opened) belongs to the first worker.
    /// </summary>
    public static Guid ResponsibleWorkerAt(IEnumerable<(DateTimeOffset From, Guid WorkerId)> allocations, DateTimeOffset at)
    {
        var ordered = allocations.OrderBy(a => a.From).ToList();
        if (ordered.Count == 0) throw new ArgumentException("A case always has an allocation", nameof(allocations));
        return ordered.LastOrDefault(a => a.From <= at) is { WorkerId: var w } && w != Guid.Empty ? w : ordered[0].WorkerId;
    }

    /// <summary>
    /// Policy 3.8: the deadline is set by the event. Changing the event's date (or whether it is a
    /// child protection enquiry) never moves it later: a record keeps the earliest deadline it had.
    /// </summary>
    public static DateOnly EarliestDeadline(DateOnly current, DateOnly proposed) => proposed < current ? proposed : current;

    /// <summary>Only the person who wrote a draft may discard it; a manager reassigns instead.</summary>
    public static void OnlyTheAuthorDiscards(CaseRecord record, Guid by)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.RecordedBy != by)
            throw new RuleViolationException("discard-by-author-only", "Only the person who wrote a draft can discard it. A manager of the case can give it to the allocated worker instead.");
    }

    /// <summary>
    /// Policy 3.2 guidance: where the child or anyone present is recorded as needing an interpreter,
    /// a finalised record says one was used, or that one was not and why (the reason is required by
    /// <see cref="DispensedInterpreterNeedsAReason"/>).
    /// </summary>
    public static void InterpreterAnsweredWhereNeeded(CaseRecordContent content, IReadOnlyList<InterpreterNeed> needing)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (needing is not { Count: > 0 } || content.Interpreter is InterpreterUse.Used or InterpreterUse.Dispensed) return;
        var who = string.Join(", ", needing.Select(n => n.Language is null ? n.Name : $"{n.Name} ({n.Language})"));
        throw new RuleViolationException("interpreter-needed",
            $"{who} {(needing.Count == 1 ? "is" : "are")} recorded as needing an interpreter. Say whether an interpreter or communication aid was used, or why not (policy 3.2).",
            "interpreter");
    }

    /// <summary>
    /// Policy 4.4 and Appendix 1: a record is about its own child; another child on the register named
    /// in its text is pointed out before it is finalised, and kept only once the worker confirms.
    /// </summary>
    public static void NoOtherChildNamedUnlessConfirmed(IReadOnlyList<string> named, bool confirmed)
    {
        if (named is { Count: > 0 } && !confirmed) throw new OtherChildNamedInRecordException(named);
    }

    /// <summary>Policy 3.8 guidance: the purpose of a referral to another agency is recorded.</summary>
    public static void ReferralToAnotherAgencyNeedsAgencyAndPurpose(CaseRecordContent content)
    {
        if (content.Type != CaseRecordType.ReferralToAnotherAgency) return;
        if (string.IsNullOrWhiteSpace(content.ReferralAgency))
            throw new RuleViolationException("referral-agency-required", "Enter the agency the child or family was referred to", "referralAgency");
        if (string.IsNullOrWhiteSpace(content.ReferralPurpose))
            throw new RuleViolationException("referral-purpose-required", "Enter the purpose of the referral", "referralPurpose");
    }

    public static void ChildSeenAloneOnlyIfSeen(CaseRecordContent content)
    {
        if (content.ChildSeenAlone == true && content.ChildSeen == false)
            throw new RuleViolationException("seen-alone-not-seen", "A child cannot be seen alone if they were not seen", "childSeenAlone");
    }

    /// <summary>Policy 9.1: managers record the significant advice and decisions they make.</summary>
    public static void ManagementDecisionsByManagers(CaseRecordContent content, CaseRecordContext context)
    {
        if (content.Type == CaseRecordType.ManagementDecision && !context.RecorderIsManager)
            throw new RuleViolationException("management-decision-by-manager", "Only a manager can record a management decision (policy 9.1).");
    }

    /// <summary>
    /// Policy 3.6: an accurate record says why the contact happened, what came of it and what was
    /// seen and said. A draft may be incomplete; a finalised record may not.
    /// </summary>
    public static void CompleteBeforeFinalising(CaseRecordContent content)
    {
        var missing = new List<(string Field, string Message)>();
        if (string.IsNullOrWhiteSpace(content.Purpose)) missing.Add(("purpose", "Enter the purpose of the contact before you finalise the record"));
        if (string.IsNullOrWhiteSpace(content.Outcome)) missing.Add(("outcome", "Enter the outcome before you finalise the record"));
        if (string.IsNullOrWhiteSpace(content.Narrative)) missing.Add(("narrative", "Write what happened before you finalise the record"));
        if (IsVisit(content.Type) && content.ChildSeen is null)
            missing.Add(("childSeen", "Say whether the child was seen before you finalise the record"));
        if (missing.Count > 0) throw new RecordIncompleteException(missing);
    }

    /// <summary>Visits to or about the child, where whether the child was seen must be said (policy 3.3).</summary>
    public static bool IsVisit(CaseRecordType type) => type is CaseRecordType.HomeVisit or CaseRecordType.OfficeVisit or CaseRecordType.SchoolVisit
        or CaseRecordType.StatutoryVisit or CaseRecordType.ChildProtectionEnquiryVisit;

    /// <summary>
    /// Contact in person with or about the child: visits of every kind, meetings and interviews.
    /// The same event can be recorded as any of these (policy 3.8 guidance: joint visits), and an
    /// interview can be video recorded at any of them (policy 3.10).
    /// </summary>
    public static bool IsInPerson(CaseRecordType type) => type is CaseRecordType.HomeVisit or CaseRecordType.OfficeVisit
        or CaseRecordType.SchoolVisit or CaseRecordType.StatutoryVisit or CaseRecordType.ChildProtectionEnquiryVisit
        or CaseRecordType.Meeting or CaseRecordType.Interview;

    /// <summary>
    /// Policy 3.10: "if a video record of an interview was made, its existence must be noted". An
    /// interview can happen at any in-person contact, not only a record of the kind "interview".
    /// </summary>
    public static bool MayNoteVideoRecord(CaseRecordType type) => IsInPerson(type);

    /// <summary>Kinds that are significant events whatever the worker marks (policy 9.1 management decisions; statutory and section 47 visits).</summary>
    public static bool IsAlwaysSignificant(CaseRecordType type) => type is CaseRecordType.ManagementDecision or CaseRecordType.StatutoryVisit
        or CaseRecordType.ChildProtectionEnquiryVisit or CaseRecordType.ReferralToAnotherAgency;

    /// <summary>
    /// Policy 3.8 guidance: a visit with more than one professional is recorded once. Another record
    /// about the same child within this window, by anyone, of a kind the same event could be recorded
    /// as (<see cref="KindsOfTheSameEvent"/>) is probably the same event, and the worker is shown it
    /// and asked before a second is kept.
    /// </summary>
    public static readonly TimeSpan SameEventWindow = TimeSpan.FromHours(2);

    private static readonly CaseRecordType[] InPersonKinds = [.. Enum.GetValues<CaseRecordType>().Where(IsInPerson)];

    /// <summary>
    /// The kinds a record of the same event could have been given: any in-person contact for an
    /// in-person contact (the home visit one worker records may be the "meeting" another records),
    /// otherwise the same kind.
    /// </summary>
    public static IReadOnlyList<CaseRecordType> KindsOfTheSameEvent(CaseRecordType type) => IsInPerson(type) ? InPersonKinds : [type];

    /// <summary>Policy 3.8 guidance, joint visits: the rule <see cref="SameEventWindow"/> describes.</summary>
    public static bool IsProbablyTheSameEvent(CaseRecordContent a, CaseRecordContent b) =>
        KindsOfTheSameEvent(a.Type).Contains(b.Type) && (a.OccurredAt - b.OccurredAt).Duration() <= SameEventWindow;
}

/// <summary>A record cannot be finalised until these fields are filled in; each names its field.</summary>
public sealed class RecordIncompleteException(IReadOnlyList<(string Field, string Message)> missing)
    : RuleViolationException("record-incomplete", missing[0].Message, missing[0].Field)
{
    public IReadOnlyList<(string Field, string Message)> Missing { get; } = missing;
}

/// <summary>The record's text names other children on the register (policy 4.4); answered 409 until the worker confirms.</summary>
public sealed class OtherChildNamedInRecordException(IReadOnlyList<string> found)
    : RuleViolationException(RuleName,
        "This record names " + (found.Count == 1 ? "another child" : "other children") + " on the register who " + (found.Count == 1 ? "is" : "are")
        + " not part of this case (policy 4.4: only information about this child belongs on the file). Take the name out, or confirm it belongs on this record.",
        "confirmOtherChildren")
{
    public const string RuleName = "other-child-named";

    /// <summary>The names as written in the record.</summary>
    public IReadOnlyList<string> Found { get; } = found;
}
