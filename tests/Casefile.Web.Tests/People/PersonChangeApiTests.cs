using System.Globalization;
using System.Net;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.People;

public sealed class PersonChangeApiTests
{
    private static string Day(int daysFromToday) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddDays(daysFromToday)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Details(Guid version, string givenName = "Maisie", string? dateOfDeath = null) => new
    {
        givenName,
        familyName = "Changedfam",
        knownAs = "Mai",
        dateOfBirth = "2015-02-03",
        sex = "female",
        ethnicity = "White British",
        religion = "None",
        firstLanguage = "Polish",
        needsInterpreter = true,
        disability = "Hearing loss",
        school = "Harrowden Primary",
        dateOfDeath,
        version,
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdatePerson_WhenValid_CanBeReadBackAndIsAudited(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var client = await app.ClientAsync("amara.osei");
        var (_, before) = await client.GetJsonAsync($"/api/v1/people/{childId}");

        var (status, body) = await client.PutAsync($"/api/v1/people/{childId}", Details(before.Id("version"), dateOfDeath: Day(-1)));

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        var (_, after) = await client.GetJsonAsync($"/api/v1/people/{childId}");
        after.Str("givenName").ShouldBe("Maisie");
        after.Str("familyName").ShouldBe("Changedfam");
        after.Str("knownAs").ShouldBe("Mai");
        after.Str("firstLanguage").ShouldBe("Polish");
        after.GetProperty("needsInterpreter").GetBoolean().ShouldBeTrue();
        after.Str("school").ShouldBe("Harrowden Primary");
        after.Str("dateOfDeath").ShouldBe(Day(-1));
        after.Str("kind").ShouldBe("child");
        after.Id("version").ShouldBe(body.Id("version"));
        after.Id("version").ShouldNotBe(before.Id("version"));
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.RecordId == childId.ToString() && e.Action == "update"
            && e.RecordType == "person" && e.CaseFileId == caseId && e.PersonId == childId && e.Outcome == "allowed"))).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdatePerson_WhenInputIsWrong_NamesEveryFieldAtFaultAndChangesNothing(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var client = await app.ClientAsync("amara.osei");
        var id = await Given.ChildAsync(client, "Orla", "Unchangedfam", "2015-02-03");
        var (_, before) = await client.GetJsonAsync($"/api/v1/people/{id}");
        var version = before.Id("version");

        (await client.PutAsync($"/api/v1/people/{id}", new { givenName = "", familyName = " ", dateOfDeath = Day(2) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "givenName", "familyName", "dateOfDeath", "version");
        (await client.PutAsync($"/api/v1/people/{id}", new { givenName = "A", familyName = "B", dateOfBirth = "2015-02-03", dateOfDeath = "2015-02-02", version }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "dateOfDeath");
        (await client.PutAsync($"/api/v1/people/{id}", new { givenName = "A", familyName = "B", dateOfBirth = Day(1), version }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "dateOfBirth");
        (await client.PutAsync($"/api/v1/people/{id}", new { givenName = new string('x', 101), familyName = "B", version }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "givenName");
        (await client.PutAsync($"/api/v1/people/{Guid.NewGuid()}", Details(version))).ShouldBeProblem(HttpStatusCode.NotFound);

        var (_, after) = await client.GetJsonAsync($"/api/v1/people/{id}");
        after.Str("givenName").ShouldBe("Orla");
        after.Id("version").ShouldBe(version);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdatePerson_WhenVersionIsStale_Answers409AndKeepsTheOtherChange(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var client = await app.ClientAsync("amara.osei");
        var id = await Given.ChildAsync(client, "Stella", "Stalefam");
        var (_, read) = await client.GetJsonAsync($"/api/v1/people/{id}");
        var version = read.Id("version");
        (await client.PutAsync($"/api/v1/people/{id}", Details(version, "First"))).Status.ShouldBe(HttpStatusCode.OK);

        var (status, body) = await client.PutAsync($"/api/v1/people/{id}", Details(version, "Second"));

        (status, body).ShouldBeProblem(HttpStatusCode.Conflict);
        body.Str("rule").ShouldBe("stale-edit");
        (await client.GetJsonAsync($"/api/v1/people/{id}")).Body.Str("givenName").ShouldBe("First");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdatePerson_WhenUserMayNotWriteToTheChildsCase_IsRefusedAndNothingChanges(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var amara = await app.ClientAsync("amara.osei");
        var version = (await amara.GetJsonAsync($"/api/v1/people/{childId}")).Body.Id("version");
        var otherTeam = await app.ClientAsync("ben.carter");
        var adminOfficer = await app.ClientAsync("olu.bello"); // reads the team's cases, may not write

        (await otherTeam.PutAsync($"/api/v1/people/{childId}", Details(version, "Changed"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await adminOfficer.PutAsync($"/api/v1/people/{childId}", Details(version, "Changed"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await otherTeam.PostAsync($"/api/v1/people/{childId}/addresses", new { line1 = "9 Elsewhere", from = Day(0) })).ShouldBeProblem(HttpStatusCode.Forbidden);

        var (_, after) = await amara.GetJsonAsync($"/api/v1/people/{childId}");
        after.Str("givenName").ShouldNotBe("Changed");
        after.GetProperty("addresses").GetArrayLength().ShouldBe(1);
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.CaseFileId == caseId && e.Action == "update" && e.Outcome == "refused"))).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdatePerson_WhenChildIsRestrictedAndUserNotNamed_Answers404(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var manager = await app.ClientAsync("daniel.hughes");
        var version = (await manager.GetJsonAsync($"/api/v1/people/{childId}")).Body.Id("version");
        var review = Day(180);
        (await manager.PostAsync($"/api/v1/cases/{caseId}/restriction", new { reason = "adoption", details = "Placement order made", reviewOn = review, namedUsers = Array.Empty<string>() }))
            .Status.ShouldBe(HttpStatusCode.NoContent);
        var allocatedWorker = await app.ClientAsync("amara.osei"); // named on the restricted case as its allocated worker

        var other = await app.ClientAsync("ben.carter");
        (await other.PutAsync($"/api/v1/people/{childId}", Details(version, "Changed"))).ShouldBeProblem(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/people/{childId}/addresses", new { line1 = "9 Elsewhere", from = Day(0) })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await allocatedWorker.GetJsonAsync($"/api/v1/people/{childId}")).Body.Str("givenName").ShouldNotBe("Changed");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task MovePerson_WhenValid_EndsTheOldAddressTheDayBeforeAndIsAudited(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var client = await app.ClientAsync("amara.osei");
        var id = await Given.ChildAsync(client, "Mo", "Movingfam", "2015-02-03");

        (await client.PostAsync($"/api/v1/people/{id}/addresses", new { town = "Harrowden", from = Day(1) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "line1", "from");
        (await client.PostAsync($"/api/v1/people/{id}/addresses", new { line1 = "2 Old Road" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "from");
        (await client.PostAsync($"/api/v1/people/{id}/addresses", new { line1 = "2 Old Road", from = "2014-01-01" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "from"); // the current address started on the date of birth
        var (status, body) = await client.PostAsync($"/api/v1/people/{id}/addresses", new { line1 = "7 New Street", town = "Harrowden", postcode = "hd2 9zz", from = Day(-10) });

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        var (_, person) = await client.GetJsonAsync($"/api/v1/people/{id}");
        person.GetProperty("address").Str("line1").ShouldBe("7 New Street");
        person.GetProperty("address").Str("postcode").ShouldBe("HD2 9ZZ");
        var old = person.GetProperty("addresses").EnumerateArray().Single(a => a.Str("line1") == "1 Test Street");
        old.Str("to").ShouldBe(Day(-11));
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.RecordId == id.ToString() && e.Action == "move" && e.PersonId == id))).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task EndRelationship_WhenValid_IsShownAsEndedNotDeleted_AndBadInputIsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var client = await app.ClientAsync("amara.osei");
        var carer = (await client.PostAsync("/api/v1/people", new { kind = "adult", givenName = "Cara", familyName = "Carerfam" })).Body.Id();
        var relationship = (await client.PostAsync($"/api/v1/people/{childId}/relationships", new { relatedPersonId = carer, kind = "carer" })).Body.Id();

        (await client.PostAsync($"/api/v1/relationships/{relationship}/end", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "endedOn", "reason");
        (await client.PostAsync($"/api/v1/relationships/{relationship}/end", new { endedOn = Day(1), reason = " " })).ShouldBeProblem(HttpStatusCode.BadRequest, "endedOn", "reason");
        (await client.PostAsync($"/api/v1/relationships/{relationship}/end", new { endedOn = Day(-400), reason = "Moved" })).ShouldBeProblem(HttpStatusCode.BadRequest, "endedOn");
        (await client.PostAsync($"/api/v1/relationships/{Guid.NewGuid()}/end", new { endedOn = Day(0), reason = "Moved" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await (await app.ClientAsync("ben.carter")).PostAsync($"/api/v1/relationships/{relationship}/end", new { endedOn = Day(0), reason = "Moved" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);

        var (status, _) = await client.PostAsync($"/api/v1/relationships/{relationship}/end", new { endedOn = Day(0), reason = "No longer caring for her" });

        status.ShouldBe(HttpStatusCode.NoContent);
        var (_, child) = await client.GetJsonAsync($"/api/v1/people/{childId}");
        var row = child.GetProperty("relationships").EnumerateArray().Single();
        row.Str("ended").ShouldBe(Day(0));
        row.Str("endReason").ShouldBe("No longer caring for her");
        (await client.PostAsync($"/api/v1/relationships/{relationship}/end", new { endedOn = Day(0), reason = "Again" })).ShouldBeProblem(HttpStatusCode.Conflict);
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.RecordId == relationship.ToString() && e.Action == "end" && e.CaseFileId == caseId))).ShouldBeTrue();
    }
}
