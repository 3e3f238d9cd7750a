namespace Casefile.Domain.Emails;

/// <summary>
/// Policy 4.3 practice guidance: "emails sent to and received from Legal Services should be stored
/// in the Restricted Access section" (client privilege). The council configures its Legal Services
/// addresses, one entry each: a full address (<c>legal@council.gov.uk</c>) or a whole domain
/// written with a leading <c>@</c> (<c>@legal.council.gov.uk</c>). Matching ignores case. A domain
/// entry matches that exact domain only, not its subdomains, so that <c>@council.gov.uk</c> is
/// never needed and a typo cannot restrict every email of the council.
/// </summary>
public sealed class LegalServicesAddresses
{
    private readonly HashSet<string> _addresses = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _domains = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>No Legal Services addresses: every email is filed in the general section.</summary>
    public static LegalServicesAddresses None { get; } = new([]);

    /// <param name="entries">Addresses and <c>@domain</c> entries; blank entries are ignored.</param>
    /// <exception cref="ArgumentException">An entry is neither an address nor an <c>@domain</c>.</exception>
    public LegalServicesAddresses(IEnumerable<string> entries)
    {
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
                continue;
            var at = entry.IndexOf('@', StringComparison.Ordinal);
            if (at < 0 || at != entry.LastIndexOf('@') || at == entry.Length - 1 || entry.Any(char.IsWhiteSpace))
                throw new ArgumentException(
                    $"\"{entry}\" is not an email address or a domain written as @domain.", nameof(entries));
            if (at == 0)
                _domains.Add(entry[1..]);
            else
                _addresses.Add(entry);
        }
    }

    /// <summary>The configured entries, addresses first, as a settings page would show them.</summary>
    public IReadOnlyList<string> Entries =>
        _addresses.Order(StringComparer.OrdinalIgnoreCase)
            .Concat(_domains.Order(StringComparer.OrdinalIgnoreCase).Select(d => "@" + d))
            .ToList();

    /// <summary>True when <paramref name="address"/> is a Legal Services address.</summary>
    public bool IsLegal(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
            return false;
        var trimmed = address.Trim();
        if (_addresses.Contains(trimmed))
            return true;
        var at = trimmed.LastIndexOf('@');
        return at >= 0 && _domains.Contains(trimmed[(at + 1)..]);
    }

    /// <summary>True when the sender or any To or Cc recipient is a Legal Services address.</summary>
    public bool IsLegal(TransmissionData email) => email.Participants.Any(p => IsLegal(p.Address));

    /// <summary>Policy 4.3: where the email is filed.</summary>
    public EmailSection SectionFor(TransmissionData email) =>
        IsLegal(email) ? EmailSection.Restricted : EmailSection.General;
}
