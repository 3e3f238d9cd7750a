using System.Globalization;
using System.Text;

namespace Casefile.Domain.Closure;

/// <summary>Who a closure letter is for (Appendix 2, admin tasks: the two standard closure letters).</summary>
public enum ClosureLetterKind
{
    /// <summary>The child's parents or carers.</summary>
    ParentsOrCarers,

    /// <summary>The professionals the social worker chose (school, health visitor, GP and so on).</summary>
    Professionals,
}

/// <summary>
/// Everything a closure letter may say about a case. A template sees these fields and nothing else,
/// so a letter cannot carry another child's details or anything the caller did not hand over.
/// <see cref="ContinuingSupport"/> is optional: a paragraph that uses it is left out when it is empty.
/// </summary>
public sealed record LetterFields(
    string ChildName,
    string RecipientName,
    string CaseReference,
    string WorkerName,
    string TeamName,
    DateOnly ClosedOn,
    string? ContinuingSupport,
    string CouncilName);

/// <summary>
/// Policy 6.4 and Appendix 2: the admin officer sends the standard closure letters to parents or
/// carers and to professionals. The council words them; Casefile fills in the case's details.
/// A template is plain text: paragraphs separated by a blank line, and placeholders in braces such
/// as <c>{ChildName}</c>. <c>{{</c> and <c>}}</c> print a brace. Placeholders are filled in one pass,
/// so a value that happens to contain <c>{ChildName}</c> prints as typed and is never filled in again.
/// Immutable and thread-safe.
/// </summary>
public sealed class ClosureLetterTemplate
{
    /// <summary>The longest template an administrator can save.</summary>
    public const int MaxLength = 20_000;

    public const string ChildName = "ChildName";
    public const string RecipientName = "RecipientName";
    public const string CaseReference = "CaseReference";
    public const string WorkerName = "WorkerName";
    public const string TeamName = "TeamName";
    public const string ClosedOn = "ClosedOn";
    public const string ContinuingSupport = "ContinuingSupport";
    public const string CouncilName = "CouncilName";

    /// <summary>Every placeholder a template may use, in the order the edit page explains them.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
        [ChildName, RecipientName, CaseReference, WorkerName, TeamName, ClosedOn, ContinuingSupport, CouncilName];

    /// <summary>
    /// Placeholders every template must use: a closure letter says whose case closed, when, and to whom
    /// it is written.
    /// </summary>
    public static IReadOnlyList<string> RequiredPlaceholders { get; } = [ChildName, RecipientName, ClosedOn];

    /// <summary>The shipped letter to parents or carers (policy 3.1: short sentences, no jargon).</summary>
    public const string DefaultParentsOrCarersText = """
        Dear {RecipientName},

        We are writing to tell you that we have stopped working with {ChildName}. We closed {ChildName}'s case on {ClosedOn}.

        Thank you for the time you gave us while we worked with your family.

        {ContinuingSupport}

        If you are worried about {ChildName} in the future, please get in touch with us. You can call us or write to us at any time.

        If you have a question about this letter, please contact {WorkerName} in {TeamName}. Please give our reference number: {CaseReference}.

        You can ask to see what we wrote down about your family. Ask us and we will tell you how.

        Yours sincerely,
        """;

    /// <summary>The shipped letter to professionals (policy 3.1: short sentences, no jargon).</summary>
    public const string DefaultProfessionalsText = """
        Dear {RecipientName},

        This letter is about {ChildName}. Our reference number is {CaseReference}.

        We closed {ChildName}'s case on {ClosedOn}. {CouncilName} is no longer working with {ChildName} or the family.

        {ContinuingSupport}

        Please keep this letter with your records about {ChildName}.

        If you become worried about {ChildName} again, please contact us straight away. If you think {ChildName} is in danger now, call the police on 999.

        If you have a question about this letter, please contact {WorkerName} in {TeamName}.

        Yours sincerely,
        """;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private readonly IReadOnlyList<Paragraph> _paragraphs;

    private ClosureLetterTemplate(string text, IReadOnlyList<Paragraph> paragraphs)
    {
        Text = text;
        _paragraphs = paragraphs;
    }

    /// <summary>The template as written, line breaks made consistent.</summary>
    public string Text { get; }

    /// <summary>The placeholders this template uses, each once, in the order they first appear.</summary>
    public IReadOnlyList<string> Uses =>
        _paragraphs.SelectMany(p => p.Parts).OfType<Slot>().Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The shipped template of each kind.</summary>
    public static ClosureLetterTemplate Default(ClosureLetterKind kind) => kind switch
    {
        ClosureLetterKind.ParentsOrCarers => DefaultParentsOrCarers,
        ClosureLetterKind.Professionals => DefaultProfessionals,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The shipped text of each kind, for an administrator to start from.</summary>
    public static string DefaultText(ClosureLetterKind kind) => kind switch
    {
        ClosureLetterKind.ParentsOrCarers => DefaultParentsOrCarersText,
        ClosureLetterKind.Professionals => DefaultProfessionalsText,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static readonly ClosureLetterTemplate DefaultParentsOrCarers = ParseShipped(DefaultParentsOrCarersText);
    private static readonly ClosureLetterTemplate DefaultProfessionals = ParseShipped(DefaultProfessionalsText);

    private static ClosureLetterTemplate ParseShipped(string text) =>
        TryParse(text, out var template, out var errors) ? template : throw new InvalidOperationException(string.Join(" ", errors));

    /// <summary>Every problem with a template, each naming its line; empty when the template can be used.</summary>
    public static IReadOnlyList<string> Validate(string? text)
    {
        TryParse(text, out _, out var errors);
        return errors;
    }

    /// <summary>
    /// Reads a template. Every problem is reported, each naming its line ("Line 3: ..."), or, for a
    /// missing placeholder, what to add. On any problem <paramref name="template"/> is null.
    /// </summary>
    public static bool TryParse(string? text, out ClosureLetterTemplate template, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var normalised = Normalise(text);
        template = null!;
        if (normalised.Trim().Length == 0)
        {
            errors = ["Write the letter. It cannot be empty"];
            return false;
        }
        if (normalised.Length > MaxLength)
        {
            errors = [$"The letter must be {MaxLength.ToString("N0", EnGb)} characters or fewer"];
            return false;
        }

        var paragraphs = new List<Paragraph>();
        var current = new List<Part>();
        var lines = normalised.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                if (current.Count > 0) paragraphs.Add(new Paragraph(current));
                current = [];
                continue;
            }
            if (current.Count > 0) current.Add(new Literal("\n"));
            ParseLine(line, i + 1, current, problems);
        }
        if (current.Count > 0) paragraphs.Add(new Paragraph(current));

        var used = paragraphs.SelectMany(p => p.Parts).OfType<Slot>().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var required in RequiredPlaceholders.Where(r => !used.Contains(r)))
            problems.Add($"Use {{{required}}} somewhere in the letter. Every closure letter must say {Purpose(required)}");

