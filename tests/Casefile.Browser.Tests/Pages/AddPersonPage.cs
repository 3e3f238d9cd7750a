using Microsoft.Playwright;

namespace Casefile.Browser.Tests.Pages;

/// <summary>/people/new: "Add a person to the register".</summary>
public sealed class AddPersonPage(IPage page) : CasefilePage(page)
{
    public ILocator Child => Page.GetByRole(AriaRole.Radio, new() { Name = "Child", Exact = true });

    public ILocator FirstName => Page.GetByLabel("First name", new() { Exact = true });

    public ILocator LastName => Page.GetByLabel("Last name", new() { Exact = true });

    public DateInput DateOfBirth => new(Page, "Date of birth (optional)");

    public ILocator Upn => Page.GetByLabel("Unique Pupil Number (UPN)", new() { Exact = true });

    public ILocator AddPersonButton => Page.GetByRole(AriaRole.Button, new() { Name = "Add person", Exact = true });

    public static async Task<AddPersonPage> GotoAsync(IPage page)
    {
        await page.GotoAsync("/people/new");
        return new AddPersonPage(page);
    }

    /// <summary>Submits the form as it stands; the page comes back with errors if it was refused.</summary>
    public async Task SubmitAsync()
    {
        var response = Page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await AddPersonButton.ClickAsync();
        await response;
        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task<PersonPage> AddChildAsync(string firstName, string lastName, DateOnly dateOfBirth)
    {
        await Child.CheckAsync();
        await FirstName.FillAsync(firstName);
        await LastName.FillAsync(lastName);
        await DateOfBirth.FillAsync(dateOfBirth);
        await AddPersonButton.ClickAsync();
        await Page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(new Uri(url).AbsolutePath, "^/people/[0-9a-f-]{36}$"));
        return new PersonPage(Page);
    }
}

/// <summary>A GOV.UK date input: a fieldset (role group) named by its legend, with Day, Month and Year boxes.</summary>
public sealed class DateInput(IPage page, string legend)
{
    public ILocator Group { get; } = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });

    public ILocator Day => Group.GetByLabel("Day", new() { Exact = true });

    public ILocator Month => Group.GetByLabel("Month", new() { Exact = true });

    public ILocator Year => Group.GetByLabel("Year", new() { Exact = true });

    public async Task FillAsync(string day, string month, string year)
    {
        await Day.FillAsync(day);
        await Month.FillAsync(month);
        await Year.FillAsync(year);
    }

    public Task FillAsync(DateOnly date) =>
        FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
