using System.Net;
using System.Text.Json;
using Casefile.Web.Tests.Documents;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.AccessRequests;

/// <summary>
/// A child with an open case (amara.osei, Northgate; manager daniel.hughes), their mother on the
/// register with her own address, and one finalised record naming the mother, her phone number and
/// the child. Names carry a random part so no other test's data matches them.
/// </summary>
public sealed record AccessScenario(Guid ChildId, Guid CaseId, string ChildName, Guid MotherId, string MotherName, string MotherStreet, string MotherPhone,
    Guid RecordId, string ChildWords)
{
    public static async Task<AccessScenario> CreateAsync(CasefileApp app)
    {
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (_, child) = await worker.GetJsonAsync($"/api/v1/people/{childId}");
        var childName = $"{child.Str("givenName")} {child.Str("familyName")}";
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var motherName = $"Marguerite Vance{suffix}";
        var street = $"{Random.Shared.Next(10, 99)} Larkspur{suffix} Road";
        var (status, mother) = await worker.PostAsync("/api/v1/people", new
        {
            kind = "adult",
            givenName = "Marguerite",
            familyName = $"Vance{suffix}",
            dateOfBirth = "1988-02-14",
            address = new { line1 = street, town = "Harrowden", postcode = "HD9 9XY" },
        });
        status.ShouldBe(HttpStatusCode.Created, mother.ToString());
        var motherId = mother.Id();
        (await worker.PostAsync($"/api/v1/people/{childId}/relationships", new { relatedPersonId = motherId, kind = "mother" })).Status.ShouldBe(HttpStatusCode.Created);

        const string phone = "07700 900456";
        var childWords = $"{childName} showed me her drawings and said she likes her new school";
        var (recorded, record) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", new
        {
            type = "homeVisit",
            occurredAt = DateTimeOffset.UtcNow.AddDays(-3),
            childProtectionEnquiry = false,
            purpose = "Check how things are at home",
            outcome = "Child safe; next visit in two weeks",
            narrative = $"I visited the home. {motherName} said she had been unwell and now lives at {street}. Her number is {phone}. {childWords}.",
            seen = "The child and her mother",
            spokenTo = "The child alone",
            childSeen = true,
            childSeenAlone = true,
        });
        recorded.ShouldBe(HttpStatusCode.Created, record.ToString());
        (await worker.PostAsync($"/api/v1/records/{record.Id()}/finalise", new { })).Status.ShouldBe(HttpStatusCode.OK);
        return new AccessScenario(childId, caseId, childName, motherId, motherName, street, phone, record.Id(), childWords);
    }

    public async Task<Guid> RequestAsync(HttpClient client, string kind, string receivedOn = "")
    {
        var (status, body) = await client.PostAsync("/api/v1/access-requests", new
        {
            kind,
            subjectId = ChildId,
            requesterName = kind == "court-guardian" ? "Ms R Okafor" : "DC Lewis",
            requesterOrganisation = kind == "court-guardian" ? "Cafcass" : "Harrowden Police",
            whatIsAsked = "Records of contact with the family this year",
            receivedOn = receivedOn.Length > 0 ? receivedOn : DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd"),
            identityChecks = "Passport and utility bill seen",
            legalBasis = "Section 47 Children Act 1989",
        });
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.Id();
    }

    public async Task<Guid> UploadAsync(HttpClient client, string type, string title)
    {
        var (status, body) = await client.PostFileAsync($"/api/v1/cases/{CaseId}/documents", DocumentApiTests.Pdf(title), $"{type}.pdf", new Dictionary<string, string>
        {
            ["type"] = type,
            ["title"] = title,
            ["author"] = "Harrowden Family Court",
            ["date"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd"),
        });
        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.Id();
    }

    public static async Task<JsonElement> BuildAsync(HttpClient client, Guid requestId, object command)
    {
        var (status, bundle) = await client.PostAsync($"/api/v1/access-requests/{requestId}/bundle", command);
        status.ShouldBe(HttpStatusCode.OK, bundle.ToString());
        return bundle;
    }

    /// <summary>Accepts every proposed redaction with its suggested reason.</summary>
    public static async Task AcceptAllAsync(HttpClient client, Guid requestId, JsonElement bundle)
    {
        foreach (var p in bundle.GetProperty("proposals").EnumerateArray())
            (await client.PostAsync($"/api/v1/access-requests/{requestId}/redactions/{p.Id()}", new { decision = "accept" })).Status.ShouldBe(HttpStatusCode.NoContent);
    }
}
