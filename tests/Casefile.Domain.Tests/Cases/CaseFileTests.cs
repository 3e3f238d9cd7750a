using Casefile.Domain.Cases;
using Casefile.Domain.Common;

namespace Casefile.Domain.Tests.Cases;

public class CaseFileTests
{
    private static readonly DateTimeOffset Now = Clock.Now;
    private static readonly DateOnly OpenedOn = new(2025, 1, 6);

    [Fact]
    public void Reallocate_WhenWorkerChanges_AddsToTheHistory()
    {
        var team = Guid.NewGuid();
        var file = A.CaseFile().AllocatedTo(team, Guid.NewGuid()).Build();
        var (newWorker, manager) = (Guid.NewGuid(), Guid.NewGuid());

        file.Reallocate(team, newWorker, manager, Now, "  Worker on long-term leave ");

        file.TeamId.ShouldBe(team);
        file.AllocatedWorkerId.ShouldBe(newWorker);
        file.Allocations.Count.ShouldBe(2);
        var latest = file.Allocations[^1];
        (latest.TeamId, latest.WorkerId, latest.From, latest.ChangedBy, latest.Reason)
            .ShouldBe((team, newWorker, Now, manager, "Worker on long-term leave"));
    }

    [Fact]
    public void ReallocateWithinTeam_WhenTheTeamChanges_RefusesTransferRequiredNamingTeam()
    {
        var team = Guid.NewGuid();
        var worker = Guid.NewGuid();
        var file = A.CaseFile().AllocatedTo(team, worker).Build();

        var ex = Should.Throw<ProcessRequiredException>(() =>
            file.ReallocateWithinTeam(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now, "Moving to the long-term team"));

        (ex.Rule, ex.Field, ex.Process).ShouldBe(("transfer-required", "team", "transfer"));
        (file.TeamId, file.AllocatedWorkerId, file.Allocations.Count).ShouldBe((team, worker, 1));
    }

    [Fact]
    public void ReallocateWithinTeam_WhenTheWorkerChangesInTheTeam_Reallocates()
    {
        var team = Guid.NewGuid();
        var file = A.CaseFile().AllocatedTo(team, Guid.NewGuid()).Build();
        var newWorker = Guid.NewGuid();

        file.ReallocateWithinTeam(team, newWorker, Guid.NewGuid(), Now, "Worker on leave");

        (file.TeamId, file.AllocatedWorkerId).ShouldBe((team, newWorker));
    }

    [Fact]
    public void Reallocate_WhenOnlyTheTeamChanges_Accepts()
    {
        var worker = Guid.NewGuid();
        var file = A.CaseFile().AllocatedTo(Guid.NewGuid(), worker).Build();
        var newTeam = Guid.NewGuid();

        file.Reallocate(newTeam, worker, Guid.NewGuid(), Now, "Transfer to the long-term team");

        file.TeamId.ShouldBe(newTeam);
        file.AllocatedWorkerId.ShouldBe(worker);
    }

    [Fact]
    public void Reallocate_WhenSameTeamAndWorker_RefusesAsAConflict()
    {
        var (team, worker) = (Guid.NewGuid(), Guid.NewGuid());
        var file = A.CaseFile().AllocatedTo(team, worker).Build();
        var version = file.Version;

        var ex = Should.Throw<StateConflictException>(() => file.Reallocate(team, worker, Guid.NewGuid(), Now, "No change"));

        ex.Rule.ShouldBe("already-allocated");
        file.Allocations.ShouldHaveSingleItem();
        file.Version.ShouldBe(version);
    }

