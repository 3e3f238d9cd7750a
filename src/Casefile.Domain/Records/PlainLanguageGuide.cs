using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace Casefile.Domain.Records;

/// <summary>What a <see cref="PlainLanguageHint"/> points out.</summary>
public enum PlainLanguageHintKind
{
    /// <summary>Professional or bureaucratic jargon that has a plainer alternative (policy 3.1).</summary>
    Jargon,

    /// <summary>An abbreviation used before it has been explained (policy 3.1: jargon includes unexplained abbreviations).</summary>
    Abbreviation,

    /// <summary>A sentence longer than <see cref="PlainLanguageGuide.LongSentenceWords"/> words (policy 3.1).</summary>
    LongSentence,
}

/// <summary>
/// One piece of plain-language advice about a case record's text. <see cref="Start"/> and
/// <see cref="Length"/> index into the text that was checked (for a long sentence, the whole
/// sentence), so a page can highlight what <see cref="Found"/> quotes.
/// </summary>
public sealed record PlainLanguageHint(PlainLanguageHintKind Kind, string Found, string Advice, int Start, int Length);

/// <summary>
/// One entry of the council's plain-language list: a piece of jargon and its plain alternative
/// (<see cref="PlainLanguageHintKind.Jargon"/>), or an abbreviation and what it stands for
/// (<see cref="PlainLanguageHintKind.Abbreviation"/>, with the expansion as <see cref="Suggestion"/>).
/// </summary>
public sealed record PlainLanguageTerm(string Term, string Suggestion, PlainLanguageHintKind Kind);

/// <summary>
/// Policy 3.1 ("all case recording will be in plain language, avoiding professional or bureaucratic
/// jargon") (abbreviations are jargon until they are explained): while a social worker writes a case record,
/// points out jargon, unexplained abbreviations and long sentences, with plain alternatives from a
/// list the council can edit (<see cref="Parse"/>, <see cref="ToListText"/>). It advises; it never
/// refuses a record. Immutable and thread-safe: build one per list and share it, because the
/// jargon pattern is compiled once, when the guide is built.
/// </summary>
public sealed partial class PlainLanguageGuide
{
    /// <summary>Policy 3.1: a sentence with more words than this is pointed out.</summary>
    public const int LongSentenceWords = 25;

