using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Casefile.Web.Govuk;

/// <summary>GOV.UK textarea: <c>&lt;govuk-textarea asp-for="Input.Summary" label="Summary" rows="8" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper(HtmlEncoder encoder) : GovukFieldTagHelper(encoder)
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    private protected override void Render(GovukHtmlWriter html, TagHelperAttributeList extraAttributes)
    {
        RequireText(Label, "label", "govuk-textarea");

        var id = FieldId;
        var error = ErrorFor(FieldName);
        var errorId = error is null ? null : id + "-error";

        html.Open("div").Attr("class", FormGroupClass(error)).Close().Line();
        WriteLabel(html, id, Label!, LabelIsPageHeading);
        WriteHint(html);
        WriteErrorMessage(html, id + "-error", error);

        html.Open("textarea")
            .Attr("class", GovukHtmlWriter.Classes(
                "govuk-textarea", ExtraClass(extraAttributes), error is null ? null : "govuk-textarea--error"))
            .Attr("id", id)
            .Attr("name", FieldName)
            .Attr("rows", Rows.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Attr("aria-describedby", GovukHtmlWriter.DescribedBy(HintId, errorId))
            .ExtraAttrs(extraAttributes)
            // The parser drops one newline straight after <textarea>, so a value that starts
            // with a blank line keeps it.
            .Close().Line().Text(CurrentText()).End("textarea").Line();

        html.End("div");
    }
}
