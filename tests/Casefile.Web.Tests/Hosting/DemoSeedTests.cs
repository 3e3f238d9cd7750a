using Casefile.Domain.Cases;
using Casefile.Domain.Journey;
using Casefile.Domain.People;
using Casefile.Domain.Records;
using Casefile.Domain.Referrals;
using Casefile.Web.Demo;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Features.Journey;
using Casefile.Web.Infrastructure;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casefile.Web.Tests.Hosting;

public sealed class DemoSeedTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Demo_WhenSeeded_HasEveryRoleReferralStateAndOpenAndClosedCases(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var roles = await app.WithDbAsync(d => d.Roles.Select(r => r.Name!).ToListAsync());
        roles.ShouldBe(Domain.Staff.StaffRole.All, ignoreOrder: true);
        foreach (var user in DemoSeeder.Users)
            (await app.WithDbAsync(d => d.Users.AnyAsync(u => u.UserName == user.UserName))).ShouldBeTrue(user.UserName);

        var children = await app.WithDbAsync(d => d.People.CountAsync(p => p.Kind == Domain.People.PersonKind.Child));
        children.ShouldBeGreaterThanOrEqualTo(40);
        foreach (var decision in Enum.GetValues<ReferralDecision>())
            (await app.WithDbAsync(d => d.Referrals.AnyAsync(r => r.Decision == decision))).ShouldBeTrue(decision.ToString());
        (await app.WithDbAsync(d => d.CaseFiles.AnyAsync(c => c.Status == CaseStatus.Closed))).ShouldBeTrue();
        (await app.WithDbAsync(d => d.CaseFiles.AnyAsync(c => c.Status == CaseStatus.Open))).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Demo_WhenSeeded_HasChildrenInEveryJourneyStatusSomeOnTimeAndSomeOverdue(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var pictures = await app.WithServicesAsync(async sp =>
        {
            var d = sp.GetRequiredService<Casefile.Data.AppDbContext>();
            var ids = await d.CaseFiles.Select(c => c.Id).ToListAsync();
            var facts = await JourneyFactsLoader.ForCasesAsync(d, ids, default);
            var calendar = await sp.GetRequiredService<BankHolidayCalendar>().CurrentAsync(default);
            var today = sp.GetRequiredService<TimeProvider>().Today();
            return facts.Values.Select(f => StatutoryJourney.Evaluate(f, calendar, sp.GetRequiredService<JourneyTimescales>(), today)).ToList();
        });

        foreach (var status in Enum.GetValues<JourneyStatus>())
            pictures.ShouldContain(p => p.Statuses.Contains(status), status.ToString());
        pictures.Select(p => p.CurrentPlan?.Category).ShouldContain("NEG");
        pictures.Select(p => p.CurrentPlan?.Category).ShouldContain("EMO");
        pictures.Select(p => p.CurrentEpisode?.LegalStatus).ShouldContain("C2");
        pictures.Select(p => p.CurrentEpisode?.PlacementType).ShouldContain("K2");
        foreach (var kind in new[] { DueKind.InitialConference, DueKind.StatutoryVisit })
        {
            pictures.ShouldContain(p => p.Due.Any(x => x.Kind == kind && x.Overdue), $"{kind} overdue");
            pictures.ShouldContain(p => p.Due.Any(x => x.Kind == kind && !x.Overdue), $"{kind} on time");
        }
        foreach (var kind in new[] { DueKind.CoreGroup, DueKind.ReviewConference, DueKind.LookedAfterReview })
            pictures.ShouldContain(p => p.Due.Any(x => x.Kind == kind), kind.ToString());

        // A change of placement ends the first episode with X1; each step is a significant line in the chronology, as the handlers write it.
        (await app.WithDbAsync(d => d.LookedAfterEpisodes.AnyAsync(e => e.ReasonEnded == "X1" && e.PlacementType == "U6"))).ShouldBeTrue();
        (await app.WithDbAsync(d => d.LookedAfterEpisodes.AnyAsync(e => e.ReasonForNewEpisode == "P" && e.PlacementType == "K2"))).ShouldBeTrue();
        var steps = await app.WithDbAsync(d => d.Chronology.Where(e => e.Kind == ChronologyKind.JourneyStep).Select(e => new { e.Title, e.Significant }).ToListAsync());
        steps.ShouldAllBe(e => e.Significant);
        foreach (var title in new[] { "Strategy discussion", "Section 47 enquiry started", "Initial child protection conference", "Core group meeting",
            "Review child protection conference", "Started to be looked after", "Looked-after review", "Stopped being looked after" })
            steps.Select(e => e.Title).ShouldContain(title);
        steps.Select(e => e.Title).ShouldContain(t => t.StartsWith("Looked-after episode: ", StringComparison.Ordinal));

        // Each team's manager sees visits due on time and overdue.
        foreach (var manager in new[] { "daniel.hughes", "hannah.price" })
        {
            var (_, due) = await (await app.ClientAsync(manager)).GetJsonAsync("/api/v1/visits/due");
            var overdue = due.EnumerateArray().Select(v => v.GetProperty("overdue").GetBoolean()).ToList();
            overdue.ShouldContain(true, manager);
            overdue.ShouldContain(false, manager);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Demo_WhenSeeded_ChildrenHaveValidIdentifiersAndReferralsTheirCensusCodes(Db db)
    {
        var app = await TestApps.GetAsync(db);
        // The demo's own children: their NHS numbers are from the range kept for testing (the tests' own children have others, or none).
        var children = await app.WithDbAsync(d => d.People.Where(p => p.Kind == PersonKind.Child && p.NhsNumber != null && p.NhsNumber.StartsWith("999"))
            .Select(p => new { p.Id, p.Upn, p.NhsNumber, p.School, p.DisabilityCodes }).ToListAsync());

        children.Count.ShouldBeGreaterThanOrEqualTo(40);
        children.ShouldAllBe(c => NhsNumber.IsValid(c.NhsNumber));
        children.Where(c => c.School != null).ShouldAllBe(c => UniquePupilNumber.IsValid(c.Upn));
        children.ShouldContain(c => c.DisabilityCodes != null);
        var ids = children.Select(c => c.Id).ToList();
        // The demo's referrals, recorded by its admin officer.
        var intake = await app.WithDbAsync(d => d.Users.Where(u => u.UserName == "olu.bello").Select(u => u.Id).SingleAsync());
        var referrals = await app.WithDbAsync(d => d.Referrals.Where(r => ids.Contains(r.ChildId) && r.RecordedBy == intake)
            .Select(r => new { r.Source, r.PrimaryNeed, r.Decision }).ToListAsync());
        referrals.Count.ShouldBeGreaterThanOrEqualTo(40);
        referrals.ShouldAllBe(r => DfeCodes.ReferralSource.Contains(r.Source));
        referrals.Where(r => r.Decision == ReferralDecision.Accepted).ShouldAllBe(r => DfeCodes.PrimaryNeed.Contains(r.PrimaryNeed));
    }
}
