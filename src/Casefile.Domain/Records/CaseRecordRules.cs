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

    /// <summary>Policy 3.8 guidance: statutory and section 47 visits are recorded by the responsible social worker.</summary>
    public static void StatutoryAndSection47VisitsByTheResponsibleWorker(CaseRecordContent content, CaseRecordContext context)
    {
        var needsResponsibleWorker = content.Type is CaseRecordType.StatutoryVisit or CaseRecordType.ChildProtectionEnquiryVisit;
        if (needsResponsibleWorker && context.RecordedBy != context.ResponsibleWorkerId)
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

    /// <summary>Kinds that are significant events whatever the worker marks (policy 9.1 management decisions; statutory and section 47 visits).</summary>
    public static bool IsAlwaysSignificant(CaseRecordType type) => type is CaseRecordType.ManagementDecision or CaseRecordType.StatutoryVisit
        or CaseRecordType.ChildProtectionEnquiryVisit or CaseRecordType.ReferralToAnotherAgency;

    /// <summary>
    /// Policy 3.8 guidance: a visit with more than one professional is recorded once. Another record of
    /// the same kind about the same child within this window is probably the same event, and the
    /// worker is shown it and asked before a second is kept.
    /// </summary>
    public static readonly TimeSpan SameEventWindow = TimeSpan.FromHours(2);

    public static bool IsProbablyTheSameEvent(CaseRecordContent a, CaseRecordContent b) =>
        a.Type == b.Type && (a.OccurredAt - b.OccurredAt).Duration() <= SameEventWindow;
}

/// <summary>A record cannot be finalised until these fields are filled in; each names its field.</summary>
public sealed class RecordIncompleteException(IReadOnlyList<(string Field, string Message)> missing)
    : RuleViolationException("record-incomplete", missing[0].Message, missing[0].Field)
{
    public IReadOnlyList<(string Field, string Message)> Missing { get; } = missing;
}
