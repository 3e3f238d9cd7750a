using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Casefile.Web.Govuk;

/// <summary>
/// GOV.UK error summary for the page's ModelState: <c>&lt;govuk-error-summary /&gt;</c>, placed at
/// the top of main. Renders nothing while ModelState is valid.
/// </summary>
/// <remarks>
/// Each field is listed once, with the same message the field shows (its first error), linking
/// to the field id made from its key; a date box's key (Name.Day) links to the date, whose first
/// box has the date's id. Model-level errors (empty key) are listed first, without a link.
/// ModelStateDictionary does not keep the order errors were added (it enumerates its keys as a
/// prefix tree), so fields are put in the order their properties are declared on the page model,
/// which is the order model validation adds errors and, in practice, the order of the form.
/// </remarks>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper(HtmlEncoder encoder) : TagHelper
{
    private static readonly string[] DateSuffixes = [".Day", ".Month", ".Year"];

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("title")]
    public string Title { get; set; } = "There is a problem";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;

        var items = Items();
        if (items.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var html = new GovukHtmlWriter(encoder);
        html.Open("div").Attr("class", "govuk-error-summary").Attr("data-module", "govuk-error-summary").Close().Line()
            .Open("div").Attr("role", "alert").Close().Line()
            .Open("h2").Attr("class", "govuk-error-summary__title").Close().Text(Title).End("h2").Line()
            .Open("div").Attr("class", "govuk-error-summary__body").Close().Line()
            .Open("ul").Attr("class", "govuk-list govuk-error-summary__list").Close().Line();

        foreach (var (message, href) in items)
        {
            html.Open("li").Close();
            if (href is null)
                html.Text(message);
            else
                html.Open("a").Attr("href", href).Close().Text(message).End("a");
            html.End("li").Line();
        }

        html.End("ul").Line()
            .End("div").Line()
            .End("div").Line()
            .End("div");
        output.Content.SetHtmlContent(html.ToHtml());
    }

    private List<(string Message, string? Href)> Items()
    {
        var modelState = ViewContext.ViewData.ModelState;
        var items = new List<(string Message, string? Href)>();
        if (modelState.IsValid)
            return items;

        var order = new FieldOrder(ViewContext.ViewData.ModelMetadata);
        var sorted = modelState
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .Select((kv, index) => (kv.Key, Entry: kv.Value!, Position: order.Of(kv.Key), index))
            .OrderBy(e => e.Key.Length == 0 ? 0 : 1)
            .ThenBy(e => e.Position, FieldOrder.Comparer)
            .ThenBy(e => e.index);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, entry, _, _) in sorted)
        {
            if (key.Length == 0)
            {
                foreach (var message in GovukModelState.ErrorMessages(entry))
                {
                    if (seen.Add("\n" + message))
                        items.Add((message, null));
                }
                continue;
            }

            var href = "#" + GovukFieldId.FromKey(StripDateSuffix(key));
            if (seen.Add(href) && GovukModelState.FirstErrorMessage(entry) is { } first)
                items.Add((first, href));
        }
        return items;
    }

    private static string StripDateSuffix(string key)
    {
        foreach (var suffix in DateSuffixes)
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
                return key[..^suffix.Length];
        }
        return key;
    }

    /// <summary>Where a ModelState key's property sits in the page model, as declaration indexes.</summary>
    private sealed class FieldOrder(ModelMetadata? root)
    {
        public static readonly IComparer<int[]> Comparer = Comparer<int[]>.Create(static (a, b) =>
        {
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var c = a[i].CompareTo(b[i]);
                if (c != 0)
                    return c;
            }
            return a.Length.CompareTo(b.Length);
        });

        public int[] Of(string key)
        {
            var position = new List<int>();
            var metadata = root;
            foreach (var segment in key.Split('.'))
            {
                // "Children[2]" is the property Children, then element 2.
                var bracket = segment.IndexOf('[', StringComparison.Ordinal);
                var propertyName = bracket < 0 ? segment : segment[..bracket];
                var index = -1;
                metadata = metadata?.Properties.FirstOrDefault(p =>
                {
                    index++;
                    return string.Equals(p.PropertyName, propertyName, StringComparison.OrdinalIgnoreCase);
                });
                if (metadata is null)
                {
                    // Not a property of the model: after the known ones, in ModelState's order.
                    position.Add(int.MaxValue);
                    return [.. position];
                }
                position.Add(index);

                if (bracket >= 0)
                {
                    var inside = segment[(bracket + 1)..].TrimEnd(']');
                    position.Add(int.TryParse(inside, out var element) ? element : int.MaxValue);
                    metadata = metadata.ElementMetadata;
                }
            }
            return [.. position];
        }
    }
}
