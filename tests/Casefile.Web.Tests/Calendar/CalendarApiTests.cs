using System.Net;
using Casefile.Web.Tests.Infrastructure;

namespace Casefile.Web.Tests.Calendar;

public sealed class CalendarApiTests
{
    [Theory]
    [InlineData("2023-12-22", 5, "2024-01-03")] // Christmas, Boxing Day and New Year's Day skipped
    [InlineData("2022-06-01", 1, "2022-06-06")] // Platinum Jubilee: 2 and 3 June 2022
    [InlineData("2020-05-07", 1, "2020-05-11")] // VE Day bank holiday, Friday 8 May 2020
    [InlineData("2026-11-24", 0, "2026-11-24")]
    public async Task WorkingDays_AnswersTheDateCountWorkingDaysLater(string from, int count, string expected)
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        var (status, body) = await (await app.ClientAsync("amara.osei")).GetJsonAsync($"/api/v1/calendar/working-days?from={from}&count={count}");
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.Str("date").ShouldBe(expected);
    }

    [Theory]
    [InlineData("from=2026-02-30&count=5", "from")]
    [InlineData("from=24/11/2026&count=5", "from")]
    [InlineData("from=2026-11-24&count=-1", "count")]
    [InlineData("count=5", "from")]
    public async Task WorkingDays_WhenInputIsWrong_Answers400NamingTheField(string query, string field)
    {
        var app = await TestApps.GetAsync(Db.Sqlite);
        (await (await app.ClientAsync("amara.osei")).GetJsonAsync($"/api/v1/calendar/working-days?{query}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, field);
    }
}
