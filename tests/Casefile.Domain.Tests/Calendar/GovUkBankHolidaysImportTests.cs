using System.Globalization;
using Casefile.Domain.Calendar;

namespace Casefile.Domain.Tests.Calendar;

/// <summary>
/// An administrator's import of the gov.uk <c>bank-holidays.json</c> file (issue 4): England and
/// Wales only, clear errors for bad input, and an import that adds or corrects the calendar.
/// </summary>
public sealed class GovUkBankHolidaysImportTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    // A cut-down copy of the gov.uk file: its shape, its spellings, and all three divisions.
    private const string Sample = """
        {
          "england-and-wales": {
            "division": "england-and-wales",
            "events": [
              { "title": "Boxing Day", "date": "2022-12-26", "notes": "", "bunting": true },
              { "title": "Christmas Day", "date": "2022-12-27", "notes": "Substitute day", "bunting": true },
              { "title": "New Year’s Day", "date": "2023-01-02", "notes": "Substitute day", "bunting": true },
              { "title": "Bank holiday for the coronation of King Charles III", "date": "2023-05-08", "notes": "", "bunting": true }
            ]
          },
          "scotland": {
            "division": "scotland",
            "events": [
              { "title": "2nd January", "date": "2023-01-03", "notes": "Substitute day", "bunting": true },
              { "title": "St Andrew’s Day", "date": "2023-11-30", "notes": "", "bunting": true }
            ]
          },
          "northern-ireland": {
            "division": "northern-ireland",
            "events": [
              { "title": "St Patrick’s Day", "date": "2023-03-17", "notes": "", "bunting": true }
            ]
          }
        }
        """;

    private static string EnglandAndWales(string events) =>
        $$"""{ "england-and-wales": { "division": "england-and-wales", "events": [ {{events}} ] } }""";

    [Fact]
    public void Parse_TheGovUkFormat_TakesOnlyTheEnglandAndWalesDays()
    {
        var result = GovUkBankHolidaysImport.Parse(Sample);

        result.Succeeded.ShouldBeTrue();
        result.Errors.ShouldBeEmpty();
        result.Days.ShouldBe(
        [
            new(D("2022-12-26"), "Boxing Day"),
            new(D("2022-12-27"), "Christmas Day", IsSubstituteDay: true),
            new(D("2023-01-02"), "New Year’s Day", IsSubstituteDay: true),
            new(D("2023-05-08"), "Bank holiday for the coronation of King Charles III"),
        ]);
        result.Years.ShouldBe([2022, 2023]);
    }

    [Fact]
    public void Parse_EventsOutOfOrderAndWithoutNotesOrBunting_AreReadInDateOrder()
    {
        var result = GovUkBankHolidaysImport.Parse(EnglandAndWales("""
            { "title": "Summer bank holiday", "date": "2031-08-25" },
            { "title": "Good Friday", "date": "2031-04-11", "notes": null }
            """));

        result.Succeeded.ShouldBeTrue();
        result.Days.Select(d => d.Date).ShouldBe([D("2031-04-11"), D("2031-08-25")]);
        result.Days.ShouldAllBe(d => !d.IsSubstituteDay);
    }

    // input, words the error must contain
    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("   ", "The file is empty")]
    [InlineData("Date,Title\n2023-05-08,Coronation", "not valid JSON (line 1")]
    [InlineData("{ \"england-and-wales\": ", "not valid JSON")]
    [InlineData("null", "should be an object")]
    [InlineData("[]", "should be an object")]
    [InlineData("{ \"scotland\": { \"division\": \"scotland\", \"events\": [] } }", "no \"england-and-wales\" section")]
    [InlineData("{ \"england-and-wales\": { \"division\": \"england-and-wales\" } }", "no list of \"events\"")]
    [InlineData("{ \"england-and-wales\": { \"events\": {} } }", "no list of \"events\"")]
    [InlineData("{ \"england-and-wales\": [] }", "no list of \"events\"")]
    [InlineData("{ \"england-and-wales\": { \"events\": [] } }", "lists no bank holidays")]
    public void Parse_WhenTheFileIsNotTheGovUkFormat_AnswersOneClearError(string json, string expected)
    {
        var result = GovUkBankHolidaysImport.Parse(json);

        result.Succeeded.ShouldBeFalse();
        result.Days.ShouldBeEmpty();
        result.Errors.Count.ShouldBe(1);
        result.Errors[0].Message.ShouldContain(expected);
    }

    [Fact]
    public void Parse_WhenInputIsNull_AnswersAnErrorNotAnException()
    {
        GovUkBankHolidaysImport.Parse(null).Errors.Single().Message.ShouldContain("The file is empty");
    }

    [Fact]
    public void Parse_WhenJsonIsNestedTooDeep_AnswersAnErrorNotAnException()
    {
        var json = new string('[', 500) + new string(']', 500);

        GovUkBankHolidaysImport.Parse(json).Errors.Single().Message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void Parse_WhenTheFileStartsWithAByteOrderMark_ReadsIt()
    {
        GovUkBankHolidaysImport.Parse("\uFEFF" + Sample).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Parse_ADateThatIsNotARealDate_NamesTheEntryAndImportsNothing()
    {
        var result = GovUkBankHolidaysImport.Parse(EnglandAndWales("""
            { "title": "Good Friday", "date": "2031-04-11" },
            { "title": "Early May bank holiday", "date": "2031-02-30", "notes": "" }
            """));

        result.Succeeded.ShouldBeFalse();
        result.Days.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldBe("Event 2 in \"england-and-wales\": the date \"2031-02-30\" is not a real date.");
        error.EventNumber.ShouldBe(2);
        error.Entry!.ShouldContain("\"Early May bank holiday\"");
        error.Entry!.ShouldContain("\"2031-02-30\"");
    }

    // one event, words its error must contain
    [Theory]
    [InlineData("""{ "title": "Coronation", "date": "08/05/2023" }""", "the date \"08/05/2023\" is not written as YYYY-MM-DD")]
    [InlineData("""{ "title": "Coronation", "date": "2023-5-8" }""", "is not written as YYYY-MM-DD")]
    [InlineData("""{ "title": "Coronation", "date": "2023-13-01" }""", "is not a real date")]
    [InlineData("""{ "title": "Coronation", "date": "2023-00-10" }""", "is not a real date")]
    [InlineData("""{ "title": "Coronation", "date": 20230508 }""", "it has no \"date\"")]
    [InlineData("""{ "title": "Coronation" }""", "it has no \"date\"")]
    [InlineData("""{ "date": "2023-05-08" }""", "it has no \"title\"")]
    [InlineData("""{ "title": "  ", "date": "2023-05-08" }""", "it has no \"title\"")]
    [InlineData("""{ "title": 7, "date": "2023-05-08" }""", "it has no \"title\"")]
    [InlineData("\"2023-05-08\"", "it should be an object")]
    public void Parse_ABadEvent_SaysWhatIsWrongWithIt(string entry, string expected)
    {
        var result = GovUkBankHolidaysImport.Parse(EnglandAndWales(entry));

        result.Succeeded.ShouldBeFalse();
        result.Days.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldStartWith("Event 1 in \"england-and-wales\": ");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Parse_SeveralBadEvents_ReportsEveryOne()
    {
        var result = GovUkBankHolidaysImport.Parse(EnglandAndWales("""
            { "title": "Good Friday", "date": "2031-04-11" },
            { "title": "Easter Monday", "date": "14/04/2031" },
            { "date": "2031-05-05" },
            { "title": "Spring bank holiday", "date": "2031-05-26" }
            """));

        result.Errors.Select(e => e.EventNumber).ShouldBe([2, 3]);
        result.Days.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_ABadEventInScotland_IsIgnored()
    {
        var json = """
            {
              "england-and-wales": { "division": "england-and-wales", "events": [ { "title": "Good Friday", "date": "2031-04-11" } ] },
              "scotland": { "division": "scotland", "events": [ { "title": "2nd January", "date": "not a date" } ] }
            }
            """;

        GovUkBankHolidaysImport.Parse(json).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void WithImported_TheSampleFile_ReplacesOnlyTheYearsItCovers()
    {
        var result = GovUkBankHolidaysImport.Parse(Sample);

        var calendar = WorkingDayCalendar.EnglandAndWales.WithImported(result.Days);

        calendar.BankHolidaysIn(2023).Select(d => d.Date).ShouldBe([D("2023-01-02"), D("2023-05-08")]);
        calendar.IsWorkingDay(D("2023-04-07")).ShouldBeTrue("the 2023 in the file lists no Good Friday");
        calendar.IsWorkingDay(D("2023-01-03")).ShouldBeTrue("Scotland's 2nd January is not taken");
        calendar.BankHolidaysIn(2024).ShouldBe(OfficialBankHolidays.ForYear(2024));
    }

    [Fact]
    public void WithImported_AFileForAFutureYearWithAOneOffDay_AddsTheDayAndMovesDeadlines()
    {
        var json = EnglandAndWales("""
            { "title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": true },
            { "title": "Good Friday", "date": "2029-03-30", "notes": "", "bunting": false },
            { "title": "Easter Monday", "date": "2029-04-02", "notes": "", "bunting": true },
            { "title": "Early May bank holiday", "date": "2029-05-07", "notes": "", "bunting": true },
            { "title": "Spring bank holiday", "date": "2029-05-28", "notes": "", "bunting": true },
            { "title": "Bank holiday for a national celebration", "date": "2029-07-13", "notes": "", "bunting": true },
            { "title": "Summer bank holiday", "date": "2029-08-27", "notes": "", "bunting": true },
            { "title": "Christmas Day", "date": "2029-12-25", "notes": "", "bunting": true },
            { "title": "Boxing Day", "date": "2029-12-26", "notes": "", "bunting": true }
            """);
        var result = GovUkBankHolidaysImport.Parse(json);

        var calendar = WorkingDayCalendar.EnglandAndWales.WithImported(result.Days);

        result.Succeeded.ShouldBeTrue();
        result.Years.ShouldBe([2029]);
        calendar.SourceOf(2029).ShouldBe(BankHolidaySource.Imported);
        calendar.BankHolidaysIn(2029).Where(d => d.Date != D("2029-07-13"))
            .ShouldBe(EnglandAndWalesBankHolidayRules.ForYear(2029), "the rest of the file agrees with the rules");
        calendar.IsWorkingDay(D("2029-07-13")).ShouldBeFalse();
        RecordingDeadline.RecordBy(D("2029-07-12"), childProtectionEnquiry: true, calendar).ShouldBe(D("2029-07-16"));
    }
}
