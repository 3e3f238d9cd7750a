using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Casefile.Web.Govuk;

/// <summary>
/// What the GOV.UK form tag helpers share: the asp-for binding, the field's name and id, the
/// value to show (what was posted if the post failed, otherwise the model) and the error
/// message from ModelState, plus the hint and error message markup.
/// </summary>
/// <remarks>
/// The id of a field is its ModelState key made into an id the way asp-for does it
/// ("Input.GivenName" becomes "Input_GivenName"), and it is always the id of the component's
/// first focusable control, so the error summary can link to any field from its key alone.
/// </remarks>
public abstract class GovukFieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The form field name and ModelState key, with any HtmlFieldPrefix.</summary>
    protected string FieldName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string FieldId => GovukFieldId.FromKey(FieldName);

    protected string? HintId => string.IsNullOrWhiteSpace(Hint) ? null : FieldId + "-hint";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (For is null)
            throw new InvalidOperationException($"<{output.TagName}> needs an asp-for attribute.");

        var writer = new GovukHtmlWriter(encoder);
        Render(writer, output.Attributes);

        // The component replaces the tag helper element entirely.
        output.TagName = null;
        output.Content.SetHtmlContent(writer.ToHtml());
    }

    /// <param name="extraAttributes">Attributes on the element that no property is bound to.</param>
    private protected abstract void Render(GovukHtmlWriter html, TagHelperAttributeList extraAttributes);

    /// <summary>The value the user typed in the last failed post, if there is one.</summary>
    protected string? AttemptedValue(string key) =>
        ViewContext.ViewData.ModelState.TryGetValue(key, out var entry) ? entry.AttemptedValue : null;

    /// <summary>The first error for the key: the one the field shows.</summary>
    protected string? ErrorFor(string key) =>
        ViewContext.ViewData.ModelState.TryGetValue(key, out var entry)
            ? GovukModelState.FirstErrorMessage(entry)
            : null;

    /// <summary>What to show in a text control: the attempted value, otherwise the model formatted for editing.</summary>
    protected string? CurrentText()
    {
        var attempted = AttemptedValue(FieldName);
        if (attempted is not null)
            return attempted;

        var model = For.Model;
        if (model is null)
            return null;

        var format = For.Metadata.EditFormatString;
        return string.IsNullOrEmpty(format)
            ? Convert.ToString(model, CultureInfo.CurrentCulture)
            : string.Format(CultureInfo.CurrentCulture, format, model);
    }

    /// <summary>
    /// The values an option or radio is compared with. An enum is matched by name and by number,
    /// because Html.GetEnumSelectList gives numbers while hand-made lists usually give names.
    /// </summary>
    protected IReadOnlySet<string> CurrentValues()
    {
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) && entry.RawValue is not null)
        {
            switch (entry.RawValue)
            {
                case string[] many:
                    values.UnionWith(many);
                    break;
                default:
                    values.Add(entry.AttemptedValue ?? "");
                    break;
            }
            return values;
        }

        switch (For.Model)
        {
            case null:
                break;
            case Enum e:
                values.Add(e.ToString());
                values.Add(Convert.ToString(Convert.ChangeType(e, e.GetTypeCode(), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) ?? "");
                break;
            case var model:
                values.Add(Convert.ToString(model, CultureInfo.InvariantCulture) ?? "");
                break;
        }
        return values;
    }

    private protected static void WriteLabel(GovukHtmlWriter html, string forId, string text, bool isPageHeading)
    {
        if (isPageHeading)
            html.Open("h1").Attr("class", "govuk-label-wrapper").Close().Line();

        html.Open("label")
            .Attr("class", isPageHeading ? "govuk-label govuk-label--l" : "govuk-label")
            .Attr("for", forId)
            .Close().Text(text).End("label").Line();

        if (isPageHeading)
            html.End("h1").Line();
    }

    private protected static void WriteLegend(GovukHtmlWriter html, string text, string sizeClass, bool isPageHeading)
    {
        if (isPageHeading)
        {
            html.Open("legend").Attr("class", "govuk-fieldset__legend govuk-fieldset__legend--l").Close().Line()
                .Open("h1").Attr("class", "govuk-fieldset__heading").Close().Text(text).End("h1").Line()
                .End("legend").Line();
            return;
        }

        html.Open("legend").Attr("class", GovukHtmlWriter.Classes("govuk-fieldset__legend", sizeClass)).Close()
            .Text(text).End("legend").Line();
    }

    private protected void WriteHint(GovukHtmlWriter html)
    {
        if (HintId is { } hintId)
            html.Open("div").Attr("id", hintId).Attr("class", "govuk-hint").Close().Text(Hint).End("div").Line();
    }

    private protected static void WriteErrorMessage(GovukHtmlWriter html, string errorId, string? error)
    {
        if (error is null)
            return;

        html.Open("p").Attr("id", errorId).Attr("class", "govuk-error-message").Close()
            .Raw("<span class=\"govuk-visually-hidden\">Error:</span> ").Text(error)
            .End("p").Line();
    }

    private protected static string FormGroupClass(string? error) =>
        error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";

    /// <summary>A class attribute written on the tag helper element, added to the control's classes.</summary>
    private protected static string? ExtraClass(TagHelperAttributeList attributes)
    {
        if (!attributes.TryGetAttribute("class", out var attribute) || attribute.Value is null)
            return null;

        if (attribute.Value is IHtmlContent content)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            content.WriteTo(writer, NullHtmlEncoder.Default);
            return writer.ToString();
        }
        return Convert.ToString(attribute.Value, CultureInfo.InvariantCulture);
    }

    private protected static void RequireText(string? value, string attributeName, string element)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException($"<{element}> needs a {attributeName} attribute.");
    }
}

/// <summary>The one rule that turns a ModelState key into the id of the field's first control.</summary>
public static class GovukFieldId
{
    /// <summary>"Input.GivenName" becomes "Input_GivenName", exactly as asp-for makes ids.</summary>
    public static string FromKey(string key) => TagBuilder.CreateSanitizedId(key, "_");
}

internal static class GovukModelState
{
    /// <summary>
    /// The message of a ModelState error; binding failures that carry only an exception get a
    /// plain message instead of the exception's text.
    /// </summary>
    public static string? FirstErrorMessage(ModelStateEntry entry)
    {
        if (entry.Errors.Count == 0)
            return null;
        var message = entry.Errors[0].ErrorMessage;
        return string.IsNullOrWhiteSpace(message) ? "Enter a valid value" : message;
    }

    public static IEnumerable<string> ErrorMessages(ModelStateEntry entry) =>
        entry.Errors.Select(e => string.IsNullOrWhiteSpace(e.ErrorMessage) ? "Enter a valid value" : e.ErrorMessage);
}
