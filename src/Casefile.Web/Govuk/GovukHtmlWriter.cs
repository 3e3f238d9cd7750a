using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Casefile.Web.Govuk;

/// <summary>
/// Writes the GOV.UK component markup with attributes in the order the Design System's own
/// templates use (TagBuilder would sort them). Every text and attribute value is encoded.
/// </summary>
internal sealed class GovukHtmlWriter(HtmlEncoder encoder)
{
    private readonly StringBuilder _html = new();

    /// <summary>Starts an opening tag; follow with <see cref="Attr"/> calls and <see cref="Close"/>.</summary>
    public GovukHtmlWriter Open(string tag)
    {
        _html.Append('<').Append(tag);
        return this;
    }

    /// <summary>Adds an attribute, or nothing when <paramref name="value"/> is null.</summary>
    public GovukHtmlWriter Attr(string name, string? value)
    {
        if (value is not null)
            _html.Append(' ').Append(name).Append("=\"").Append(encoder.Encode(value)).Append('"');
        return this;
    }

    /// <summary>Adds a boolean attribute such as checked or selected when <paramref name="on"/>.</summary>
    public GovukHtmlWriter Flag(string name, bool on)
    {
        if (on)
            _html.Append(' ').Append(name);
        return this;
    }

    /// <summary>
    /// Copies the attributes written on the tag helper element that it does not bind itself
    /// (maxlength, inputmode, data-*) onto the control; a class attribute is handled by the caller.
    /// </summary>
    public GovukHtmlWriter ExtraAttrs(IEnumerable<TagHelperAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (string.Equals(attribute.Name, "class", StringComparison.OrdinalIgnoreCase))
                continue;

            if (attribute.ValueStyle == HtmlAttributeValueStyle.Minimized)
            {
                _html.Append(' ').Append(attribute.Name);
                continue;
            }

            _html.Append(' ').Append(attribute.Name).Append("=\"");
            switch (attribute.Value)
            {
                case IHtmlContent html:
                    using (var writer = new StringWriter(_html))
                        html.WriteTo(writer, encoder);
                    break;
                case var value:
                    _html.Append(encoder.Encode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    break;
            }
            _html.Append('"');
        }
        return this;
    }

    public GovukHtmlWriter Close()
    {
        _html.Append('>');
        return this;
    }

    public GovukHtmlWriter End(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    public GovukHtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
            _html.Append(encoder.Encode(text));
        return this;
    }

    /// <summary>Trusted markup written by the tag helpers themselves, never user input.</summary>
    public GovukHtmlWriter Raw(string html)
    {
        _html.Append(html);
        return this;
    }

    public GovukHtmlWriter Line()
    {
        _html.Append('\n');
        return this;
    }

    public IHtmlContent ToHtml() => new HtmlString(_html.ToString());

    /// <summary>Joins class names, skipping empty ones.</summary>
    public static string Classes(params string?[] names) =>
        string.Join(' ', names.Where(n => !string.IsNullOrWhiteSpace(n)));

    /// <summary>Joins ids for aria-describedby; null when there are none, so the attribute is left out.</summary>
    public static string? DescribedBy(params string?[] ids)
    {
        var joined = string.Join(' ', ids.Where(i => !string.IsNullOrEmpty(i)));
        return joined.Length == 0 ? null : joined;
    }
}