    /// <summary>
    /// The list shipped with Casefile, in the format <see cref="Parse"/> reads. A council starts
    /// from this text and edits it.
    /// </summary>
    public const string DefaultList = """
        # Casefile plain language list (Case Recording Policy 3.1).
        # Casefile points these out while a record is written. It never stops a record being saved.
        #
        # Jargon, one a line:         word or phrase | plainer way to say it
        # Abbreviations, one a line:  ABBR = what it stands for
        #   An abbreviation is fine once it has been written out in full, for example
        #   "looked after child (LAC)" or "LAC (looked after child)".
        # Abbreviations everyone knows, which are never pointed out:
        #   allow: GP, NHS
        # Lines starting with # are notes and are ignored.

        allow: GP, NHS, UK, TV, OK, ID, DVD, CV, IT, PE, MP, PC, BBC, DNA, PIN, SIM, USB, AM, PM, ADHD, CCTV, MRI, GCSE, DIY

        # Jargon
        disclosed | told
        disclose | tell
        disclosure | what they told us
        presented as | seemed
        presents as | seems
        engage | take part
        engaged | took part
        engaging | taking part
        engagement | taking part
        disengaged | stopped taking part
        escalate | get worse
        escalated | got worse
        escalating | getting worse
        de-escalate | calm down
        de-escalated | calmed down
        in respect of | about
        with regard to | about
        in relation to | about
        in order to | to
        utilise | use
        utilised | used
        commence | start
        commenced | started
        prior to | before
        subsequent to | after
        facilitate | help or arrange
        facilitated | helped or arranged
        going forward | from now on
        non-compliant | did not do what was agreed
        non-compliance | not doing what was agreed
        placement breakdown | the placement ended
        placement broke down | the placement ended
        contact session | family time
        supervised contact | supervised family time
        contact arrangements | arrangements for family time
        ascertain | find out
        ascertained | found out
        endeavour | try
        in the event that | if
        at this moment in time | now
        at this point in time | now
        in a timely manner | on time
        ongoing | continuing
        liaise with | talk to
        liaised with | talked to
        signposted | told them about
        sufficient | enough
        demonstrated | showed
        robust | strong
        holistic | full
        respite | short break
        threshold | level of need
        stepped down | moved to less support
        stepped up | moved to more support
        DV | domestic abuse
        ASAP | as soon as possible, or give a date
        s.47 | section 47 enquiry

        # Abbreviations
        LAC = looked after child
        CLA = child looked after
        CIN = child in need
        CP = child protection
        CPP = child protection plan
        ICPC = initial child protection conference
        RCPC = review child protection conference
        PLO = public law outline
        EHCP = education, health and care plan
        SGO = special guardianship order
        IRO = independent reviewing officer
        NFA = no further action
        S47 = section 47 enquiry
        S20 = section 20 accommodation
        CSE = child sexual exploitation
        CCE = child criminal exploitation
        MASH = multi-agency safeguarding hub
        CAMHS = child and adolescent mental health services
        LADO = local authority designated officer
        DSL = designated safeguarding lead
        SEN = special educational needs
        SEND = special educational needs and disabilities
        SENCO = special educational needs coordinator
        EHA = early help assessment
        TAF = team around the family
        UASC = unaccompanied asylum-seeking child
        CPN = community psychiatric nurse
        HV = health visitor
        MARAC = multi-agency risk assessment conference
        IDVA = independent domestic violence adviser
        FGC = family group conference
        PEP = personal education plan
        YOT = youth offending team
        LA = local authority
        PR = parental responsibility
        EPO = emergency protection order
        ICO = interim care order
        NEET = not in education, employment or training
        """;

    private const int MaxAbbreviationLength = 6;
    private const int ExplanationReach = 200;
    private const int ExplanationWords = 16;

    private static readonly FrozenSet<string> SmallWords =
        FrozenSet.ToFrozenSet(["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"], StringComparer.OrdinalIgnoreCase);

    private static readonly SearchValues<char> UpperLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    private static readonly SearchValues<char> ExplanationStops = SearchValues.Create(".!?\n()");

    private readonly Regex? _jargonPattern;
    private readonly FrozenDictionary<string, PlainLanguageTerm> _jargonByKey;
    private readonly FrozenDictionary<string, PlainLanguageTerm> _abbreviations;
    private readonly FrozenSet<string> _allowed;

    private PlainLanguageGuide(List<PlainLanguageTerm> terms, List<string> allowed)
    {
        Terms = terms.AsReadOnly();
        AllowedAbbreviations = allowed.AsReadOnly();
        _allowed = allowed.ToFrozenSet(StringComparer.Ordinal);
        _abbreviations = terms.Where(t => t.Kind == PlainLanguageHintKind.Abbreviation)
            .ToFrozenDictionary(t => t.Term, StringComparer.Ordinal);
        var jargon = terms.Where(t => t.Kind == PlainLanguageHintKind.Jargon).ToList();
        _jargonByKey = jargon.ToFrozenDictionary(t => Key(t.Term), StringComparer.Ordinal);
        _jargonPattern = jargon.Count == 0 ? null : BuildJargonPattern(jargon);
    }

    /// <summary>The shipped guide, built from <see cref="DefaultList"/>.</summary>
    public static PlainLanguageGuide Default { get; } = Parse(DefaultList, out _);

    /// <summary>The jargon and abbreviations, in the order the list gives them.</summary>
    public IReadOnlyList<PlainLanguageTerm> Terms { get; }

    /// <summary>Abbreviations everyone understands (GP, NHS), never pointed out unless they are also in <see cref="Terms"/>.</summary>
    public IReadOnlyList<string> AllowedAbbreviations { get; }

