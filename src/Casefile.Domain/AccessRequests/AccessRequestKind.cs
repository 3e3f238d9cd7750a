namespace Casefile.Domain.AccessRequests;

/// <summary>
/// Why someone is asking to see a child's record (policy 10 and the council's Access to Records
/// Policy). The kind decides the due date and which release rules apply.
/// </summary>
public enum AccessRequestKind
{
    /// <summary>Another agency's statutory enquiry (policy 10.1, 10.2): consent and a manager's approval.</summary>
    StatutoryEnquiry,

    /// <summary>A guardian acting for the child in court proceedings (policy 10.3): the court's authority on file.</summary>
    CourtGuardian,

    /// <summary>The person, or someone on their behalf, asking for their own record: one calendar month.</summary>
    SubjectAccess,

    /// <summary>A court has ordered disclosure: the order on file.</summary>
    CourtOrder,
}

public enum AccessRequestStatus { Open, Released }

public static class AccessRequestKindNames
{
    public static string DisplayName(this AccessRequestKind kind) => kind switch
    {
        AccessRequestKind.StatutoryEnquiry => "Statutory enquiry from another agency",
        AccessRequestKind.CourtGuardian => "Children's guardian in court proceedings",
        AccessRequestKind.SubjectAccess => "Subject access request",
        AccessRequestKind.CourtOrder => "Court order",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The API's name for the kind: statutory-enquiry, court-guardian, subject-access, court-order.</summary>
    public static string ApiName(this AccessRequestKind kind) => kind switch
    {
        AccessRequestKind.StatutoryEnquiry => "statutory-enquiry",
        AccessRequestKind.CourtGuardian => "court-guardian",
        AccessRequestKind.SubjectAccess => "subject-access",
        AccessRequestKind.CourtOrder => "court-order",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? value, out AccessRequestKind kind)
    {
        foreach (var k in Enum.GetValues<AccessRequestKind>())
        {
            if (string.Equals(value?.Trim(), k.ApiName(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(value?.Trim(), k.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
