namespace Casefile.Domain.Emails;

/// <summary>One sender or recipient of an email: the display name (may be empty) and the address.</summary>
public sealed record EmailAddress(string Name, string Address)
{
    /// <summary>"Jane Smith &lt;jane@example.org&gt;", or the bare address when there is no name.</summary>
    public override string ToString() => string.IsNullOrWhiteSpace(Name) ? Address : $"{Name} <{Address}>";
}

/// <summary>Which section of the case file an email is filed in (policy 4.3 practice guidance).</summary>
public enum EmailSection
{
    /// <summary>The case file's ordinary records.</summary>
    General,

    /// <summary>The Restricted Access section: email to or from Legal Services (client privilege).</summary>
    Restricted,
}

/// <summary>
/// Policy 4.5: "the e-mail record must include the transmission data that identifies the sender
/// and the recipient(s) and the date and time the message was sent and/or received". An email
/// whose transmission data is incomplete can still be filed (the worker may have nothing better),
/// but it is flagged, and it can never stand in for the earlier messages of its thread (policy
/// 4.7, <see cref="ThreadSupersession"/>).
/// </summary>
/// <remarks>
/// Complete means: a sender, at least one To or Cc recipient, the date and time it was sent or
/// received (the policy's "and/or": a message with only a <c>Received:</c> date is complete), a
/// subject header (an empty subject is fine, a missing one is not) and a message id (without it
/// the message cannot be placed in its thread or told apart from a copy).
/// </remarks>
public sealed record TransmissionData(
    EmailAddress? From,
    IReadOnlyList<EmailAddress> To,
    IReadOnlyList<EmailAddress> Cc,
    DateTimeOffset? SentAt,
    DateTimeOffset? ReceivedAt,
    string? Subject,
    string? MessageId)
{
    /// <summary>Everyone on the message: the sender, then To, then Cc.</summary>
    public IEnumerable<EmailAddress> Participants =>
        (From is null ? [] : new[] { From }).Concat(To).Concat(Cc);

    /// <summary>What is missing, in plain words a worker understands; empty when complete.</summary>
    public IReadOnlyList<string> Incomplete
    {
        get
        {
            var missing = new List<string>();
            if (From is null || string.IsNullOrWhiteSpace(From.Address))
                missing.Add("who sent it");
            if (!To.Concat(Cc).Any(a => !string.IsNullOrWhiteSpace(a.Address)))
                missing.Add("who it was sent to");
            if (SentAt is null && ReceivedAt is null)
                missing.Add("the date and time it was sent or received");
            if (Subject is null)
                missing.Add("the subject line");
            if (string.IsNullOrWhiteSpace(MessageId))
                missing.Add("the message id");
            return missing;
        }
    }

    /// <summary>True when nothing policy 4.5 asks for is missing.</summary>
    public bool IsComplete => Incomplete.Count == 0;
}
