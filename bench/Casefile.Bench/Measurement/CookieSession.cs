using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Casefile.Bench.Measurement;

/// <summary>
/// A user signed in as a browser signs in: the sign-in page is fetched for its antiforgery cookie
/// and token, the form is posted with the username and password, and the session cookie the
/// service answers with is sent on every later request. Cookies are kept by hand (the service runs
/// on plain HTTP on loopback), and replaced whenever a response sets them again, as the sliding
/// session does.
/// </summary>
public sealed partial class CookieSession
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    private CookieSession(HttpClient http) => _http = http;

    public string UserName { get; private init; } = "";

    /// <summary>Signs in through <c>/account/sign-in</c>; throws unless the service answers with a session cookie and a redirect.</summary>
    public static async Task<CookieSession> SignInAsync(HttpClient http, string userName, string password, CancellationToken ct)
    {
        var session = new CookieSession(http) { UserName = userName };
        var (_, form) = await session.SendAsync(HttpMethod.Get, "/account/sign-in", null, HttpStatusCode.OK, ct);
        var token = AntiforgeryToken().Match(form);
        if (!token.Success) throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["returnUrl"] = "",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        await session.SendAsync(HttpMethod.Post, "/account/sign-in", fields, HttpStatusCode.Redirect, ct);
        if (!session._cookies.ContainsKey("casefile"))
            throw new InvalidOperationException($"Signing in as {userName} set no session cookie.");
        return session;
    }

    /// <summary>One request with the session's cookies, the whole body read; the status must be <paramref name="expected"/>.</summary>
    public async Task<(double Ms, string Body)> SendAsync(HttpMethod method, string url, HttpContent? content, HttpStatusCode expected, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var line in set)
            {
                var pair = line.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) continue;
                var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
                if (value.Length == 0) _cookies.Remove(name);
                else _cookies[name] = value;
            }
        }
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{method} {url} as {UserName}: {(int)response.StatusCode}, expected {(int)expected}. " +
                $"{response.Headers.Location}{text[..Math.Min(text.Length, 600)]}");
        return (ms, text);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
