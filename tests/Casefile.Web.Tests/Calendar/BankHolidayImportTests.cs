using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Casefile.Domain.Calendar;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Calendar;

/// <summary>
/// Issue 4: an administrator imports a gov.uk bank-holidays.json file. The apps are shared by the
/// whole run, so each test imports its own year, one no other test counts working days in.
/// </summary>
public sealed partial class BankHolidayImportTests
{
    private const string Administrator = "alex.morgan";
    private const string SocialWorker = "amara.osei";

    [Theory, ClassData(typeof(Databases))]
    public async Task Import_WhenFileAddsAOneOffDay_WorkingDaysSkipItAtOnce(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await app.ClientAsync(Administrator);
        var coronation = new BankHoliday(new DateOnly(2027, 6, 7), "Coronation of King Testing the First");
        coronation.Date.DayOfWeek.ShouldBe(DayOfWeek.Monday);
        var before = await admin.GetJsonAsync("/api/v1/calendar/working-days?from=2027-06-04&count=1");
        before.Body.Str("date").ShouldBe("2027-06-07", "the Monday is a working day until the import");

        var (status, body) = await admin.PostRawAsync("/api/v1/calendar/bank-holidays",
            GovUkFile([.. WorkingDayCalendar.EnglandAndWales.BankHolidaysIn(2027), coronation]));

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ShouldBe([2027]);
        body.GetProperty("daysImported").GetInt32().ShouldBe(WorkingDayCalendar.EnglandAndWales.BankHolidaysIn(2027).Count + 1);
        var change = body.GetProperty("changes")[0];
        change.Str("sourceBefore").ShouldBe("shipped");
        change.GetProperty("added").EnumerateArray().Select(d => d.Str("date")).ShouldBe(["2027-06-07"]);
        change.GetProperty("removed").GetArrayLength().ShouldBe(0);

        var (_, after) = await (await app.ClientAsync(SocialWorker)).GetJsonAsync("/api/v1/calendar/working-days?from=2027-06-04&count=1");
        after.Str("date").ShouldBe("2027-06-08");
        after.GetProperty("bankHolidaysSkipped").EnumerateArray().Select(h => h.Str("title")).ShouldBe([coronation.Title]);

        var (listed, year) = await (await app.ClientAsync(SocialWorker)).GetJsonAsync("/api/v1/calendar/bank-holidays?year=2027");
        listed.ShouldBe(HttpStatusCode.OK, year.ToString());
        year.Str("source").ShouldBe("imported");
        year.Str("sourceDescription").ShouldBe("Imported by an administrator");
        year.GetProperty("bankHolidays").EnumerateArray().ShouldContain(d => d.Str("date") == "2027-06-07" && d.Str("title") == coronation.Title);

        var reasons = await app.WithDbAsync(d => d.AuditEvents
            .Where(e => e.RecordType == "bank-holidays" && e.UserName == Administrator && e.Action == "update")
            .Select(e => e.Reason).ToListAsync());
        reasons.ShouldContain($"Imported {WorkingDayCalendar.EnglandAndWales.BankHolidaysIn(2027).Count + 1} days for 2027");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Import_WhenFileMovesADay_ReplacesTheWholeYear(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await app.ClientAsync(Administrator);
        var ruled = WorkingDayCalendar.EnglandAndWales.BankHolidaysIn(2029);
        var earlyMay = ruled.Single(d => d.Title == "Early May bank holiday");
        earlyMay.Date.ShouldBe(new DateOnly(2029, 5, 7));
        var moved = earlyMay with { Date = new DateOnly(2029, 5, 4) }; // to the Friday before, as for VE Day in 2020

        var (status, body) = await admin.PostRawAsync("/api/v1/calendar/bank-holidays", GovUkFile(ruled.Select(d => d == earlyMay ? moved : d)));

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        var change = body.GetProperty("changes")[0];
        change.Str("sourceBefore").ShouldBe("rules");
        change.GetProperty("added").EnumerateArray().Select(d => d.Str("date")).ShouldBe(["2029-05-04"]);
        change.GetProperty("removed").EnumerateArray().Select(d => d.Str("date")).ShouldBe(["2029-05-07"]);
        var (_, thursday) = await admin.GetJsonAsync("/api/v1/calendar/working-days?from=2029-05-03&count=1");
        thursday.Str("date").ShouldBe("2029-05-07", "the Friday is now the holiday and the Monday a working day");

        // A second file for the year replaces the first: the moved day goes back, and a day left out is gone.
        var corrected = ruled.Where(d => d.Title != "Boxing Day").ToList();
        var (again, second) = await admin.PostRawAsync("/api/v1/calendar/bank-holidays", GovUkFile(corrected));

        again.ShouldBe(HttpStatusCode.OK, second.ToString());
        var secondChange = second.GetProperty("changes")[0];
        secondChange.Str("sourceBefore").ShouldBe("imported");
        secondChange.GetProperty("added").EnumerateArray().Select(d => d.Str("date")).ShouldBe(["2029-05-07"]);
        secondChange.GetProperty("removed").EnumerateArray().Select(d => d.Str("date")).ShouldBe(["2029-05-04", "2029-12-26"]);
        var stored = await app.WithDbAsync(d => d.ImportedBankHolidays
            .Where(h => h.Date >= new DateOnly(2029, 1, 1) && h.Date <= new DateOnly(2029, 12, 31))
            .OrderBy(h => h.Date).Select(h => h.Date).ToListAsync());
        stored.ShouldBe(corrected.Select(d => d.Date));
        var (_, listed) = await admin.GetJsonAsync("/api/v1/calendar/bank-holidays?year=2029");
        listed.GetProperty("bankHolidays").EnumerateArray().Select(d => d.Str("date"))
            .ShouldBe(corrected.Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Import_WhenNotAnAdministrator_Answers403AndChangesNothing(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var worker = await app.ClientAsync(SocialWorker);

        var answer = await worker.PostRawAsync("/api/v1/calendar/bank-holidays", GovUkFile([new BankHoliday(new DateOnly(2033, 3, 14), "Not a bank holiday")]));

        answer.ShouldBeProblem(HttpStatusCode.Forbidden);
        answer.Body.Str("detail").ShouldContain("administrator");
        (await app.WithDbAsync(d => d.ImportedBankHolidays.CountAsync(h => h.Date == new DateOnly(2033, 3, 14)))).ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Import_WhenFileIsWrong_Answers400NamingFileWithEveryProblem(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var admin = await app.ClientAsync(Administrator);

        var notJson = await admin.PostRawAsync("/api/v1/calendar/bank-holidays", "{ \"england-and-wales\": ");
        notJson.ShouldBeProblem(HttpStatusCode.BadRequest, "file");
        notJson.Body.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("not valid JSON");

        var noDivision = await admin.PostRawAsync("/api/v1/calendar/bank-holidays", "{ \"scotland\": { \"division\": \"scotland\", \"events\": [] } }");
        noDivision.ShouldBeProblem(HttpStatusCode.BadRequest, "file");
        noDivision.Body.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("england-and-wales");

        var badDates = await admin.PostRawAsync("/api/v1/calendar/bank-holidays", """
            { "england-and-wales": { "division": "england-and-wales", "events": [
                { "title": "Good", "date": "2034-01-02" },
                { "title": "Bad", "date": "2034-02-30" },
                { "title": "Worse", "date": "02/01/2034" } ] } }
            """);
        badDates.ShouldBeProblem(HttpStatusCode.BadRequest, "file");
        var problems = badDates.Body.GetProperty("errors").GetProperty("file").EnumerateArray().Select(p => p.GetString()!).ToList();
        problems.Count.ShouldBe(2);
        problems[0].ShouldContain("Event 2");
        problems[1].ShouldContain("Event 3");
        (await app.WithDbAsync(d => d.ImportedBankHolidays.CountAsync(h => h.Date.Year == 2034))).ShouldBe(0, "a bad file changes nothing");

        var tooLarge = await admin.PostRawAsync("/api/v1/calendar/bank-holidays", new string(' ', ImportBankHolidays.MaxFileBytes + 1));
        tooLarge.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        tooLarge.Body.Str("detail").ShouldContain("1 MB");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task BankHolidays_WhenYearIsWrong_Answers400NamingYear(Db db)
    {
        var app = await TestApps.GetAsync(db);
        (await (await app.ClientAsync(SocialWorker)).GetJsonAsync("/api/v1/calendar/bank-holidays?year=12026"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "year");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Page_WhenAdministrator_ShowsTheYearsInForce(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var session = await Browserless.SignedInAsync(app, Administrator);
        var thisYear = DateTime.UtcNow.Year;

        var response = await session.Client.GetAsync("/admin/bank-holidays");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain($"Bank holidays in {thisYear}");
        html.ShouldContain($"Bank holidays in {thisYear + 2}");
        html.ShouldContain(BankHolidayWords.Date(WorkingDayCalendar.EnglandAndWales.BankHolidaysIn(thisYear)[0].Date));
        html.ShouldContain("enctype=\"multipart/form-data\"");
        html.ShouldContain("accept=\".json,application/json\"");
        html.ShouldContain("An import replaces all the bank holidays of every year the file covers");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Page_WhenNotAnAdministrator_IsRefused(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var session = await Browserless.SignedInAsync(app, SocialWorker);

        var response = await session.Client.GetAsync("/admin/bank-holidays");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Page_WhenAdministratorUploadsAFile_ShowsWhatChanged(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var session = await Browserless.SignedInAsync(app, Administrator);
        var days = WorkingDayCalendar.EnglandAndWales.BankHolidaysIn(2031).Append(new BankHoliday(new DateOnly(2031, 9, 19), "State funeral of a test monarch")).ToList();

        var response = await UploadAsync(session, "bank-holidays.json", GovUkFile(days));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldBe("/admin/bank-holidays");
        var html = WebUtility.HtmlDecode(await session.GetHtmlAsync("/admin/bank-holidays"));
        html.ShouldContain("govuk-notification-banner--success");
        html.ShouldContain("Bank holidays imported for 2031");
        html.ShouldContain("Added: Friday 19 September 2031 – State funeral of a test monarch");
        var again = WebUtility.HtmlDecode(await session.GetHtmlAsync("/admin/bank-holidays"));
        again.ShouldNotContain("Bank holidays imported for 2031", customMessage: "the banner shows once");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Page_WhenFileIsWrong_ShowsTheErrorSummaryAndEveryProblemAtTheField(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var session = await Browserless.SignedInAsync(app, Administrator);

        var notJson = await UploadAsync(session, "bank-holidays.json", "this is not json");
        notJson.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await notJson.Content.ReadAsStringAsync());
        html.ShouldContain("There is a problem");
        html.ShouldContain("href=\"#Upload\"");
        html.ShouldContain("The file is not valid JSON");
        html.ShouldContain("govuk-file-upload--error");

        var badEvents = await UploadAsync(session, "bank-holidays.json", """
            { "england-and-wales": { "division": "england-and-wales", "events": [
                { "title": "Bad", "date": "2035-02-30" }, { "date": "2035-03-01" } ] } }
            """);
        var badHtml = WebUtility.HtmlDecode(await badEvents.Content.ReadAsStringAsync());
        badHtml.ShouldContain("The file has more than one problem");
        badHtml.ShouldContain("the date \"2035-02-30\" is not a real date");
        badHtml.ShouldContain("Event 2 in \"england-and-wales\": it has no \"title\"");

        var none = await UploadAsync(session, null, null);
        WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()).ShouldContain("Select a bank holidays file");
    }

    /// <summary>A gov.uk bank-holidays.json file whose England and Wales events are <paramref name="days"/>.</summary>
    private static string GovUkFile(IEnumerable<BankHoliday> days) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["england-and-wales"] = new
        {
            division = "england-and-wales",
            events = days.Select(d => new
            {
                title = d.Title,
                date = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                notes = d.IsSubstituteDay ? "Substitute day" : "",
                bunting = true,
            }),
        },
        ["scotland"] = new { division = "scotland", events = new[] { new { title = "St Andrew’s Day", date = "2027-11-30", notes = "", bunting = true } } },
    });

    /// <summary>Posts the upload form as a browser does (multipart, with the page's antiforgery token); no file when <paramref name="fileName"/> is null.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(Browserless session, string? fileName, string? content)
    {
        var page = await session.GetHtmlAsync("/admin/bank-holidays");
        var token = TokenPattern().Match(page);
        token.Success.ShouldBeTrue("no antiforgery token on /admin/bank-holidays");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
        };
        if (fileName is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content ?? ""));
            file.Headers.ContentType = new("application/json");
            form.Add(file, "Upload", fileName);
        }
        return await session.Client.PostAsync("/admin/bank-holidays", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
