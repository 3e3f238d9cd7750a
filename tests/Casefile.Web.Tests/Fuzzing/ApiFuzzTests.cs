using System.Collections;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Web.Tests.Fuzzing;

/// <summary>
/// "Never a 500 for a user's mistake" (issue 15 item 17), checked for every JSON API endpoint the
/// app maps, read from its own endpoint data source so a new endpoint is fuzzed without a change
/// here. Each POST and PUT gets a bounded set of hostile bodies built from its command type
/// (empty, nulls, null list entries, wrong types, huge strings, extreme dates, invalid GUIDs);
/// each GET gets extreme values for its query parameters one at a time; each upload gets empty and
/// cut-off multipart bodies. Route ids are a case the fuzzer opened itself (or a demo case, for
/// reads) and random GUIDs. DELETEs are left out: they take no input to get wrong.
/// Runs on an app of its own, so what the hostile requests happen to change touches no other test.
/// </summary>
public sealed class ApiFuzzTests
{
    private const int MaxRequestsPerUser = 3000;

    private static readonly string[] ExtremeDates = ["0001-01-01", "9999-12-31"];
    private static readonly string[] ExtremeInstants = ["0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59+00:00"];
    private static readonly string Huge = new('x', 70_000);

    public sealed record Failure(string Request, int Status, string Answer);

    [Theory, ClassData(typeof(Databases))]
    public async Task EveryEndpoint_WithHostileInput_NeverAnswers5xx(Db db)
    {
        if (db == Db.Postgres && TestEnvironment.PostgresAdminConnectionString is null)
        {
            if (TestEnvironment.RequirePostgres) Assert.Fail("CASEFILE_REQUIRE_POSTGRES is set but CASEFILE_TEST_POSTGRES is not.");
            Assert.Skip("PostgreSQL tests need CASEFILE_TEST_POSTGRES (see README: running the PostgreSQL tests).");
        }
        await using var app = await CasefileApp.StartAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var demoCase = await app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id != caseId).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var endpoints = ApiEndpoints(app);
        endpoints.Count.ShouldBeGreaterThan(40, "the fuzzer should find the API's endpoints");

        var failures = new List<Failure>();
        var statuses = new SortedDictionary<int, int>();
        var counts = new List<string>();
        var clock = Stopwatch.StartNew();
        // The allocated worker, then a manager of the team (who may do more, so reaches further into the handlers).
        foreach (var user in new[] { "amara.osei", "daniel.hughes" })
        {
            var client = await app.ClientAsync(user);
            var requests = endpoints.SelectMany(e => Requests(e, caseId, childId, demoCase)).Take(MaxRequestsPerUser).ToList();
            foreach (var request in requests) await SendAsync(app, client, user, request, failures, statuses);
            counts.Add($"{user}: {requests.Count} requests");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"API fuzz on {db}: {endpoints.Count} endpoints, {string.Join(", ", counts)}, {clock.Elapsed.TotalSeconds:0.0} s; answers {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}");

