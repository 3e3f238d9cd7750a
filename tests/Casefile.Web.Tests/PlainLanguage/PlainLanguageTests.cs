using System.Net;
using System.Text.Json;
using Casefile.Domain.Records;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.PlainLanguage;

/// <summary>
/// Policy 3.1: Casefile points out jargon, unexplained abbreviations and long sentences
/// from a list the council keeps. The test applications are shared by the whole run, so a test that
/// changes the list adds to the shipped list rather than replacing it, and goes back to it at the end.
/// </summary>
public sealed class PlainLanguageTests
{
    private const string ListUrl = "/api/v1/plain-language/list";
    private const string CheckUrl = "/api/v1/plain-language/check";
    private const string PageUrl = "/admin/plain-language";

    // 30 words, no jargon and no abbreviations.
    private const string ThirtyWordSentence = "Mum said that the children had been at their grandmother's house for most of the week because she had been unwell and could not get them to school on time.";

    private static readonly string ListWithWhilst = PlainLanguageGuide.DefaultList + "\nwhilst | while\n";

    [Theory, ClassData(typeof(Databases))]
    public async Task Check_WhenTextHasAbbreviationLongSentenceAndJargon_PointsOutEachWithItsAdvice(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var text = $"The LAC was seen at home. {ThirtyWordSentence} She disclosed that she was scared.";

        var (status, body) = await (await app.ClientAsync("amara.osei")).PostAsync(CheckUrl, new { text });

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        var hints = Hints(body);
        hints.ShouldContain(h => h.Kind == "abbreviation" && h.Found == "LAC" && h.Advice.Contains("looked after child"), body.ToString());
        hints.ShouldContain(h => h.Kind == "longSentence" && h.Found == ThirtyWordSentence && h.Advice.Contains("30 words"), body.ToString());
        hints.ShouldContain(h => h.Kind == "jargon" && h.Found == "disclosed" && h.Advice.Contains("\"told\""), body.ToString());
        foreach (var hint in hints) text.Substring(hint.Start, hint.Length).ShouldBe(hint.Found);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Check_WhenAbbreviationIsExplained_PointsOutNothing(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (status, body) = await (await app.ClientAsync("daniel.hughes")).PostAsync(CheckUrl,
            new { text = "She is a looked after child (LAC). The LAC review is on Monday." });
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        Hints(body).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Check_WhenTextIsOver200000Characters_Answers400NamingText(Db db)
    {
        var app = await TestApps.GetAsync(db);
        (await (await app.ClientAsync("amara.osei")).PostAsync(CheckUrl, new { text = new string('a', 200_001) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "text");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SaveList_WhenAdministratorAddsATerm_CheckPointsItOutAtOnceAndTheChangeIsAudited(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await app.ClientAsync("alex.morgan");
        var worker = await app.ClientAsync("amara.osei");
        try
        {
            Hints((await worker.PostAsync(CheckUrl, new { text = "Whilst at school she was happy." })).Body).ShouldBeEmpty();

            var (status, body) = await admin.PutAsync(ListUrl, new { text = ListWithWhilst });

            status.ShouldBe(HttpStatusCode.OK, body.ToString());
            body.GetProperty("shipped").GetBoolean().ShouldBeFalse();
            body.Str("updatedBy").ShouldBe("Alex Morgan");
            body.GetProperty("terms").EnumerateArray().ShouldContain(t => t.Str("term") == "whilst" && t.Str("suggestion") == "while" && t.Str("kind") == "jargon");
            body.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()).ShouldContain("GP");
            var (_, check) = await worker.PostAsync(CheckUrl, new { text = "Whilst at school she was happy." });
            Hints(check).ShouldContain(h => h.Kind == "jargon" && h.Found == "Whilst" && h.Advice.Contains("\"while\""), check.ToString());
            (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.UserName == "alex.morgan" && e.Action == "update" && e.RecordType == "plain-language-list")))
                .ShouldBeTrue();
        }
        finally
        {
            await ResetAsync(admin);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SaveList_WhenLinesCannotBeRead_Answers400WithEveryLineAndKeepsTheSavedList(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await app.ClientAsync("alex.morgan");
        try
        {
            (await admin.PutAsync(ListUrl, new { text = ListWithWhilst })).Status.ShouldBe(HttpStatusCode.OK);

            var answer = await admin.PutAsync(ListUrl, new { text = "whilst | while\nthis line has no separator\nlac = looked after child\n" });

            answer.ShouldBeProblem(HttpStatusCode.BadRequest, "text");
            var errors = answer.Body.GetProperty("errors").GetProperty("text").EnumerateArray().Select(e => e.GetString()!).ToList();
            errors.Count.ShouldBe(2, answer.Body.ToString());
            errors.ShouldContain(e => e.StartsWith("Line 2:"));
            errors.ShouldContain(e => e.StartsWith("Line 3:"));
            var (_, list) = await admin.GetJsonAsync(ListUrl);
            list.Str("text").ShouldBe(ListWithWhilst);
            var (_, check) = await (await app.ClientAsync("amara.osei")).PostAsync(CheckUrl, new { text = "Whilst the LAC slept." });
            Hints(check).Select(h => h.Found).ToArray().ShouldBe(new[] { "Whilst", "LAC" });
        }
        finally
        {
            await ResetAsync(admin);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SaveList_WhenEmpty_Answers400NamingText(Db db)
    {
        var app = await TestApps.GetAsync(db);
        (await (await app.ClientAsync("alex.morgan")).PutAsync(ListUrl, new { text = "  \n " })).ShouldBeProblem(HttpStatusCode.BadRequest, "text");
        (await (await app.ClientAsync("alex.morgan")).GetJsonAsync(ListUrl)).Body.GetProperty("shipped").GetBoolean().ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task List_WhenNotAnAdministrator_CanBeReadButNotChanged(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var worker = await app.ClientAsync("amara.osei");

        (await worker.PutAsync(ListUrl, new { text = ListWithWhilst })).ShouldBeProblem(HttpStatusCode.Forbidden);
        using (var delete = await worker.DeleteAsync(ListUrl)) delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (status, list) = await worker.GetJsonAsync(ListUrl);
        status.ShouldBe(HttpStatusCode.OK, list.ToString());
        list.GetProperty("terms").EnumerateArray().ShouldContain(t => t.Str("term") == "LAC" && t.Str("kind") == "abbreviation");

        // Checking is for those who write case records; legal staff read them.
        (await (await app.ClientAsync("sam.fraser")).PostAsync(CheckUrl, new { text = "The LAC" })).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ResetList_AfterASave_GoesBackToTheShippedList(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await app.ClientAsync("alex.morgan");
        (await admin.PutAsync(ListUrl, new { text = ListWithWhilst })).Status.ShouldBe(HttpStatusCode.OK);

        var (status, body) = await ResetAsync(admin);

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("shipped").GetBoolean().ShouldBeTrue();
        body.Str("text").ShouldBe(PlainLanguageGuide.DefaultList);
        body.GetProperty("updatedBy").ValueKind.ShouldBe(JsonValueKind.Null);
        var (_, check) = await (await app.ClientAsync("amara.osei")).PostAsync(CheckUrl, new { text = "Whilst the LAC slept." });
        Hints(check).Select(h => h.Found).ToArray().ShouldBe(new[] { "LAC" });
        (await app.WithDbAsync(d => d.AuditEvents.AnyAsync(e => e.UserName == "alex.morgan" && e.RecordType == "plain-language-list"
            && e.Reason == "Went back to the list Casefile came with"))).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Page_WhenNotAnAdministrator_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var worker = await Browserless.SignedInAsync(app, "amara.osei");

        var response = await worker.Client.GetAsync(PageUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/errors/403");
        var refusal = await worker.Client.GetAsync(response.Headers.Location);
        refusal.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refusal.Content.ReadAsStringAsync()).ShouldContain("You do not have access to this page");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Page_WhenAdministratorSavesTriesAndResets_EachWorksAndABadListKeepsWhatWasTyped(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await Browserless.SignedInAsync(app, "alex.morgan");
        try
        {
            var page = await admin.GetHtmlAsync(PageUrl);
            page.ShouldContain("Plain language list");
            page.ShouldContain("LAC = looked after child");
            page.ShouldContain("Casefile is using the list it came with");

            var saved = await admin.PostFormAsync(PageUrl + "?handler=Save", new() { ["ListText"] = ListWithWhilst.Replace("\n", "\r\n") }, PageUrl);
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
            saved.Headers.Location!.ToString().ShouldBe(PageUrl);
            var after = await admin.GetHtmlAsync(PageUrl);
            after.ShouldContain("The plain language list is saved");
            after.ShouldContain("whilst | while");
            after.ShouldContain("Alex Morgan last changed it");

            const string typed = "whilst | while\nthis line has no separator\n# a note\nLA = \n";
            var refused = await admin.PostFormAsync(PageUrl + "?handler=Save", new() { ["ListText"] = typed }, PageUrl);
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var refusedHtml = await refused.Content.ReadAsStringAsync();
            refusedHtml.ShouldContain("There is a problem");
            refusedHtml.ShouldContain("Line 2: put a | between the word");
            refusedHtml.ShouldContain("Line 4: write what");
            TextareaValue(refusedHtml, "ListText").ShouldBe(typed);
            var stillSaved = await admin.GetHtmlAsync(PageUrl);
            stillSaved.ShouldContain("whilst | while");
            stillSaved.ShouldNotContain("this line has no separator");

            var tried = await admin.PostFormAsync(PageUrl + "?handler=Check", new() { ["CheckText"] = "Whilst there, the CIN plan was agreed." }, PageUrl);
            tried.StatusCode.ShouldBe(HttpStatusCode.OK);
            var triedHtml = await tried.Content.ReadAsStringAsync();
            triedHtml.ShouldContain("What Casefile points out");
            triedHtml.ShouldContain("Instead of");
            triedHtml.ShouldContain("Abbreviation not explained");
            triedHtml.ShouldContain("child in need (CIN)");

            var reset = await admin.PostFormAsync(PageUrl + "?handler=Reset", new() { ["ListText"] = "" }, PageUrl);
            reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var shipped = await admin.GetHtmlAsync(PageUrl);
            shipped.ShouldContain("Casefile is using the list it came with again");
            shipped.ShouldNotContain("whilst | while");
        }
        finally
        {
            await ResetAsync(await app.ClientAsync("alex.morgan"));
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ResetAsync(HttpClient admin)
    {
        using var response = await admin.DeleteAsync(ListUrl);
        return (response.StatusCode, await Api.ReadAsync(response));
    }

    // A browser drops one line break straight after <textarea>, then decodes the rest.
    private static string TextareaValue(string html, string id)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"<textarea[^>]* id=\"{id}\"[^>]*>\n?(.*?)</textarea>", System.Text.RegularExpressions.RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"no textarea {id}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static List<Hint> Hints(JsonElement body) =>
        body.GetProperty("hints").EnumerateArray()
            .Select(h => new Hint(h.Str("kind"), h.Str("found"), h.Str("advice"), h.GetProperty("start").GetInt32(), h.GetProperty("length").GetInt32()))
            .ToList();

    private sealed record Hint(string Kind, string Found, string Advice, int Start, int Length);
}
