using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Casefile.Bench.Generation;
using Casefile.Bench.Measurement;
using Casefile.Data;
using Casefile.Domain.AccessRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Bench.Operations;

/// <summary>
/// Issue 9's goal: a disclosure bundle for a child with 2,000 records and 200 documents in under 30
/// seconds. Generates the authority (one child with N records), uploads D text documents to that
/// child's case through the API, registers a subject access request, then times building the
/// bundle with everything (assembly, text extraction and redaction proposals) and, after every
/// proposal is accepted and the request released, downloading the PDF (set from text with the
/// redactions burnt in). Prints the figures; docs/performance.md records them by hand.
/// </summary>
public static class DisclosureBenchmark
{
    public const double GoalSeconds = 30;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var provider = options.Provider();
        var records = options.Int("--records", 2_000);
        var documents = options.Int("--documents", 200);
        var children = options.Int("--children", 200);
        var seed = options.Int("--seed", 20261207);

        await using var database = await BenchDatabase.CreateAsync(provider, options.String("--connection"), options.Has("--keep"), ct);
        Console.WriteLine($"Generating {children:N0} children's case files, one with {records:N0} records (seed {seed})...");
        var (generated, _) = await CaseFileSeeder.SeedAsync(database, seed, children, records, ct);
        var target = generated.Target;
        await using var app = await RunningApp.StartAsync(database, ct);
        var token = await app.IssueTokenAsync(target.WorkerId, ct);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Guid childId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            childId = await db.CaseFiles.Where(c => c.Id == target.CaseFileId).Select(c => c.ChildId).SingleAsync(ct);
        }

        Console.WriteLine($"Uploading {documents:N0} documents to {target.Reference}...");
        for (var i = 0; i < documents; i++)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent("report"), "type" },
                { new StringContent($"Report {i + 1}"), "title" },
                { new StringContent(DateTime.UtcNow.AddDays(-1 - i).ToString("yyyy-MM-dd")), "date" },
            };
            var text = $"Report {i + 1}. " + string.Concat(Enumerable.Repeat("The school said attendance has improved and the family engaged well with the plan. Call 07700 900123 for the school office. ", 20));
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "file", $"report-{i + 1}.txt");
            using var uploaded = await client.PostAsync($"/api/v1/cases/{target.CaseFileId}/documents", form, ct);
            if (!uploaded.IsSuccessStatusCode) throw new InvalidOperationException($"Upload {i + 1}: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync(ct)}");
        }

        using var created = await client.PostAsJsonAsync("/api/v1/access-requests", new
        {
            kind = "subject-access",
            subjectId = childId,
            requesterName = "The young person",
            whatIsAsked = "Everything",
            receivedOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
            identityChecks = "Passport seen",
            legalBasis = "UK GDPR Article 15",
        }, ct);
        var requestId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        var build = Stopwatch.StartNew();
        using var bundle = await client.PostAsJsonAsync($"/api/v1/access-requests/{requestId}/bundle", new { everything = true }, ct);
        var body = await bundle.Content.ReadFromJsonAsync<JsonElement>(ct);
        build.Stop();
        if (!bundle.IsSuccessStatusCode) throw new InvalidOperationException($"Bundle: {(int)bundle.StatusCode} {body}");
        var items = body.GetProperty("items").GetArrayLength();
        var proposals = body.GetProperty("proposals").GetArrayLength();

        // The review is people's work, not the machine's: accept every proposal and release in the domain directly.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var request = await db.AccessRequests.SingleAsync(r => r.Id == requestId, ct);
            foreach (var p in await db.RedactionProposals.Where(p => p.AccessRequestId == requestId).ToListAsync(ct))
                p.Accept(RedactionReason.ThirdParty, target.WorkerId, DateTimeOffset.UtcNow);
            request.RecordLegalAdvice(target.WorkerId, isLegal: true, "Benchmark", false, DateTimeOffset.UtcNow);
            request.Release(target.WorkerId, new BundleFacts(items, 0, 0, true, false), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(ct);
        }

        var pdf = Stopwatch.StartNew();
        var bytes = await client.GetByteArrayAsync($"/api/v1/access-requests/{requestId}/disclosure.pdf", ct);
        pdf.Stop();
        var total = build.Elapsed.TotalSeconds + pdf.Elapsed.TotalSeconds;
        Console.WriteLine($"{provider}: {items:N0} items ({records:N0} records, {documents:N0} documents), {proposals:N0} proposed redactions.");
        Console.WriteLine($"  Build the bundle (POST /bundle): {build.Elapsed.TotalSeconds:N1} s");
        Console.WriteLine($"  Released PDF (GET /disclosure.pdf): {pdf.Elapsed.TotalSeconds:N1} s, {bytes.Length / 1024.0 / 1024:N1} MiB");
        Console.WriteLine($"  Together: {total:N1} s (goal under {GoalSeconds} s): {(total < GoalSeconds ? "met" : "MISSED")}");
        return total < GoalSeconds ? 0 : 1;
    }
}