        failures.ShouldBeEmpty(string.Join("\n\n", failures.Take(15).Select(f => $"{f.Status} for {f.Request}\n{f.Answer}")));
    }

    /// <summary>One request the fuzzer sends: a method, a URL and a body (null for none).</summary>
    public sealed record FuzzRequest(string Method, string Url, Func<HttpContent?> Body, string Describe);

    public sealed record ApiEndpoint(string Method, string Pattern, RouteEndpoint Endpoint, Type? JsonBody, bool Multipart, MethodInfo? Handler);

    private static List<ApiEndpoint> ApiEndpoints(CasefileApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
            {
                var accepts = e.Metadata.GetOrderedMetadata<IAcceptsMetadata>();
                var multipart = accepts.Any(a => a.ContentTypes.Contains("multipart/form-data"));
                var json = accepts.FirstOrDefault(a => a.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal)))?.RequestType;
                return new ApiEndpoint(m, e.RoutePattern.RawText!, e, json, multipart, e.Metadata.GetMetadata<MethodInfo>());
            }))
            .Where(e => e.Method is "GET" or "POST" or "PUT")
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];

    private static IEnumerable<FuzzRequest> Requests(ApiEndpoint endpoint, Guid caseId, Guid childId, Guid demoCase)
    {
        var own = Route(endpoint.Pattern, caseId, childId);
        var random = Route(endpoint.Pattern, Guid.NewGuid(), Guid.NewGuid());
        if (endpoint.Method == "GET")
        {
            var urls = new List<string> { own, random };
            if (endpoint.Pattern.Contains("{caseId", StringComparison.Ordinal)) urls.Add(Route(endpoint.Pattern, demoCase, childId));
            foreach (var url in urls) yield return new FuzzRequest("GET", url, () => null, "");
            foreach (var query in Queries(endpoint)) yield return new FuzzRequest("GET", own + query, () => null, "");
            yield break;
        }
        if (endpoint.Multipart)
        {
            foreach (var url in new[] { own, random })
                foreach (var (name, body) in Multiparts())
                    yield return new FuzzRequest(endpoint.Method, url, body, name);
            yield break;
        }
        foreach (var (name, json) in RawBodies())
            yield return new FuzzRequest(endpoint.Method, own, () => Json(json), name);
        if (endpoint.JsonBody is null) yield break;
        var valid = (JsonObject?)Valid(endpoint.JsonBody, caseId, 0) ?? [];
        yield return new FuzzRequest(endpoint.Method, random, () => Json("{}"), "{}");
        yield return new FuzzRequest(endpoint.Method, random, () => Json(valid.ToJsonString()), valid.ToJsonString());
        foreach (var body in Hostile(endpoint.JsonBody, valid, caseId))
        {
            var text = body.ToJsonString();
            yield return new FuzzRequest(endpoint.Method, own, () => Json(text), text);
        }
    }

    /// <summary>Route values: case ids get the given case, a person's id the child; other ids the case id too (not found there).</summary>
    private static string Route(string pattern, Guid caseId, Guid childId)
    {
        var url = pattern;
        while (url.IndexOf('{', StringComparison.Ordinal) is var start and >= 0)
        {
            var end = url.IndexOf('}', start);
            var parameter = url[(start + 1)..end];
            var name = parameter.Split(':')[0];
            var value = parameter.EndsWith(":guid", StringComparison.Ordinal)
                ? (url.StartsWith("/api/v1/people/", StringComparison.Ordinal) ? childId : caseId).ToString()
                : name switch { "userName" => "amara.osei", "version" => "1", "kind" => "closure", _ => "x" };
            url = url[..start] + value + url[(end + 1)..];
        }
        return url;
    }

    /// <summary>The query string variants: every parameter at a sensible value, then each in turn at something extreme.</summary>
    private static IEnumerable<string> Queries(ApiEndpoint endpoint)
    {
        if (endpoint.Handler is null) yield break;
        var parameters = new List<(string Name, Type Type)>();
        foreach (var p in endpoint.Handler.GetParameters())
        {
            if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
                parameters.AddRange(p.ParameterType.GetProperties().Select(q => (Camel(q.Name), q.PropertyType)));
            else if (IsQueryValue(p.ParameterType) && !endpoint.Pattern.Contains("{" + p.Name, StringComparison.Ordinal))
                parameters.Add((p.Name!, p.ParameterType));
        }
        if (parameters.Count == 0) yield break;
        var baseline = parameters.ToDictionary(p => p.Name, p => Sensible(p.Name, p.Type));
        yield return Query(baseline);
        foreach (var (name, type) in parameters)
        {
            foreach (var value in Extremes(name, type))
            {
                var values = new Dictionary<string, string>(baseline) { [name] = value };
                yield return Query(values);
            }
        }
    }

    private static bool IsQueryValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsPrimitive || t.IsEnum || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(Guid);
    }

    private static string Query(Dictionary<string, string> values) =>
        "?" + string.Join("&", values.Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}"));

    private static string Sensible(string name, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(DateOnly) || (t == typeof(string) && LooksLikeDate(name))) return "2025-06-02";
        if (t == typeof(DateTimeOffset)) return "2025-06-02T10:00:00+01:00";
        if (t == typeof(bool)) return "true";
        if (t.IsPrimitive) return "5";
        if (t.IsEnum) return Camel(Enum.GetNames(t)[0]);
        if (t == typeof(Guid)) return Guid.NewGuid().ToString();
        return "home";
    }

    private static IEnumerable<string> Extremes(string name, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(DateOnly) || (t == typeof(string) && LooksLikeDate(name))) return [.. ExtremeDates, "2025-02-30", "not-a-date", ""];
        if (t == typeof(DateTimeOffset)) return [.. ExtremeInstants, "not-a-time"];
        if (t.IsPrimitive && t != typeof(bool)) return ["-2147483648", "2147483647", "99999999999999999999", "-1", "0", "x"];
        if (t == typeof(bool)) return ["maybe"];
        if (t.IsEnum) return ["noSuchValue", "7"];
        if (t == typeof(Guid)) return ["not-a-guid"];
        return ["", new string('x', 5000), "9999-12-31", "%00", "'\"<>"];
    }

    private static bool LooksLikeDate(string name) =>
        name is "from" or "to" or "date" or "since" or "until" || name.EndsWith("On", StringComparison.Ordinal) || name.EndsWith("Date", StringComparison.Ordinal);

    private static IEnumerable<(string Name, string Json)> RawBodies() =>
        [("no JSON value", ""), ("null", "null"), ("[]", "[]"), ("a string", "\"text\""), ("a number", "12"), ("cut off", "{\"reason\":"), ("{}", "{}")];

    private static IEnumerable<(string Name, Func<HttpContent?> Body)> Multiparts() =>
    [
        ("empty multipart", BadInputTests.EmptyMultipart),
        ("cut-off multipart", () => BadInputTests.CutOffMultipart()),
        ("multipart without a boundary", () => Raw("", "multipart/form-data")),
        ("multipart with no file", () => Raw("--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b")),
        ("multipart with an empty file", () => Raw("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n\r\n--b--\r\n", "multipart/form-data; boundary=b")),
        ("JSON instead of multipart", () => Json("{}")),
        ("no body", () => null),
    ];

    /// <summary>A body that looks right: every property at a plausible value of its type.</summary>
    private static JsonNode? Valid(Type type, Guid caseId, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return "Fuzz text";
        if (t == typeof(bool)) return true;
        if (t.IsPrimitive || t == typeof(decimal)) return 1;
        if (t.IsEnum) return Camel(Enum.GetNames(t)[0]);
        if (t == typeof(Guid)) return caseId.ToString();
        if (t == typeof(DateOnly)) return "2025-06-02";
        if (t == typeof(DateTimeOffset) || t == typeof(DateTime)) return "2025-06-02T10:00:00+01:00";
        if (t == typeof(TimeOnly)) return "10:00";
        if (typeof(JsonNode).IsAssignableFrom(t) || t == typeof(object) || depth > 3) return new JsonObject();
        if (ElementOf(t) is { } element) return new JsonArray(Valid(element, caseId, depth + 1));
        var o = new JsonObject();
        foreach (var p in Properties(t)) o[Camel(p.Name)] = Valid(p.PropertyType, caseId, depth + 1);
        return o;
    }

    /// <summary>The valid-looking body spoiled in one way at a time, plus all of it null and all its dates extreme.</summary>
    private static IEnumerable<JsonObject> Hostile(Type type, JsonObject valid, Guid caseId)
    {
        var properties = Properties(Nullable.GetUnderlyingType(type) ?? type).ToList();
        if (properties.Count == 0) yield break;
        yield return new JsonObject(properties.Select(p => KeyValuePair.Create(Camel(p.Name), (JsonNode?)null)));
        foreach (var date in ExtremeDates)
        {
            var allDates = (JsonObject)valid.DeepClone();
            foreach (var p in properties.Where(p => IsDate(p.PropertyType))) allDates[Camel(p.Name)] = IsDateOnly(p.PropertyType) ? date : date + "T00:00:00+00:00";
            yield return allDates;
        }
        foreach (var p in properties)
        {
            foreach (var value in Spoilt(p.PropertyType, caseId))
            {
                var body = (JsonObject)valid.DeepClone();
                body[Camel(p.Name)] = value;
                yield return body;
            }
        }
    }

    private static IEnumerable<JsonNode?> Spoilt(Type type, Guid caseId)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        yield return null;
        if (t == typeof(string))
        {
            yield return 12345;
            yield return Huge;
            yield return "";
            yield break;
        }
        yield return new JsonObject { ["wrong"] = "type" };
        if (t == typeof(bool)) yield return "maybe";
        else if (t.IsPrimitive || t == typeof(decimal))
        {
            yield return "x";
            yield return long.MaxValue;
            yield return -1;
        }
        else if (t.IsEnum)
        {
            yield return "noSuchValue";
            yield return 1;
        }
        else if (t == typeof(Guid))
        {
            yield return "not-a-guid";
            yield return Guid.Empty.ToString();
            yield return Guid.NewGuid().ToString();
        }
        else if (t == typeof(DateOnly))
        {
            foreach (var d in ExtremeDates) yield return d;
            yield return "2025-02-30";
        }
        else if (t == typeof(DateTimeOffset) || t == typeof(DateTime))
        {
            foreach (var d in ExtremeInstants) yield return d;
            yield return "2025-06-02";
        }
        else if (ElementOf(t) is { } element)
        {
            yield return new JsonArray((JsonNode?)null);
            yield return new JsonArray(Valid(element, caseId, 1), null);
            yield return new JsonArray("wrong", 12345);
            if (Properties(Nullable.GetUnderlyingType(element) ?? element).ToList() is { Count: > 0 } inner)
            {
                yield return new JsonArray(new JsonObject());
                foreach (var date in ExtremeDates)
                {
                    var entry = (JsonObject)Valid(element, caseId, 1)!;
                    foreach (var p in inner.Where(p => IsDate(p.PropertyType))) entry[Camel(p.Name)] = IsDateOnly(p.PropertyType) ? date : date + "T00:00:00+00:00";
                    yield return new JsonArray(entry);
                }
                yield return new JsonArray(new JsonObject(inner.Select(p => KeyValuePair.Create(Camel(p.Name), (JsonNode?)null))));
            }
        }
        else if (Properties(t).Any())
        {
            yield return new JsonObject();
            yield return "wrong";
        }
    }

    private static bool IsDateOnly(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(DateOnly);

    private static bool IsDate(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(DateTime));

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.Namespace?.StartsWith("Casefile.", StringComparison.Ordinal) == true && type.IsClass
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            : [];

    private static Type? ElementOf(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        return type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static HttpContent Json(string text) => Raw(text, "application/json");

    private static HttpContent Raw(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static async Task SendAsync(CasefileApp app, HttpClient client, string user, FuzzRequest request, List<Failure> failures, SortedDictionary<int, int> statuses)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url) { Content = request.Body() };
        while (app.ServerErrors.TryDequeue(out _)) { }
        using var response = await client.SendAsync(message);
        statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
        if ((int)response.StatusCode < 500) return;
        var answer = await response.Content.ReadAsStringAsync();
        var logged = app.ServerErrors.TryDequeue(out var error) ? error : "";
        var body = request.Describe.Length > 300 ? request.Describe[..300] + "…" : request.Describe;
        var url = request.Url.Length > 300 ? request.Url[..300] + "…" : request.Url;
        failures.Add(new Failure($"{request.Method} {url} as {user}\n  body: {body}", (int)response.StatusCode,
            $"{answer[..Math.Min(answer.Length, 400)]}\n{logged[..Math.Min(logged.Length, 1500)]}"));
    }
}
