using System.Text.RegularExpressions;

namespace Casefile.Domain.Emails;

/// <summary>An attachment as the thread rule sees it: its name (for the reasons) and its content's SHA-256.</summary>
public sealed record ThreadAttachment(string FileName, string Sha256);

/// <summary>
/// An email as <see cref="ThreadSupersession"/> sees it. <see cref="Id"/> is the case record's id
/// for an email already on the case (any value for the incoming one).
/// <see cref="Transmission"/> carries the message id; <see cref="InReplyTo"/> and
/// <see cref="References"/> are the message ids of the thread before it.
/// </summary>
public sealed record ThreadMessage(
    Guid Id,
    TransmissionData Transmission,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string BodyText,
    IReadOnlyList<ThreadAttachment> Attachments);

/// <summary>An earlier email of the same thread that the incoming one cannot replace, and why.</summary>
public sealed record SupersessionRefusal(Guid EmailId, IReadOnlyList<string> Reasons);

/// <summary>
/// What <see cref="ThreadSupersession.Assess"/> found: the earlier emails of the thread the worker
/// may let the incoming email replace, and the others of the thread with the reasons they may not.
/// Emails of other threads appear in neither list.
/// </summary>
public sealed record SupersessionOffer(IReadOnlyList<Guid> MaySupersede, IReadOnlyList<SupersessionRefusal> Refused)
{
    /// <summary>True when there is something to offer the worker.</summary>
    public bool HasOffer => MaySupersede.Count > 0;
}

/// <summary>
/// Policy 4.7: "if an Email is sent back and forth and the most recent communication has the
/// entire sequence of correspondence, it is only necessary to keep the final communication ... as
/// long as it also contains attachments and other data such as the sender, receivers, date, and
/// time, that are necessary for a complete record."
/// <para>
/// Finds the earlier emails on the case that belong to the incoming email's thread: linked by
/// message ids (the incoming email's <c>In-Reply-To</c>/<c>References</c>, or sharing a thread
/// root with it), or, for mail whose client dropped those headers, with the same subject once
/// "Re:", "Fwd:", "RE:", "FW:" are stripped and at least two participants in common. An earlier
/// email may be superseded only when (1) the incoming email's transmission data is complete
/// (policy 4.5), (2) the earlier email's text is wholly quoted in the incoming email's text, and
/// (3) every attachment of the earlier email is attached to the incoming one (same SHA-256).
/// </para>
/// <para>
/// Quoted text is compared word by word, folded as <see cref="TextFolding"/> does: quote markers
/// ("&gt;"), line wrapping, punctuation and case never matter, and the attribution lines clients
/// put above a quotation ("On 3 Nov 2025, at 10:12, Jane Smith wrote:", Outlook's "From: / Sent:
/// / To: / Cc: / Subject:" block, "-----Original Message-----") are left out on both sides. This
/// only offers: the worker decides, and nothing is deleted here.
/// </para>
/// </summary>
public static partial class ThreadSupersession
{
    /// <summary>Offers which <paramref name="earlier"/> emails <paramref name="incoming"/> may replace.</summary>
    public static SupersessionOffer Assess(ThreadMessage incoming, IEnumerable<ThreadMessage> earlier)
    {
        var candidates = earlier.ToList();
        var thread = SameThread(incoming, candidates);
        var incomingMissing = incoming.Transmission.Incomplete;
        var incomingText = " " + QuotableText(incoming.BodyText) + " ";
        var incomingHashes = incoming.Attachments
            .Select(a => a.Sha256).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var incomingId = MessageId(incoming.Transmission.MessageId);

        var may = new List<Guid>();
        var refused = new List<SupersessionRefusal>();
        foreach (var message in thread)
        {
            var reasons = new List<string>();
            if (incomingId is not null && incomingId == MessageId(message.Transmission.MessageId))
            {
                reasons.Add("It is the same email (same message id), already on the case.");
                refused.Add(new SupersessionRefusal(message.Id, reasons));
                continue;
            }

            if (incomingMissing.Count > 0)
                reasons.Add("The new email's transmission data is incomplete (it does not show "
                    + JoinPlain(incomingMissing) + "), so it cannot stand as the complete record.");

            var text = QuotableText(message.BodyText);
            if (text.Length > 0 && !incomingText.Contains(" " + text + " ", StringComparison.Ordinal))
                reasons.Add("Its text is not wholly quoted in the new email.");

            var missingAttachments = message.Attachments
                .Where(a => !incomingHashes.Contains(a.Sha256))
                .Select(a => a.FileName)
                .ToList();
            if (missingAttachments.Count == 1)
                reasons.Add($"Its attachment {missingAttachments[0]} is not attached to the new email.");
            else if (missingAttachments.Count > 1)
                reasons.Add($"Its attachments {JoinPlain(missingAttachments)} are not attached to the new email.");

            if (reasons.Count == 0)
                may.Add(message.Id);
            else
                refused.Add(new SupersessionRefusal(message.Id, reasons));
        }

        return new SupersessionOffer(may, refused);
    }

