using System.Globalization;
using System.Text.RegularExpressions;
using Casefile.Domain.Emails;
using Casefile.Domain.People;

namespace Casefile.Domain.AccessRequests;

/// <summary>The person the disclosure is about: their own details are never proposed for redaction.</summary>
public sealed record DisclosureSubject(Guid PersonId, string GivenName, string FamilyName, string? KnownAs, IReadOnlyList<AddressLines> Addresses);

/// <summary>
/// A person on the register other than the subject whose details may appear in the material:
/// the case's relatives and professionals (<paramref name="LinkedToSubject"/>), other people linked.
/// </summary>
public sealed record ThirdParty(Guid PersonId, string GivenName, string FamilyName, string? KnownAs, DateOnly? DateOfBirth,
    IReadOnlyList<AddressLines> Addresses, bool IsChild, bool LinkedToSubject);

/// <summary>One detail in a text that should probably not be disclosed.</summary>
public sealed record ProposedRedaction(int Start, int Length, string Text, RedactionKind Kind, RedactionReason SuggestedReason, Guid? PersonId);

/// <summary>
/// Proposes redactions in a text about the subject (issue 9; policy 10.2, Appendix 1): every name,
/// address, phone number, email address and date of birth of a person on the register other than
/// the subject, and other children on the register named in the text. Names and addresses match as
/// whole words ignoring case, accents and punctuation ("O'Brien", "JONES, Amy"); a possessive
/// ("Jane's") is matched on the name and leaves the "'s". Phone numbers and email addresses are
/// found by their shape (the register holds none), so the subject's own number is proposed too and
/// the reviewer removes it. A proposal is only a suggestion: a person decides each one.
/// <para>
/// A linked third party's given name alone is proposed (records say "Mum (Jane) said"), unless it
/// is also the subject's; an unlinked child is found only by full name, as
/// <see cref="OtherChildMentions"/> does, because a first name alone is shared by too many.
/// </para>
/// </summary>
public sealed partial class RedactionProposer
{
    private static readonly string[] Titles = ["mr", "mrs", "ms", "miss", "mx", "dr"];

    private readonly Dictionary<string, List<Pattern>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, Guid> _datesOfBirth = [];

    private sealed record Pattern(string[] Words, RedactionKind Kind, Guid? PersonId);

