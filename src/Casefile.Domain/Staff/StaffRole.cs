namespace Casefile.Domain.Staff;

/// <summary>
/// The roles people hold in Children and Family Services. The names are part of the API and
/// the command line, so they never change once released.
/// </summary>
public static class StaffRole
{
    public const string SocialWorker = "social-worker";
    public const string PracticeManager = "practice-manager";
    public const string PrincipalManager = "principal-manager";
    public const string DivisionalManager = "divisional-manager";
    public const string AdminOfficer = "admin-officer";
    public const string Legal = "legal";
    public const string RecordsManager = "records-manager";
    public const string Administrator = "administrator";

    public static IReadOnlyList<string> All { get; } =
    [
        SocialWorker, PracticeManager, PrincipalManager, DivisionalManager,
        AdminOfficer, Legal, RecordsManager, Administrator,
    ];

    public static IReadOnlyList<string> Managers { get; } = [PracticeManager, PrincipalManager, DivisionalManager];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    public static bool IsManager(string role) => Managers.Contains(role);

    /// <summary>Plain-language name shown on pages.</summary>
    public static string Describe(string role) => role switch
    {
        SocialWorker => "Social worker",
        PracticeManager => "Practice manager",
        PrincipalManager => "Principal manager",
        DivisionalManager => "Divisional manager",
        AdminOfficer => "Admin officer",
        Legal => "Legal Services",
        RecordsManager => "Records manager",
        Administrator => "System administrator",
        _ => role,
    };
}
