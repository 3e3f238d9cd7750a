using Casefile.Domain.Cases;
using Casefile.Domain.Common;
using Casefile.Domain.Referrals;

namespace Casefile.Domain.Tests.Referrals;

public class ReferralTests
{
    private static readonly DateTimeOffset Now = Clock.Now;
    private static readonly DateOnly Today = Clock.Today;

    [Fact]
    public void Constructor_WhenDetailsAreValid_AwaitsADecision()
    {
        var recordedBy = Guid.NewGuid();

        var referral = A.Referral().From("  Ms Patel ", "  ").Because(" Attendance ").RecordedBy(recordedBy).Build();

        referral.Decision.ShouldBe(ReferralDecision.Awaiting);
        referral.ReferrerName.ShouldBe("Ms Patel");
        referral.ReferrerAgency.ShouldBeNull();
        referral.Reason.ShouldBe("Attendance");
        referral.RecordedBy.ShouldBe(recordedBy);
        referral.RecordedAt.ShouldBe(Now);
        referral.DecidedAt.ShouldBeNull();
        referral.DecidedBy.ShouldBeNull();
        referral.CaseFileId.ShouldBeNull();
    }

    // Five minutes' grace allows for the clocks of the worker's device and the server disagreeing.
    [Theory]
    [InlineData(-60 * 24 * 365)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(5)]
    public void Constructor_WhenReceivedUpToFiveMinutesAhead_Accepts(int minutesFromNow) =>
        A.Referral().ReceivedAt(Now.AddMinutes(minutesFromNow)).Build().ReceivedAt.ShouldBe(Now.AddMinutes(minutesFromNow));

    [Theory]
    [InlineData(5 * 60 + 1)]
    [InlineData(60 * 60)]
    [InlineData(24 * 60 * 60)]
    public void Constructor_WhenReceivedInTheFuture_Refuses(int secondsFromNow)
    {
        var ex = Should.Throw<RuleViolationException>(() => A.Referral().ReceivedAt(Now.AddSeconds(secondsFromNow)).Build());

        ex.Rule.ShouldBe("received-in-future");
        ex.Field.ShouldBe("receivedAt");
    }

    [Theory]
    [InlineData(null, "Attendance", "referrerName")]
    [InlineData("", "Attendance", "referrerName")]
    [InlineData("  ", "Attendance", "referrerName")]
    [InlineData("Ms Patel", null, "reason")]
    [InlineData("Ms Patel", "", "reason")]
    [InlineData("Ms Patel", " \n ", "reason")]
    public void Constructor_WhenRequiredDetailIsMissing_RefusesWithTheField(string? referrerName, string? reason, string field)
    {
        var ex = Should.Throw<RuleViolationException>(() => A.Referral().From(referrerName).Because(reason).Build());

        ex.Rule.ShouldBe("required");
        ex.Field.ShouldBe(field);
    }

    [Fact]
    public void Constructor_WhenAgencyIsTooLong_RefusesWithTheField()
    {
        var ex = Should.Throw<RuleViolationException>(() => A.Referral().From("Ms Patel", new string('x', 201)).Build());

        ex.Rule.ShouldBe("too-long");
        ex.Field.ShouldBe("referrerAgency");
    }