        errors = problems;
        if (problems.Count > 0) return false;
        template = new ClosureLetterTemplate(normalised.Trim('\n'), paragraphs);
        return true;
    }

    /// <summary>
    /// Fills in the fields. Returns the letter's paragraphs in order; a paragraph may hold line breaks
    /// (an address or a sign-off). A paragraph that uses {ContinuingSupport} is left out when no
    /// continuing support was given.
    /// </summary>
    public IReadOnlyList<string> Render(LetterFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ChildName] = OneLine(fields.ChildName),
            [RecipientName] = OneLine(fields.RecipientName),
            [CaseReference] = OneLine(fields.CaseReference),
            [WorkerName] = OneLine(fields.WorkerName),
            [TeamName] = OneLine(fields.TeamName),
            [ClosedOn] = FormatDate(fields.ClosedOn),
            [ContinuingSupport] = OneLine(fields.ContinuingSupport),
            [CouncilName] = OneLine(fields.CouncilName),
        };

        var result = new List<string>(_paragraphs.Count);
        foreach (var paragraph in _paragraphs)
        {
            if (values[ContinuingSupport].Length == 0 && paragraph.Parts.Any(p => p is Slot { Name: ContinuingSupport })) continue;
            var text = new StringBuilder();
            foreach (var part in paragraph.Parts)
                text.Append(part switch
                {
                    Literal l => l.Text,
                    Slot s => values[s.Name],
                    _ => "",
                });
            var rendered = text.ToString().Trim();
            if (rendered.Length > 0) result.Add(rendered);
        }
        return result;
    }

    /// <summary>A date as a letter writes it: "24 November 2026".</summary>
    public static string FormatDate(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    /// <summary>What each placeholder is filled with, in words, for the edit page.</summary>
    public static string Describe(string placeholder) => placeholder switch
    {
        ChildName => "the child's full name",
        RecipientName => "the name of the person the letter is to",
        CaseReference => "the case reference number",
        WorkerName => "the social worker's name",
        TeamName => "the social worker's team",
        ClosedOn => "the date the case closed, for example 24 November 2026",
        ContinuingSupport => "any help that carries on, as the social worker wrote it. A paragraph that uses it is left out when there is none",
        CouncilName => "the council's name",
        _ => placeholder,
    };

    private static string Purpose(string required) => required switch
    {
        ChildName => "whose case it is",
        RecipientName => "who it is to",
        ClosedOn => "when the case closed",
        _ => "this",
    };

    private static void ParseLine(string line, int number, List<Part> parts, List<string> problems)
    {
        var literal = new StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '{' && i + 1 < line.Length && line[i + 1] == '{')
            {
                literal.Append('{');
                i += 2;
                continue;
            }
            if (c == '}' && i + 1 < line.Length && line[i + 1] == '}')
            {
                literal.Append('}');
                i += 2;
                continue;
            }
            if (c == '}')
            {
                problems.Add($"Line {number}: there is a }} with no {{ before it. To print a }}, write }}}}");
                i++;
                continue;
            }
            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }

            var close = line.IndexOf('}', i + 1);
            var nextOpen = line.IndexOf('{', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                problems.Add($"Line {number}: there is a {{ with no }} after it. Close the placeholder, or write {{{{ to print a {{");
                i++;
                continue;
            }

            var name = line[(i + 1)..close];
            var known = Placeholders.FirstOrDefault(p => p == name.Trim());
            if (known is not null)
            {
                if (literal.Length > 0) parts.Add(new Literal(literal.ToString()));
                literal.Clear();
                parts.Add(new Slot(known));
            }
            else
            {
                var near = Placeholders.FirstOrDefault(p => string.Equals(p, name.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                problems.Add(near is not null
                    ? $"Line {number}: {{{name}}} is not a placeholder Casefile knows. Did you mean {{{near}}}?"
                    : $"Line {number}: {{{name}}} is not a placeholder Casefile knows. Use one of {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}");
            }
            i = close + 1;
        }
        if (literal.Length > 0) parts.Add(new Literal(literal.ToString()));
    }

    private static string Normalise(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>A field's value on one line: line breaks and runs of spaces become one space.</summary>
    private static string OneLine(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "" : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private abstract record Part;

    private sealed record Literal(string Text) : Part;

    private sealed record Slot(string Name) : Part;

    private sealed record Paragraph(IReadOnlyList<Part> Parts);
}