    /// <summary>
    /// Reads the council's editable list, one entry a line: <c>word or phrase | plain alternative</c>
    /// for jargon, <c>ABBR = what it stands for</c> for an abbreviation, and <c>allow: GP, NHS</c> to add
    /// abbreviations everyone knows. Blank lines and lines starting with <c>#</c> are ignored. A line
    /// that cannot be read is left out and described in <paramref name="errors"/> by its line number;
    /// the rest of the list is still used.
    /// </summary>
    public static PlainLanguageGuide Parse(string? listText, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var terms = new List<PlainLanguageTerm>();
        var allowed = new List<string>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = (listText ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;

            if (line.StartsWith("allow:", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var item in line["allow:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var abbreviation = item.ToUpperInvariant();
                    if (!IsAbbreviationShape(abbreviation))
                        problems.Add($"Line {number}: \"{item}\" cannot go on the allow-list. List abbreviations of 2 to 6 capital letters or digits, separated by commas, for example \"allow: GP, NHS\"");
                    else if (!allowed.Contains(abbreviation))
                        allowed.Add(abbreviation);
                }

                continue;
            }

            var term = ReadTerm(line, number, problems);
            if (term is null)
                continue;
            var key = Key(term.Term);
            if (firstLine.TryGetValue(key, out var earlier))
            {
                problems.Add($"Line {number}: \"{term.Term}\" is already in the list on line {earlier}");
                continue;
            }

            firstLine[key] = number;
            terms.Add(term);
        }

        errors = problems.AsReadOnly();
        return new PlainLanguageGuide(terms, allowed);
    }

    /// <summary>The guide as list text that <see cref="Parse"/> reads back to the same guide (notes are not kept).</summary>
    public string ToListText()
    {
        var text = new StringBuilder();
        text.Append("# Casefile plain language list (Case Recording Policy 3.1).\n");
        text.Append("# Jargon: word or phrase | plainer way to say it. Abbreviations: ABBR = what it stands for.\n");
        if (AllowedAbbreviations.Count > 0)
            text.Append("allow: ").AppendJoin(", ", AllowedAbbreviations).Append('\n');
        foreach (var term in Terms)
        {
            var separator = term.Kind == PlainLanguageHintKind.Abbreviation ? " = " : " | ";
            text.Append(term.Term).Append(separator).Append(term.Suggestion).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The plain-language hints for <paramref name="text"/>, ordered by where they start: every use of
    /// jargon (policy 3.1), the first unexplained use of each abbreviation (policy 3.1), and every
    /// sentence over <see cref="LongSentenceWords"/> words (policy 3.1). Null or blank text has none.
    /// </summary>
    public IReadOnlyList<PlainLanguageHint> Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];

        var hints = new List<PlainLanguageHint>();
        FindJargon(text, hints);
        FindUnexplainedAbbreviations(text, hints, hints.Count);
        FindLongSentences(text, hints);
        hints.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
        return hints.AsReadOnly();
    }

    private static PlainLanguageTerm? ReadTerm(string line, int number, List<string> problems)
    {
        var bar = line.IndexOf('|');
        if (bar >= 0)
        {
            var phrase = line[..bar].Trim();
            var plain = line[(bar + 1)..].Trim();
            if (phrase.Length == 0)
                problems.Add($"Line {number}: write the word or phrase before the |");
            else if (!char.IsLetterOrDigit(phrase[0]))
                problems.Add($"Line {number}: start the word or phrase before the | with a letter or a number");
            else if (plain.Length == 0)
                problems.Add($"Line {number}: write the plain alternative after the |");
            else if (plain.Contains('|'))
                problems.Add($"Line {number}: use only one | on a line");
            else
                return new PlainLanguageTerm(string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)), plain, PlainLanguageHintKind.Jargon);
            return null;
        }

        var equals = line.IndexOf('=');
        if (equals < 0)
        {
            problems.Add($"Line {number}: put a | between the word and its plain alternative, or an = between an abbreviation and what it stands for");
            return null;
        }

