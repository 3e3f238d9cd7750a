using System.Net;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.People;

public sealed class PeopleApiTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task CreatePerson_WhenValid_CanBeReadBackWithAddress(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var client = await app.ClientAsync("amara.osei");
        var id = await Given.ChildAsync(client, "Maisie", "Ollerenshaw", "2015-02-03");

        var (status, person) = await client.GetJsonAsync($"/api/v1/people/{id}");

        status.ShouldBe(HttpStatusCode.OK);
        person.Str("givenName").ShouldBe("Maisie");
        person.Str("familyName").ShouldBe("Ollerenshaw");
        person.Str("dateOfBirth").ShouldBe("2015-02-03");
        person.Str("kind").ShouldBe("child");
        person.GetProperty("address").Str("postcode").ShouldBe("HD1 2AB");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SearchPeople_WhenNameHasATypo_FindsThePerson(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var client = await app.ClientAsync("amara.osei");
        var family = "Quennell" + Guid.NewGuid().ToString("N")[..4];
        var id = await Given.ChildAsync(client, "Theodora", family, "2014-07-09");

        foreach (var query in new[] { $"theodora {family}", $"Thoedora {family}", $"{family[..5]}", $"theo {family} 09/07/2014", $"{family} 2014" })
        {
            var (status, body) = await client.GetJsonAsync($"/api/v1/people?query={Uri.EscapeDataString(query)}");
            status.ShouldBe(HttpStatusCode.OK);
            body.GetProperty("results").EnumerateArray().Select(r => r.Id()).ShouldContain(id, $"query '{query}'");
        }

        var (_, wrongDob) = await client.GetJsonAsync($"/api/v1/people?query={Uri.EscapeDataString($"{family} 01/01/2001")}");
        wrongDob.GetProperty("results").EnumerateArray().Select(r => r.Id()).ShouldNotContain(id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreatePerson_WhenInputIsWrong_AnswersProblemDetailsNamingEachField(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var client = await app.ClientAsync("amara.osei");

        (await client.PostAsync("/api/v1/people", new { kind = "child" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "givenName", "familyName");
        (await client.PostAsync("/api/v1/people", new { kind = "child", givenName = "A", familyName = "B", dateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "dateOfBirth");
        (await client.PostRawAsync("/api/v1/people", """{"kind":"child","givenName":"A","familyName":"B","dateOfBirth":"2016-13-45"}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "dateOfBirth");
        (await client.PostRawAsync("/api/v1/people", """{"kind":"alien","givenName":"A","familyName":"B"}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "kind");
        (await client.PostRawAsync("/api/v1/people", """{"kind":"child", "givenName": """))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        (await client.PostAsync("/api/v1/people", new { kind = "child", givenName = "A", familyName = "B", address = new { town = "Harrowden" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "address.line1");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task GetPerson_WhenUnknown_Answers404(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var client = await app.ClientAsync("amara.osei");
        (await client.GetJsonAsync($"/api/v1/people/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task People_WhenAdministrator_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await app.ClientAsync("alex.morgan");
        (await admin.GetJsonAsync("/api/v1/people?query=smith")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AddRelationship_WhenValid_ShowsOnBothPeople_AndBadInputIsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var client = await app.ClientAsync("amara.osei");
        var child = await Given.ChildAsync(client, "Ivy", "Relatedfam");
        var mother = (await client.PostAsync("/api/v1/people", new { kind = "adult", givenName = "Moira", familyName = "Relatedfam" })).Body.Id();

        (await client.PostAsync($"/api/v1/people/{child}/relationships", new { relatedPersonId = child, kind = "mother" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "relatedPersonId");
        (await client.PostAsync($"/api/v1/people/{child}/relationships", new { relatedPersonId = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "relatedPersonId", "kind");
        var (status, _) = await client.PostAsync($"/api/v1/people/{child}/relationships", new { relatedPersonId = mother, kind = "mother", notes = "Main carer" });
        status.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsync($"/api/v1/people/{child}/relationships", new { relatedPersonId = mother, kind = "mother" }))
            .ShouldBeProblem(HttpStatusCode.Conflict);

        var (_, person) = await client.GetJsonAsync($"/api/v1/people/{child}");
        var relation = person.GetProperty("relationships").EnumerateArray().Single();
        relation.Str("name").ShouldBe("Moira Relatedfam");
        relation.Str("relationship").ShouldBe("Mother");
        var (_, parent) = await client.GetJsonAsync($"/api/v1/people/{mother}");
        parent.GetProperty("relationships").EnumerateArray().Single().Str("relationship").ShouldBe("Moira is their mother");
    }
}
