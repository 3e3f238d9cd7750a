using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Casefile.Web.Govuk;

/// <summary>
/// GOV.UK radios in a fieldset:
/// <c>&lt;govuk-radios asp-for="Input.Outcome" legend="What happens next?" asp-items="Model.Outcomes" /&gt;</c>.
/// The first radio's id is the field id, the others add "-2", "-3" and so on, as GOV.UK does.
/// </summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper(HtmlEncoder encoder) : GovukFieldTagHelper(encoder)
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    private protected override void Render(GovukHtmlWriter html, TagHelperAttributeList extraAttributes)
    {
        RequireText(Legend, "legend", "govuk-radios");

        var id = FieldId;
        var error = ErrorFor(FieldName);
        var errorId = error is null ? null : id + "-error";
        var items = Items?.ToList() ?? [];
        var current = CurrentValues();

        html.Open("div").Attr("class", FormGroupClass(error)).Close().Line();
        html.Open("fieldset").Attr("class", "govuk-fieldset")
            .Attr("aria-describedby", GovukHtmlWriter.DescribedBy(HintId, errorId))
            .Close().Line();
        WriteLegend(html, Legend!, "govuk-fieldset__legend--m", LegendIsPageHeading);
        WriteHint(html);
        WriteErrorMessage(html, id + "-error", error);

        html.Open("div")
            .Attr("class", GovukHtmlWriter.Classes("govuk-radios", Inline ? "govuk-radios--inline" : null, ExtraClass(extraAttributes)))
            .Attr("data-module", "govuk-radios")
            .Close().Line();

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var itemId = i == 0 ? id : id + "-" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var value = item.Value ?? item.Text ?? "";
            var isChecked = current.Count > 0 ? current.Contains(value) : item.Selected;

            html.Open("div").Attr("class", "govuk-radios__item").Close().Line()
                .Open("input").Attr("class", "govuk-radios__input")
                .Attr("id", itemId)
                .Attr("name", FieldName)
                .Attr("type", "radio")
                .Attr("value", value)
                .Flag("checked", isChecked)
                .Flag("disabled", item.Disabled)
                .Close().Line()
                .Open("label").Attr("class", "govuk-label govuk-radios__label").Attr("for", itemId).Close()
                .Text(item.Text).End("label").Line()
                .End("div").Line();
        }

        html.End("div").Line();
        html.End("fieldset").Line();
        html.End("div");
    }
}
