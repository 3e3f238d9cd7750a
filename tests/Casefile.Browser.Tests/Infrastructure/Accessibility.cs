using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Casefile.Browser.Tests.Infrastructure;

/// <summary>axe-core on the page as it is now, with a failure message that says what to fix and where.</summary>
public static class Accessibility
{
    private const int TargetsShown = 5;

    /// <summary>
    /// Every rule axe runs by default, with full details only for violations: the passes of a
    /// whole page, each listing every element checked, are most of axe's output.
    /// </summary>
    private static readonly AxeRunOptions Options = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>Runs axe-core's default rules (WCAG 2.x A and AA, and best practice) and fails on any violation.</summary>
    public static async Task ShouldHaveNoAxeViolationsAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe(Options);
        var violations = result.Violations ?? [];
        if (violations.Length == 0) return;
        Assert.Fail(Describe(page.Url, violations));
    }

    public static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        var list = violations.ToList();
        text.Append("axe-core found ").Append(list.Count).Append(" accessibility violation(s) on ").AppendLine(url);
        foreach (var v in list)
        {
            text.Append("- ").Append(v.Id).Append(" (").Append(v.Impact).Append("): ").AppendLine(v.Help);
            text.Append("  ").AppendLine(v.HelpUrl);
            foreach (var node in (v.Nodes ?? []).Take(TargetsShown))
            {
                text.Append("    at ").Append(node.Target?.ToString()).Append("  ").AppendLine(Shorten(node.Html));
                var summary = FailureSummary(node);
                if (summary.Length > 0) text.Append("       ").AppendLine(summary);
            }
            if (v.Nodes is { Length: > TargetsShown } nodes)
                text.Append("    … and ").Append(nodes.Length - TargetsShown).AppendLine(" more");
        }
        return text.ToString();
    }

    /// <summary>What axe says is wrong with one element: every "all" and "none" check that failed, or one of the "any" checks.</summary>
    private static string FailureSummary(AxeResultNode node)
    {
        var parts = new List<string>();
        var mustFix = (node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        if (mustFix.Count > 0) parts.Add("Fix all of: " + string.Join("; ", mustFix));
        var anyOf = (node.Any ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        if (anyOf.Count > 0) parts.Add("Fix any of: " + string.Join("; ", anyOf));
        return string.Join(" ", parts).ReplaceLineEndings(" ");
    }

    private static string Shorten(string? html)
    {
        var flat = (html ?? "").ReplaceLineEndings(" ");
        return flat.Length <= 160 ? flat : flat[..160] + "…";
    }
}
