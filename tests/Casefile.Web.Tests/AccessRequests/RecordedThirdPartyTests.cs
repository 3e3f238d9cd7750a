using System.Net;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.AccessRequests;

/// <summary>
/// Issue 15, item 8 (policy 10.2): everyone an included record names other than the subject is a
/// third party, whether or not they are on the register: a father named only in the "present"
/// list, or in "seen" and "spoken to", is proposed for redaction and needs Legal Services' advice.
/// </summary>
public sealed class RecordedThirdPartyTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Bundle_WhenARecordNamesSomeoneNotOnTheRegister_ProposesThemAndAsksLegalServices(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var father = "Darren Walsh" + Guid.NewGuid().ToString("N")[..4];
        var (recorded, record) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", new
        {
            type = "homeVisit",
            occurredAt = DateTimeOffset.UtcNow.AddDays(-2),
            purpose = "Visit after the school's concern",
            outcome = "Child safe; next visit in two weeks",
            narrative = "The child showed me her room. Her father was calm and helpful.",
            seen = "The child; PC Kerry Blake",
            spokenTo = "The child alone",
            present = new object[] { new { name = father, role = "Father" } },
            childSeen = true,
            childSeenAlone = true,
        });
        recorded.ShouldBe(HttpStatusCode.Created, record.ToString());
        (await worker.PostAsync($"/api/v1/records/{record.Id()}/finalise", new { })).Status.ShouldBe(HttpStatusCode.OK);
        var (asked, request) = await worker.PostAsync("/api/v1/access-requests", new
        {
            kind = "statutory-enquiry",
            subjectId = childId,
            requesterName = "DC Lewis",
            requesterOrganisation = "Harrowden Police",
            whatIsAsked = "Records of contact with the family this year",
            receivedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd"),
            identityChecks = "Warrant card seen",
            legalBasis = "Section 47 Children Act 1989",
        });
        asked.ShouldBe(HttpStatusCode.Created, request.ToString());

        var bundle = await AccessScenario.BuildAsync(worker, request.Id(), new { records = new[] { record.Id() } });

        var proposed = bundle.GetProperty("proposals").EnumerateArray().Select(p => (p.Str("text"), p.Str("kind"))).ToList();
        proposed.ShouldContain((father, "name"));
        proposed.ShouldContain(("PC Kerry Blake", "name"));
        await AccessScenario.AcceptAllAsync(worker, request.Id(), bundle);
        var (_, view) = await worker.GetJsonAsync($"/api/v1/access-requests/{request.Id()}");
        view.GetProperty("rules").EnumerateArray().Where(r => !r.GetProperty("passed").GetBoolean()).Select(r => r.Str("rule"))
            .ShouldContain("legal-advice-missing");
    }
}