    /// <param name="subject">Whose record it is.</param>
    /// <param name="thirdParties">People on the register linked to the subject's case, or otherwise to be protected.</param>
    /// <param name="otherChildren">Other children on the register, found by full name only.</param>
    /// <param name="namedInRecords">
    /// People the included records name who may not be on the register at all: those present, seen
    /// or spoken to (policy 10.2: everyone but the subject is a third party). Each is proposed by the
    /// name as written and, for a full name, by the first name alone.
    /// </param>
    public RedactionProposer(DisclosureSubject subject, IEnumerable<ThirdParty> thirdParties, IEnumerable<RegisterChild>? otherChildren = null,
        IEnumerable<string>? namedInRecords = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(thirdParties);
        var subjectGiven = new HashSet<string>(Fold(subject.GivenName).Concat(Fold(subject.KnownAs)), StringComparer.Ordinal);
        var protectedPhrases = new HashSet<string>(StringComparer.Ordinal)
        {
            string.Join(' ', Fold($"{subject.GivenName} {subject.FamilyName}")),
            string.Join(' ', Fold($"{subject.FamilyName} {subject.GivenName}")),
        };
        if (subject.KnownAs is { Length: > 0 } known) protectedPhrases.Add(string.Join(' ', Fold($"{known} {subject.FamilyName}")));
        foreach (var address in subject.Addresses) foreach (var phrase in AddressPhrases(address)) protectedPhrases.Add(string.Join(' ', phrase));

        void Add(string[] words, RedactionKind kind, Guid? personId)
        {
            if (words.Length == 0 || protectedPhrases.Contains(string.Join(' ', words))) return;
            if (!_byFirstWord.TryGetValue(words[0], out var list)) _byFirstWord[words[0]] = list = [];
            if (!list.Any(p => p.PersonId == personId && p.Kind == kind && p.Words.SequenceEqual(words))) list.Add(new Pattern(words, kind, personId));
        }

        foreach (var person in thirdParties.Where(p => p.PersonId != subject.PersonId))
        {
            var kind = person.IsChild && !person.LinkedToSubject ? RedactionKind.OtherChild : RedactionKind.Name;
            var family = Fold(person.FamilyName);
            var givens = new List<string[]> { Fold(person.GivenName) };
            if (person.KnownAs is { Length: > 0 }) givens.Add(Fold(person.KnownAs));
            foreach (var given in givens.Where(g => g.Length > 0))
            {
                if (family.Length > 0)
                {
                    Add([.. given, .. family], kind, person.PersonId);
                    Add([.. family, .. given], kind, person.PersonId);
                }
                if (person.LinkedToSubject && given.Length == 1 && given[0].Length > 1 && !subjectGiven.Contains(given[0]))
                    Add(given, kind, person.PersonId);
            }
            if (family.Length > 0)
                foreach (var title in Titles) Add([title, .. family], kind, person.PersonId);

            foreach (var address in person.Addresses)
                foreach (var phrase in AddressPhrases(address)) Add(phrase, RedactionKind.Address, person.PersonId);

            if (person.DateOfBirth is { } dob) _datesOfBirth.TryAdd(dob, person.PersonId);
        }

        foreach (var child in otherChildren ?? [])
        {
            if (child.Id == subject.PersonId) continue;
            var family = Fold(child.FamilyName);
            var given = Fold(child.GivenName);
            if (family.Length == 0 || given.Length == 0) continue;
            Add([.. given, .. family], RedactionKind.OtherChild, child.Id);
            Add([.. family, .. given], RedactionKind.OtherChild, child.Id);
            foreach (var other in child.OtherNames ?? [])
            {
                var words = Fold(other);
                if (words.Length == 1) Add([.. words, .. family], RedactionKind.OtherChild, child.Id);
                else if (words.Length > 1) Add(words, RedactionKind.OtherChild, child.Id);
            }
        }

        foreach (var name in namedInRecords ?? [])
        {
            var words = Fold(name).Where(w => !Titles.Contains(w)).ToArray();
            if (words.Length == 0 || words.All(RoleWords.Contains) || (words.Length == 1 && subjectGiven.Contains(words[0]))) continue;
            if (protectedPhrases.Contains(string.Join(' ', words))) continue;
            Add(words, RedactionKind.Name, null);
            if (words.Length > 1)
            {
                Add([.. words[1..], words[0]], RedactionKind.Name, null);
                if (words[0].Length > 1 && !subjectGiven.Contains(words[0]) && !RoleWords.Contains(words[0])) Add([words[0]], RedactionKind.Name, null);
                foreach (var title in Titles) Add([title, .. words[1..]], RedactionKind.Name, null);
            }
        }

        // Longest first, once here rather than at every word of every text (a stable sort keeps the order they were added in).
        foreach (var first in _byFirstWord.Keys.ToList())
            _byFirstWord[first] = [.. _byFirstWord[first].OrderByDescending(p => p.Words.Length)];
    }