    [Fact]
    public void Accept_WhenChildHasNoCaseFile_OpensVolumeOneWithAnAllocation()
    {
        var referral = A.Referral().Build();
        var (team, worker, manager) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var opening = A.NewCaseFile().WithReference("CF-000001-H").AllocatedTo(team, worker).Build();

        var file = referral.Accept(null, opening, manager, Now, Today);

        file.Id.ShouldBe(opening.CaseFileId);
        file.Reference.ShouldBe("CF-000001-H");
        file.ChildId.ShouldBe(referral.ChildId);
        file.Status.ShouldBe(CaseStatus.Open);
        file.OpenedOn.ShouldBe(Today);
        file.ClosedOn.ShouldBeNull();
        file.CurrentVolume.ShouldBe(1);
        var volume = file.Volumes.ShouldHaveSingleItem();
        volume.Number.ShouldBe(1);
        volume.OpenedOn.ShouldBe(Today);
        volume.ClosedOn.ShouldBeNull();
        file.TeamId.ShouldBe(team);
        file.AllocatedWorkerId.ShouldBe(worker);
        var allocation = file.Allocations.ShouldHaveSingleItem();
        allocation.CaseFileId.ShouldBe(file.Id);
        allocation.TeamId.ShouldBe(team);
        allocation.WorkerId.ShouldBe(worker);
        allocation.From.ShouldBe(Now);
        allocation.ChangedBy.ShouldBe(manager);
        allocation.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Accept_WhenAccepted_RecordsTheDecision()
    {
        var referral = A.Referral().Build();
        var manager = Guid.NewGuid();

        var file = referral.Accept(null, A.NewCaseFile().Build(), manager, Now, Today);

        referral.Decision.ShouldBe(ReferralDecision.Accepted);
        referral.DecidedAt.ShouldBe(Now);
        referral.DecidedBy.ShouldBe(manager);
        referral.CaseFileId.ShouldBe(file.Id);
        referral.NoFurtherActionReason.ShouldBeNull();
    }

    [Fact]
    public void Accept_WhenChildsCaseFileIsOpen_AttachesWithoutChangingTheAllocation()
    {
        var child = Guid.NewGuid();
        var (team, worker) = (Guid.NewGuid(), Guid.NewGuid());
        var existing = A.CaseFile().ForChild(child).AllocatedTo(team, worker).OpenedOn(Today.AddMonths(-3)).Build();
        var allocations = existing.Allocations.ToList();
        var referral = A.Referral().ForChild(child).Build();

        var file = referral.Accept(existing, A.NewCaseFile().Build(), Guid.NewGuid(), Now, Today);

        file.ShouldBeSameAs(existing);
        referral.CaseFileId.ShouldBe(existing.Id);
        file.Status.ShouldBe(CaseStatus.Open);
        file.TeamId.ShouldBe(team);
        file.AllocatedWorkerId.ShouldBe(worker);
        file.Allocations.ShouldBe(allocations);
        file.CurrentVolume.ShouldBe(1);
        file.OpenedOn.ShouldBe(Today.AddMonths(-3));
    }

    [Fact]
    public void Accept_WhenChildsCaseFileIsClosed_ReopensItAsVolumeTwoWithTheNewAllocation()
    {
        var child = Guid.NewGuid();
        var firstOpened = new DateOnly(2023, 1, 9);
        var firstClosed = new DateOnly(2024, 2, 1);
        var existing = A.CaseFile().ForChild(child).OpenedOn(firstOpened).ClosedOn(firstClosed).Build();
        var reference = existing.Reference;
        var versionWhenClosed = existing.Version;
        var (team, worker, manager) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var referral = A.Referral().ForChild(child).Build();

        var file = referral.Accept(existing, A.NewCaseFile().AllocatedTo(team, worker).Build(), manager, Now, Today);

        file.ShouldBeSameAs(existing);
        file.Reference.ShouldBe(reference);
        file.Status.ShouldBe(CaseStatus.Open);
        file.OpenedOn.ShouldBe(Today);
        file.ClosedOn.ShouldBeNull();
        file.CurrentVolume.ShouldBe(2);
        file.Volumes.Select(v => (v.Number, v.OpenedOn, v.ClosedOn)).ShouldBe(
        [
            (1, firstOpened, (DateOnly?)firstClosed),
            (2, Today, null),
        ]);
        file.TeamId.ShouldBe(team);
        file.AllocatedWorkerId.ShouldBe(worker);
        file.Allocations.Count.ShouldBe(2);
        var reopening = file.Allocations[^1];
        (reopening.TeamId, reopening.WorkerId, reopening.From, reopening.ChangedBy).ShouldBe((team, worker, Now, manager));
        file.Version.ShouldNotBe(versionWhenClosed);
        referral.CaseFileId.ShouldBe(file.Id);
    }

    [Fact]
    public void Accept_WhenCaseFileBelongsToAnotherChild_RefusesAndStaysUndecided()
    {
        var otherChildsFile = A.CaseFile().Build();
        var referral = A.Referral().Build();

        Should.Throw<InvalidOperationException>(() =>
            referral.Accept(otherChildsFile, A.NewCaseFile().Build(), Guid.NewGuid(), Now, Today));

        referral.Decision.ShouldBe(ReferralDecision.Awaiting);
        referral.CaseFileId.ShouldBeNull();
    }

    [Fact]
    public void Accept_WhenAlreadyAccepted_RefusesAsAConflict()
    {
        var referral = A.Referral().Build();
        var file = referral.Accept(null, A.NewCaseFile().Build(), Guid.NewGuid(), Now, Today);

        var ex = Should.Throw<StateConflictException>(() =>
            referral.Accept(file, A.NewCaseFile().Build(), Guid.NewGuid(), Now.AddMinutes(1), Today));

        ex.Rule.ShouldBe("referral-already-decided");
        referral.DecidedAt.ShouldBe(Now);
    }

    [Fact]
    public void Accept_WhenAlreadyDecidedAsNoFurtherAction_RefusesAsAConflict()
    {
        var referral = A.Referral().Build();
        referral.DecideNoFurtherAction("Needs met by universal services", Guid.NewGuid(), Now);

        var ex = Should.Throw<StateConflictException>(() =>
            referral.Accept(null, A.NewCaseFile().Build(), Guid.NewGuid(), Now, Today));

        ex.Rule.ShouldBe("referral-already-decided");
        referral.Decision.ShouldBe(ReferralDecision.NoFurtherAction);
        referral.CaseFileId.ShouldBeNull();
    }

    [Fact]
    public void DecideNoFurtherAction_WhenAlreadyAccepted_RefusesAsAConflict()
    {
        var referral = A.Referral().Build();
        referral.Accept(null, A.NewCaseFile().Build(), Guid.NewGuid(), Now, Today);

        var ex = Should.Throw<StateConflictException>(() =>
            referral.DecideNoFurtherAction("Changed my mind", Guid.NewGuid(), Now));

        ex.Rule.ShouldBe("referral-already-decided");
        referral.Decision.ShouldBe(ReferralDecision.Accepted);
        referral.NoFurtherActionReason.ShouldBeNull();
    }

    [Fact]
    public void DecideNoFurtherAction_WhenAlreadyDecided_RefusesAsAConflict()
    {
        var referral = A.Referral().Build();
        referral.DecideNoFurtherAction("First reason", Guid.NewGuid(), Now);

        var ex = Should.Throw<StateConflictException>(() =>
            referral.DecideNoFurtherAction("Second reason", Guid.NewGuid(), Now));

        ex.Rule.ShouldBe("referral-already-decided");
        referral.NoFurtherActionReason.ShouldBe("First reason");
    }

    [Fact]
    public void DecideNoFurtherAction_WhenReasonIsGiven_RecordsTheDecision()
    {
        var referral = A.Referral().Build();
        var manager = Guid.NewGuid();

        referral.DecideNoFurtherAction("  Needs met by universal services  ", manager, Now);

        referral.Decision.ShouldBe(ReferralDecision.NoFurtherAction);
        referral.NoFurtherActionReason.ShouldBe("Needs met by universal services");
        referral.DecidedAt.ShouldBe(Now);
        referral.DecidedBy.ShouldBe(manager);
        referral.CaseFileId.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void DecideNoFurtherAction_WhenReasonIsMissing_RefusesAndStaysUndecided(string? reason)
    {
        var referral = A.Referral().Build();

        var ex = Should.Throw<RuleViolationException>(() => referral.DecideNoFurtherAction(reason, Guid.NewGuid(), Now));

        ex.Rule.ShouldBe("required");
        ex.Field.ShouldBe("reason");
        referral.Decision.ShouldBe(ReferralDecision.Awaiting);
        referral.DecidedAt.ShouldBeNull();
    }
}
