using System.Globalization;
using System.Text;
using Casefile.Data;
using Casefile.Domain.Retention;
using Casefile.Web.Infrastructure;
using Casefile.Web.Pdf;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Casefile.Web.Features.Retention;

public sealed record TombstoneView(
    Guid Id, string CaseReference, IReadOnlyList<string> Categories, DateOnly OpenedOn, DateOnly? ClosedOn, DateOnly? RetentionDate, string RuleId,
    string RuleApplied, int ScheduleVersion, string ProposedBy, DateTimeOffset ProposedAt, string ConfirmedBy, DateTimeOffset ConfirmedAt,
    int RecordsRemoved, int DocumentsRemoved, int EmailsRemoved, int ContentItemsRemoved)
{
    public static TombstoneView From(DestructionTombstone t) => new(t.Id, t.CaseReference, t.Categories.Split(", ", StringSplitOptions.RemoveEmptyEntries),
        t.OpenedOn, t.ClosedOn, t.RetentionDate, t.RuleId, t.RuleApplied, t.ScheduleVersion, t.ProposedByName, t.ProposedAt, t.ConfirmedByName, t.ConfirmedAt,
        t.RecordsRemoved, t.DocumentsRemoved, t.EmailsRemoved, t.ContentItemsRemoved);
}

/// <summary>What is left of destroyed files, and their destruction certificates (PDF and CSV), for records managers.</summary>
public sealed class TombstoneQueries(AppDbContext db, RecordsManagerGate gate, AuditTrail audit)
{
    public async Task<IReadOnlyList<TombstoneView>> ListAsync(CancellationToken ct)
    {
        await gate.DemandAsync(AuditAction.View, "tombstones", null, null, ct);
        var rows = await db.DestructionTombstones.AsNoTracking().OrderByDescending(t => t.ConfirmedAt).Take(500).ToListAsync(ct);
        audit.Record(AuditAction.View, "tombstones", null, reason: $"{rows.Count} listed");
        await db.SaveChangesAsync(ct);
        return rows.Select(TombstoneView.From).ToList();
    }

    public async Task<TombstoneView> GetAsync(Guid id, string what, CancellationToken ct)
    {
        await gate.DemandAsync(AuditAction.View, "tombstone", id, null, ct);
        var row = await db.DestructionTombstones.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("The destruction record");
        audit.Record(AuditAction.View, what, id, row.CaseFileId);
        await db.SaveChangesAsync(ct);
        return TombstoneView.From(row);
    }
}

/// <summary>The destruction certificate: what was destroyed, under which rule, who authorised it and when. No personal data.</summary>
public static class DestructionCertificate
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<(string Label, string Value)> Fields(TombstoneView t) =>
    [
        ("Case reference", t.CaseReference),
        ("Categories", string.Join(", ", t.Categories)),
        ("Opened on", Day(t.OpenedOn)),
        ("Closed on", t.ClosedOn is { } c ? Day(c) : "not recorded"),
        ("Retention date", t.RetentionDate is { } r ? Day(r) : "none"),
        ("Rule applied", $"{t.RuleId}: {t.RuleApplied}"),
        ("Schedule version", t.ScheduleVersion.ToString(CultureInfo.InvariantCulture)),
        ("Destruction proposed by", $"{t.ProposedBy}, {t.ProposedAt.Display()}"),
        ("Destruction confirmed by", $"{t.ConfirmedBy}, {t.ConfirmedAt.Display()}"),
        ("Removed", $"{t.RecordsRemoved} case records, {t.DocumentsRemoved} documents, {t.EmailsRemoved} emails, {t.ContentItemsRemoved} stored files"),
        ("Certificate id", t.Id.ToString()),
    ];

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", Uk);

    public static string Csv(TombstoneView t)
    {
        var fields = Fields(t);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", fields.Select(f => Quote(f.Label))));
        csv.AppendLine(string.Join(",", fields.Select(f => Quote(f.Value))));
        return csv.ToString();
    }

    private static string Quote(string s)
    {
        // A leading =, +, - or @ would run as a formula in a spreadsheet.
        if (s.Length > 0 && "=+-@".Contains(s[0], StringComparison.Ordinal)) s = "'" + s;
        return "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static byte[] Pdf(TombstoneView t, string councilName)
    {
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"Destruction certificate {t.CaseReference}";
        document.Info.Creator = "Casefile";
        var page = PdfDocuments.AddA4Page(document);
        using (var g = XGraphics.FromPdfPage(page))
        {
            var heading = PdfFonts.Font(18, true);
            var label = PdfFonts.Font(10, true);
            var body = PdfFonts.Font(10);
            const double margin = 56;
            var width = page.Width.Point - 2 * margin;
            var y = 56.0;
            g.DrawString(PdfText.Clean(councilName), body, XBrushes.Black, new XRect(margin, y, width, 14), XStringFormats.TopLeft);
            y += 24;
            g.DrawString("Certificate of destruction", heading, XBrushes.Black, new XRect(margin, y, width, 24), XStringFormats.TopLeft);
            y += 34;
            foreach (var line in Wrap(g, "This file was destroyed at the end of its retention period under the council's retention schedule (Case Recording Policy, section 8). Nothing of the person's record remains except this certificate and the audit trail.", body, width))
            {
                g.DrawString(line, body, XBrushes.Black, new XRect(margin, y, width, 14), XStringFormats.TopLeft);
                y += 14;
            }
            y += 12;
            foreach (var (name, value) in Fields(t))
            {
                g.DrawString(name, label, XBrushes.Black, new XRect(margin, y, 160, 14), XStringFormats.TopLeft);
                foreach (var line in Wrap(g, value, body, width - 170))
                {
                    g.DrawString(line, body, XBrushes.Black, new XRect(margin + 170, y, width - 170, 14), XStringFormats.TopLeft);
                    y += 14;
                }
                y += 6;
            }
        }
        return PdfDocuments.ToBytes(document);
    }

    private static List<string> Wrap(XGraphics g, string text, XFont font, double width) =>
        [.. PdfText.Wrap(PdfText.Clean(text), width, t => g.MeasureString(t, font).Width).Where(l => l.Length > 0)];
}
