using System.Net;
using Casefile.Web.Tests.Emails;
using Casefile.Web.Tests.Infrastructure;
using Casefile.Web.Tests.PaperFiles;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.AccessRequests;

/// <summary>Access to records through the API (policy 10.1-10.3, issue 9), on both databases.</summary>
public sealed class AccessRequestApiTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task StatutoryEnquiry_IsRefusedWithoutConsentApprovalOrLegalAdvice_ThenReleasedAndLogged(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var s = await AccessScenario.CreateAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var id = await s.RequestAsync(worker, "statutory-enquiry");

        var bundle = await AccessScenario.BuildAsync(worker, id, new { records = new[] { s.RecordId } });
        var proposals = bundle.GetProperty("proposals").EnumerateArray().Select(p => (p.Str("text"), p.Str("kind"))).ToList();
        proposals.ShouldContain((s.MotherName, "name"));
        proposals.ShouldContain((s.MotherStreet, "address"));
        proposals.ShouldContain((s.MotherPhone, "phoneNumber"));
        proposals.ShouldNotContain(p => p.Item1.Contains(s.ChildName, StringComparison.Ordinal), "the subject's own name is never proposed");

        var release = $"/api/v1/access-requests/{id}/release";
        (await worker.PostAsync(release, new { })).ShouldBeRule(HttpStatusCode.UnprocessableEntity, "consent-missing");
        var letter = await s.UploadAsync(worker, "letter", "Letter from school");
        (await worker.PostAsync($"/api/v1/access-requests/{id}/consent", new { documentId = letter })).ShouldBeProblem(HttpStatusCode.BadRequest, "documentId");
        var consent = await s.UploadAsync(worker, "consentForm", "Consent to share with Harrowden Police");
        (await worker.PostAsync($"/api/v1/access-requests/{id}/consent", new { documentId = consent })).Status.ShouldBe(HttpStatusCode.NoContent);

        (await worker.PostAsync(release, new { })).ShouldBeRule(HttpStatusCode.UnprocessableEntity, "manager-approval-missing");
        await AccessScenario.AcceptAllAsync(worker, id, bundle);
        (await worker.PostAsync($"/api/v1/access-requests/{id}/approve", new { })).ShouldBeRule(HttpStatusCode.UnprocessableEntity, "approver-not-manager");
        var manager = await app.ClientAsync("daniel.hughes");
        (await manager.PostAsync($"/api/v1/access-requests/{id}/approve", new { })).Status.ShouldBe(HttpStatusCode.NoContent);

        // The mother is named: Legal Services must be consulted first (policy 10.2).
        (await worker.PostAsync(release, new { })).ShouldBeRule(HttpStatusCode.UnprocessableEntity, "legal-advice-missing");
        (await worker.PostAsync($"/api/v1/access-requests/{id}/legal-advice", new { advice = "x" })).ShouldBeRule(HttpStatusCode.UnprocessableEntity, "not-legal-services");
        var legal = await app.ClientAsync("sam.fraser");
        (await legal.PostAsync($"/api/v1/access-requests/{id}/legal-advice", new { advice = " " })).ShouldBeProblem(HttpStatusCode.BadRequest, "advice");
        (await legal.PostAsync($"/api/v1/access-requests/{id}/legal-advice", new { advice = "Redact the mother's name, address and number." })).Status.ShouldBe(HttpStatusCode.NoContent);

        var (released, view) = await worker.PostAsync(release, new { });
        released.ShouldBe(HttpStatusCode.OK, view.ToString());
        view.Str("status").ShouldBe("released");
        (await worker.PostAsync(release, new { })).ShouldBeRule(HttpStatusCode.Conflict, "request-released");

        var (_, log) = await worker.GetJsonAsync($"/api/v1/access-requests/{id}/disclosure-log");
        var entry = log.GetProperty("entries").EnumerateArray().Single();
        entry.Str("action").ShouldBe("released");
        entry.Str("recipient").ShouldBe("DC Lewis (Harrowden Police)");
        entry.Str("by").ShouldBe("Amara Osei");

        var audited = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.CaseFileId == s.CaseId && e.RecordType == "access-request")
            .Select(e => new { e.Action, e.Outcome }).ToListAsync());
        audited.ShouldContain(new { Action = "create", Outcome = "allowed" });
        audited.ShouldContain(new { Action = "build-bundle", Outcome = "allowed" });
        audited.ShouldContain(new { Action = "release", Outcome = "refused" });
        audited.ShouldContain(new { Action = "release", Outcome = "allowed" });
        audited.ShouldContain(new { Action = "approve", Outcome = "refused" });
        audited.ShouldContain(new { Action = "legal-advice", Outcome = "allowed" });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Review_AfterApproval_AsksForApprovalAgain_AndUnreviewedProposalsBlockRelease(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var s = await AccessScenario.CreateAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var id = await s.RequestAsync(worker, "subject-access");
        var bundle = await AccessScenario.BuildAsync(worker, id, new { everything = true });
        var legal = await app.ClientAsync("sam.fraser");
        (await legal.PostAsync($"/api/v1/access-requests/{id}/legal-advice", new { advice = "Redact the mother's details." })).Status.ShouldBe(HttpStatusCode.NoContent);

        (await worker.PostAsync($"/api/v1/access-requests/{id}/release", new { })).ShouldBeRule(HttpStatusCode.UnprocessableEntity, "redactions-not-reviewed");
        var first = bundle.GetProperty("proposals").EnumerateArray().First();
        (await worker.PostAsync($"/api/v1/access-requests/{id}/redactions/{first.Id()}", new { decision = "remove" })).ShouldBeProblem(HttpStatusCode.BadRequest, "note");
        (await worker.PostAsync($"/api/v1/access-requests/{id}/redactions/{first.Id()}", new { decision = "maybe" })).ShouldBeProblem(HttpStatusCode.BadRequest, "decision");

        var (_, view) = await worker.GetJsonAsync($"/api/v1/access-requests/{id}");
        view.GetProperty("rules").EnumerateArray().Where(r => !r.GetProperty("passed").GetBoolean()).Select(r => r.Str("rule")).ShouldBe(["redactions-not-reviewed"]);
        view.GetProperty("legalAdvice").GetString().ShouldNotBeNull();

        await AccessScenario.AcceptAllAsync(worker, id, bundle);
        (await worker.GetJsonAsync($"/api/v1/access-requests/{id}")).Body.GetProperty("legalAdvice").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null,
            "a review changes what is released, so Legal Services are asked again");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bundle_LeavesOutPrivilegedMaterial_UntilLegalReleasesIt(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var s = await AccessScenario.CreateAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var (eml, _) = EmailApiTests.Email("solicitor@legal.council.gov.uk", "amara.osei@council.gov.uk", "Advice on threshold", "Privileged advice follows.");
        var (imported, email) = await worker.PostFileAsync($"/api/v1/cases/{s.CaseId}/emails", eml, "advice.eml");
        imported.ShouldBe(HttpStatusCode.Created, email.ToString());
        var id = await s.RequestAsync(worker, "subject-access");

        var bundle = await AccessScenario.BuildAsync(worker, id, new { emails = new[] { email.Id() }, records = new[] { s.RecordId } });

        bundle.GetProperty("items").EnumerateArray().Select(i => i.Str("source")).ShouldBe(["record"]);
        var withheld = bundle.GetProperty("withheld").EnumerateArray().Single();
        withheld.Id().ShouldBe(email.Id());
        withheld.Str("reason").ShouldContain("Legal privilege");

        var legal = await app.ClientAsync("sam.fraser");
        (await legal.PostAsync($"/api/v1/access-requests/{id}/legal-advice", new { advice = "Privilege waived for this email.", releasePrivileged = true }))
            .Status.ShouldBe(HttpStatusCode.NoContent);
        var again = await AccessScenario.BuildAsync(worker, id, new { emails = new[] { email.Id() }, records = new[] { s.RecordId } });
        again.GetProperty("items").EnumerateArray().Single(i => i.Str("source") == "email").GetProperty("isPrivileged").GetBoolean().ShouldBeTrue();
        again.GetProperty("withheld").GetArrayLength().ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Guardian_ViewsAndCopies_AreLoggedOnlyUnderTheCourtsAuthority(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var s = await AccessScenario.CreateAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var id = await s.RequestAsync(worker, "court-guardian");
        var report = await s.UploadAsync(worker, "report", "Parenting assessment");

        (await worker.PostAsync($"/api/v1/access-requests/{id}/guardian-access", new { documentId = report, action = "copied" }))
            .ShouldBeRule(HttpStatusCode.UnprocessableEntity, "court-authority-missing");
        var order = await s.UploadAsync(worker, "courtOrder", "Order for disclosure to the guardian");
        (await worker.PostAsync($"/api/v1/access-requests/{id}/court-authority", new { documentId = report })).ShouldBeProblem(HttpStatusCode.BadRequest, "documentId");
        (await worker.PostAsync($"/api/v1/access-requests/{id}/court-authority", new { documentId = order })).Status.ShouldBe(HttpStatusCode.NoContent);

        (await worker.PostAsync($"/api/v1/access-requests/{id}/guardian-access", new { documentId = report, action = "viewed" })).Status.ShouldBe(HttpStatusCode.Created);
        (await worker.PostAsync($"/api/v1/access-requests/{id}/guardian-access", new { documentId = report, action = "copied" })).Status.ShouldBe(HttpStatusCode.Created);
        (await worker.PostAsync($"/api/v1/access-requests/{id}/guardian-access", new { documentId = Guid.NewGuid(), action = "copied" })).ShouldBeProblem(HttpStatusCode.BadRequest, "documentId");
        (await worker.PostAsync($"/api/v1/access-requests/{id}/guardian-access", new { documentId = report })).ShouldBeProblem(HttpStatusCode.BadRequest, "action");

        var (_, log) = await worker.GetJsonAsync($"/api/v1/access-requests/{id}/disclosure-log");
        var entries = log.GetProperty("entries").EnumerateArray().ToList();
        entries.Select(e => e.Str("action")).ShouldBe(["guardian-viewed", "guardian-copied"]);
        entries.ShouldAllBe(e => e.Str("recipient") == "Ms R Okafor" && e.Str("what").Contains("Parenting assessment") && e.Id("documentId") == report);
        var audited = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.CaseFileId == s.CaseId && e.RecordType == "case-document" && e.RecordId == report.ToString())
            .Select(e => e.Action).ToListAsync());
        audited.ShouldContain("guardian-copied");
        audited.ShouldContain("guardian-viewed");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Register_WhenFieldsMissingOrNoCaseFile_NamesTheFields(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var worker = await app.ClientAsync("amara.osei");
        (await worker.PostAsync("/api/v1/access-requests", new { kind = "nonsense" })).ShouldBeProblem(HttpStatusCode.BadRequest, "kind", "subjectId", "receivedOn");
        var noCase = await Given.ChildAsync(worker);
        (await worker.PostAsync("/api/v1/access-requests", new { kind = "subject-access", subjectId = noCase, receivedOn = "2026-01-05" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "subjectId");
        var (childId, _) = await Given.OpenCaseAsync(app);
        (await worker.PostAsync("/api/v1/access-requests", new { kind = "subject-access", subjectId = childId, receivedOn = "2026-01-05" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "requesterName", "whatIsAsked", "identityChecks", "legalBasis");
        (await worker.PostAsync("/api/v1/access-requests/", new { kind = "subject-access", subjectId = childId, receivedOn = "2026-13-05" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SubjectAccess_IsDueInOneMonth_ExtendsOnce_AndOverdueRequestsAreListedForOwnerAndManager(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var s = await AccessScenario.CreateAsync(app);
        var worker = await app.ClientAsync("amara.osei");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var received = today.AddDays(-10);
        var id = await s.RequestAsync(worker, "subject-access", received.ToString("yyyy-MM-dd"));
        var (_, view) = await worker.GetJsonAsync($"/api/v1/access-requests/{id}");
        var due = DateOnly.Parse(view.Str("dueOn"), System.Globalization.CultureInfo.InvariantCulture);
        due.ShouldBeGreaterThanOrEqualTo(received.AddMonths(1));
        due.ShouldBeLessThanOrEqualTo(received.AddMonths(1).AddDays(4));

        (await worker.PostAsync($"/api/v1/access-requests/{id}/extend", new { reason = "", requesterToldOn = today.ToString("yyyy-MM-dd") })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        (await worker.PostAsync($"/api/v1/access-requests/{id}/extend", new { reason = "Eleven years of records", requesterToldOn = today.ToString("yyyy-MM-dd") }))
            .Status.ShouldBe(HttpStatusCode.NoContent);
        var (_, extended) = await worker.GetJsonAsync($"/api/v1/access-requests/{id}");
        DateOnly.Parse(extended.Str("dueOn"), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(received.AddMonths(3));
        extended.Str("originalDueOn").ShouldBe(due.ToString("yyyy-MM-dd"));
        (await worker.PostAsync($"/api/v1/access-requests/{id}/extend", new { reason = "Again", requesterToldOn = today.ToString("yyyy-MM-dd") }))
            .ShouldBeRule(HttpStatusCode.Conflict, "already-extended");

        var late = await s.RequestAsync(worker, "subject-access", today.AddMonths(-2).ToString("yyyy-MM-dd"));
        foreach (var user in new[] { "amara.osei", "daniel.hughes" })
        {
            var (status, list) = await (await app.ClientAsync(user)).GetJsonAsync("/api/v1/access-requests?due=true");
            status.ShouldBe(HttpStatusCode.OK, list.ToString());
            var listed = list.GetProperty("requests").EnumerateArray().ToList();
            listed.ShouldContain(r => r.Id("id") == late && r.Str("dueState") == "overdue", user);
            listed.ShouldNotContain(r => r.Id("id") == id, user);
        }
        var (_, other) = await (await app.ClientAsync("ben.carter")).GetJsonAsync("/api/v1/access-requests?due=true");
        other.GetProperty("requests").EnumerateArray().ShouldNotContain(r => r.Id("id") == late, "another line's worker");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Request_IsReadOnlyByThoseWhoMayReadTheCaseAndLegal(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var s = await AccessScenario.CreateAsync(app);
        var id = await s.RequestAsync(await app.ClientAsync("amara.osei"), "subject-access");

        (await (await app.ClientAsync("ben.carter")).GetJsonAsync($"/api/v1/access-requests/{id}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ClientAsync("sam.fraser")).GetJsonAsync($"/api/v1/access-requests/{id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await (await app.ClientAsync("sam.fraser")).PostAsync($"/api/v1/access-requests/{id}/bundle", new { everything = true })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ClientAsync("amara.osei")).GetJsonAsync($"/api/v1/access-requests/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ClientAsync("amara.osei")).GetAsync($"/api/v1/access-requests/{id}/disclosure.pdf")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
    /// <summary>Every access-request endpoint, as (method, path) for the request; {p} and {i} stand for a proposal and an item.</summary>
    internal static readonly (string Method, string Path, object? Body)[] Endpoints =
    [
        ("GET", "", null),
        ("GET", "/bundle", null),
        ("POST", "/redactions/{p}", new { decision = "accept" }),
        ("POST", "/items/{i}/decision", new { decision = "release" }),
        ("POST", "/consent", new { documentId = Guid.NewGuid() }),
        ("POST", "/court-authority", new { documentId = Guid.NewGuid() }),
        ("POST", "/extend", new { reason = "Complex request", requesterToldOn = "2026-01-05" }),
        ("POST", "/approve", new { }),
        ("POST", "/legal-advice", new { advice = "Redact the mother's details." }),
        ("POST", "/release", new { }),
        ("POST", "/guardian-access", new { documentId = Guid.NewGuid(), action = "viewed" }),
        ("GET", "/disclosure-log", null),
        ("GET", "/disclosure.pdf", null),
        ("GET", "/disclosure-large-print.pdf", null),
        ("GET", "/disclosure.html", null),
        ("POST", "/bundle", new { everything = true }),
    ];

    internal static async Task<HttpStatusCode> CallAsync(HttpClient client, Guid id, (string Method, string Path, object? Body) endpoint, Guid proposal, Guid item)
    {
        var url = $"/api/v1/access-requests/{id}{endpoint.Path.Replace("{p}", proposal.ToString(), StringComparison.Ordinal).Replace("{i}", item.ToString(), StringComparison.Ordinal)}";
        if (endpoint.Method == "GET") return (await client.GetAsync(url)).StatusCode;
        return (await client.PostAsync(url, endpoint.Body!)).Status;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RestrictedCase_LegalNotNamed_IsRefused404OnEveryEndpoint_AndLegalNamedIsAllowed(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var legal = await app.ClientAsync("sam.fraser");
        foreach (var named in new[] { false, true })
        {
            var s = await AccessScenario.CreateAsync(app);
            var worker = await app.ClientAsync("amara.osei");
            var id = await s.RequestAsync(worker, "subject-access");
            var bundle = await AccessScenario.BuildAsync(worker, id, new { everything = true });
            var proposal = bundle.GetProperty("proposals").EnumerateArray().Select(p => p.Id()).FirstOrDefault();
            var review = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            (await (await app.ClientAsync("daniel.hughes")).PostAsync($"/api/v1/cases/{s.CaseId}/restriction",
                new { reason = "adoption", details = "Placement order", reviewOn = review, namedUsers = named ? new[] { "sam.fraser" } : [] }))
                .Status.ShouldBe(HttpStatusCode.NoContent);

            foreach (var endpoint in Endpoints)
            {
                var status = await CallAsync(legal, id, endpoint, proposal, Guid.NewGuid());
                if (!named) status.ShouldBe(HttpStatusCode.NotFound, $"{endpoint.Method} {endpoint.Path}, Legal not named");
                else if (endpoint.Path.Contains("{i}", StringComparison.Ordinal)) status.ShouldNotBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.InternalServerError]); // no such item
                else status.ShouldNotBeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.InternalServerError], $"{endpoint.Method} {endpoint.Path}, Legal named");
            }
            var (registered, body) = await legal.PostAsync("/api/v1/access-requests", new { kind = "subject-access", subjectId = s.ChildId, requesterName = "X", whatIsAsked = "All", identityChecks = "Passport seen", legalBasis = "UK GDPR Article 15", receivedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            registered.ShouldBe(named ? HttpStatusCode.Created : HttpStatusCode.NotFound, $"named {named}: {body}");
            var (_, listed) = await legal.GetJsonAsync("/api/v1/access-requests");
            (listed.GetProperty("requests").EnumerateArray().Any(r => r.Id("id") == id)).ShouldBe(named);
        }
    }
}