    /// <summary>Words that describe someone rather than name them ("Mum", "the child's father").</summary>
    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "child", "children", "young", "person", "mum", "mother", "dad", "father", "parent", "parents", "carer", "carers", "foster",
        "step", "stepmother", "stepfather", "grandmother", "grandfather", "gran", "nan", "grandad", "grandparent", "grandparents", "aunt", "auntie",
        "uncle", "brother", "sister", "sibling", "siblings", "baby", "partner", "teacher", "head", "headteacher", "school", "nurse", "health",
        "visitor", "gp", "doctor", "police", "officer", "social", "worker", "family", "friend", "neighbour", "and", "both", "all", "his", "her",
        "their", "s", "nobody", "no", "one", "none", "everyone",
    };

    /// <summary>
    /// The people a free-text "seen" or "spoken to" line names: split at commas, semicolons, "and" and
    /// "&amp;", with anything in brackets (a role) left out. Only pieces written as names (every word
    /// capitalised) count; "the child", "both parents" and "Mum" describe, and are not names.
    /// </summary>
    public static IReadOnlyList<string> NamesIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var withoutBrackets = BracketPattern().Replace(text, " ");
        var names = new List<string>();
        foreach (var piece in ListSeparatorPattern().Split(withoutBrackets))
        {
            var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length is 0 or > 4 || !words.All(w => char.IsUpper(w[0]))) continue;
            var folded = Fold(piece);
            if (folded.Length == 0 || folded.All(RoleWords.Contains)) continue;
            names.Add(string.Join(' ', words));
        }
        return names;
    }

    /// <summary>The proposals for one text, in order, never overlapping (the longest match at a place wins).</summary>
    public IReadOnlyList<ProposedRedaction> Propose(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<ProposedRedaction>();
        FindPatterns(text, found);
        FindEmails(text, found);
        FindPhones(text, found);
        FindDatesOfBirth(text, found);

        var kept = new List<ProposedRedaction>();
        var end = -1;
        foreach (var p in found.OrderBy(p => p.Start).ThenByDescending(p => p.Length))
        {
            if (p.Start < end) continue;
            kept.Add(p);
            end = p.Start + p.Length;
        }
        return kept;
    }

    private void FindPatterns(string text, List<ProposedRedaction> found)
    {
        if (_byFirstWord.Count == 0) return;
        var words = TextFolding.Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(words[i].Folded, out var candidates)) continue;
            foreach (var pattern in candidates)
            {
                if (i + pattern.Words.Length > words.Count) continue;
                var matches = true;
                for (var k = 1; k < pattern.Words.Length && matches; k++)
                    matches = words[i + k].Folded == pattern.Words[k] && IsGap(text.AsSpan(words[i + k - 1].End, words[i + k].Start - words[i + k - 1].End), pattern.Kind);
                if (!matches) continue;
                var start = words[i].Start;
                var stop = words[i + pattern.Words.Length - 1].End;
                found.Add(new ProposedRedaction(start, stop - start, text[start..stop], pattern.Kind, RedactionReason.ThirdParty, pattern.PersonId));
                break;
            }
        }
    }

    // Between the words of a name only spaces, a comma, a hyphen or a full stop after a title ("Mrs. Jones");
    // an address may also have a comma or full stop between its parts.
    private static bool IsGap(ReadOnlySpan<char> gap, RedactionKind kind)
    {
        if (gap.Length > 3) return false;
        foreach (var c in gap)
            if (!char.IsWhiteSpace(c) && c is not (',' or '-' or '.' or '\u2010' or '\u2011')) return false;
        return kind == RedactionKind.Address || !gap.Contains('.') || gap.Length <= 2;
    }

    private static void FindEmails(string text, List<ProposedRedaction> found)
    {
        foreach (Match m in EmailPattern().Matches(text))
            found.Add(new ProposedRedaction(m.Index, m.Length, m.Value, RedactionKind.EmailAddress, RedactionReason.ThirdParty, null));
    }

    /// <summary>
    /// UK phone numbers: 10 or 11 digits starting 0, or +44 and 9 or 10 digits, with spaces, hyphens
    /// or brackets between; never part of a longer run of digits or of a word.
    /// </summary>
    private static void FindPhones(string text, List<ProposedRedaction> found)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('0' or '+' or '(')) continue;
            if (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '+' or '/' or '.' or '-' or '£')) continue;
            var pos = i;
            var digits = 0;
            var international = false;
            if (c == '+')
            {
                if (pos + 3 > text.Length || text.AsSpan(pos, 3) is not "+44") continue;
                international = true;
                pos += 3;
                digits = 0;
            }
            else if (c == '(')
            {
                pos++;
                if (pos >= text.Length || text[pos] != '0') continue;
            }

            var best = -1;
            var gapRun = 0;
            for (; pos < text.Length; pos++)
            {
                var ch = text[pos];
                if (char.IsAsciiDigit(ch))
                {
                    digits++;
                    gapRun = 0;
                    var next = pos + 1 < text.Length ? text[pos + 1] : ' ';
                    var national = international ? digits + 1 : digits;
                    if (national is 10 or 11 && !char.IsAsciiDigit(next) && !char.IsLetter(next)) best = pos + 1;
                    if (national > 11) break;
                }
                else if (ch is ' ' or '-' or '(' or ')')
                {
                    if (++gapRun > 2) break;
                }
                else break;
            }

            if (best < 0) continue;
            found.Add(new ProposedRedaction(i, best - i, text[i..best], RedactionKind.PhoneNumber, RedactionReason.ThirdParty, null));
            i = best - 1;
        }
    }

    private void FindDatesOfBirth(string text, List<ProposedRedaction> found)
    {
        if (_datesOfBirth.Count == 0) return;
        foreach (Match m in DatePattern().Matches(text))
        {
            if (ParseDate(m) is { } date && _datesOfBirth.TryGetValue(date, out var personId))
                found.Add(new ProposedRedaction(m.Index, m.Length, m.Value, RedactionKind.DateOfBirth, RedactionReason.ThirdParty, personId));
        }
    }

    private static DateOnly? ParseDate(Match m)
    {
        int day, month, year;
        if (m.Groups["iy"].Success)
        {
            year = int.Parse(m.Groups["iy"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["im"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture);
        }
        else if (m.Groups["nm"].Success)
        {
            day = int.Parse(m.Groups["nd"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["nm"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(m.Groups["ny"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            day = int.Parse(m.Groups["wd"].Value, CultureInfo.InvariantCulture);
            month = MonthOf(m.Groups["wm"].Value);
            year = int.Parse(m.Groups["wy"].Value, CultureInfo.InvariantCulture);
        }
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    private static int MonthOf(string name)
    {
        var prefix = name[..3].ToLowerInvariant();
        var months = new[] { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
        return Array.IndexOf(months, prefix) + 1;
    }

    private static IEnumerable<string[]> AddressPhrases(AddressLines address)
    {
        var line1 = Fold(address.Line1);
        if (line1.Length > 0) yield return line1;
        var line2 = Fold(address.Line2);
        if (line2.Length > 1) yield return line2;
        var postcode = Fold(address.Postcode);
        if (postcode.Length > 0)
        {
            yield return postcode;
            if (postcode.Length > 1) yield return [string.Concat(postcode)];
        }
    }

    private static string[] Fold(string? text) => TextFolding.Words(text).Select(w => w.Folded).ToArray();

    [GeneratedRegex(@"\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex BracketPattern();

    [GeneratedRegex(@"\s*(?:[,;/&]|\band\b)\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparatorPattern();

    [GeneratedRegex(@"(?<![\w.+'-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b(?:(?<iy>\d{4})-(?<im>\d{1,2})-(?<id>\d{1,2})|(?<nd>\d{1,2})[/.-](?<nm>\d{1,2})[/.-](?<ny>\d{4})|(?<wd>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<wm>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+(?<wy>\d{4}))\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();
}

/// <summary>A piece of an item's text as released: plain text, or a redaction with its reason instead of the text.</summary>
public readonly record struct ReleasedSegment(string Text, RedactionReason? Redacted)
{
    public bool IsRedacted => Redacted is not null;

    /// <summary>The words printed in place of a redaction: "[redacted: third party]".</summary>
    public string Label => Redacted is { } r ? $"[redacted: {r.Label()}]" : Text;
}

/// <summary>Cuts a text into released segments: the accepted redactions' characters are never part of the answer.</summary>
public static class ReleasedText
{
    public static IReadOnlyList<ReleasedSegment> Segments(string text, IEnumerable<(int Start, int Length, RedactionReason Reason)> redactions)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<ReleasedSegment>();
        var at = 0;
        foreach (var (start, length, reason) in redactions.OrderBy(r => r.Start))
        {
            var s = Math.Clamp(start, 0, text.Length);
            var e = Math.Clamp(start + length, 0, text.Length);
            if (e <= at) continue;
            if (s < at) s = at;
            if (s > at) segments.Add(new ReleasedSegment(text[at..s], null));
            segments.Add(new ReleasedSegment("", reason));
            at = e;
        }
        if (at < text.Length) segments.Add(new ReleasedSegment(text[at..], null));
        return segments;
    }
}
