using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Casefile.Web.Features.Oversight;

/// <summary>One bar: its label and value.</summary>
public sealed record Bar(string Label, double Value, string? Shown = null);

/// <summary>
/// A horizontal bar chart drawn on the server as SVG: no script, readable at 390 px, and named for
/// assistive technology by its title (role img). Every chart on a page has a table of the same
/// figures beside it, which is what a screen reader reads; the chart itself is a picture of it.
/// </summary>
public static class SvgBarChart
{
    private const int RowHeight = 28;
    private const int LabelWidth = 150;
    private const int BarArea = 190;
    private const int Width = LabelWidth + BarArea + 50;

    public static IHtmlContent Draw(string id, string title, IReadOnlyList<Bar> bars, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var top = max ?? Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = Math.Max(1, bars.Count) * RowHeight + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"cf-chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * RowHeight + 4;
            var length = top <= 0 ? 0 : Math.Round(BarArea * Math.Clamp(bar.Value / top, 0, 1), 1);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"13\" fill=\"#0b0c0c\">{WebUtility.HtmlEncode(Shorten(bar.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length}\" height=\"{RowHeight - 10}\" fill=\"#1d70b8\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6}\" y=\"{y + 17}\" font-size=\"13\" fill=\"#0b0c0c\">{WebUtility.HtmlEncode(bar.Shown ?? bar.Value.ToString("0.##", CultureInfo.InvariantCulture))}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Shorten(string label) => label.Length <= 22 ? label : label[..21] + "…";
}
