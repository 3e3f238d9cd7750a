using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Casefile.Web.Govuk;

/// <summary>
/// GOV.UK text input: <c>&lt;govuk-input asp-for="Input.GivenName" label="First name" /&gt;</c>.
/// Attributes it does not bind (maxlength, inputmode, class) are copied onto the input.
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper(HtmlEncoder encoder) : GovukFieldTagHelper(encoder)
{
    private static readonly int[] Widths = [2, 3, 4, 5, 10, 20, 30];

    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>text (default), email, password, tel or number.</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <summary>Characters the field fits: 2, 3, 4, 5, 10, 20 or 30 (govuk-input--width-N). Full width when left out.</summary>
    [HtmlAttributeName("width")]
    public int? Width { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    private protected override void Render(GovukHtmlWriter html, TagHelperAttributeList extraAttributes)
    {
        RequireText(Label, "label", "govuk-input");
        if (Width is { } width && !Widths.Contains(width))
            throw new InvalidOperationException($"<govuk-input> width must be one of {string.Join(", ", Widths)}, not {width}.");

        var id = FieldId;
        var error = ErrorFor(FieldName);
        var errorId = error is null ? null : id + "-error";
        var type = string.IsNullOrWhiteSpace(Type) ? "text" : Type.Trim().ToLowerInvariant();
        var isPassword = type == "password";

        // GOV.UK: avoid type="number" (it rounds, accepts "e" and changes on scroll); a text
        // input with a numeric keyboard does the job.
        var inputMode = type == "number" ? "numeric" : null;
        if (type == "number")
            type = "text";

        html.Open("div").Attr("class", FormGroupClass(error)).Close().Line();
        WriteLabel(html, id, Label!, LabelIsPageHeading);
        WriteHint(html);
        WriteErrorMessage(html, id + "-error", error);

        html.Open("input")
            .Attr("class", GovukHtmlWriter.Classes(
                "govuk-input",
                Width is { } w ? $"govuk-input--width-{w}" : null,
                ExtraClass(extraAttributes),
                error is null ? null : "govuk-input--error"))
            .Attr("id", id)
            .Attr("name", FieldName)
            .Attr("type", type)
            .Attr("spellcheck", Spellcheck is { } spellcheck ? (spellcheck ? "true" : "false") : null)
            // A password is never sent back to the browser, not even after a failed post.
            .Attr("value", isPassword ? null : CurrentText())
            .Attr("aria-describedby", GovukHtmlWriter.DescribedBy(HintId, errorId))
            .Attr("autocomplete", Autocomplete)
            .Attr("inputmode", extraAttributes.ContainsName("inputmode") ? null : inputMode)
            .ExtraAttrs(extraAttributes)
            .Close().Line();

        html.End("div");
    }
}
