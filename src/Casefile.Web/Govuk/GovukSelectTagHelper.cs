using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Casefile.Web.Govuk;

/// <summary>
/// GOV.UK select: <c>&lt;govuk-select asp-for="Input.TeamId" label="Team" asp-items="Model.Teams" /&gt;</c>.
/// The option matching the current value is selected; with no value, the items' own Selected flags are used.
/// </summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper(HtmlEncoder encoder) : GovukFieldTagHelper(encoder)
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    private protected override void Render(GovukHtmlWriter html, TagHelperAttributeList extraAttributes)
    {
        RequireText(Label, "label", "govuk-select");

        var id = FieldId;
        var error = ErrorFor(FieldName);
        var errorId = error is null ? null : id + "-error";
        var items = Items?.ToList() ?? [];
        var current = CurrentValues();

        html.Open("div").Attr("class", FormGroupClass(error)).Close().Line();
        WriteLabel(html, id, Label!, LabelIsPageHeading);
        WriteHint(html);
        WriteErrorMessage(html, id + "-error", error);

        html.Open("select")
            .Attr("class", GovukHtmlWriter.Classes(
                "govuk-select", ExtraClass(extraAttributes), error is null ? null : "govuk-select--error"))
            .Attr("id", id)
            .Attr("name", FieldName)
            .Attr("aria-describedby", GovukHtmlWriter.DescribedBy(HintId, errorId))
            .ExtraAttrs(extraAttributes)
            .Close().Line();

        SelectListGroup? openGroup = null;
        foreach (var item in items)
        {
            if (item.Group != openGroup)
            {
                if (openGroup is not null)
                    html.End("optgroup").Line();
                if (item.Group is not null)
                    html.Open("optgroup").Attr("label", item.Group.Name).Flag("disabled", item.Group.Disabled).Close().Line();
                openGroup = item.Group;
            }

            var value = item.Value ?? item.Text ?? "";
            var selected = current.Count > 0 ? current.Contains(value) : item.Selected;
            html.Open("option")
                .Attr("value", value)
                .Flag("selected", selected)
                .Flag("disabled", item.Disabled)
                .Close().Text(item.Text).End("option").Line();
        }
        if (openGroup is not null)
            html.End("optgroup").Line();

        html.End("select").Line();
        html.End("div");
    }
}
