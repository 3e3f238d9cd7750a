using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Casefile.Web.Govuk;

/// <summary>
/// A single GOV.UK checkbox bound to a bool:
/// <c>&lt;govuk-checkbox asp-for="Input.IsUrgent" label="This referral is urgent" /&gt;</c>.
/// Like asp-for on a checkbox it posts "true" when ticked and the hidden "false" after it
/// otherwise, so the bool binds either way.
/// </summary>
[HtmlTargetElement("govuk-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxTagHelper(HtmlEncoder encoder) : GovukFieldTagHelper(encoder)
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    private protected override void Render(GovukHtmlWriter html, TagHelperAttributeList extraAttributes)
    {
        RequireText(Label, "label", "govuk-checkbox");

        var id = FieldId;
        var error = ErrorFor(FieldName);
        var errorId = error is null ? null : id + "-error";
        // With a single checkbox the hint belongs to the item (under its label), as in GOV.UK's examples.
        var itemHintId = string.IsNullOrWhiteSpace(Hint) ? null : id + "-item-hint";

        html.Open("div").Attr("class", FormGroupClass(error)).Close().Line();
        WriteErrorMessage(html, id + "-error", error);

        html.Open("div")
            .Attr("class", GovukHtmlWriter.Classes("govuk-checkboxes", ExtraClass(extraAttributes)))
            .Attr("data-module", "govuk-checkboxes")
            .Close().Line()
            .Open("div").Attr("class", "govuk-checkboxes__item").Close().Line()
            .Open("input").Attr("class", "govuk-checkboxes__input")
            .Attr("id", id)
            .Attr("name", FieldName)
            .Attr("type", "checkbox")
            .Attr("value", "true")
            .Flag("checked", IsChecked())
            .Attr("aria-describedby", GovukHtmlWriter.DescribedBy(errorId, itemHintId))
            .ExtraAttrs(extraAttributes)
            .Close().Line()
            .Open("label").Attr("class", "govuk-label govuk-checkboxes__label").Attr("for", id).Close()
            .Text(Label).End("label").Line();

        if (itemHintId is not null)
        {
            html.Open("div").Attr("id", itemHintId).Attr("class", "govuk-hint govuk-checkboxes__hint").Close()
                .Text(Hint).End("div").Line();
        }

        html.End("div").Line()
            .End("div").Line();

        // Outside .govuk-checkboxes__item: GOV.UK's CSS needs the label straight after the checkbox.
        html.Open("input").Attr("name", FieldName).Attr("type", "hidden").Attr("value", "false").Close().Line();
        html.End("div");
    }

    // A ticked box posts "true" and then the hidden "false", so a failed post's attempted value
    // is "true,false"; without a post the model's bool formats as "True" or "False".
    private bool IsChecked() =>
        CurrentValues().Any(value => value.Split(',')
            .Any(part => string.Equals(part.Trim(), "true", StringComparison.OrdinalIgnoreCase)));
}
