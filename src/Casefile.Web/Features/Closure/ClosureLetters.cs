using System.Globalization;
using System.Text;
using Casefile.Data;
using Casefile.Data.Settings;
using Casefile.Domain.Closure;
using Casefile.Web.Infrastructure;
using Casefile.Web.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Casefile.Web.Features.Closure;

/// <summary>How the API and the pages name each kind of closure letter, and where each is kept.</summary>
public static class ClosureLetterKinds
{
    public const string Parents = "parents";
    public const string Professionals = "professionals";

    public static IReadOnlyList<ClosureLetterKind> All { get; } = [ClosureLetterKind.ParentsOrCarers, ClosureLetterKind.Professionals];

    /// <summary>The kind a URL names ("parents" or "professionals"), or null.</summary>
    public static ClosureLetterKind? Parse(string? kind) => kind?.ToLowerInvariant() switch
    {
        Parents => ClosureLetterKind.ParentsOrCarers,
        Professionals => ClosureLetterKind.Professionals,
        _ => null,
    };

    public static string Slug(ClosureLetterKind kind) => kind == ClosureLetterKind.ParentsOrCarers ? Parents : Professionals;

    public static string SettingKey(ClosureLetterKind kind) => kind == ClosureLetterKind.ParentsOrCarers
        ? CouncilSettingKeys.ClosureLetterParents
        : CouncilSettingKeys.ClosureLetterProfessionals;

    /// <summary>What the pages call the letter.</summary>
    public static string Describe(ClosureLetterKind kind) => kind == ClosureLetterKind.ParentsOrCarers
        ? "Letter to parents or carers"
        : "Letter to professionals";
}

/// <summary>
/// The closure letter templates in force (policy 6.4, Appendix 2): the council's own wording when an
/// administrator has saved it, otherwise the letters Casefile came with. A singleton, shared by every
/// request, rebuilt when an administrator saves (and within minutes on other servers).
/// </summary>
public sealed class ClosureLetterTemplates(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private readonly SettingCache<IReadOnlyDictionary<ClosureLetterKind, ClosureLetterTemplate>> _cache = new(scopes, clock, async (db, ct) =>
    {
        var keys = ClosureLetterKinds.All.Select(ClosureLetterKinds.SettingKey).ToList();
        var saved = await db.CouncilSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var templates = new Dictionary<ClosureLetterKind, ClosureLetterTemplate>();
        foreach (var kind in ClosureLetterKinds.All)
        {
            // A saved template was valid when it was saved; should a later version of Casefile read it
            // differently, the shipped letter is used until an administrator corrects it.
            templates[kind] = saved.TryGetValue(ClosureLetterKinds.SettingKey(kind), out var text) && ClosureLetterTemplate.TryParse(text, out var template, out _)
                ? template
                : ClosureLetterTemplate.Default(kind);
        }
        return templates;
    });

    public async Task<ClosureLetterTemplate> CurrentAsync(ClosureLetterKind kind, CancellationToken ct) => (await _cache.CurrentAsync(ct))[kind];

    /// <summary>Forget the cached templates: the next request reads them from the database.</summary>
    public void Invalidate() => _cache.Invalidate();

    public void Dispose() => _cache.Dispose();
}

/// <summary>Who a closure letter goes to: a name, and the lines of their address if the letter is to be posted.</summary>
public sealed record ClosureLetterRecipient(string? Name, IReadOnlyList<string>? Address = null);

/// <summary>
/// A closure letter to write for a case. <see cref="ClosedOn"/> defaults to the date the case closed;
/// <see cref="LetterDate"/> is the date printed on the letter.
/// </summary>
public sealed record WriteClosureLetterCommand(
    Guid CaseId,
    ClosureLetterKind Kind,
    ClosureLetterRecipient Recipient,
    string? ContinuingSupport,
    DateOnly LetterDate,
    DateOnly? ClosedOn = null);

/// <summary>A written closure letter: its paragraphs as text, and the PDF to send and to file in the ESCR.</summary>
public sealed record ClosureLetter(
    ClosureLetterKind Kind,
    Guid CaseId,
    string CaseReference,
    string RecipientName,
    string Title,
    string FileName,
    IReadOnlyList<string> Paragraphs,
    byte[] Pdf);

