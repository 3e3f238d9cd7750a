using Casefile.Domain.Common;
using Casefile.Domain.Records;

namespace Casefile.Domain.Tests.Records;

public sealed class CaseRecordMoveTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();
    private static readonly Guid WrongFile = Guid.NewGuid();
    private static readonly Guid RightFile = Guid.NewGuid();

    private static CaseRecord Record() => CaseRecord.Start(Guid.NewGuid(), WrongFile,
        new CaseRecordContent(CaseRecordType.PhoneCall, Now.AddHours(-1), false, "Call", "Done", "Spoke to the school"),
        new CaseRecordContext(Worker, Worker, false), new DateOnly(2026, 12, 1), Now);

    [Fact]
    public void Approve_WhenAManagerWhoDidNotAsk_MovesTheRecordAndRemembersWhereItWas()
    {
        var record = Record();
        var move = CaseRecordMove.Request(Guid.NewGuid(), record, RightFile, "Filed on the sister's record", Worker, Now);

        move.Approve(record, Manager, isManager: true, "Agreed", Now);

        record.CaseFileId.ShouldBe(RightFile);
        record.MovedFromCaseFileId.ShouldBe(WrongFile);
        move.Status.ShouldBe(CaseRecordMoveStatus.Approved);
        move.DecidedBy.ShouldBe(Manager);
    }

    [Fact]
    public void Approve_WhenNotAManager_IsRefusedAndNothingMoves()
    {
        var record = Record();
        var move = CaseRecordMove.Request(Guid.NewGuid(), record, RightFile, "Wrong child", Worker, Now);

        Should.Throw<RuleViolationException>(() => move.Approve(record, Guid.NewGuid(), isManager: false, null, Now)).Rule.ShouldBe("move-needs-manager");

        record.CaseFileId.ShouldBe(WrongFile);
        move.Status.ShouldBe(CaseRecordMoveStatus.Requested);
    }

    [Fact]
    public void Approve_WhenTheManagerAskedForTheMove_NeedsAnotherManager()
    {
        var record = Record();
        var move = CaseRecordMove.Request(Guid.NewGuid(), record, RightFile, "Wrong child", Manager, Now);

        Should.Throw<RuleViolationException>(() => move.Approve(record, Manager, isManager: true, null, Now)).Rule.ShouldBe("move-needs-second-person");
    }

    [Fact]
    public void Decide_WhenAlreadyDecided_IsAConflict()
    {
        var record = Record();
        var move = CaseRecordMove.Request(Guid.NewGuid(), record, RightFile, "Wrong child", Worker, Now);
        move.Refuse(Manager, isManager: true, "It is the right child: the school used her middle name", Now);

        Should.Throw<StateConflictException>(() => move.Approve(record, Manager, isManager: true, null, Now));
        record.CaseFileId.ShouldBe(WrongFile);
    }

    [Fact]
    public void Refuse_WithoutAReason_IsRefused() =>
        Should.Throw<RuleViolationException>(() => CaseRecordMove.Request(Guid.NewGuid(), Record(), RightFile, "x", Worker, Now).Refuse(Manager, true, " ", Now))
            .Field.ShouldBe("note");

    [Fact]
    public void Request_WhenToTheSameFileOrWithoutAReason_IsRefused()
    {
        var record = Record();
        Should.Throw<RuleViolationException>(() => CaseRecordMove.Request(Guid.NewGuid(), record, WrongFile, "Wrong", Worker, Now)).Rule.ShouldBe("move-to-same-file");
        Should.Throw<RuleViolationException>(() => CaseRecordMove.Request(Guid.NewGuid(), record, RightFile, "", Worker, Now)).Field.ShouldBe("reason");
    }
}

public sealed class CaseRecordFinaliseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Worker = Guid.NewGuid();

    private static CaseRecord Draft(CaseRecordContent content) =>
        CaseRecord.Start(Guid.NewGuid(), Guid.NewGuid(), content, new CaseRecordContext(Worker, Worker, false), new DateOnly(2026, 12, 1), Now);

    [Fact]
    public void Finalise_WhenPurposeOutcomeOrNarrativeMissing_NamesEachAndStaysADraft()
    {
        var record = Draft(new CaseRecordContent(CaseRecordType.HomeVisit, Now.AddHours(-1), false, null, null, null));

        var e = Should.Throw<RecordIncompleteException>(() => record.Finalise(0, Now));

        e.Missing.Select(m => m.Field).ShouldBe(["purpose", "outcome", "narrative", "childSeen"]);
        record.Status.ShouldBe(CaseRecordStatus.Draft);
    }

    [Theory]
    [InlineData(CaseRecordType.PhoneCall)]
    [InlineData(CaseRecordType.NoAccessVisit)]
    [InlineData(CaseRecordType.ManagementDecision)]
    public void Finalise_WhenNotAVisitToTheChild_DoesNotAskWhetherTheChildWasSeen(CaseRecordType type)
    {
        var record = CaseRecord.Start(Guid.NewGuid(), Guid.NewGuid(), new CaseRecordContent(type, Now.AddHours(-1), false, "Why", "What next", "What happened"),
            new CaseRecordContext(Worker, Worker, true), new DateOnly(2026, 12, 1), Now);

        record.Finalise(0, Now);

        record.Status.ShouldBe(CaseRecordStatus.Final);
    }

    [Theory]
    [InlineData(CaseRecordType.ManagementDecision, false, true)]
    [InlineData(CaseRecordType.StatutoryVisit, false, true)]
    [InlineData(CaseRecordType.ChildProtectionEnquiryVisit, false, true)]
    [InlineData(CaseRecordType.HomeVisit, false, false)]
    [InlineData(CaseRecordType.HomeVisit, true, true)]
    public void IsSignificant_FollowsTheKindOrTheWorkersMark(CaseRecordType type, bool marked, bool significant)
    {
        var record = CaseRecord.Start(Guid.NewGuid(), Guid.NewGuid(),
            new CaseRecordContent(type, Now.AddHours(-1), false, "Why", "What next", "What happened", Significant: marked),
            new CaseRecordContext(Worker, Worker, true), new DateOnly(2026, 12, 1), Now);

        record.IsSignificant.ShouldBe(significant);
        ChronologyEntry.ForRecord(record).Significant.ShouldBe(significant);
    }

    [Fact]
    public void ChronologyEntry_ForALateRecord_IsMarkedLateAndSummarisesPurposeAndOutcome()
    {
        var record = Draft(new CaseRecordContent(CaseRecordType.HomeVisit, Now.AddHours(-1), false, "Check on the children", "All well", "Long story", ChildSeen: true));
        record.Finalise(3, Now);

        var entry = ChronologyEntry.ForRecord(record);

        entry.Late.ShouldBeTrue();
        entry.Title.ShouldBe("Home visit");
        entry.Summary.ShouldBe("Check on the children Outcome: All well");
        entry.SourceId.ShouldBe(record.Id);
    }

    [Fact]
    public void ChronologyEntry_WhenTheSummaryIsLong_IsCutWithAnEllipsis()
    {
        var entry = new ChronologyEntry(Guid.NewGuid(), Now, ChronologyKind.Referral, "Referral", new string('a', 5000), null, null, true);

        entry.Summary!.Length.ShouldBe(ChronologyEntry.SummaryLength);
        entry.Summary.ShouldEndWith("…");
    }
}
