using Casefile.Domain.Common;
using Casefile.Domain.Staff;
using Casefile.Domain.Transfers;

namespace Casefile.Domain.Tests.Transfers;

public class CaseTransferTests
{
    private static readonly DateTimeOffset Now = Clock.Now;
    private static readonly Guid FromTeam = Guid.NewGuid(), FromWorker = Guid.NewGuid(), ToTeam = Guid.NewGuid(), ToWorker = Guid.NewGuid();

    private static TransferSummary Summary() => TransferSummary.Create("Neglect concerns", "Assessment of 3 March", "CIN plan", "Visits fortnightly");

    private static (Casefile.Domain.Cases.CaseFile File, CaseTransfer Transfer) Proposed(Guid? toWorker = null)
    {
        var file = A.CaseFile().AllocatedTo(FromTeam, FromWorker).Build();
        return (file, new CaseTransfer(Guid.NewGuid(), file, ToTeam, toWorker, Summary(), FromWorker, Now));
    }

    private static ReceivingManager Receiving(bool manages = true, string role = StaffRole.PracticeManager, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), new HashSet<string> { role }, manages);

    [Fact]
    public void Accept_ByReceivingManager_ReallocatesTheCase()
    {
        var (file, transfer) = Proposed();

        transfer.Accept(file, Receiving(), ToWorker, Now);

        transfer.Status.ShouldBe(TransferStatus.Accepted);
        file.TeamId.ShouldBe(ToTeam);
        file.AllocatedWorkerId.ShouldBe(ToWorker);
        file.Allocations[^1].Reason.ShouldStartWith("Transfer accepted");
    }

    [Fact]
    public void Accept_WithoutWorkerChosenOrProposed_AsksForOne()
    {
        var (file, transfer) = Proposed();
        Should.Throw<RuleViolationException>(() => transfer.Accept(file, Receiving(), null, Now)).Field.ShouldBe("workerId");
    }

    [Fact]
    public void Accept_WhenWorkerProposed_UsesThem()
    {
        var (file, transfer) = Proposed(ToWorker);
        transfer.Accept(file, Receiving(), null, Now);
        file.AllocatedWorkerId.ShouldBe(ToWorker);
    }

    [Theory]
    [InlineData(false, StaffRole.PracticeManager, "not-receiving-manager")]
    [InlineData(true, StaffRole.SocialWorker, "not-receiving-manager")]
    public void Accept_BySomeoneWhoDoesNotManageTheReceivingTeam_Refuses(bool manages, string role, string rule)
    {
        var (file, transfer) = Proposed(ToWorker);
        Should.Throw<RuleViolationException>(() => transfer.Accept(file, Receiving(manages, role), null, Now)).Rule.ShouldBe(rule);
        file.TeamId.ShouldBe(FromTeam);
    }

    [Fact]
    public void Accept_ByTheProposer_Refuses()
    {
        var (file, transfer) = Proposed(ToWorker);
        Should.Throw<RuleViolationException>(() => transfer.Accept(file, Receiving(id: FromWorker), null, Now)).Rule.ShouldBe("own-request");
    }

    [Fact]
    public void Accept_WhenCaseMovedSinceProposal_Conflicts()
    {
        var (file, transfer) = Proposed(ToWorker);
        file.Reallocate(FromTeam, Guid.NewGuid(), Guid.NewGuid(), Now, "Worker left");
        Should.Throw<StateConflictException>(() => transfer.Accept(file, Receiving(), null, Now)).Rule.ShouldBe("case-moved");
    }

    [Fact]
    public void Accept_Twice_Conflicts()
    {
        var (file, transfer) = Proposed(ToWorker);
        transfer.Accept(file, Receiving(), null, Now);
        Should.Throw<StateConflictException>(() => transfer.Accept(file, Receiving(), null, Now));
    }

    [Fact]
    public void Return_NeedsAReason()
    {
        var (_, transfer) = Proposed();
        Should.Throw<RuleViolationException>(() => transfer.Return("", Receiving(), Now)).Field.ShouldBe("reason");
        transfer.Return("No capacity this month", Receiving(), Now);
        transfer.Status.ShouldBe(TransferStatus.Returned);
    }

    [Fact]
    public void Propose_ToTheSameWorkerAndTeam_Refuses()
    {
        var file = A.CaseFile().AllocatedTo(FromTeam, FromWorker).Build();
        Should.Throw<RuleViolationException>(() => new CaseTransfer(Guid.NewGuid(), file, FromTeam, FromWorker, Summary(), FromWorker, Now))
            .Rule.ShouldBe("transfer-to-same");
    }

    [Fact]
    public void Propose_WhenClosed_Refuses() =>
        Should.Throw<RuleViolationException>(() => new CaseTransfer(Guid.NewGuid(), A.CaseFile().ClosedOn(Clock.Today).Build(), ToTeam, null, Summary(),
            FromWorker, Now)).Rule.ShouldBe("case-closed");

    [Fact]
    public void Summary_WhenPartsMissing_NamesEachField() =>
        Should.Throw<RuleViolationsException>(() => TransferSummary.Create("x", null, null, "y")).Violations.Select(v => v.Field)
            .ShouldBe(["assessment", "plan"]);

    [Fact]
    public void Withdraw_BySomeoneElse_Refuses()
    {
        var (_, transfer) = Proposed();
        Should.Throw<RuleViolationException>(() => transfer.Withdraw(Guid.NewGuid(), Now)).Rule.ShouldBe("not-requester");
        transfer.Withdraw(FromWorker, Now);
        transfer.Status.ShouldBe(TransferStatus.Withdrawn);
    }
}
