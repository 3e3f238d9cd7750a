using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Casefile.Web.Tests.Infrastructure;

/// <summary>Small helpers for calling the JSON API and reading its answers.</summary>
public static class Api
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(this HttpClient client, string url, object? body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PutAsync(this HttpClient client, string url, object? body)
    {
        using var response = await client.PutAsJsonAsync(url, body);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostRawAsync(this HttpClient client, string url, string json)
    {
        using var response = await client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Posts a multipart form: one file in the field <c>file</c> and any text fields.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostFileAsync(this HttpClient client, string url, byte[] file, string fileName,
        IReadOnlyDictionary<string, string>? fields = null, string contentType = "application/octet-stream")
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields ?? new Dictionary<string, string>()) form.Add(new StringContent(value), name);
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(content, "file", fileName);
        using var response = await client.PostAsync(url, form);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrWhiteSpace(text)) return default;
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"Expected JSON from the API but got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        }
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static Guid Id(this JsonElement e, string name = "id") => e.GetProperty(name).GetGuid();

    /// <summary>The field names a validation problem names as at fault.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];

    public static void ShouldBeProblem(this (HttpStatusCode Status, JsonElement Body) answer, HttpStatusCode status, params string[] fields)
    {
        answer.Status.ShouldBe(status, answer.Body.ValueKind == JsonValueKind.Undefined ? "(no body)" : answer.Body.ToString());
        answer.Body.ValueKind.ShouldBe(JsonValueKind.Object, "a problem details body");
        answer.Body.GetProperty("status").GetInt32().ShouldBe((int)status);
        answer.Body.TryGetProperty("title", out _).ShouldBeTrue();
        foreach (var field in fields) answer.Body.ErrorFields().ShouldContain(field, answer.Body.ToString());
    }
}

/// <summary>Builds the records a test needs through the API, as a real client would.</summary>
public static class Given
{
    public static async Task<Guid> ChildAsync(HttpClient client, string? givenName = null, string familyName = "Testchild", string dateOfBirth = "2016-05-04")
    {
        var (status, body) = await client.PostAsync("/api/v1/people", new
        {
            kind = "child",
            givenName = givenName ?? "Kid" + Guid.NewGuid().ToString("N")[..6],
            familyName,
            dateOfBirth,
            sex = "female",
            address = new { line1 = "1 Test Street", town = "Harrowden", postcode = "HD1 2AB" },
        });
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.Id();
    }

    public static async Task<Guid> ReferralAsync(HttpClient client, Guid childId)
    {
        var (status, body) = await client.PostAsync("/api/v1/referrals", new
        {
            childId,
            receivedAt = DateTimeOffset.UtcNow.AddHours(-3),
            referrerName = "Ms J Patel",
            referrerAgency = "Harrowden Primary School",
            reason = "Child came to school hungry and with a bruise on the arm.",
        });
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.Id();
    }

    /// <summary>
    /// A case allocated to amara.osei in Northgate, restricted (adoption) by daniel.hughes, who names
    /// himself, amara.osei and <paramref name="namedUsers"/>.
    /// </summary>
    public static async Task<(Guid ChildId, Guid CaseId)> RestrictedCaseAsync(CasefileApp app, params string[] namedUsers)
    {
        var (child, caseId) = await OpenCaseAsync(app);
        var manager = await app.ClientAsync("daniel.hughes");
        var review = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (status, body) = await manager.PostAsync($"/api/v1/cases/{caseId}/restriction",
            new { reason = "adoption", details = "Placement order made", reviewOn = review, namedUsers });
        status.ShouldBe(HttpStatusCode.NoContent, body.ToString());
        return (child, caseId);
    }

    /// <summary>A child with an open case allocated to amara.osei in Northgate, accepted by daniel.hughes.</summary>
    public static async Task<(Guid ChildId, Guid CaseId)> OpenCaseAsync(CasefileApp app, string worker = "amara.osei", string team = "Northgate Children's Team", string manager = "daniel.hughes")
    {
        var client = await app.ClientAsync(manager);
        var child = await ChildAsync(client);
        var referral = await ReferralAsync(client, child);
        var (status, body) = await client.PostAsync($"/api/v1/referrals/{referral}/accept", new { team, allocatedWorker = worker });
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        return (child, body.Id("caseId"));
    }
}
