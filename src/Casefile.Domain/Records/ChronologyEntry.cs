namespace Casefile.Domain.Records;

/// <summary>What a line in the chronology is about. Later features add their own kinds.</summary>
public enum ChronologyKind
{
    Referral,
    CaseOpened,
    Allocation,
    Record,
    RecordMovedOut,
    RecordMovedIn,
    Document,
    Email,
    Transfer,
    CaseClosed,
    AssessmentOrPlanAuthorised,
    PlanEnded,
    RecordDiscarded,
    JourneyStep,
}

/// <summary>
/// One line of a child's chronology: the case file read as one story in date order (policy 3.6,
/// 9.1). Written when the event is put on file (a referral accepted, a record finalised, an
/// allocation changed) so the chronology is one indexed table read in order, however many kinds
/// of event feed it. The source keeps the full detail; the entry keeps what the list shows.
/// </summary>
public sealed class ChronologyEntry
{
    private ChronologyEntry() { }

    public ChronologyEntry(Guid caseFileId, DateTimeOffset occurredAt, ChronologyKind kind, string title, string? summary,
        Guid? sourceId, Guid? by, bool significant, CaseRecordType? recordType = null)
    {
        CaseFileId = caseFileId;
        OccurredAt = occurredAt;
        Kind = kind;
        Title = Truncate(title, TitleLength);
        Summary = summary is null ? null : Truncate(summary, SummaryLength);
        SourceId = sourceId;
        By = by;
        Significant = significant;
        RecordType = recordType;
    }

    public const int TitleLength = 200;
    public const int SummaryLength = 600;

    /// <summary>Assigned by the database; with <see cref="OccurredAt"/> it orders entries for paging.</summary>
    public long Id { get; private set; }

    public Guid CaseFileId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public ChronologyKind Kind { get; private set; }
    public CaseRecordType? RecordType { get; private set; }
    public string Title { get; private set; } = "";
    public string? Summary { get; private set; }
    public Guid? SourceId { get; private set; }
    public Guid? By { get; private set; }
    public bool Significant { get; private set; }
    public bool Late { get; private set; }
    public int AddendumCount { get; private set; }

    public bool IsManagementDecision => RecordType == CaseRecordType.ManagementDecision;

    /// <summary>The entry for a finalised case record.</summary>
    public static ChronologyEntry ForRecord(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var c = record.Content;
        return new ChronologyEntry(record.CaseFileId, c.OccurredAt, ChronologyKind.Record, CaseRecordTypeNames.Of(c.Type),
            SummaryOf(c), record.Id, record.RecordedBy, record.IsSignificant, c.Type)
        {
            Late = record.WorkingDaysLate > 0,
            AddendumCount = record.Addenda.Count,
        };
    }

    /// <summary>
    /// A draft its author discarded (policy 3.8, 6.6): the line says a record of this event was
    /// started and given up, and why, at the event's place in the story.
    /// </summary>
    public static ChronologyEntry ForDiscardedDraft(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ChronologyEntry(record.CaseFileId, record.Content.OccurredAt, ChronologyKind.RecordDiscarded,
            $"Draft discarded: {CaseRecordTypeNames.Of(record.Content.Type)}", record.DiscardReason, record.Id, record.DiscardedBy, significant: false, record.Content.Type);
    }

    /// <summary>An addendum was added to the record this entry shows.</summary>
    public void NoteAddendum() => AddendumCount++;

    /// <summary>The record this entry shows has moved to another child's file; its line goes with it.</summary>
    public void MoveTo(Guid caseFileId) => CaseFileId = caseFileId;

    private static string SummaryOf(CaseRecordContent c)
    {
        var parts = new[] { c.Purpose, c.Outcome }.Where(p => !string.IsNullOrWhiteSpace(p));
        var text = string.Join(" Outcome: ", parts);
        return text.Length > 0 ? text : c.Narrative ?? "";
    }

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..(length - 1)] + "…";
}

/// <summary>The plain names of record types, as workers see them.</summary>
public static class CaseRecordTypeNames
{
    public static string Of(CaseRecordType type) => type switch
    {
        CaseRecordType.HomeVisit => "Home visit",
        CaseRecordType.OfficeVisit => "Office visit",
        CaseRecordType.SchoolVisit => "School visit",
        CaseRecordType.PhoneCall => "Phone call",
        CaseRecordType.Email => "Email",
        CaseRecordType.Message => "Text or other message",
        CaseRecordType.VideoCall => "Video call",
        CaseRecordType.Meeting => "Meeting",
        CaseRecordType.StatutoryVisit => "Statutory visit",
        CaseRecordType.ChildProtectionEnquiryVisit => "Child protection (section 47) enquiry visit",
        CaseRecordType.Interview => "Interview",
        CaseRecordType.NoAccessVisit => "Visit with no access",
        CaseRecordType.ReferralToAnotherAgency => "Referral to another agency",
        CaseRecordType.ManagementDecision => "Management decision",
        CaseRecordType.Other => "Other",
        _ => type.ToString(),
    };
}
