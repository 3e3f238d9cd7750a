using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Casefile.Web.Govuk;

/// <summary>
/// GOV.UK date input bound to a <see cref="DateParts"/>:
/// <c>&lt;govuk-date-input asp-for="Input.DateOfBirth" legend="Date of birth" hint="For example, 27 3 2012" /&gt;</c>.
/// </summary>
/// <remarks>
/// The boxes are named Name.Day, Name.Month and Name.Year. The day box has the field id itself
/// (so the error summary's link lands on it); the others add "_Month" and "_Year". The error
/// may be under the date's key or under a box's key; one message is shown for the group. An
/// error under the date's key marks the boxes that <see cref="DateParts.TryGetDate"/> blames
/// (the missing ones, say), or all three when the date itself was refused (say, in the future).
/// </remarks>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper(HtmlEncoder encoder) : GovukFieldTagHelper(encoder)
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    private protected override void Render(GovukHtmlWriter html, TagHelperAttributeList extraAttributes)
    {
        RequireText(Legend, "legend", "govuk-date-input");

        var id = FieldId;
        var name = FieldName;
        var model = For.Model switch
        {
            DateParts parts => parts,
            DateOnly date => DateParts.From(date),
            _ => new DateParts(),
        };
        var shown = new DateParts
        {
            Day = AttemptedValue(name + ".Day") ?? model.Day,
            Month = AttemptedValue(name + ".Month") ?? model.Month,
            Year = AttemptedValue(name + ".Year") ?? model.Year,
        };

        var (error, fieldsInError) = FindError(name, shown);
        var errorId = error is null ? null : id + "-error";

        html.Open("div").Attr("class", FormGroupClass(error)).Close().Line();
        html.Open("fieldset").Attr("class", "govuk-fieldset").Attr("role", "group")
            .Attr("aria-describedby", GovukHtmlWriter.DescribedBy(HintId, errorId))
            .Close().Line();
        WriteLegend(html, Legend!, "", LegendIsPageHeading);
        WriteHint(html);
        WriteErrorMessage(html, id + "-error", error);

        html.Open("div").Attr("class", GovukHtmlWriter.Classes("govuk-date-input", ExtraClass(extraAttributes))).Close().Line();
        WriteBox(html, id, name + ".Day", "Day", shown.Day, 2, fieldsInError.HasFlag(DateFields.Day));
        WriteBox(html, id + "_Month", name + ".Month", "Month", shown.Month, 2, fieldsInError.HasFlag(DateFields.Month));
        WriteBox(html, id + "_Year", name + ".Year", "Year", shown.Year, 4, fieldsInError.HasFlag(DateFields.Year));
        html.End("div").Line();

        html.End("fieldset").Line();
        html.End("div");
    }

    private (string? Error, DateFields Fields) FindError(string name, DateParts shown)
    {
        var groupError = ErrorFor(name);
        if (groupError is not null)
        {
            var check = shown.Check(Legend!);
            return (groupError, check.Error is null ? DateFields.All : check.Fields);
        }

        string? error = null;
        var fields = DateFields.None;
        foreach (var (suffix, field) in new[] { (".Day", DateFields.Day), (".Month", DateFields.Month), (".Year", DateFields.Year) })
        {
            var partError = ErrorFor(name + suffix);
            if (partError is null)
                continue;
            error ??= partError;
            fields |= field;
        }
        return (error, fields);
    }

    private static void WriteBox(GovukHtmlWriter html, string id, string name, string label, string? value, int width, bool hasError)
    {
        html.Open("div").Attr("class", "govuk-date-input__item").Close().Line()
            .Open("div").Attr("class", "govuk-form-group").Close().Line()
            .Open("label").Attr("class", "govuk-label govuk-date-input__label").Attr("for", id).Close()
            .Text(label).End("label").Line()
            .Open("input")
            .Attr("class", GovukHtmlWriter.Classes(
                "govuk-input govuk-date-input__input",
                hasError ? "govuk-input--error" : null,
                $"govuk-input--width-{width}"))
            .Attr("id", id)
            .Attr("name", name)
            .Attr("type", "text")
            .Attr("value", value)
            .Attr("inputmode", "numeric")
            .Close().Line()
            .End("div").Line()
            .End("div").Line();
    }
}
