namespace Casefile.Domain.Calendar;

/// <summary>The titles of the regular holidays, spelt as gov.uk spells them.</summary>
internal static class BankHolidayTitles
{
    public const string NewYearsDay = "New Year’s Day";
    public const string GoodFriday = "Good Friday";
    public const string EasterMonday = "Easter Monday";
    public const string EarlyMay = "Early May bank holiday";
    public const string Spring = "Spring bank holiday";
    public const string Summer = "Summer bank holiday";
    public const string ChristmasDay = "Christmas Day";
    public const string BoxingDay = "Boxing Day";
}