/// <summary>
/// Policy 6.4 and Appendix 2: writes a standard closure letter for one case and one recipient, from the
/// template in force. The letter's fields come from this case alone (its reference, its child, its
/// allocated worker and team), so the letter cannot carry another child's details.
/// It neither checks access nor audits: the closure workflow that calls it has already decided that
/// the admin officer may act on the case, and filing the PDF in the ESCR is what is audited.
/// </summary>
public sealed class WriteClosureLetter(AppDbContext db, ClosureLetterTemplates templates, IOptions<CasefileOptions> options)
{
    public const int MaxAddressLines = 7;
    public const int MaxLineLength = 200;
    public const int MaxContinuingSupportLength = 2_000;

    public async Task<ClosureLetter> HandleAsync(WriteClosureLetterCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new ValidationErrors();
        var recipientName = errors.Required(command.Recipient?.Name, "recipient.name", "Enter the name of the person the letter is to", MaxLineLength);
        var address = (command.Recipient?.Address ?? []).Select(l => l?.Trim() ?? "").Where(l => l.Length > 0).ToList();
        if (address.Count > MaxAddressLines) errors.Add("recipient.address", $"An address can have up to {MaxAddressLines} lines");
        if (address.Any(l => l.Length > MaxLineLength)) errors.Add("recipient.address", $"Each line of the address must be {MaxLineLength} characters or fewer");
        var support = errors.Optional(command.ContinuingSupport, "continuingSupport", MaxContinuingSupportLength);
        errors.ThrowIfAny();

        var caseId = command.CaseId;
        var found = await (from c in db.CaseFiles.AsNoTracking()
                           where c.Id == caseId
                           join p in db.People on c.ChildId equals p.Id
                           join t in db.Teams on c.TeamId equals t.Id into teams
                           from t in teams.DefaultIfEmpty()
                           join u in db.Users on c.AllocatedWorkerId equals u.Id into workers
                           from u in workers.DefaultIfEmpty()
                           select new
                           {
                               c.Reference,
                               Child = p.GivenName + " " + p.FamilyName,
                               Team = t == null ? "" : t.Name,
                               Worker = u == null ? "" : u.DisplayName,
                               c.ClosedOn,
                           }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The case");
        var closedOn = command.ClosedOn ?? found.ClosedOn
            ?? throw new Domain.Common.RuleViolationException("case-not-closed", "The case has not closed yet. Give the date it closes on", "closedOn");

        var councilName = options.Value.CouncilName;
        var fields = new LetterFields(found.Child, recipientName!, found.Reference, found.Worker, found.Team, closedOn, support, councilName);
        var template = await templates.CurrentAsync(command.Kind, ct);
        var paragraphs = template.Render(fields);
        var title = $"Closure letter to {recipientName} about {found.Child} ({found.Reference})";
        var pdf = ClosureLetterPdf.Render(new ClosureLetterPrintModel(
            title, councilName, command.LetterDate, recipientName!, address, paragraphs, found.Worker, found.Team));
        return new ClosureLetter(command.Kind, caseId, found.Reference, recipientName!, title,
            FileName(command.Kind, found.Reference, recipientName!, command.LetterDate), paragraphs, pdf);
    }

    /// <summary>"closure-letter-parents-CF-000123-jo-smith-2026-11-24.pdf": safe on any file system.</summary>
    public static string FileName(ClosureLetterKind kind, string reference, string recipient, DateOnly date)
    {
        static string Safe(string s)
        {
            var b = new StringBuilder(s.Length);
            foreach (var c in s.Normalize(NormalizationForm.FormKD))
            {
                if (char.IsAsciiLetterOrDigit(c)) b.Append(c);
                else if (b.Length > 0 && b[^1] != '-' && (c is ' ' or '-' or '_' or '.')) b.Append('-');
            }
            return b.ToString().Trim('-');
        }
        var who = Safe(recipient).ToLowerInvariant();
        if (who.Length > 40) who = who[..40].Trim('-');
        var parts = new[] { "closure-letter", ClosureLetterKinds.Slug(kind), Safe(reference), who, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        return string.Join('-', parts.Where(p => p.Length > 0)) + ".pdf";
    }
}

/// <summary>What a printed closure letter shows, already worded by the caller.</summary>
public sealed record ClosureLetterPrintModel(
    string Title,
    string CouncilName,
    DateOnly Date,
    string RecipientName,
    IReadOnlyList<string> Address,
    IReadOnlyList<string> Paragraphs,
    string WorkerName,
    string TeamName);

/// <summary>
/// Prints a closure letter as an A4 PDF: the council's name, the date, the recipient's name and
/// address (placed for a window envelope), the letter's paragraphs, and the worker's name and team as
/// the signature. Uses the embedded fonts of <see cref="PdfFonts"/>, so it prints on a server with none installed.
/// Long letters carry on to a second page; pages are numbered when there is more than one.
/// </summary>
public static class ClosureLetterPdf
{

    private const double Margin = 56;
    private const double TopMargin = 40;
    private const double FooterHeight = 40;
    private const double ParagraphGap = 8;


    public static byte[] Render(ClosureLetterPrintModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        PdfFonts.EnsureRegistered();

        using var document = new PdfDocument();
        document.Options.CompressContentStreams = true;
        document.Info.Title = PdfText.Clean(model.Title);
        document.Info.Subject = PdfDocuments.Marking;
        document.Info.Creator = "Casefile";

        var body = PdfFonts.Font(11);
        var bold = PdfFonts.Font(11, bold: true);
        var council = PdfFonts.Font(15, bold: true);
        var small = PdfFonts.Font(8.5);
        var marking = PdfFonts.Font(9, bold: true);
        XBrush text = new XSolidBrush(PdfDocuments.TextColour);
        XBrush secondary = new XSolidBrush(PdfDocuments.SecondaryColour);

        var pages = new List<PdfPage>();
        XGraphics? graphics = null;
        double width = 0, height = 0, y = 0;

        void NewPage()
        {
            graphics?.Dispose();
            var page = PdfDocuments.AddA4Page(document);
            width = page.Width.Point;
            height = page.Height.Point;
            pages.Add(page);
            graphics = XGraphics.FromPdfPage(page);
            graphics.DrawString(PdfDocuments.Marking, marking, text, new XRect(Margin, TopMargin - 16, width - 2 * Margin, LineHeight(marking)), XStringFormats.TopCenter);
            y = TopMargin + 8;
        }

        double Bottom() => height - FooterHeight - 8;

        void Lines(IEnumerable<string> lines, XFont font, XBrush brush, bool right = false)
        {
            foreach (var line in lines)
            {
                if (y + LineHeight(font) > Bottom()) NewPage();
                var box = new XRect(Margin, y, width - 2 * Margin, LineHeight(font));
                graphics!.DrawString(line, font, brush, box, right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                y += LineHeight(font);
            }
        }

        try
        {
            NewPage();
            var column = width - 2 * Margin;
            Lines(Wrap(graphics!, PdfText.Clean(model.CouncilName), council, column / 2), council, text, right: true);
            y += 4;
            Lines([ClosureLetterTemplate.FormatDate(model.Date)], body, text, right: true);

            // The address sits where a DL window envelope shows it (about 50 mm from the top of the page).
            y = Math.Max(y + 12, 140);
            Lines(Wrap(graphics!, PdfText.Clean(model.RecipientName), body, column / 2), body, text);
            foreach (var line in model.Address) Lines(Wrap(graphics!, PdfText.Clean(line), body, column / 2), body, text);
            y = Math.Max(y + 24, 260);

            foreach (var paragraph in model.Paragraphs)
            {
                var lines = Wrap(graphics!, PdfText.Clean(paragraph, keepLineBreaks: true), body, column);
                // Keep a short paragraph together; a long one may start here and carry on.
                if (lines.Count <= 4 && y + lines.Count * LineHeight(body) > Bottom()) NewPage();
                Lines(lines, body, text);
                y += ParagraphGap;
            }

            var signature = new List<(string, XFont)>();
            foreach (var line in Wrap(graphics!, PdfText.Clean(model.WorkerName), bold, column)) signature.Add((line, bold));
            foreach (var line in Wrap(graphics!, PdfText.Clean(model.TeamName), body, column)) signature.Add((line, body));
            foreach (var line in Wrap(graphics!, PdfText.Clean(model.CouncilName), body, column)) signature.Add((line, body));
            y += 24; // room to sign
            if (y + signature.Sum(s => LineHeight(s.Item2)) > Bottom()) NewPage();
            foreach (var (line, font) in signature) Lines([line], font, text);
        }
        finally
        {
            graphics?.Dispose();
        }

        if (pages.Count > 1)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                using var footer = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
                var box = new XRect(Margin, height - FooterHeight, width - 2 * Margin, LineHeight(small));
                footer.DrawString($"Page {i + 1} of {pages.Count}", small, secondary, box, XStringFormats.TopCenter);
            }
        }

        return PdfDocuments.ToBytes(document);
    }

    private static double LineHeight(XFont font) => font.GetHeight() * 1.2;

    /// <summary>The lines of a text in a column; blank lines between paragraphs take no room (paragraphs are spaced by the caller).</summary>
    private static List<string> Wrap(XGraphics graphics, string s, XFont font, double width) =>
        [.. PdfText.Wrap(s, width, t => graphics.MeasureString(t, font).Width).Where(l => l.Length > 0)];
}
