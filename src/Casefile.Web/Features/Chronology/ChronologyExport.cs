using Casefile.Domain.Records;

namespace Casefile.Web.Features.Chronology;

/// <summary>Turns a chronology read into the PDF for printing.</summary>
public static class ChronologyExport
{
    public static byte[] Pdf(ChronologyPage page, string printedBy, DateTimeOffset now) =>
        ChronologyPdf.Render(new ChronologyPrintModel(page.CaseReference, page.ChildName, page.ChildDateOfBirth, page.Filters, now, printedBy,
            page.Entries.Select(e => new ChronologyPrintEntry(e.OccurredAt, KindName(e), e.Title, e.Summary, e.By, e.Significant, e.ManagementDecision, e.Late)).ToList()));

    public static string KindName(ChronologyItem e) => e.Kind switch
    {
        ChronologyKind.Record => "Record",
        ChronologyKind.Referral => "Referral",
        ChronologyKind.CaseOpened => "Case",
        ChronologyKind.Allocation => "Allocation",
        ChronologyKind.RecordMovedIn or ChronologyKind.RecordMovedOut => "Record moved",
        ChronologyKind.RecordDiscarded => "Draft discarded",
        _ => e.Kind.ToString(),
    };
}
