using System.Net;
using System.Text.Json;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Records;

public sealed class RecordSearchTests
{
    private const string Northgate = "Northgate Children's Team";
    private const string Riverside = "Riverside Family Support Team";

    /// <summary>A word no other test writes: letters only, so every tokenizer keeps it whole.</summary>
    private static string UniqueWord() => "zeb" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16) % 26))) + "ox";

    private static int _minutes;

    // Each visit at its own time and confirmed as a separate event, so the duplicate-visit question never stops a test.
    private static object Visit(string narrative, string purpose = "Check how the children are after the school's concern") => new
    {
        type = "homeVisit",
        occurredAt = DateTimeOffset.UtcNow.AddHours(-30).AddMinutes(Interlocked.Increment(ref _minutes)),
        confirmedNotDuplicate = true,
        purpose,
        outcome = "Children safe at home; mother agreed to a follow-up visit",
        narrative,
        seen = "Amy and her mother",
        spokenTo = "Amy (alone) and her mother",
        childSeen = true,
        childSeenAlone = true,
        present = new object[] { new { name = "Sara Brown", role = "Mother" } },
    };

    private static async Task<Guid> FinalRecordAsync(HttpClient author, Guid caseId, object body)
    {
        var (status, created) = await author.PostAsync($"/api/v1/cases/{caseId}/records", body);
        status.ShouldBe(HttpStatusCode.Created, created.ToString() + string.Join("\n", (await TestApps.GetAsync(Db.Sqlite)).ServerErrors.TakeLast(1)));
        var id = created.Id();
        var (done, answer) = await author.PostAsync($"/api/v1/records/{id}/finalise", new { });
        done.ShouldBe(HttpStatusCode.OK, answer.ToString());
        return id;
    }

    private static async Task<List<Guid>> SearchAsync(HttpClient client, string q, string scope = "service")
    {
        var (status, body) = await client.GetJsonAsync($"/api/v1/records/search?q={Uri.EscapeDataString(q)}&scope={scope}");
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body.GetProperty("records").EnumerateArray().Select(r => r.Id("recordId")).ToList();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_WhenWordsAreInNarrativeOrPurpose_FindsFinalisedRecordsNewestFirst(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var word = UniqueWord();
        var inNarrative = await FinalRecordAsync(worker, caseId, Visit($"Amy talked about {word} and her new school dinners."));
        var inPurpose = await FinalRecordAsync(worker, caseId, Visit("Nothing of note.", $"Follow up the {word} concern"));
        var (draftStatus, _) = await worker.PostAsync($"/api/v1/cases/{caseId}/records", Visit($"A draft about {word}."));
        draftStatus.ShouldBe(HttpStatusCode.Created);

        var (status, body) = await worker.GetJsonAsync($"/api/v1/records/search?q={word}");

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.Str("scope").ShouldBe("caseload");
        var records = body.GetProperty("records").EnumerateArray().ToList();
        records.Select(r => r.Id("recordId")).ShouldBe([inPurpose, inNarrative], ignoreOrder: true);
        var hit = records.Single(r => r.Id("recordId") == inNarrative);
        hit.Id("caseId").ShouldBe(caseId);
        hit.Str("caseReference").ShouldNotBeNullOrEmpty();
        hit.Str("childName").ShouldStartWith("Kid");
        hit.Str("type").ShouldBe("homeVisit");
        hit.Str("snippet").ShouldContain(word);
        // Words are matched as words, all of them: another word that is not there finds nothing.
        (await SearchAsync(worker, $"{word} dinners", "caseload")).ShouldBe([inNarrative]);
        (await SearchAsync(worker, $"{word} zzqqxx", "caseload")).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_WhenMoreThanAPage_FollowsNextWithoutRepeats(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var word = UniqueWord();
        var ids = new List<Guid>();
        for (var i = 0; i < 27; i++) ids.Add(await FinalRecordAsync(worker, caseId, Visit($"Visit {i} about {word}.")));

        var (_, first) = await worker.GetJsonAsync($"/api/v1/records/search?q={word}");
        var next = first.Str("next");
        var (_, second) = await worker.GetJsonAsync($"/api/v1/records/search?q={word}&after={Uri.EscapeDataString(next)}");

        var found = first.GetProperty("records").EnumerateArray().Concat(second.GetProperty("records").EnumerateArray()).Select(r => r.Id("recordId")).ToList();
        first.GetProperty("records").GetArrayLength().ShouldBe(25);
        found.ShouldBe(ids, ignoreOrder: true);
        second.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_WhenScopeIsCaseload_IsTheirCasesAndTheirTeams(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var word = UniqueWord();
        // A Northgate case allocated to the manager: in the team, not in amara's caseload.
        var (_, teamCase) = await Given.OpenCaseAsync(app, worker: "daniel.hughes");
        var teamRecord = await FinalRecordAsync(await app.ClientAsync("daniel.hughes"), teamCase, Visit($"Team case {word}."));

        var amara = await app.ClientAsync("amara.osei");
        (await SearchAsync(amara, word, "caseload")).ShouldBeEmpty();
        (await SearchAsync(amara, word, "service")).ShouldBe([teamRecord]);
        var daniel = await app.ClientAsync("daniel.hughes");
        (await SearchAsync(daniel, word, "caseload")).ShouldBe([teamRecord]);
        // The principal manager oversees the division, so every team below it.
        (await SearchAsync(await app.ClientAsync("priya.shah"), word, "caseload")).ShouldBe([teamRecord]);
        // Another team's social worker: not in any scope.
        var ben = await app.ClientAsync("ben.carter");
        (await SearchAsync(ben, word, "caseload")).ShouldBeEmpty();
        (await SearchAsync(ben, word, "service")).ShouldBeEmpty();
    }

    /// <summary>
    /// The search never returns a record from a case the access policy refuses, nor leaves out one it
    /// allows: for every demo user, what the service-wide search finds is exactly the cases the case API opens.
    /// </summary>
    [Theory, ClassData(typeof(Databases))]
    public async Task Search_ForEveryUser_ReturnsExactlyTheCasesThePolicyLetsThemRead(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var word = UniqueWord();
        var cases = new List<Guid>();
        async Task AddCaseAsync(string worker, string team, string manager)
        {
            var (_, caseId) = await Given.OpenCaseAsync(app, worker, team, manager);
            await FinalRecordAsync(await app.ClientAsync(worker), caseId, Visit($"Seen at home, {word}."));
            cases.Add(caseId);
        }
        await AddCaseAsync("amara.osei", Northgate, "daniel.hughes");
        await AddCaseAsync("ben.carter", Riverside, "hannah.price");
        await AddCaseAsync("daniel.hughes", Northgate, "daniel.hughes");
        await AddCaseAsync("amara.osei", Northgate, "daniel.hughes");
        var restricted = cases[^1];
        var review = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/cases/{restricted}/restriction", new { reason = "adoption", details = "Placement order made", reviewOn = review, namedUsers = Array.Empty<string>() }))
            .Status.ShouldBe(HttpStatusCode.NoContent);

        foreach (var userName in new[] { "amara.osei", "ben.carter", "daniel.hughes", "hannah.price", "priya.shah", "grace.adeyemi", "olu.bello", "sam.fraser", "rita.kowalski", "alex.morgan" })
        {
            var client = await app.ClientAsync(userName);
            var readable = new HashSet<Guid>();
            foreach (var caseId in cases)
            {
                using var response = await client.GetAsync($"/api/v1/cases/{caseId}");
                if (response.StatusCode == HttpStatusCode.OK) readable.Add(caseId);
            }
            var (status, body) = await client.GetJsonAsync($"/api/v1/records/search?q={word}&scope=service");
            status.ShouldBe(HttpStatusCode.OK, $"{userName}: {body}");
            var found = body.GetProperty("records").EnumerateArray().Select(r => r.Id("caseId")).ToHashSet();
            found.ShouldBe(readable, ignoreOrder: true, $"{userName} searched the service");
            var caseload = (await client.GetJsonAsync($"/api/v1/records/search?q={word}&scope=caseload")).Body
                .GetProperty("records").EnumerateArray().Select(r => r.Id("caseId")).ToHashSet();
            caseload.IsSubsetOf(readable).ShouldBeTrue($"{userName}'s caseload search went beyond what they may read");
            if (userName is not "daniel.hughes" and not "amara.osei") found.ShouldNotContain(restricted, userName);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_WhenWordsLookLikeQuerySyntax_TreatsThemAsPlainWords(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var word = UniqueWord();
        var id = await FinalRecordAsync(worker, caseId, Visit($"The {word} was mentioned at school."));

        // Quotes, a prefix star, a minus and a column filter are not operators: the word is still found.
        foreach (var q in new[] { $"\"{word}\"", $"{word}*", $"-{word}", $"({word})", $"'{word}'", $"{word}\"" })
            (await SearchAsync(worker, q)).ShouldBe([id], q);
        // OR, NEAR and NOT are words too: every word must be there, so none of these widens the search.
        foreach (var q in new[] { $"narrative:{word}", $"{word} OR zzqqxx", $"NEAR({word} zzqqxx)", $"{word} NOT zzqqxx", $"zzqqxx OR {word}", "\" OR \"\" OR \"", $"{word}\" OR \"zzqqxx" })
        {
            var (status, body) = await worker.GetJsonAsync($"/api/v1/records/search?q={Uri.EscapeDataString(q)}&scope=service");
            status.ShouldBe(HttpStatusCode.OK, $"{q}: {body}");
            body.GetProperty("records").EnumerateArray().Select(r => r.Id("recordId")).ShouldNotContain(id, q);
        }
        // Nothing but syntax: told to enter words, never a server error.
        foreach (var q in new[] { "*", "\"", "-", "\"\"", "()", "   " })
            (await worker.GetJsonAsync($"/api/v1/records/search?q={Uri.EscapeDataString(q)}")).ShouldBeProblem(HttpStatusCode.BadRequest, "q");
        (await worker.GetJsonAsync($"/api/v1/records/search?q={word}&scope=everything")).ShouldBeProblem(HttpStatusCode.BadRequest, "scope");
        (await worker.GetJsonAsync($"/api/v1/records/search?q={word}&after=nonsense")).ShouldBeProblem(HttpStatusCode.BadRequest, "after");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_Always_IsAuditedAsOneEventWithTheWordsAndCount(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var word = UniqueWord();
        await FinalRecordAsync(worker, caseId, Visit($"First {word}."));
        await FinalRecordAsync(worker, caseId, Visit($"Second {word}."));
        var before = await app.WithDbAsync(d => d.AuditEvents.MaxAsync(e => e.Id));

        (await SearchAsync(worker, word)).Count.ShouldBe(2);

        // Other tests act as amara.osei at the same time: this search's events are the ones naming its word.
        var events = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.Id > before && e.UserName == "amara.osei").ToListAsync());
        var search = events.Where(e => e.Reason?.Contains(word, StringComparison.Ordinal) == true).ShouldHaveSingleItem();
        search.Action.ShouldBe("search");
        search.RecordType.ShouldBe("record");
        search.Channel.ShouldBe("api");
        search.Reason.ShouldNotBeNull();
        search.Reason.ShouldContain(word);
        search.Reason.ShouldContain("2 records");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SearchPage_WhenWordsGiven_ListsRecordsWithLinks_OrSaysNoneMatch(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        var word = UniqueWord();
        var id = await FinalRecordAsync(await app.ClientAsync("amara.osei"), caseId, Visit($"Page test {word}."));
        var session = await Browserless.SignedInAsync(app, "amara.osei");

        var empty = await session.Client.GetStringAsync("/records/search");
        empty.ShouldContain("Search records");
        var html = await session.Client.GetStringAsync($"/records/search?q={word}&scope=caseload");
        html.ShouldContain($"href=\"/records/{id}\"");
        html.ShouldContain(word);
        (await session.Client.GetStringAsync("/records/search?q=zzqqxxnothing&scope=service")).ShouldContain("No records match");
        (await session.Client.GetStringAsync("/records/search?q=%2A")).ShouldContain("govuk-error-summary");
    }
}
