using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Casefile.Web.Govuk;

/// <summary>
/// GOV.UK checkboxes in a fieldset, bound to a list of strings:
/// <c>&lt;govuk-checkboxes asp-for="Input.Disabilities" legend="Disabilities" asp-items="Model.Disabilities" exclusive="NONE" /&gt;</c>.
/// The first checkbox's id is the field id, the others add "-2", "-3" and so on, as GOV.UK does.
/// </summary>
/// <remarks>
/// <para>
/// The item whose value is <see cref="Exclusive"/> comes last, after GOV.UK's "or" divider, and
/// unticks the others (and they it) with JavaScript; without it the server refuses both at once.
/// </para>
/// <para>
/// A hidden empty value is posted first, so "nothing ticked" reaches the server as a value and
/// differs from "not on the form": the page clears the list in the first case and leaves it in the
/// second. Items with a <see cref="SelectListItem.Group"/> are shown under the group's name, in a
/// small heading inside the fieldset; their labels should still read on their own.
/// </para>
/// </remarks>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper(HtmlEncoder encoder) : GovukFieldTagHelper(encoder)
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>The value of the "none of these" item, shown last after "or".</summary>
    [HtmlAttributeName("exclusive")]
    public string? Exclusive { get; set; }

    private protected override void Render(GovukHtmlWriter html, TagHelperAttributeList extraAttributes)
    {
        RequireText(Legend, "legend", "govuk-checkboxes");

        var id = FieldId;
        var error = ErrorFor(FieldName);
        var errorId = error is null ? null : id + "-error";
        var items = Items?.ToList() ?? [];
        var exclusive = Exclusive is null ? null : items.FirstOrDefault(i => string.Equals(i.Value, Exclusive, StringComparison.OrdinalIgnoreCase));
        if (exclusive is not null)
        {
            items.Remove(exclusive);
            items.Add(exclusive);
        }
        var ticked = TickedValues();

        html.Open("div").Attr("class", FormGroupClass(error)).Close().Line();
        html.Open("fieldset").Attr("class", "govuk-fieldset")
            .Attr("aria-describedby", GovukHtmlWriter.DescribedBy(HintId, errorId))
            .Close().Line();
        WriteLegend(html, Legend!, "govuk-fieldset__legend--m", isPageHeading: false);
        WriteHint(html);
        WriteErrorMessage(html, id + "-error", error);

        html.Open("input").Attr("name", FieldName).Attr("type", "hidden").Attr("value", "").Close().Line();
        html.Open("div")
            .Attr("class", GovukHtmlWriter.Classes("govuk-checkboxes", ExtraClass(extraAttributes)))
            .Attr("data-module", "govuk-checkboxes")
            .Close().Line();

        SelectListGroup? group = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var isExclusive = ReferenceEquals(item, exclusive);
            if (isExclusive && i > 0)
                html.Open("div").Attr("class", "govuk-checkboxes__divider").Close().Text("or").End("div").Line();
            else if (item.Group is not null && item.Group != group)
                html.Open("p").Attr("class", "govuk-body govuk-!-font-weight-bold govuk-!-margin-top-4 govuk-!-margin-bottom-2").Close()
                    .Text(item.Group.Name).End("p").Line();
            group = item.Group;

            var itemId = i == 0 ? id : id + "-" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var value = item.Value ?? item.Text ?? "";
            html.Open("div").Attr("class", "govuk-checkboxes__item").Close().Line()
                .Open("input").Attr("class", "govuk-checkboxes__input")
                .Attr("id", itemId)
                .Attr("name", FieldName)
                .Attr("type", "checkbox")
                .Attr("value", value)
                .Flag("checked", ticked.Count > 0 ? ticked.Contains(value) : item.Selected)
                .Flag("disabled", item.Disabled)
                .Attr("data-behaviour", isExclusive ? "exclusive" : null)
                .Close().Line()
                .Open("label").Attr("class", "govuk-label govuk-checkboxes__label").Attr("for", itemId).Close()
                .Text(item.Text).End("label").Line()
                .End("div").Line();
        }

        html.End("div").Line();
        html.End("fieldset").Line();
        html.End("div");
    }

    // The bound list is what was posted after a failed post (strings always bind) and the record's
    // values otherwise; ModelState holds only one of several posted values for a list's key.
    private HashSet<string> TickedValues()
    {
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        switch (For.Model)
        {
            case string one:
                values.Add(one);
                break;
            case IEnumerable many:
                foreach (var value in many)
                    if (Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text) values.Add(text);
                break;
        }
        return values;
    }
}

/// <summary>Reads what a <c>govuk-checkboxes</c> list posted.</summary>
public static class GovukCheckboxes
{
    /// <summary>
    /// Null when the form did not offer the list (nothing posted, not even its hidden empty value);
    /// otherwise the values ticked, perhaps none.
    /// </summary>
    public static IReadOnlyList<string>? Ticked(IEnumerable<string?>? posted) =>
        posted?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
}
