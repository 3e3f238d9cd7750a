using System.Text.RegularExpressions;

namespace Casefile.Web.Tests.CrossFeature;

/// <summary>
/// Who may do what is decided in <c>Casefile.Domain/Access</c> and nowhere else (ADR 0007, ADR 0024):
/// pages and handlers ask <c>CaseScope</c> for a case's permissions and <c>viewer.May(StaffCapability)</c>
/// for a role gate. This test reads the feature folders' source and fails on a role check or an
/// access rule written there, so a new one cannot slip in beside the policy.
/// </summary>
public sealed partial class AccessRulesStayInTheDomainTests
{
    [Fact]
    public void Features_AskTheDomainPolicy_NeverCheckARoleOrTeamThemselves()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Casefile.Web", "Features");
        var found = Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(features, f), Line: i + 1, Text: line)))
            .Where(l => RoleOrAccessRule().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        found.ShouldBeEmpty("role checks and access rules belong in Casefile.Domain/Access:\n" + string.Join("\n", found));
    }

    [Fact]
    public void RoleOrAccessRule_FindsTheShapesItLooksFor()
    {
        foreach (var rule in new[] { "viewer.HasRole(StaffRole.Legal)", "User.IsInRole(\"x\")", "if (viewer.IsManager)", "p.RequireRole(StaffRole.Administrator)",
            "[Authorize(Roles = StaffRole.AdminOfficer)]", "user.Roles.Contains(StaffRole.Administrator)", "roles.Any(StaffRole.IsManager)",
            "viewer.OverseenTeamIds.Contains(team)" })
            RoleOrAccessRule().IsMatch(rule).ShouldBeTrue(rule);
        RoleOrAccessRule().IsMatch("opened.May(CaseCapability.Manage)").ShouldBeFalse();
    }

    [GeneratedRegex(@"HasRole\(|IsInRole\(|\.IsManager\b|RequireRole\(|Authorize\(Roles|Roles\.Contains\(|Roles\.Any\(|OverseenTeamIds|StaffRole\.IsManager")]
    private static partial Regex RoleOrAccessRule();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Casefile.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Casefile.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
