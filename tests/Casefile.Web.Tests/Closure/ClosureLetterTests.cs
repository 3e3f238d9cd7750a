using System.Net;
using System.Text;
using Casefile.Domain.Closure;
using Casefile.Web.Features.Closure;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Casefile.Web.Tests.Closure;

/// <summary>
/// Policy 6.4 and Appendix 2: the standard closure letters to parents or carers and to professionals,
/// written from templates the council can edit, as PDF. The test applications are shared by the whole
/// run, so a test that changes a template goes back to the shipped one at the end; the tests that
/// change templates and those that write letters are in this one class so they never overlap.
/// </summary>
public sealed class ClosureLetterTests
{
    private const string ParentsUrl = "/api/v1/settings/closure-letter-templates/parents";
    private const string ProfessionalsUrl = "/api/v1/settings/closure-letter-templates/professionals";
    private const string PageUrl = "/admin/closure-letters/parents";

    private const string CouncilParentsLetter = """
        Dear {RecipientName},

        Our work with {ChildName} ended on {ClosedOn}. Harrowden says thank you.

        Yours sincerely,
        """;

    private static readonly DateOnly ClosedOn = new(2026, 11, 24);
    private static readonly DateOnly Today = new(2026, 11, 25);

    // Writing a letter

    [Theory, ClassData(typeof(Databases))]
    public async Task Write_ForAChildAndRecipient_PrintsTheirDetailsAndNoOtherChilds(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var (otherChildId, otherCaseId) = await Given.OpenCaseAsync(app);
        var child = await ChildNameAsync(app, childId);
        var other = await ChildNameAsync(app, otherChildId);
        var reference = await app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Reference).SingleAsync());
        var otherReference = await app.WithDbAsync(d => d.CaseFiles.Where(c => c.Id == otherCaseId).Select(c => c.Reference).SingleAsync());

        foreach (var kind in ClosureLetterKinds.All)
        {
            var letter = await WriteAsync(app, new WriteClosureLetterCommand(caseId, kind,
                new ClosureLetterRecipient("Jo Lettersmith", ["14 Mill Lane", "Harrowden", "HD2 3CD"]),
                "The school nurse will keep seeing the family.", Today, ClosedOn));

            var text = PdfText(letter.Pdf);
            text.ShouldContain(child);
            text.ShouldContain("Dear Jo Lettersmith,");
            text.ShouldContain("14 Mill Lane");
            text.ShouldContain("HD2 3CD");
            text.ShouldContain("24 November 2026");
            text.ShouldContain("25 November 2026");
            text.ShouldContain("The school nurse will keep seeing the family.");
            text.ShouldContain("Amara Osei");
            text.ShouldContain("Northgate Children's Team");
            text.ShouldContain("Children and Family Services");
            text.ShouldContain("Yours sincerely,");
            text.ShouldNotContain(other);
            text.ShouldNotContain(otherReference);
            text.ShouldNotContain("{");
            letter.CaseReference.ShouldBe(reference);
            letter.FileName.ShouldBe($"closure-letter-{ClosureLetterKinds.Slug(kind)}-{reference}-jo-lettersmith-2026-11-25.pdf");
            letter.Paragraphs.ShouldContain(p => p.Contains(child));
            using var pdf = PdfDocument.Open(letter.Pdf);
            pdf.NumberOfPages.ShouldBe(1);
            pdf.Information.Title.ShouldBe($"Closure letter to Jo Lettersmith about {child} ({reference})");
        }
        var professionals = PdfText((await WriteAsync(app, new WriteClosureLetterCommand(caseId, ClosureLetterKind.Professionals,
            new ClosureLetterRecipient("Mrs Patel"), null, Today, ClosedOn))).Pdf);
        professionals.ShouldContain($"Our reference number is {reference}.");
        professionals.ShouldNotContain("school nurse");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Write_WhenTheCaseHasNotClosedAndNoDateIsGiven_IsRefusedNamingClosedOn(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);

        var refusal = await Should.ThrowAsync<Casefile.Domain.Common.RuleViolationException>(() =>
            WriteAsync(app, new WriteClosureLetterCommand(caseId, ClosureLetterKind.ParentsOrCarers, new ClosureLetterRecipient("Jo"), null, Today)));

        refusal.Field.ShouldBe("closedOn");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Write_WhenTheRecipientHasNoName_IsRefusedNamingRecipientName(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, caseId) = await Given.OpenCaseAsync(app);

        var refusal = await Should.ThrowAsync<Casefile.Web.Infrastructure.ValidationFailedException>(() =>
            WriteAsync(app, new WriteClosureLetterCommand(caseId, ClosureLetterKind.ParentsOrCarers, new ClosureLetterRecipient("  "), null, Today, ClosedOn)));

        refusal.Errors.Keys.ShouldBe(["recipient.name"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Write_AfterTheCouncilSavesItsOwnWording_UsesItAtOnce(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await app.ClientAsync("alex.morgan");
        var (childId, caseId) = await Given.OpenCaseAsync(app);
        var child = await ChildNameAsync(app, childId);
        try
        {
            (await admin.PutAsync(ParentsUrl, new { text = CouncilParentsLetter })).Status.ShouldBe(HttpStatusCode.OK);

            var letter = await WriteAsync(app, new WriteClosureLetterCommand(caseId, ClosureLetterKind.ParentsOrCarers,
                new ClosureLetterRecipient("Jo Lettersmith"), null, Today, ClosedOn));

            letter.Paragraphs.ShouldBe(["Dear Jo Lettersmith,", $"Our work with {child} ended on 24 November 2026. Harrowden says thank you.", "Yours sincerely,"]);
            PdfText(letter.Pdf).ShouldContain("Harrowden says thank you.");
        }
        finally
        {
            await ResetAsync(admin, ParentsUrl);
        }
    }

    // The templates: API

    [Theory, ClassData(typeof(Databases))]
    public async Task GetTemplate_WhenNothingSaved_AnswersTheShippedLetterAndItsPlaceholders(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await app.ClientAsync("alex.morgan");

        var (status, body) = await admin.GetJsonAsync(ProfessionalsUrl);

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.Str("kind").ShouldBe("professionals");
        body.GetProperty("shipped").GetBoolean().ShouldBeTrue();
        body.Str("text").ShouldBe(ClosureLetterTemplate.DefaultProfessionalsText);
        body.GetProperty("placeholders").EnumerateArray().Select(p => p.GetString()).ShouldContain("{ContinuingSupport}");
        body.GetProperty("requiredPlaceholders").EnumerateArray().Select(p => p.GetString()!).ToArray().ShouldBe(["{ChildName}", "{RecipientName}", "{ClosedOn}"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SaveTemplate_WhenAdministratorSaves_IsUsedAuditedAndCanBeReset(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await app.ClientAsync("alex.morgan");
        try
        {
            var (status, body) = await admin.PutAsync(ParentsUrl, new { text = CouncilParentsLetter.Replace("\n", "\r\n") });

            status.ShouldBe(HttpStatusCode.OK, body.ToString());
            body.GetProperty("shipped").GetBoolean().ShouldBeFalse();
            body.Str("updatedBy").ShouldBe("Alex Morgan");
            body.Str("text").ShouldBe(CouncilParentsLetter);
            (await admin.GetJsonAsync(ProfessionalsUrl)).Body.GetProperty("shipped").GetBoolean().ShouldBeTrue();
            (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.UserName == "alex.morgan" && e.Action == "update"
                && e.RecordType == "closure-letter-template" && e.RecordId == "closure-letter-parents"))).ShouldBeTrue();
        }
        finally
        {
            var (status, body) = await ResetAsync(admin, ParentsUrl);
            status.ShouldBe(HttpStatusCode.OK, body.ToString());
            body.GetProperty("shipped").GetBoolean().ShouldBeTrue();
            body.Str("text").ShouldBe(ClosureLetterTemplate.DefaultParentsOrCarersText);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SaveTemplate_WhenPlaceholdersAreWrong_Answers400WithEveryLineAndKeepsTheSavedTemplate(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await app.ClientAsync("alex.morgan");

        var answer = await admin.PutAsync(ParentsUrl, new { text = "Dear {RecipientName},\n\nWe closed the case on {ClosedOn}.\nSee {ChildsName} and {OtherChild}." });

        answer.ShouldBeProblem(HttpStatusCode.BadRequest, "text");
        var errors = answer.Body.GetProperty("errors").GetProperty("text").EnumerateArray().Select(e => e.GetString()!).ToList();
        errors.Count.ShouldBe(3, answer.Body.ToString());
        errors.ShouldContain(e => e.StartsWith("Line 4: {ChildsName} is not a placeholder"));
        errors.ShouldContain(e => e.StartsWith("Line 4: {OtherChild} is not a placeholder"));
        errors.ShouldContain(e => e.StartsWith("Use {ChildName} somewhere in the letter"));
        (await admin.GetJsonAsync(ParentsUrl)).Body.GetProperty("shipped").GetBoolean().ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SaveTemplate_WhenEmptyOrMissing_Answers400NamingText(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await app.ClientAsync("alex.morgan");

        (await admin.PutAsync(ProfessionalsUrl, new { text = "  \n " })).ShouldBeProblem(HttpStatusCode.BadRequest, "text");
        (await admin.PutAsync(ProfessionalsUrl, new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "text");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Template_WhenNotAnAdministratorOrUnknownKind_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var worker = await app.ClientAsync("amara.osei");
        var adminOfficer = await app.ClientAsync("olu.bello");

        (await worker.PutAsync(ParentsUrl, new { text = CouncilParentsLetter })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await worker.GetJsonAsync(ParentsUrl)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await adminOfficer.GetJsonAsync(ProfessionalsUrl)).ShouldBeProblem(HttpStatusCode.Forbidden);
        using (var delete = await worker.DeleteAsync(ParentsUrl)) delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ClientAsync("alex.morgan")).GetJsonAsync("/api/v1/settings/closure-letter-templates/neighbours"))
            .ShouldBeProblem(HttpStatusCode.NotFound);
    }

    // The templates: page

    [Theory, ClassData(typeof(Databases))]
    public async Task Page_WhenNotAnAdministrator_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var worker = await Browserless.SignedInAsync(app, "olu.bello");

        var response = await worker.Client.GetAsync(PageUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/errors/403");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Page_WhenAdministratorPreviewsSavesAndResets_EachWorksAndABadTemplateKeepsWhatWasTyped(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await Browserless.SignedInAsync(app, "alex.morgan");
        try
        {
            var page = WebUtility.HtmlDecode(await admin.GetHtmlAsync(PageUrl));
            page.ShouldContain("Letter to parents or carers");
            page.ShouldContain("Casefile is using the letter it came with");
            page.ShouldContain("<code>{ContinuingSupport}</code>");
            page.ShouldContain("href=\"/admin/closure-letters/professionals\"");
            page.ShouldContain("We closed {ChildName}'s case on {ClosedOn}.");
            (await admin.GetHtmlAsync("/admin/closure-letters")).ShouldContain("Letter to parents or carers");
            WebUtility.HtmlDecode(await admin.GetHtmlAsync("/admin/closure-letters/professionals")).ShouldContain("Please keep this letter with your records about {ChildName}.");

            const string typed = "Dear {RecipientName},\n\n{ChildName} closed on {ClosedOn}.\n{Worker Name}\n";
            var refused = await admin.PostFormAsync(PageUrl + "?handler=Save", new() { ["TemplateText"] = typed }, PageUrl);
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            refusedHtml.ShouldContain("There is a problem");
            refusedHtml.ShouldContain("Line 4: {Worker Name} is not a placeholder Casefile knows. Did you mean {WorkerName}?");
            refusedHtml.ShouldContain("href=\"#TemplateText\"");
            TextareaValue(refusedHtml).ShouldBe(typed);

            var preview = await admin.PostFormAsync(PageUrl + "?handler=Preview", new() { ["TemplateText"] = CouncilParentsLetter }, PageUrl);
            preview.StatusCode.ShouldBe(HttpStatusCode.OK);
            var previewHtml = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
            previewHtml.ShouldContain("Our work with Amy Smith ended on 24 November 2026. Harrowden says thank you.");
            (await admin.GetHtmlAsync(PageUrl)).ShouldContain("Casefile is using the letter it came with");

            var saved = await admin.PostFormAsync(PageUrl + "?handler=Save", new() { ["TemplateText"] = CouncilParentsLetter.Replace("\n", "\r\n") }, PageUrl);
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
            saved.Headers.Location!.ToString().ShouldBe(PageUrl);
            var after = await admin.GetHtmlAsync(PageUrl);
            after.ShouldContain("The letter to parents or carers is saved");
            after.ShouldContain("Alex Morgan last changed it");
            TextareaValue(WebUtility.HtmlDecode(after)).ShouldBe(CouncilParentsLetter);

            var reset = await admin.PostFormAsync(PageUrl + "?handler=Reset", new() { ["TemplateText"] = "" }, PageUrl);
            reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await admin.GetHtmlAsync(PageUrl)).ShouldContain("Casefile is using the letter to parents or carers it came with again");
        }
        finally
        {
            await ResetAsync(await app.ClientAsync("alex.morgan"), ParentsUrl);
        }
    }

    private static Task<ClosureLetter> WriteAsync(CasefileApp app, WriteClosureLetterCommand command) =>
        app.WithServicesAsync(s => s.GetRequiredService<WriteClosureLetter>().HandleAsync(command, CancellationToken.None));

    private static Task<string> ChildNameAsync(CasefileApp app, Guid childId) =>
        app.WithDbAsync(d => d.People.Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync());

    private static async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> ResetAsync(HttpClient admin, string url)
    {
        using var response = await admin.DeleteAsync(url);
        return (response.StatusCode, await Api.ReadAsync(response));
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        // Words, one space apart: PdfPig's page text runs a wrapped line into the next with no space.
        var text = new StringBuilder();
        foreach (var page in document.GetPages()) text.AppendJoin(' ', page.GetWords().Select(w => w.Text)).Append('\n');
        return text.ToString();
    }

    // A browser drops one line break straight after <textarea>; the html is already decoded.
    private static string TextareaValue(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "<textarea[^>]* id=\"TemplateText\"[^>]*>\n?(.*?)</textarea>", System.Text.RegularExpressions.RegexOptions.Singleline);
        match.Success.ShouldBeTrue("no textarea");
        return match.Groups[1].Value;
    }
}
