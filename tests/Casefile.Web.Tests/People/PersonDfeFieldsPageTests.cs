using System.Net;
using System.Text.Json;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.People;

/// <summary>
/// The DfE details on the person forms (issue 16): ethnicity, disabilities, UPN and NHS number are
/// offered and shown by their plain labels (policy 3.1), the domain's checks show on their own
/// fields, and saving other details keeps them.
/// </summary>
public sealed class PersonDfeFieldsPageTests
{
    private const string GoodUpn = "V820200100101";
    private const string BadUpn = "A820200100101";
    private const string GoodNhsNumber = "9434765919";

    [Fact]
    public async Task AddPerson_OffersEthnicityDisabilitiesUpnAndNhsNumberByTheirLabels()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var session = await Browserless.SignedInAsync(app, "amara.osei");

        var html = await session.GetHtmlAsync("/people/new");

        html.ShouldContain("<optgroup label=\"Black or Black British\">");
        html.ShouldContain("<option value=\"BCRB\">Caribbean</option>");
        html.ShouldContain("<option value=\"MWBC\">White and Black Caribbean</option>");
        html.ShouldNotContain(">MWBC<", customMessage: "the code is the value posted, never the words shown");
        html.ShouldContain("id=\"Input_Upn\"");
        html.ShouldContain("id=\"Input_NhsNumber\"");
        html.ShouldContain("id=\"Input_Upn-hint\"");
        html.ShouldContain(">Hearing</label>");
        // "No disability" comes last, after GOV.UK's "or", and unticks the others.
        html.ShouldContain("<div class=\"govuk-checkboxes__divider\">or</div>");
        html.ShouldContain("value=\"NONE\" data-behaviour=\"exclusive\"");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AddPerson_WhenValid_StoresTheCodesAndShowsTheLabels(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var form = Browserless.FormFields(await session.GetHtmlAsync("/people/new"), "Input.Upn");
        form.Set("Input.Kind", "Child");
        form.Set("Input.GivenName", "Dfe" + Guid.NewGuid().ToString("N")[..6]);
        form.Set("Input.FamilyName", "Labelfam");
        form.Set("Input.Ethnicity", "MWBC");
        form.Set("Input.Upn", GoodUpn.ToLowerInvariant());
        form.Set("Input.NhsNumber", "943 476 5919");
        form.Add(new("Input.Disabilities", "COMM"));
        form.Add(new("Input.Disabilities", "HEAR"));

        var response = await session.PostFieldsAsync("/people/new", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var personUrl = response.Headers.Location!.OriginalString;
        var page = await session.GetHtmlAsync(personUrl);
        page.ShouldContain("White and Black Caribbean");
        page.ShouldContain(GoodUpn);
        page.ShouldContain("943 476 5919");
        page.ShouldContain("Communication, Hearing");
        var person = (await (await app.ClientAsync("amara.osei")).GetJsonAsync("/api/v1" + personUrl)).Body;
        person.Str("ethnicity").ShouldBe("MWBC");
        person.Str("upn").ShouldBe(GoodUpn);
        person.Str("nhsNumber").ShouldBe(GoodNhsNumber);
        Codes(person, "disabilities").ShouldBe(["COMM", "HEAR"]);
    }

    [Fact]
    public async Task AddPerson_WhenUpnAndNhsNumberAreWrong_ShowsEachOnItsFieldWithTheOtherErrorsAndKeepsWhatWasTyped()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var form = Browserless.FormFields(await session.GetHtmlAsync("/people/new"), "Input.Upn");
        form.Set("Input.Kind", "Child");
        form.Set("Input.GivenName", "Upnkeep");
        form.Set("Input.Ethnicity", "BAFR");
        form.Set("Input.Upn", BadUpn);
        form.Set("Input.NhsNumber", "12345");
        form.Add(new("Input.Disabilities", "VIS"));

        var response = await session.PostFieldsAsync("/people/new", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<title>Error: ");
        html.ShouldContain("There is a problem");
        // Every problem at once: the last name, and the two numbers each linked to its own field.
        html.ShouldContain("<a href=\"#Input_FamilyName\">");
        html.ShouldContain("<a href=\"#Input_Upn\">Check the Unique Pupil Number: the first letter does not match the rest");
        html.ShouldContain("<a href=\"#Input_NhsNumber\">NHS number must be 10 numbers</a>");
        html.ShouldContain("id=\"Input_Upn-error\"");
        // What was typed and chosen is still there.
        html.ShouldContain($"value=\"{BadUpn}\"");
        html.ShouldContain("value=\"12345\"");
        html.ShouldContain("value=\"Upnkeep\"");
        html.ShouldContain("<option value=\"BAFR\" selected>African</option>");
        html.ShouldContain("value=\"VIS\" checked");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task EditPerson_WhenOtherDetailsAreSaved_KeepsTheDfeDetails_AndEmptyOnesClear(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var api = await app.ClientAsync("amara.osei");
        var (created, body) = await api.PostAsync("/api/v1/people", new
        {
            kind = "child",
            givenName = "Roundtrip",
            familyName = "Keptfam",
            dateOfBirth = "2015-02-03",
            ethnicity = "WBRI",
            upn = GoodUpn,
            nhsNumber = GoodNhsNumber,
            disabilities = new[] { "MOB", "LD" },
        });
        created.ShouldBe(HttpStatusCode.Created, body.ToString());
        var id = body.Id();
        var session = await Browserless.SignedInAsync(app, "amara.osei");

        var edit = await session.GetHtmlAsync($"/people/{id}/edit");
        edit.ShouldContain("<option value=\"WBRI\" selected>White British</option>");
        edit.ShouldContain($"value=\"{GoodUpn}\"");
        edit.ShouldContain($"value=\"{GoodNhsNumber}\"");
        edit.ShouldContain("value=\"MOB\" checked");
        edit.ShouldContain("value=\"LD\" checked");
        var form = Browserless.FormFields(edit, "Input.GivenName");
        form.Set("Input.GivenName", "Roundtripped");

        (await session.PostFieldsAsync($"/people/{id}/edit", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var person = (await api.GetJsonAsync($"/api/v1/people/{id}")).Body;
        person.Str("givenName").ShouldBe("Roundtripped");
        person.Str("ethnicity").ShouldBe("WBRI");
        person.Str("upn").ShouldBe(GoodUpn);
        person.Str("nhsNumber").ShouldBe(GoodNhsNumber);
        Codes(person, "disabilities").ShouldBe(["MOB", "LD"]);

        // An emptied box and no boxes ticked clear them.
        form = Browserless.FormFields(await session.GetHtmlAsync($"/people/{id}/edit"), "Input.GivenName");
        form.Set("Input.Upn", "");
        form.RemoveAll(f => f.Key == "Input.Disabilities" && f.Value.Length > 0);
        (await session.PostFieldsAsync($"/people/{id}/edit", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        person = (await api.GetJsonAsync($"/api/v1/people/{id}")).Body;
        person.GetProperty("upn").ValueKind.ShouldBe(JsonValueKind.Null);
        person.Str("nhsNumber").ShouldBe(GoodNhsNumber);
        Codes(person, "disabilities").ShouldBeEmpty();
    }

    [Fact]
    public async Task EditPerson_WhenEthnicityIsOlderWords_OffersToKeepThemUntilOneIsChosen()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var api = await app.ClientAsync("amara.osei");
        var id = await Given.ChildAsync(api, "Olderwords", "Ethnicfam", "2015-02-03");
        // An older record's words, from before ethnicity was a DfE code.
        await app.WithDbAsync(d => d.People.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Ethnicity, "Kurdish and Welsh")));
        var session = await Browserless.SignedInAsync(app, "amara.osei");

        var details = await session.GetHtmlAsync($"/people/{id}");
        details.ShouldContain("Kurdish and Welsh");
        details.ShouldContain("Not a DfE category</strong>");
        var edit = await session.GetHtmlAsync($"/people/{id}/edit");
        edit.ShouldContain("<option value=\"Kurdish and Welsh\" selected>Not a DfE category: Kurdish and Welsh, choose one</option>");

        var form = Browserless.FormFields(edit, "Input.GivenName");
        form.Set("Input.Religion", "Muslim");
        (await session.PostFieldsAsync($"/people/{id}/edit", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await api.GetJsonAsync($"/api/v1/people/{id}")).Body.Str("ethnicity").ShouldBe("Kurdish and Welsh");

        form = Browserless.FormFields(await session.GetHtmlAsync($"/people/{id}/edit"), "Input.GivenName");
        form.Set("Input.Ethnicity", "OOTH");
        (await session.PostFieldsAsync($"/people/{id}/edit", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        details = await session.GetHtmlAsync($"/people/{id}");
        details.ShouldContain("Any other ethnic group");
        details.ShouldNotContain("Not a DfE category");
    }

    [Fact]
    public async Task EditPerson_WhenUpnIsWrong_ShowsTheErrorOnTheFieldAndKeepsWhatWasTyped()
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var api = await app.ClientAsync("amara.osei");
        var id = await Given.ChildAsync(api, "Badupn", "Editupnfam", "2015-02-03");
        var session = await Browserless.SignedInAsync(app, "amara.osei");
        var form = Browserless.FormFields(await session.GetHtmlAsync($"/people/{id}/edit"), "Input.GivenName");
        form.Set("Input.Upn", BadUpn);
        form.Set("Input.School", "Millbrook Academy");

        var response = await session.PostFieldsAsync($"/people/{id}/edit", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        html.ShouldContain("<a href=\"#Input_Upn\">");
        html.ShouldContain($"value=\"{BadUpn}\"");
        html.ShouldContain("value=\"Millbrook Academy\"");
        (await api.GetJsonAsync($"/api/v1/people/{id}")).Body.GetProperty("upn").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private static List<string?> Codes(JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray().Select(c => c.GetString())];
}
