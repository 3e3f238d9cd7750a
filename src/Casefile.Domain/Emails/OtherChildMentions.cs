namespace Casefile.Domain.Emails;

/// <summary>
/// A child on the register who is not part of the case the email is being filed on.
/// <see cref="OtherNames"/> are names the child is also known by: a one-word entry is another
/// given name (used with the family name), a longer entry is a whole other name
/// ("Amy Louise Jones", a previous family name "Amy Smith").
/// </summary>
public sealed record RegisterChild(Guid Id, string GivenName, string FamilyName, IReadOnlyList<string>? OtherNames = null);

/// <summary>Where in the email a name was found.</summary>
public enum EmailTextPart
{
    Subject,
    Body,
}

/// <summary>
/// One place a child's name was found: the text exactly as written in the email, and where
/// (<see cref="Start"/> and <see cref="Length"/> index into the subject or body that was checked).
/// </summary>
public sealed record NameFound(EmailTextPart Part, string Text, int Start, int Length);

/// <summary>A child on the register, not part of this case, whose name appears in the email.</summary>
public sealed record OtherChildMention(RegisterChild Child, IReadOnlyList<NameFound> Found);

/// <summary>
/// Policy 4.2 and 4.4: an email filed on a child's case "should not include identifying details of
/// children to whom the record will not apply" and "there should not be reference to other
/// children". Finds where the full name of another child on the register appears in an email's
/// subject or body, so the worker can confirm it is someone else and redact it, or confirm it is
/// not (a namesake). It points out; it never changes or refuses the email.
/// <para>
/// A name matches as whole words, given name then family name ("Amy Jones"), family name then
/// given name ("Jones Amy", "JONES, Amy"), ignoring case, accents ("Zoë"/"Zoe", "Łucja"/"Lucja")
/// and punctuation ("O'Brien"/"OBrien", "Smith-Jones"/"Smith Jones"); only spaces, a comma or a
/// hyphen may separate the words, so an email address ("amy.jones@...") is not a mention. "Ann Lee" is not found in
/// "Annabel Lee". A given name on its own is never a match: first names are shared by too many
/// children and adults for a hint on every "Amy" to be anything but noise, and a family name alone
/// is usually the name of a parent.
/// </para>
/// </summary>
public sealed class OtherChildMentions
{
    private readonly Dictionary<string, List<(RegisterChild Child, string[] Words)>> _byFirstWord = new(StringComparer.Ordinal);

    /// <param name="otherChildren">Children on the register who are not part of this case.</param>
    public OtherChildMentions(IEnumerable<RegisterChild> otherChildren)
    {
        foreach (var child in otherChildren)
        {
            foreach (var name in NamesOf(child))
            {
                if (!_byFirstWord.TryGetValue(name[0], out var list))
                    _byFirstWord[name[0]] = list = [];
                if (!list.Any(e => e.Child == child && e.Words.SequenceEqual(name)))
                    list.Add((child, name));
            }
        }
    }

    /// <summary>The children named in the subject or body, each with every place a name was found, in order.</summary>
    public IReadOnlyList<OtherChildMention> Find(string? subject, string? body)
    {
        var found = new Dictionary<RegisterChild, List<NameFound>>();
        var order = new List<RegisterChild>();
        Search(EmailTextPart.Subject, subject, found, order);
        Search(EmailTextPart.Body, body, found, order);
        return order.Select(c => new OtherChildMention(c, found[c])).ToList();
    }

    private void Search(EmailTextPart part, string? text, Dictionary<RegisterChild, List<NameFound>> found, List<RegisterChild> order)
    {
        if (string.IsNullOrEmpty(text))
            return;
        var words = TextFolding.Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(words[i].Folded, out var candidates))
                continue;
            // Longest name first, so "Amy Louise Jones" is reported whole rather than missed for "Amy Jones".
            foreach (var (child, name) in candidates.OrderByDescending(c => c.Words.Length))
            {
                if (i + name.Length > words.Count)
                    continue;
                var matches = true;
                for (var k = 1; k < name.Length && matches; k++)
                    matches = words[i + k].Folded == name[k] && IsNameGap(text.AsSpan(words[i + k - 1].End, words[i + k].Start - words[i + k - 1].End));
                if (!matches)
                    continue;

                var start = words[i].Start;
                var end = words[i + name.Length - 1].End;
                if (!found.TryGetValue(child, out var list))
                {
                    found[child] = list = [];
                    order.Add(child);
                }

                if (!list.Any(f => f.Part == part && f.Start <= start && end <= f.Start + f.Length))
                    list.Add(new NameFound(part, text[start..end], start, end - start));
            }
        }
    }

    /// <summary>
    /// Only spaces, line breaks, a comma ("Jones, Amy") or a hyphen ("Smith-Jones") may stand
    /// between the words of a name, so "mark.evans@school.org.uk" and "Evans &lt;mark" are not names.
    /// </summary>
    private static bool IsNameGap(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (!char.IsWhiteSpace(c) && c is not (',' or '-' or '\u2010' or '\u2011'))
                return false;
        }

        return true;
    }

    private static IEnumerable<string[]> NamesOf(RegisterChild child)
    {
        var family = Words(child.FamilyName);
        var givenNames = new List<string[]> { Words(child.GivenName) };
        var wholeNames = new List<string[]>();
        foreach (var other in child.OtherNames ?? [])
        {
            var words = Words(other);
            if (words.Length == 1)
                givenNames.Add(words);
            else if (words.Length > 1)
                wholeNames.Add(words);
        }

        foreach (var given in givenNames)
        {
            if (given.Length == 0 || family.Length == 0)
                continue;
            yield return [.. given, .. family];
            yield return [.. family, .. given];
        }

        foreach (var whole in wholeNames)
        {
            yield return whole;
            // "Jones, Amy Louise" for "Amy Louise Jones": the last word is taken as the family name.
            yield return [whole[^1], .. whole[..^1]];
        }
    }

    private static string[] Words(string? name) => TextFolding.Words(name).Select(w => w.Folded).ToArray();
}
