using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Casefile.Web.Demo;
using Casefile.Web.Tests.Infrastructure;
using static System.Net.HttpStatusCode;

namespace Casefile.Web.Tests.Access;

/// <summary>
/// The access matrix over HTTP beyond reading a case (issue 15): access requests, bundles, exports,
/// transfers, restrictions and the access logs, for every demo user against four cases: A, an open
/// case of Northgate (amara.osei, daniel.hughes); B, an open case of Riverside (ben.carter,
/// hannah.price); C, a restricted Northgate case naming only its manager and worker; and D, a
/// restricted Northgate case that also names Legal Services, a manager of another team, the team's
/// admin officer and the records manager.
/// <para>
/// Each table is the answer <c>CaseAccessPolicy</c> and <c>StaffPolicy</c> give, written out: no
/// cell may allow what the table refuses. A refusal is 403, or 404 where the viewer may not learn
/// that a restricted case exists. A cell the access gate lets through is probed with a request that
/// fails after the gate without changing anything (400 for a missing field, 409 for the state the
/// case is in), unless the table says the change itself is made.
/// </para>
/// </summary>
public sealed class AccessMatrixCellsTests
{
    private static readonly string[] Users =
        ["amara.osei", "ben.carter", "daniel.hughes", "hannah.price", "priya.shah", "grace.adeyemi", "olu.bello", "sam.fraser", "rita.kowalski", "alex.morgan"];

    private static readonly string[] CaseNames = ["A (Northgate)", "B (Riverside)", "C (restricted)", "D (restricted, wider list)"];

    /// <summary>Named on D besides daniel.hughes, who restricts it, and amara.osei, its worker.</summary>
    private static readonly string[] NamedOnD = ["sam.fraser", "hannah.price", "olu.bello", "rita.kowalski"];

    private static readonly HttpStatusCode[] Refusals = [Forbidden, NotFound];

