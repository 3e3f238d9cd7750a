using System.Net;
using System.Text.RegularExpressions;

namespace Casefile.Web.Tests.Infrastructure;

/// <summary>Drives the HTML pages as a browser would (cookies and antiforgery tokens), without a browser.</summary>
public sealed partial class Browserless(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static async Task<Browserless> SignedInAsync(CasefileApp app, string userName, string password = Demo.DemoSeeder.Password)
    {
        var session = new Browserless(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        var response = await session.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign in should redirect");
        return session;
    }

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Fetches the form page for its antiforgery token, then posts the fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await GetHtmlAsync(formPage ?? url);
        var token = TokenPattern().Match(page);
        token.Success.ShouldBeTrue($"no antiforgery token on {formPage ?? url}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await Client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts fields as a browser sends them: in order, a name as often as it has values (ticked checkboxes).</summary>
    public Task<HttpResponseMessage> PostFieldsAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        Client.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>
    /// What the post form that holds <paramref name="fieldName"/> sends as the page shows it, antiforgery token
    /// included: text and hidden inputs, ticked checkboxes and radios, each select's chosen option and each
    /// textarea. A test changes one field and posts the rest untouched, as a person saving the form would.
    /// </summary>
    public static List<KeyValuePair<string, string>> FormFields(string html, string fieldName)
    {
        var form = FormPattern().Matches(html).Select(m => m.Value)
            .FirstOrDefault(f => f.Contains($"name=\"{fieldName}\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form on the page has a field {fieldName}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match control in ControlPattern().Matches(form))
        {
            var tag = control.Value;
            var name = Attribute(tag, "name");
            if (name is null) continue;
            if (tag.StartsWith("<input", StringComparison.Ordinal))
            {
                var type = Attribute(tag, "type") ?? "text";
                if (type is "submit" or "button" or "file") continue;
                if (type is "checkbox" or "radio" && !CheckedPattern().IsMatch(tag)) continue;
                fields.Add(new(name, Attribute(tag, "value") ?? (type == "checkbox" ? "on" : "")));
            }
            else if (tag.StartsWith("<select", StringComparison.Ordinal))
            {
                var options = OptionPattern().Matches(tag).Select(o => o.Groups[1].Value).ToList();
                var chosen = options.FirstOrDefault(o => SelectedPattern().IsMatch(o)) ?? options.FirstOrDefault();
                if (chosen is not null) fields.Add(new(name, Attribute("<option " + chosen + ">", "value") ?? ""));
            }
            else
            {
                var text = WebUtility.HtmlDecode(control.Groups["text"].Value);
                fields.Add(new(name, text.StartsWith('\n') ? text[1..] : text));
            }
        }
        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{Regex.Escape(name)}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<form\\b[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b[^>]*>|<select\\b[^>]*>.*?</select>|<textarea\\b[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex ControlPattern();

    [GeneratedRegex("<option\\b([^>]*)>", RegexOptions.Singleline)]
    private static partial Regex OptionPattern();

    [GeneratedRegex("\\schecked(?=[\\s>/])")]
    private static partial Regex CheckedPattern();

    [GeneratedRegex("\\sselected(?=[\\s>/=]|$)")]
    private static partial Regex SelectedPattern();
}

public static class FormFieldList
{
    /// <summary>Gives a field one value, as a person typing it or choosing it would (a name posted several times keeps only this one).</summary>
    public static List<KeyValuePair<string, string>> Set(this List<KeyValuePair<string, string>> form, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.RemoveAll(f => f.Key == name);
        form.Add(new(name, value));
        return form;
    }
}