    /// <summary>
    /// The subject with reply and forward prefixes ("Re:", "RE: FW:", "Fwd:", "AW:", "Re[2]:")
    /// stripped, whitespace collapsed and case folded, as threads are matched without message ids.
    /// </summary>
    public static string NormaliseSubject(string? subject)
    {
        var s = (subject ?? "").Trim();
        while (true)
        {
            var stripped = ReplyPrefix().Replace(s, "", 1);
            if (stripped == s)
                break;
            s = stripped;
        }

        return Whitespace().Replace(s, " ").Trim().ToLowerInvariant();
    }

    /// <summary>
    /// The words of a body that count when deciding whether it is quoted in another: quote markers
    /// and quotation headers removed, folded and joined by single spaces.
    /// </summary>
    public static string QuotableText(string? body)
    {
        if (string.IsNullOrEmpty(body))
            return "";

        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => QuoteMarker().Replace(l, ""))
            .ToList();

        var kept = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (QuotationHeaderLine().IsMatch(line) || Attribution().IsMatch(line))
                continue;
            // Gmail wraps a long attribution: "On Mon, 3 Nov 2025 at 10:12, Jane Smith <jane@x>" / "wrote:".
            if (line.StartsWith("On ", StringComparison.Ordinal) && i + 1 < lines.Count
                && lines[i + 1].TrimEnd().EndsWith("wrote:", StringComparison.Ordinal)
                && lines[i + 1].Trim().Length < 120)
            {
                i++;
                continue;
            }

            kept.Add(line);
        }

        return TextFolding.Fold(string.Join('\n', kept));
    }

    private static List<ThreadMessage> SameThread(ThreadMessage incoming, List<ThreadMessage> candidates)
    {
        // The message ids known to belong to the thread grow as linked emails are found, so that
        // a sibling reply (sharing only the thread's first message id) is found too.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        AddIds(ids, incoming);
        var inThread = new HashSet<ThreadMessage>(ReferenceEqualityComparer.Instance);
        bool grew;
        do
        {
            grew = false;
            foreach (var message in candidates)
            {
                if (inThread.Contains(message))
                    continue;
                var own = new HashSet<string>(StringComparer.Ordinal);
                AddIds(own, message);
                if (own.Overlaps(ids))
                {
                    inThread.Add(message);
                    ids.UnionWith(own);
                    grew = true;
                }
            }
        }
        while (grew);

        var subject = NormaliseSubject(incoming.Transmission.Subject);
        var people = Addresses(incoming);
        foreach (var message in candidates)
        {
            if (inThread.Contains(message) || subject.Length == 0)
                continue;
            if (NormaliseSubject(message.Transmission.Subject) == subject
                && Addresses(message).Intersect(people, StringComparer.OrdinalIgnoreCase).Count() >= 2)
                inThread.Add(message);
        }

        return candidates.Where(inThread.Contains).ToList();
    }

    private static void AddIds(HashSet<string> ids, ThreadMessage message)
    {
        foreach (var id in message.References.Append(message.InReplyTo).Append(message.Transmission.MessageId))
        {
            if (MessageId(id) is { } clean)
                ids.Add(clean);
        }
    }

    private static HashSet<string> Addresses(ThreadMessage message) =>
        message.Transmission.Participants.Select(p => p.Address.Trim())
            .Where(a => a.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string? MessageId(string? id)
    {
        var clean = id?.Trim().Trim('<', '>').Trim();
        return string.IsNullOrEmpty(clean) ? null : clean;
    }

    private static string JoinPlain(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    [GeneratedRegex(@"^\s*(re|fw|fwd|aw|sv|wg|tr|antw)\s*(\[\d+\])?\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[ \t]*(>[ \t]?)+")]
    private static partial Regex QuoteMarker();

    [GeneratedRegex(@"^((from|sent|to|cc|bcc|subject|date|importance)\s*:.*|-{2,}\s*(original message|forwarded message)\s*-{2,}|_{10,})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotationHeaderLine();

    [GeneratedRegex(@"^(on\b.*\bwrote:|.{0,200}\bwrote:)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();
}