        var abbreviation = line[..equals].Trim();
        var expansion = line[(equals + 1)..].Trim();
        if (!IsAbbreviationShape(abbreviation))
            problems.Add($"Line {number}: write the abbreviation before the = in capital letters, 2 to 6 letters or digits, for example \"LAC = looked after child\"");
        else if (expansion.Length == 0)
            problems.Add($"Line {number}: write what \"{abbreviation}\" stands for after the =");
        else
            return new PlainLanguageTerm(abbreviation, expansion, PlainLanguageHintKind.Abbreviation);
        return null;
    }

    // The shape the abbreviation scan finds: a capital letter, then capitals or digits, 2 to 6 in all.
    private static bool IsAbbreviationShape(string value) =>
        value.Length is >= 2 and <= MaxAbbreviationLength
        && char.IsAsciiLetterUpper(value[0])
        && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011';

    // Spaces and hyphens inside a phrase are interchangeable (and may be left out), so
    // "de-escalate", "de escalate" and "deescalate" are one entry with one key.
    private static string Key(string phrase)
    {
        var key = new StringBuilder(phrase.Length);
        foreach (var c in phrase)
        {
            if (!IsSeparator(c))
                key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    // One pattern for the whole list, compiled once per guide: whole words or phrases only (not inside
    // another word), longest first so "placement breakdown" wins over a shorter entry at the same place.
    // The (?=[\p{L}\p{N}]) adds nothing to what matches (every entry starts with a letter or digit)
    // but lets the engine skip to the start of a word: without it 100 KB takes ten times as long.
    private static Regex BuildJargonPattern(List<PlainLanguageTerm> jargon)
    {
        var alternatives = jargon
            .OrderByDescending(t => Key(t.Term).Length)
            .ThenBy(t => t.Term, StringComparer.Ordinal)
            .Select(t => PhrasePattern(t.Term));
        var pattern = $@"(?<![\p{{L}}\p{{N}}])(?=[\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}])";
        return new Regex(pattern, RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static string PhrasePattern(string phrase)
    {
        var pattern = new StringBuilder();
        var afterSeparator = false;
        foreach (var c in phrase)
        {
            if (IsSeparator(c))
            {
                if (!afterSeparator)
                    pattern.Append(@"[\s\-\u2010\u2011]*");
                afterSeparator = true;
                continue;
            }

            afterSeparator = false;
            pattern.Append(Regex.Escape(c.ToString()));
        }

        return pattern.ToString();
    }

    private void FindJargon(string text, List<PlainLanguageHint> hints)
    {
        if (_jargonPattern is null)
            return;
        foreach (Match match in _jargonPattern.Matches(text))
        {
            if (!_jargonByKey.TryGetValue(Key(match.Value), out var term))
                continue;
            var found = string.Join(' ', match.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            hints.Add(new PlainLanguageHint(PlainLanguageHintKind.Jargon, match.Value,
                $"Instead of \"{found}\", try \"{term.Suggestion}\"", match.Index, match.Length));
        }
    }

    // Policy 3.1. A listed abbreviation is always checked. Any other word in capitals is checked too,
    // unless it is on the allow-list, has fewer than two letters ("A1", "Y10"), or sits next to another
    // word in capitals ("DO NOT", "JOHN SMITH"), which is emphasis or a heading, not an abbreviation.
    private void FindUnexplainedAbbreviations(string text, List<PlainLanguageHint> hints, int jargonCount)
    {
        HashSet<string>? seen = null;
        var nextJargon = 0;
        foreach (var token in AbbreviationToken().EnumerateMatches(text))
        {
            var start = token.Index;
            var end = token.Index + token.Length;
            while (nextJargon < jargonCount && hints[nextJargon].Start + hints[nextJargon].Length <= start)
                nextJargon++;
            if (nextJargon < jargonCount && hints[nextJargon].Start < end)
                continue; // already pointed out as jargon ("DV")

            var abbreviation = text.Substring(start, token.Length);
            var listed = _abbreviations.GetValueOrDefault(abbreviation);
            if (listed is null && (_allowed.Contains(abbreviation) || CountLetters(abbreviation) < 2 || IsNextToCapitals(text, start, end)))
                continue;

            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(abbreviation) || IsExplainedHere(text, start, end, abbreviation, listed))
                continue;

            var advice = listed is null
                ? $"Explain \"{abbreviation}\" the first time you use it: write the words in full, then \"({abbreviation})\""
                : $"Explain \"{abbreviation}\" the first time you use it, for example \"{listed.Suggestion} ({abbreviation})\"";
            hints.Add(new PlainLanguageHint(PlainLanguageHintKind.Abbreviation, abbreviation, advice, start, token.Length));
        }
    }

    private static int CountLetters(string value) => value.Count(char.IsAsciiLetter);

    private bool IsNextToCapitals(string text, int start, int end)
    {
        return IsCapitalsWord(WordBefore(text, start)) || IsCapitalsWord(WordAfter(text, end));

        bool IsCapitalsWord(ReadOnlySpan<char> word) =>
            word.Length >= 2 && !word.ContainsAnyExcept(UpperLetters) && !_abbreviations.ContainsKey(word.ToString());
    }

    private static ReadOnlySpan<char> WordBefore(string text, int start)
    {
        var i = start;
        while (i > 0 && text[i - 1] is ' ' or '\t')
            i--;
        if (i == start)
            return [];
        var wordEnd = i;
        while (i > 0 && char.IsLetterOrDigit(text[i - 1]))
            i--;
        return text.AsSpan(i, wordEnd - i);
    }

    private static ReadOnlySpan<char> WordAfter(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] is ' ' or '\t')
            i++;
        if (i == end)
            return [];
        var wordStart = i;
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
            i++;
        return text.AsSpan(wordStart, i - wordStart);
    }

    // Policy 3.1: explained means written out in full with the abbreviation in brackets straight after
    // it, "looked after child (LAC)", or the other way round, "LAC (looked after child)". The words in
    // full are either the listed expansion or words whose initials spell the abbreviation.
    private static bool IsExplainedHere(string text, int start, int end, string abbreviation, PlainLanguageTerm? listed)
    {
        if (end < text.Length && text[end] == 's')
            end++; // plural: "(LACs)"
        var before = start;
        while (before > 0 && char.IsWhiteSpace(text[before - 1]))
            before--;
        var after = end;
        while (after < text.Length && char.IsWhiteSpace(text[after]))
            after++;
        List<string> expansion = listed is null ? [] : Words(listed.Suggestion);
        var units = InitialUnits(abbreviation);

        if (before > 0 && text[before - 1] == '(' && after < text.Length && text[after] == ')')
        {
            var open = before - 1;
            var from = Math.Max(0, open - ExplanationReach);
            var stop = text.AsSpan(from, open - from).LastIndexOfAny(ExplanationStops);
            if (stop >= 0)
                from += stop + 1;
            var words = Words(text.AsSpan(from, open - from));
            words.Reverse(); // nearest the bracket first
            if (words.Count > ExplanationWords)
                words.RemoveRange(ExplanationWords, words.Count - ExplanationWords);
            if (expansion.Count > 0 && words.Count >= expansion.Count
                && words.Take(expansion.Count).Reverse().SequenceEqual(expansion, StringComparer.OrdinalIgnoreCase))
                return true;
            units.Reverse();
            return InitialsSpell(words, 0, units, 0);
        }

        if (after < text.Length && text[after] == '(')
        {
            var close = text.IndexOf(')', after + 1, Math.Min(ExplanationReach, text.Length - after - 1));
            if (close < 0)
                return false;
            var words = Words(text.AsSpan(after + 1, close - after - 1));
            if (words.Count > ExplanationWords)
                words.RemoveRange(ExplanationWords, words.Count - ExplanationWords);
            if (expansion.Count > 0 && words.Count >= expansion.Count
                && words.Take(expansion.Count).SequenceEqual(expansion, StringComparer.OrdinalIgnoreCase))
                return true;
            return InitialsSpell(words, 0, units, 0);
        }

        return false;
    }

    // "S47" is the units "s" and "47": a letter matches a word's first letter, digits match a whole word.
    private static List<string> InitialUnits(string abbreviation)
    {
        var units = new List<string>();
        for (var i = 0; i < abbreviation.Length;)
        {
            var j = i + 1;
            if (char.IsAsciiDigit(abbreviation[i]))
            {
                while (j < abbreviation.Length && char.IsAsciiDigit(abbreviation[j]))
                    j++;
            }

            units.Add(abbreviation[i..j]);
            i = j;
        }

        return units;
    }

    // Small words may be left out of the initials ("child and adolescent mental health services" is
    // CAMHS) or kept in them ("child in need" is CIN), so both are tried.
    private static bool InitialsSpell(List<string> words, int word, List<string> units, int unit)
    {
        if (unit == units.Count)
            return true;
        if (word == words.Count)
            return false;
        var candidate = words[word];
        var expected = units[unit];
        var matches = char.IsAsciiDigit(expected[0])
            ? candidate == expected
            : char.ToUpperInvariant(candidate[0]) == expected[0];
        if (matches && InitialsSpell(words, word + 1, units, unit + 1))
            return true;
        return SmallWords.Contains(candidate) && InitialsSpell(words, word + 1, units, unit);
    }

    // Words for comparing an explanation: split at spaces, hyphens and slashes ("multi-agency" is two
    // words, for MASH), with punctuation trimmed from each end ("education," is "education").
    private static List<string> Words(ReadOnlySpan<char> text)
    {
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (IsSeparator(text[i]) || text[i] == '/'))
                i++;
            var wordStart = i;
            while (i < text.Length && !(IsSeparator(text[i]) || text[i] == '/'))
                i++;
            var word = text[wordStart..i];
            var first = 0;
            while (first < word.Length && !char.IsLetterOrDigit(word[first]))
                first++;
            var last = word.Length;
            while (last > first && !char.IsLetterOrDigit(word[last - 1]))
                last--;
            if (last > first)
                words.Add(word[first..last].ToString());
        }

        return words;
    }

    // Policy 3.1. A sentence ends at ". ", "! ", "? " (closing quotes and brackets may follow the mark)
    // or at a line break, since notes are often written a line at a time. Full stops inside
    // abbreviations ("Mr.", "e.g.") end a sentence early, which can only make it look shorter.
    private static void FindLongSentences(string text, List<PlainLanguageHint> hints)
    {
        var start = -1;
        var words = 0;
        var inToken = false;
        var tokenIsWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inToken && tokenIsWord)
                    words++;
                inToken = false;
                if (c == '\n')
                {
                    AddIfLong(text, start, i, words, hints);
                    start = -1;
                    words = 0;
                }

                continue;
            }

            if (start < 0)
                start = i;
            if (!inToken)
            {
                inToken = true;
                tokenIsWord = false;
            }

            if (char.IsLetterOrDigit(c))
                tokenIsWord = true;

            if (c is '.' or '!' or '?' or '\u2026')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019')
                    end++;
                if (end == text.Length || char.IsWhiteSpace(text[end]))
                {
                    if (tokenIsWord)
                        words++;
                    inToken = false;
                    AddIfLong(text, start, end, words, hints);
                    start = -1;
                    words = 0;
                    i = end - 1;
                }
            }
        }

        if (inToken && tokenIsWord)
            words++;
        AddIfLong(text, start, text.Length, words, hints);
    }

    private static void AddIfLong(string text, int start, int end, int words, List<PlainLanguageHint> hints)
    {
        if (start < 0 || words <= LongSentenceWords)
            return;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        hints.Add(new PlainLanguageHint(PlainLanguageHintKind.LongSentence, text[start..end],
            $"This sentence has {words} words. Try to keep sentences under {LongSentenceWords} words.", start, end - start));
    }

    // A capital letter then capitals or digits, 2 to 6 in all, as a whole word; a plural "s" may follow
    // ("LACs") but is not part of the match.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Z][A-Z0-9]{1,5}(?=s?(?![\p{L}\p{N}]))", RegexOptions.CultureInvariant)]
    private static partial Regex AbbreviationToken();
}
