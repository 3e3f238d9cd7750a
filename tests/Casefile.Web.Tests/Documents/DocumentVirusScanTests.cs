using System.Net;
using Casefile.Data.Documents;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Web.Tests.Documents;

/// <summary>Uploads through the API with a real clamd (one test signature) as the configured scanner.</summary>
public sealed class DocumentVirusScanTests(ClamdFixture clamd) : IClassFixture<ClamdFixture>
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_WhenTheScannerFindsMalware_AnswersFileInfectedAndKeepsNothing(Db db)
    {
        var scanner = clamd.Require();
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);
        await using var scanned = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IVirusScanner>(scanner)));
        var token = (await app.ClientAsync("amara.osei")).DefaultRequestHeaders.Authorization;
        var worker = scanned.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        worker.DefaultRequestHeaders.Authorization = token;
        var fields = new Dictionary<string, string> { ["type"] = "other", ["title"] = "Note from school" };

        var infected = await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", ClamdFixture.Eicar, "note.txt", fields);

        infected.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "file");
        infected.Body.Str("rule").ShouldBe("file-infected");
        (await app.WithDbAsync(d => d.CaseDocuments.CountAsync(x => x.CaseFileId == caseId))).ShouldBe(0);
        DocumentApiTests.IsStored(app, DocumentApiTests.Sha256(ClamdFixture.Eicar)).ShouldBeFalse();

        var clean = await worker.PostFileAsync($"/api/v1/cases/{caseId}/documents", DocumentApiTests.Pdf("clean"), "clean.pdf", fields);
        clean.Status.ShouldBe(HttpStatusCode.Created, clean.Body.ToString());
    }
}
