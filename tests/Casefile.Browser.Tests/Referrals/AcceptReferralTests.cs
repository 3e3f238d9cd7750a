using Casefile.Browser.Tests.Infrastructure;
using Casefile.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Casefile.Browser.Tests.Referrals;

/// <summary>The front door: a referral is recorded about a new child, and a manager accepts it, opening a case file.</summary>
public sealed class AcceptReferralTests(CasefileBrowserFixture fixture)
{
    [Fact]
    public async Task Accept_WhenManagerAllocatesReferralForChildWithoutCase_OpensCaseFileWithSuccessBanner()
    {
        await using var session = await fixture.StartSessionAsync(signedInAs: "daniel.hughes");
        var page = session.Page;

        // A child no one has met before: a name that cannot clash with the demo families.
        var familyName = "Brightwater" + RandomLetters(6);
        var addPerson = await AddPersonPage.GotoAsync(page);
        var person = await addPerson.AddChildAsync("Juniper", familyName, new DateOnly(2016, 5, 14));
        await Expect(person.Heading).ToHaveTextAsync($"Juniper {familyName}");
        await Expect(person.Page.GetByText("No case file.")).ToBeVisibleAsync();

        var recordReferral = await person.RecordReferralAsync();
        await Expect(recordReferral.Heading).ToHaveTextAsync("Record a referral");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var referral = await recordReferral.RecordAsync(yesterday, "9:30", "Ms J Patel", "Harrowden Primary School",
            "Juniper has come to school hungry on most days this month and says there is no food at home.");
        await Expect(referral.Heading).ToHaveTextAsync("Referral");
        await Expect(referral.AcceptHeading).ToBeVisibleAsync();

        var caseFile = await referral.AcceptAsync("Northgate Children's Team", "Amara Osei (Northgate Children's Team)");

        await Expect(caseFile.SuccessBanner).ToBeVisibleAsync();
        await Expect(caseFile.SuccessBanner).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Referral accepted\\. Case file .+ is open\\."));
        await Expect(caseFile.Heading).ToHaveTextAsync($"Juniper {familyName}");
        await Expect(caseFile.Team).ToHaveTextAsync("Northgate Children's Team");
        await Expect(caseFile.AllocatedWorker).ToHaveTextAsync("Amara Osei");
    }

    private static string RandomLetters(int count) =>
        new(Enumerable.Range(0, count).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
}