    [Fact]
    public void Reallocate_WhenCaseIsClosed_Refuses()
    {
        var file = A.CaseFile().OpenedOn(OpenedOn).ClosedOn(OpenedOn.AddMonths(2)).Build();
        var version = file.Version;

        var ex = Should.Throw<RuleViolationException>(() =>
            file.Reallocate(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now, "Reallocation"));

        ex.Rule.ShouldBe("case-closed");
        file.Allocations.ShouldHaveSingleItem();
        file.Version.ShouldBe(version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Reallocate_WhenReasonIsMissing_RefusesWithTheField(string? reason)
    {
        var file = A.CaseFile().Build();
        var (team, worker) = (file.TeamId, file.AllocatedWorkerId);

        var ex = Should.Throw<RuleViolationException>(() =>
            file.Reallocate(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now, reason));

        ex.Rule.ShouldBe("required");
        ex.Field.ShouldBe("reason");
        (file.TeamId, file.AllocatedWorkerId).ShouldBe((team, worker));
        file.Allocations.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(400)]
    public void RecordClosure_WhenOnOrAfterOpening_ClosesTheFileAndItsVolume(int daysAfterOpening)
    {
        var file = A.CaseFile().OpenedOn(OpenedOn).Build();
        var closedOn = OpenedOn.AddDays(daysAfterOpening);

        file.RecordClosure(closedOn);

        file.Status.ShouldBe(CaseStatus.Closed);
        file.ClosedOn.ShouldBe(closedOn);
        file.Volumes.ShouldHaveSingleItem().ClosedOn.ShouldBe(closedOn);
    }

    [Fact]
    public void RecordClosure_WhenAlreadyClosed_RefusesAsAConflict()
    {
        var file = A.CaseFile().OpenedOn(OpenedOn).ClosedOn(OpenedOn.AddDays(30)).Build();

        var ex = Should.Throw<StateConflictException>(() => file.RecordClosure(OpenedOn.AddDays(31)));

        ex.Rule.ShouldBe("case-already-closed");
        file.ClosedOn.ShouldBe(OpenedOn.AddDays(30));
    }

    [Fact]
    public void RecordClosure_WhenBeforeOpening_RefusesWithTheField()
    {
        var file = A.CaseFile().OpenedOn(OpenedOn).Build();

        var ex = Should.Throw<RuleViolationException>(() => file.RecordClosure(OpenedOn.AddDays(-1)));

        ex.Rule.ShouldBe("closed-before-opened");
        ex.Field.ShouldBe("closedOn");
        file.Status.ShouldBe(CaseStatus.Open);
        file.ClosedOn.ShouldBeNull();
    }

    [Fact]
    public void RecordClosure_WhenFileWasReopened_ClosesOnlyTheCurrentVolume()
    {
        var child = Guid.NewGuid();
        var file = A.CaseFile().ForChild(child).OpenedOn(new DateOnly(2023, 1, 9)).ClosedOn(new DateOnly(2024, 2, 1)).Build();
        A.Referral().ForChild(child).Build().Accept(file, A.NewCaseFile().Build(), Guid.NewGuid(), Now, Clock.Today);

        file.RecordClosure(Clock.Today.AddDays(10));

        file.Volumes.Select(v => v.ClosedOn).ShouldBe([new DateOnly(2024, 2, 1), Clock.Today.AddDays(10)]);
    }

    [Fact]
    public void RecordClosure_WhenBeforeTheReopening_RefusesWithTheField()
    {
        var child = Guid.NewGuid();
        var file = A.CaseFile().ForChild(child).OpenedOn(new DateOnly(2023, 1, 9)).ClosedOn(new DateOnly(2024, 2, 1)).Build();
        A.Referral().ForChild(child).Build().Accept(file, A.NewCaseFile().Build(), Guid.NewGuid(), Now, Clock.Today);

        var ex = Should.Throw<RuleViolationException>(() => file.RecordClosure(Clock.Today.AddDays(-1)));

        ex.Rule.ShouldBe("closed-before-opened");
    }

    [Fact]
    public void Version_WhenFileChanges_ChangesEachTime()
    {
        var child = Guid.NewGuid();
        var file = A.CaseFile().ForChild(child).OpenedOn(OpenedOn).Build();
        var versions = new List<Guid> { file.Version };

        file.Reallocate(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now, "Transfer");
        versions.Add(file.Version);
        file.RecordClosure(OpenedOn.AddMonths(1));
        versions.Add(file.Version);
        A.Referral().ForChild(child).Build().Accept(file, A.NewCaseFile().Build(), Guid.NewGuid(), Now, Clock.Today);
        versions.Add(file.Version);
        file.Reallocate(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now, "Back to duty team");
        versions.Add(file.Version);

        versions.ShouldBeUnique();
    }

    [Fact]
    public void Version_WhenChangeIsRefused_StaysTheSame()
    {
        var file = A.CaseFile().OpenedOn(OpenedOn).Build();
        var version = file.Version;

        Should.Throw<RuleViolationException>(() => file.RecordClosure(OpenedOn.AddDays(-1)));
        Should.Throw<RuleViolationException>(() => file.Reallocate(file.TeamId, file.AllocatedWorkerId, Guid.NewGuid(), Now, "Same"));
        Should.Throw<RuleViolationException>(() => file.Reallocate(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now, null));

        file.Version.ShouldBe(version);
    }
}