    [Theory, ClassData(typeof(Databases))]
    public async Task AccessRequestCells_ForEveryUserAndCase_AllowOnlyWhatThePolicyAllows(Db db)
    {
        var m = await MatrixCases.CreateAsync(await TestApps.GetAsync(db));
        var requests = new Guid[4];
        for (var i = 0; i < 4; i++)
        {
            var worker = m.Clients[m.Workers[i]];
            var (status, body) = await worker.PostAsync("/api/v1/access-requests", AccessRequest(m.Children[i]));
            status.ShouldBe(Created, body.ToString());
            requests[i] = body.Id();
            var (built, bundle) = await worker.PostAsync($"/api/v1/access-requests/{requests[i]}/bundle", new { everything = true });
            built.ShouldBe(OK, bundle.ToString());
        }

        // Registering needs CaseCapability.RegisterAccessRequest: change the case, and work the register (not records managers).
        // The request leaves out the requester's name, so a user the gate lets through is answered 400 and nothing is registered.
        await m.CheckAsync("register an access request", new()
        {
            ["amara.osei"] = [BadRequest, Forbidden, BadRequest, BadRequest],
            ["ben.carter"] = [Forbidden, BadRequest, NotFound, NotFound],
            ["daniel.hughes"] = [BadRequest, Forbidden, BadRequest, BadRequest],
            ["hannah.price"] = [Forbidden, BadRequest, NotFound, BadRequest],
            ["priya.shah"] = [BadRequest, BadRequest, NotFound, NotFound],
            ["grace.adeyemi"] = [BadRequest, BadRequest, NotFound, NotFound],
            ["olu.bello"] = [Forbidden, Forbidden, NotFound, BadRequest],
            ["sam.fraser"] = [Forbidden, Forbidden, NotFound, BadRequest],
            ["rita.kowalski"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["alex.morgan"] = [Forbidden, Forbidden, NotFound, NotFound],
        }, (client, i) => client.SendJsonAsync(HttpMethod.Post, "/api/v1/access-requests", AccessRequest(m.Children[i], requesterName: null)));

        // Reading a request, its bundle and its disclosure log (CaseAccessPolicy.SeeAccessRequest): whoever may read the case,
        // and Legal Services, consulted on any request (policy 10.2), but not on a restricted case they are not named on.
        var read = new Dictionary<string, HttpStatusCode[]>
        {
            ["amara.osei"] = [OK, Forbidden, OK, OK],
            ["ben.carter"] = [Forbidden, OK, NotFound, NotFound],
            ["daniel.hughes"] = [OK, Forbidden, OK, OK],
            ["hannah.price"] = [Forbidden, OK, NotFound, OK],
            ["priya.shah"] = [OK, OK, NotFound, NotFound],
            ["grace.adeyemi"] = [OK, OK, NotFound, NotFound],
            ["olu.bello"] = [OK, Forbidden, NotFound, OK],
            ["sam.fraser"] = [OK, OK, NotFound, OK],
            ["rita.kowalski"] = [Forbidden, Forbidden, NotFound, OK],
            ["alex.morgan"] = [Forbidden, Forbidden, NotFound, NotFound],
        };
        foreach (var path in new[] { "", "/bundle", "/disclosure-log" })
            await m.CheckAsync($"read access request{path}", read, (client, i) => client.SendJsonAsync(HttpMethod.Get, $"/api/v1/access-requests/{requests[i]}{path}"));

        // The released bundle's downloads ask the same as reading the request; none is released yet, so a reader is answered 409.
        var download = read.ToDictionary(r => r.Key, r => r.Value.Select(s => s == OK ? Conflict : s).ToArray());
        foreach (var path in new[] { "/disclosure.pdf", "/disclosure-large-print.pdf", "/disclosure.html" })
            await m.CheckAsync($"download the disclosure{path}", download, (client, i) => client.SendJsonAsync(HttpMethod.Get, $"/api/v1/access-requests/{requests[i]}{path}"));

        // Building the bundle is work on the request: as registering. Nothing chosen, so a user let through is answered 400.
        await m.CheckAsync("build the bundle", new()
        {
            ["amara.osei"] = [BadRequest, Forbidden, BadRequest, BadRequest],
            ["ben.carter"] = [Forbidden, BadRequest, NotFound, NotFound],
            ["daniel.hughes"] = [BadRequest, Forbidden, BadRequest, BadRequest],
            ["hannah.price"] = [Forbidden, BadRequest, NotFound, BadRequest],
            ["priya.shah"] = [BadRequest, BadRequest, NotFound, NotFound],
            ["grace.adeyemi"] = [BadRequest, BadRequest, NotFound, NotFound],
            ["olu.bello"] = [Forbidden, Forbidden, NotFound, BadRequest],
            ["sam.fraser"] = [Forbidden, Forbidden, NotFound, BadRequest],
            ["rita.kowalski"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["alex.morgan"] = [Forbidden, Forbidden, NotFound, NotFound],
        }, (client, i) => client.SendJsonAsync(HttpMethod.Post, $"/api/v1/access-requests/{requests[i]}/bundle", new { everything = false }));

        // The register lists one's own requests and one's line's, and every open one for Legal Services; never a hidden case's.
        var listed = new Dictionary<string, bool[]>
        {
            ["amara.osei"] = [true, false, true, true],
            ["ben.carter"] = [false, true, false, false],
            ["daniel.hughes"] = [true, false, true, true],
            ["hannah.price"] = [false, true, false, false],
            ["priya.shah"] = [true, true, false, false],
            ["grace.adeyemi"] = [true, true, false, false],
            ["olu.bello"] = [false, false, false, false],
            ["sam.fraser"] = [true, true, false, true],
            ["rita.kowalski"] = [false, false, false, false],
            ["alex.morgan"] = [false, false, false, false],
        };
        listed.Keys.ShouldBe(Users, ignoreOrder: true);
        var wrong = new List<string>();
        foreach (var (user, expected) in listed)
        {
            var (status, list) = await m.Clients[user].GetJsonAsync("/api/v1/access-requests");
            status.ShouldBe(OK, $"{user}: {list}");
            var ids = list.GetProperty("requests").EnumerateArray().Select(r => r.Id()).ToHashSet();
            var text = list.ToString();
            for (var i = 0; i < 4; i++)
            {
                if (ids.Contains(requests[i]) != expected[i]) wrong.Add($"register of {user}: {(expected[i] ? "missing" : "lists")} the request on {CaseNames[i]}");
                if (!expected[i] && text.Contains(m.References[i], StringComparison.Ordinal)) wrong.Add($"register of {user}: names {CaseNames[i]}");
            }
        }
        wrong.ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ExportCells_ForEveryUserAndCase_AllowOnlyTheAllocatedWorkerAndTheCasesManagers(Db db)
    {
        var m = await MatrixCases.CreateAsync(await TestApps.GetAsync(db));

        // AccessAction.Export: the allocated worker and managers of the case's team; being named on a restricted case is no export right.
        await m.CheckAsync("export the chronology", new()
        {
            ["amara.osei"] = [OK, Forbidden, OK, OK],
            ["ben.carter"] = [Forbidden, OK, NotFound, NotFound],
            ["daniel.hughes"] = [OK, Forbidden, OK, OK],
            ["hannah.price"] = [Forbidden, OK, NotFound, Forbidden],
            ["priya.shah"] = [OK, OK, NotFound, NotFound],
            ["grace.adeyemi"] = [OK, OK, NotFound, NotFound],
            ["olu.bello"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["sam.fraser"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["rita.kowalski"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["alex.morgan"] = [Forbidden, Forbidden, NotFound, NotFound],
        }, (client, i) => client.SendJsonAsync(HttpMethod.Get, $"/api/v1/cases/{m.Cases[i]}/chronology.pdf"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task TransferCells_ForEveryUserAndCase_AllowOnlyTheCasesWorkersAndTheNamedReceivingManager(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var m = await MatrixCases.CreateAsync(app);
        var transfers = new Guid[4];
        for (var i = 0; i < 4; i++) transfers[i] = await ProposeAsync(m.Clients[m.Workers[i]], m.Cases[i], ReceivingTeam(i));

        // CaseAccessPolicy.SeeTransfer: the receiving team's managers, the proposer and the case's readers; on a restricted case only the named.
        await m.CheckAsync("read the pending transfer", new()
        {
            ["amara.osei"] = [OK, Forbidden, OK, OK],
            ["ben.carter"] = [Forbidden, OK, NotFound, NotFound],
            ["daniel.hughes"] = [OK, OK, OK, OK],
            ["hannah.price"] = [OK, OK, NotFound, OK],
            ["priya.shah"] = [OK, OK, NotFound, NotFound],
            ["grace.adeyemi"] = [OK, OK, NotFound, NotFound],
            ["olu.bello"] = [OK, Forbidden, NotFound, OK],
            ["sam.fraser"] = [Forbidden, Forbidden, NotFound, OK],
            ["rita.kowalski"] = [Forbidden, Forbidden, NotFound, OK],
            ["alex.morgan"] = [Forbidden, Forbidden, NotFound, NotFound],
        }, (client, i) => client.SendJsonAsync(HttpMethod.Get, $"/api/v1/transfers/{transfers[i]}"));

        // CaseCapability.ProposeTransfer: a social worker or manager who may change the case (not on emergency access).
        // Each case already has a transfer waiting, so a user let through is answered 409 and nothing is proposed.
        await m.CheckAsync("propose a transfer", new()
        {
            ["amara.osei"] = [Conflict, Forbidden, Conflict, Conflict],
            ["ben.carter"] = [Forbidden, Conflict, NotFound, NotFound],
            ["daniel.hughes"] = [Conflict, Forbidden, Conflict, Conflict],
            ["hannah.price"] = [Forbidden, Conflict, NotFound, Conflict],
            ["priya.shah"] = [Conflict, Conflict, NotFound, NotFound],
            ["grace.adeyemi"] = [Conflict, Conflict, NotFound, NotFound],
            ["olu.bello"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["sam.fraser"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["rita.kowalski"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["alex.morgan"] = [Forbidden, Forbidden, NotFound, NotFound],
        }, (client, i) => client.SendJsonAsync(HttpMethod.Post, $"/api/v1/cases/{m.Cases[i]}/transfers", Proposal(ReceivingTeam(i))));

        // Only a manager of the receiving team, named on a restricted case, accepts (CaseTransfer.Accept, policy 3.12). Whoever
        // may see the transfer but not decide it is told the rule (422: own-request or not-receiving-manager); anyone else
        // is told there is no such transfer. Each acceptance the table allows is made on a transfer of its own, of the same kind.
        await m.CheckAsync("accept the transfer", new()
        {
            ["amara.osei"] = [UnprocessableEntity, NotFound, UnprocessableEntity, UnprocessableEntity],
            ["ben.carter"] = [NotFound, UnprocessableEntity, NotFound, NotFound],
            ["daniel.hughes"] = [UnprocessableEntity, OK, UnprocessableEntity, UnprocessableEntity],
            ["hannah.price"] = [OK, UnprocessableEntity, NotFound, OK],
            ["priya.shah"] = [OK, OK, NotFound, NotFound],
            ["grace.adeyemi"] = [OK, OK, NotFound, NotFound],
            ["olu.bello"] = [UnprocessableEntity, NotFound, NotFound, UnprocessableEntity],
            ["sam.fraser"] = [NotFound, NotFound, NotFound, UnprocessableEntity],
            ["rita.kowalski"] = [NotFound, NotFound, NotFound, UnprocessableEntity],
            ["alex.morgan"] = [NotFound, NotFound, NotFound, NotFound],
        }, async (client, i, expected) =>
        {
            var transfer = expected == OK ? await m.FreshTransferAsync(i) : transfers[i];
            var answer = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/transfers/{transfer}/accept", new { worker = i == 1 ? "amara.osei" : "ben.carter" });
            if (answer.Status == UnprocessableEntity) answer.Body.ShouldMatch("\"rule\":\"(own-request|not-receiving-manager)\"");
            return answer;
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RestrictionCells_ForEveryUserAndCase_AllowOnlyAManagerOfTheCaseWhoIsNamed(Db db)
    {
        var m = await MatrixCases.CreateAsync(await TestApps.GetAsync(db));

        // CaseCapability.SeeAccessLog: the case's managers, and records managers for any file they may know of.
        await m.CheckAsync("read the case's access log", new()
        {
            ["amara.osei"] = [Forbidden, Forbidden, Forbidden, Forbidden],
            ["ben.carter"] = [Forbidden, Forbidden, NotFound, NotFound],
            ["daniel.hughes"] = [OK, Forbidden, OK, OK],
            ["hannah.price"] = [Forbidden, OK, NotFound, Forbidden],
            ["priya.shah"] = [OK, OK, NotFound, NotFound],
            ["grace.adeyemi"] = [OK, OK, NotFound, NotFound],
            ["olu.bello"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["sam.fraser"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["rita.kowalski"] = [OK, OK, NotFound, OK],
            ["alex.morgan"] = [Forbidden, Forbidden, NotFound, NotFound],
        }, (client, i) => client.SendJsonAsync(HttpMethod.Get, $"/api/v1/cases/{m.Cases[i]}/access-log"));

        // CaseCapability.Manage (policy 9.1): a manager of the case's team who may change it; on a restricted case, only if named.
        // The request gives no reason or review date (400), and C and D are restricted already (409): nothing changes.
        await m.CheckAsync("restrict the case", new()
        {
            ["amara.osei"] = [Forbidden, Forbidden, Forbidden, Forbidden],
            ["ben.carter"] = [Forbidden, Forbidden, NotFound, NotFound],
            ["daniel.hughes"] = [BadRequest, Forbidden, Conflict, Conflict],
            ["hannah.price"] = [Forbidden, BadRequest, NotFound, Forbidden],
            ["priya.shah"] = [BadRequest, BadRequest, NotFound, NotFound],
            ["grace.adeyemi"] = [BadRequest, BadRequest, NotFound, NotFound],
            ["olu.bello"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["sam.fraser"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["rita.kowalski"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["alex.morgan"] = [Forbidden, Forbidden, NotFound, NotFound],
        }, (client, i) => client.SendJsonAsync(HttpMethod.Post, $"/api/v1/cases/{m.Cases[i]}/restriction", new { }));

        // Lifting asks the same. A and B are not restricted (409); daniel.hughes lifts C and D, after everyone else is refused.
        await m.CheckAsync("lift the restriction", new()
        {
            ["amara.osei"] = [Forbidden, Forbidden, Forbidden, Forbidden],
            ["ben.carter"] = [Forbidden, Forbidden, NotFound, NotFound],
            ["daniel.hughes"] = [Conflict, Forbidden, NoContent, NoContent],
            ["hannah.price"] = [Forbidden, Conflict, NotFound, Forbidden],
            ["priya.shah"] = [Conflict, Conflict, NotFound, NotFound],
            ["grace.adeyemi"] = [Conflict, Conflict, NotFound, NotFound],
            ["olu.bello"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["sam.fraser"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["rita.kowalski"] = [Forbidden, Forbidden, NotFound, Forbidden],
            ["alex.morgan"] = [Forbidden, Forbidden, NotFound, NotFound],
        }, (client, i) => client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/cases/{m.Cases[i]}/restriction"), changesLast: true);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task StaffLogCells_ForEveryUser_ShowAWorkersActivityOnlyToTheirManagers_AndNoRestrictedCaseTheManagerIsNotNamedOn(Db db)
    {
        var m = await MatrixCases.CreateAsync(await TestApps.GetAsync(db));
        // What each worker opened: amara.osei every Northgate case (C and D as well), daniel.hughes restricted C and D when he made them.
        for (var i = 0; i < 4; i++) (await m.Clients[m.Workers[i]].GetJsonAsync($"/api/v1/cases/{m.Cases[i]}")).Status.ShouldBe(OK);

        // StaffPolicy: a manager above the worker in the line, of the worker's team, and never their own log.
        string[] workers = ["amara.osei", "ben.carter", "daniel.hughes", "grace.adeyemi"];
        var expected = new Dictionary<string, HttpStatusCode[]>
        {
            ["amara.osei"] = [Forbidden, Forbidden, Forbidden, Forbidden],
            ["ben.carter"] = [Forbidden, Forbidden, Forbidden, Forbidden],
            ["daniel.hughes"] = [OK, Forbidden, Forbidden, Forbidden],
            ["hannah.price"] = [Forbidden, OK, Forbidden, Forbidden],
            ["priya.shah"] = [OK, OK, OK, Forbidden],
            ["grace.adeyemi"] = [OK, OK, OK, Forbidden],
            ["olu.bello"] = [Forbidden, Forbidden, Forbidden, Forbidden],
            ["sam.fraser"] = [Forbidden, Forbidden, Forbidden, Forbidden],
            ["rita.kowalski"] = [Forbidden, Forbidden, Forbidden, Forbidden],
            ["alex.morgan"] = [Forbidden, Forbidden, Forbidden, Forbidden],
        };
        expected.Keys.ShouldBe(Users, ignoreOrder: true);
        var wrong = new List<string>();
        foreach (var (user, statuses) in expected)
            for (var w = 0; w < workers.Length; w++)
            {
                var (status, log) = await m.Clients[user].GetJsonAsync($"/api/v1/users/{workers[w]}/access-log");
                if (status != statuses[w]) wrong.Add($"{user} reading what {workers[w]} opened: {(int)status}, expected {(int)statuses[w]}");
                if (status != OK) continue;
                var text = log.ToString();
                for (var i = 2; i < 4; i++)
                {
                    // Policy 3.4: a restricted case is seen only by those named on it, in a worker's log as anywhere else.
                    var named = user == "daniel.hughes" || (i == 3 && NamedOnD.Contains(user));
                    if (named) continue;
                    foreach (var secret in new[] { m.Cases[i].ToString(), m.Children[i].ToString(), m.References[i], m.ChildNames[i], m.Details[i] })
                        if (text.Contains(secret, StringComparison.Ordinal)) wrong.Add($"{user} reading what {workers[w]} opened learns of {CaseNames[i]}: '{secret}'");
                }
                if (workers[w] is "amara.osei" or "daniel.hughes" && user != "daniel.hughes"
                    && !log.GetProperty("entries").EnumerateArray().Any(e => e.Str("recordType") == "restricted-case"))
                    wrong.Add($"{user} reading what {workers[w]} opened is not told of a restricted case");
            }
        var (_, danielSees) = await m.Clients["daniel.hughes"].GetJsonAsync("/api/v1/users/amara.osei/access-log");
        var opened = danielSees.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("caseId").ToString()).ToHashSet();
        opened.ShouldContain(m.Cases[2].ToString(), "daniel.hughes is named on C");
        opened.ShouldContain(m.Cases[3].ToString(), "daniel.hughes is named on D");
        wrong.ShouldBeEmpty();
    }

    private static object AccessRequest(Guid subject, string? requesterName = "DC Lewis") => new
    {
        kind = "subject-access",
        subjectId = subject,
        requesterName,
        requesterOrganisation = "Harrowden Police",
        whatIsAsked = "Records of contact with the family this year",
        receivedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        identityChecks = "Passport and utility bill seen",
        legalBasis = "UK GDPR Article 15",
    };

    private static string ReceivingTeam(int caseIndex) => caseIndex == 1 ? DemoTeam.Northgate : DemoTeam.Riverside;

    private static object Proposal(string toTeam) => new
    {
        toTeam,
        reasonForInvolvement = "Concerns about neglect raised by school.",
        assessment = "Child and family assessment completed 3 March.",
        plan = "Child in need plan: breakfast club, parenting support.",
        actionsUndertaken = "Fortnightly home visits; referral to early help.",
    };

    private static async Task<Guid> ProposeAsync(HttpClient worker, Guid caseId, string toTeam)
    {
        var (status, body) = await worker.PostAsync($"/api/v1/cases/{caseId}/transfers", Proposal(toTeam));
        status.ShouldBe(Created, body.ToString());
        return body.Id();
    }

    /// <summary>The four cases of the matrix, with a client for every demo user (made once per test).</summary>
    private sealed record MatrixCases(CasefileApp App, Guid[] Cases, Guid[] Children, string[] References, string[] ChildNames, string[] Details,
        string[] Workers, IReadOnlyDictionary<string, HttpClient> Clients)
    {
        public static async Task<MatrixCases> CreateAsync(CasefileApp app)
        {
            var clients = new Dictionary<string, HttpClient>();
            foreach (var user in Users) clients[user] = await app.ClientAsync(user);
            var (childA, a) = await Given.OpenCaseAsync(app);
            var (childB, b) = await Given.OpenCaseAsync(app, "ben.carter", DemoTeam.Riverside, "hannah.price");
            string[] details = ["", "", RestrictionDetails(), RestrictionDetails()];
            var (childC, c) = await RestrictedCaseAsync(app, details[2]);
            var (childD, d) = await RestrictedCaseAsync(app, details[3], NamedOnD);
            string[] workers = ["amara.osei", "ben.carter", "amara.osei", "amara.osei"];
            Guid[] cases = [a, b, c, d];
            Guid[] children = [childA, childB, childC, childD];
            var references = new string[4];
            var names = new string[4];
            for (var i = 0; i < 4; i++)
            {
                var (_, person) = await clients[workers[i]].GetJsonAsync($"/api/v1/people/{children[i]}");
                names[i] = person.Str("givenName");
                var (_, file) = await clients[workers[i]].GetJsonAsync($"/api/v1/cases/{cases[i]}");
                references[i] = file.Str("reference");
            }
            return new MatrixCases(app, cases, children, references, names, details, workers, clients);
        }

        /// <summary>Words of the restriction found nowhere else, so a log that shows them shows this case's restriction.</summary>
        private static string RestrictionDetails() => "Placement order made " + Guid.NewGuid().ToString("N")[..8];

        /// <summary>As <see cref="Given.RestrictedCaseAsync"/>: amara.osei's Northgate case, restricted by daniel.hughes, with its own details.</summary>
        private static async Task<(Guid ChildId, Guid CaseId)> RestrictedCaseAsync(CasefileApp app, string details, params string[] namedUsers)
        {
            var (child, caseId) = await Given.OpenCaseAsync(app);
            var review = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (status, body) = await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/cases/{caseId}/restriction",
                new { reason = "adoption", details, reviewOn = review, namedUsers });
            status.ShouldBe(NoContent, body.ToString());
            return (child, caseId);
        }

        /// <summary>A new case of the same kind as case <paramref name="i"/>, with a transfer waiting to be accepted.</summary>
        public async Task<Guid> FreshTransferAsync(int i)
        {
            var (_, caseId) = i switch
            {
                0 => await Given.OpenCaseAsync(App),
                1 => await Given.OpenCaseAsync(App, "ben.carter", DemoTeam.Riverside, "hannah.price"),
                2 => await RestrictedCaseAsync(App, RestrictionDetails()),
                _ => await RestrictedCaseAsync(App, RestrictionDetails(), NamedOnD),
            };
            return await ProposeAsync(Clients[Workers[i]], caseId, ReceivingTeam(i));
        }

        public Task CheckAsync(string cell, Dictionary<string, HttpStatusCode[]> expected, Func<HttpClient, int, Task<Answer>> call, bool changesLast = false) =>
            CheckAsync(cell, expected, (client, i, _) => call(client, i), changesLast);

        /// <summary>
        /// Calls the cell for every user and case and fails, listing every wrong answer, if any differs from the table. A
        /// refusal must be 403 or 404, and a 404 must not name the case. With <paramref name="changesLast"/>, the cells the
        /// table lets succeed (2xx) run after all the others, as they change the case.
        /// </summary>
        public async Task CheckAsync(string cell, Dictionary<string, HttpStatusCode[]> expected, Func<HttpClient, int, HttpStatusCode, Task<Answer>> call,
            bool changesLast = false)
        {
            expected.Keys.ShouldBe(Users, ignoreOrder: true, $"the table of '{cell}' has a row for every demo user");
            var cells = (from row in expected
                         from i in Enumerable.Range(0, Cases.Length)
                         select (User: row.Key, Case: i, Expected: row.Value[i])).ToList();
            if (changesLast) cells = [.. cells.OrderBy(c => (int)c.Expected is >= 200 and < 300)];
            var wrong = new List<string>();
            foreach (var (user, i, want) in cells)
            {
                var answer = await call(Clients[user], i, want);
                if (answer.Status != want)
                    wrong.Add($"{cell}: {user} on {CaseNames[i]} answered {(int)answer.Status}, expected {(int)want}: {answer.Body[..Math.Min(answer.Body.Length, 300)]}");
                if (Refusals.Contains(want) && answer.Status == NotFound && answer.Body.Contains(References[i], StringComparison.Ordinal))
                    wrong.Add($"{cell}: {user} on {CaseNames[i]} is told 404 with the case's reference");
            }
            wrong.ShouldBeEmpty();
        }
    }
}

/// <summary>A status and the body as text (a PDF's body is not read).</summary>
internal sealed record Answer(HttpStatusCode Status, string Body);

internal static class MatrixCalls
{
    public static async Task<Answer> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request);
        var type = response.Content.Headers.ContentType?.MediaType;
        return new Answer(response.StatusCode, type is "application/pdf" ? "(pdf)" : await response.Content.ReadAsStringAsync());
    }
}
