using System.Net;
using Casefile.Data;
using Casefile.Data.Access;
using Casefile.Domain.Access;
using Casefile.Domain.Staff;
using Casefile.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Tests.Access;

/// <summary>
/// The many-case forms of the access facts (issue 14) against the one-case policy: for every demo
/// user, the cases <see cref="CaseFactsQueries.Readable"/> finds in SQL are exactly those
/// <see cref="CaseAccessPolicy.Decide"/> lets them read, and <see cref="CaseFactsQueries.HiddenCaseIds"/>
/// exactly those it may not admit exist; with a restricted case, a Legal share and emergency access in the data.
/// </summary>
public sealed class ReadableCasesTests
{
    private static readonly string[] Users =
        ["amara.osei", "ben.carter", "daniel.hughes", "hannah.price", "priya.shah", "grace.adeyemi", "olu.bello", "sam.fraser", "rita.kowalski", "alex.morgan"];

    [Theory, ClassData(typeof(Databases))]
    public async Task Readable_ForEveryDemoUser_IsWhatThePolicyDecidesCaseByCase(Db db)
    {
        var app = await TestApps.GetAsync(db);
        var (_, restricted) = await Given.OpenCaseAsync(app);
        var (_, shared) = await Given.OpenCaseAsync(app);
        var (_, emergency) = await Given.OpenCaseAsync(app);
        var manager = await app.ClientAsync("daniel.hughes");
        (await manager.PostAsync($"/api/v1/cases/{restricted}/restriction", new
        {
            reason = "highProfile",
            reviewOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(3)).ToString("yyyy-MM-dd"),
            namedUsers = new[] { "ben.carter", "sam.fraser" },
        })).Status.ShouldBe(HttpStatusCode.NoContent);
        (await manager.PostAsync($"/api/v1/cases/{shared}/legal-shares", new { user = "sam.fraser", reason = "Advice before the hearing" })).Status.ShouldBe(HttpStatusCode.NoContent);
        (await (await app.ClientAsync("hannah.price")).PostAsync($"/api/v1/cases/{emergency}/emergency-access",
            new { reason = "The police called out of hours about the child" })).Status.ShouldBe(HttpStatusCode.Created);

        var now = DateTimeOffset.UtcNow;
        var options = new AccessOptions();
        foreach (var userName in Users)
        {
            await app.WithDbAsync(async d =>
            {
                // One snapshot for every read: other tests create, move and destroy cases beside this one.
                await using var snapshot = await d.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
                var viewer = await ViewerAsync(d, userName);
                var all = await d.CaseFiles.Select(c => c.Id).ToListAsync();
                var facts = await CaseFactsQueries.ManyAsync(d, all, viewer.UserId, now, CancellationToken.None);
                facts.Count.ShouldBe(all.Count);
                var decided = facts.Where(f => CaseAccessPolicy.Decide(viewer, f, AccessAction.Read, options, now).Allowed).Select(f => f.CaseId).ToHashSet();
                var unknowable = facts.Where(f => !CaseAccessPolicy.Decide(viewer, f, AccessAction.Read, options, now).MayKnowItExists).Select(f => f.CaseId).ToHashSet();

                var readable = (await CaseFactsQueries.Readable(d, CaseAccessPolicy.ReadScope(viewer, options), now).Select(c => c.Id).ToListAsync()).ToHashSet();
                readable.SetEquals(decided).ShouldBeTrue($"{userName}: SQL finds {readable.Count} cases, the policy allows {decided.Count}; " +
                    $"only in SQL: {string.Join(", ", readable.Except(decided))}; only by the policy: {string.Join(", ", decided.Except(readable))}");
                var hidden = (await CaseFactsQueries.HiddenCaseIds(d, viewer.UserId).ToListAsync()).ToHashSet();
                hidden.SetEquals(unknowable).ShouldBeTrue($"{userName}: hidden in SQL {hidden.Count}, by the policy {unknowable.Count}");

                // The one-case form says the same as the many-case form.
                foreach (var one in new[] { restricted, shared, emergency })
                {
                    var row = await CaseFactsQueries.OneAsync(d, one, viewer.UserId, now, CancellationToken.None);
                    row.ShouldNotBeNull().ToFacts().ShouldBe(facts.Single(f => f.CaseId == one));
                }
                return 0;
            });
        }
    }

    /// <summary>The viewer as the app builds it: roles and team from the database, and for managers their team and every team below.</summary>
    private static async Task<Viewer> ViewerAsync(AppDbContext d, string userName)
    {
        var user = await d.Users.SingleAsync(u => u.UserName == userName);
        var roles = await (from ur in d.UserRoles join r in d.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync();
        var overseen = new HashSet<Guid>();
        if (user.TeamId is { } own && roles.Any(StaffRole.IsManager))
        {
            var teams = await d.Teams.Select(t => new { t.Id, t.ParentTeamId }).ToListAsync();
            var frontier = new Queue<Guid>([own]);
            while (frontier.TryDequeue(out var t))
            {
                if (!overseen.Add(t)) continue;
                foreach (var child in teams.Where(x => x.ParentTeamId == t)) frontier.Enqueue(child.Id);
            }
        }
        return new Viewer(user.Id, roles.ToHashSet(), user.TeamId, overseen);
    }
}
