using Casefile.Domain.Common;
using Casefile.Domain.Records;

namespace Casefile.Domain.Tests.Records;

public sealed class CaseRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Worker = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Colleague = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly DateOnly RecordBy = new(2026, 12, 1);

    private static CaseRecordContent Visit(CaseRecordType type = CaseRecordType.HomeVisit) =>
        new(type, Now.AddHours(-3), false, "Check on the children after the school's concern", "Children safe; plan agreed", "Saw Amy and Tom at home.",
            ChildSeen: true, ChildSeenAlone: true);

    private static CaseRecordContext By(Guid who, bool manager = false) => new(who, Worker, manager);

    private static CaseRecord Draft(CaseRecordContent? content = null) =>
        CaseRecord.Start(Guid.NewGuid(), Guid.NewGuid(), content ?? Visit(), By(Worker), RecordBy, Now);

    [Fact]
    public void Start_WhenValid_IsADraftWithItsDeadline()
    {
        var record = Draft();
        record.Status.ShouldBe(CaseRecordStatus.Draft);
        record.RecordBy.ShouldBe(RecordBy);
        record.IsLocked.ShouldBeFalse();
    }

    [Theory]
    [InlineData(CaseRecordType.StatutoryVisit)]
    [InlineData(CaseRecordType.ChildProtectionEnquiryVisit)]
    public void Start_WhenStatutoryOrSection47VisitByAnotherWorker_IsRefused(CaseRecordType type)
    {
        var e = Should.Throw<RuleViolationException>(() => CaseRecord.Start(Guid.NewGuid(), Guid.NewGuid(), Visit(type), By(Colleague), RecordBy, Now));
        e.Rule.ShouldBe("responsible-worker-only");
        CaseRecord.Start(Guid.NewGuid(), Guid.NewGuid(), Visit(type), By(Worker), RecordBy, Now).Status.ShouldBe(CaseRecordStatus.Draft);
    }

    [Theory]
    [InlineData(CaseRecordType.HomeVisit)]
    [InlineData(CaseRecordType.PhoneCall)]
    [InlineData(CaseRecordType.SchoolVisit)]
    public void Start_WhenOrdinaryContactByAColleague_IsAllowed(CaseRecordType type) =>
        CaseRecord.Start(Guid.NewGuid(), Guid.NewGuid(), Visit(type), By(Colleague), RecordBy, Now).RecordedBy.ShouldBe(Colleague);

    [Fact]
    public void Start_WhenEventIsInTheFuture_IsRefusedNamingTheField()
    {
        var e = Should.Throw<RuleViolationException>(() => Draft(Visit() with { OccurredAt = Now.AddHours(1) }));
        e.Field.ShouldBe("occurredAt");
    }

    [Fact]
    public void Start_WhenInterpreterDispensedWithoutReason_IsRefused()
    {
        Should.Throw<RuleViolationException>(() => Draft(Visit() with { Interpreter = InterpreterUse.Dispensed })).Field.ShouldBe("interpreterDispensedReason");
        Draft(Visit() with { Interpreter = InterpreterUse.Dispensed, InterpreterDispensedReason = "Father chose to speak in English" }).Status.ShouldBe(CaseRecordStatus.Draft);
    }

    [Fact]
    public void Start_WhenReferralToAnotherAgencyLacksAgencyOrPurpose_IsRefused()
    {
        var referral = Visit(CaseRecordType.ReferralToAnotherAgency);
        Should.Throw<RuleViolationException>(() => Draft(referral)).Field.ShouldBe("referralAgency");
        Should.Throw<RuleViolationException>(() => Draft(referral with { ReferralAgency = "Young carers service" })).Field.ShouldBe("referralPurpose");
        Draft(referral with { ReferralAgency = "Young carers service", ReferralPurpose = "Respite for Amy" }).Status.ShouldBe(CaseRecordStatus.Draft);
    }

    [Fact]
    public void Start_WhenManagementDecisionByAWorker_IsRefused()
    {
        Should.Throw<RuleViolationException>(() => CaseRecord.Start(Guid.NewGuid(), Guid.NewGuid(), Visit(CaseRecordType.ManagementDecision), By(Worker), RecordBy, Now))
            .Rule.ShouldBe("management-decision-by-manager");
        CaseRecord.Start(Guid.NewGuid(), Guid.NewGuid(), Visit(CaseRecordType.ManagementDecision), By(Colleague, manager: true), RecordBy, Now).Status.ShouldBe(CaseRecordStatus.Draft);
    }

    [Fact]
    public void Start_WhenSeenAloneButNotSeen_IsRefused() =>
        Should.Throw<RuleViolationException>(() => Draft(Visit() with { ChildSeen = false, ChildSeenAlone = true })).Field.ShouldBe("childSeenAlone");

    [Fact]
    public void Finalise_LocksTheRecord_AndOnlyAddendaChangeItAfter()
    {
        var record = Draft();
        var original = record.Content;
        Should.Throw<RuleViolationException>(() => record.AddAddendum(Guid.NewGuid(), "too early", Worker, Now));

        record.Finalise(2, Now);

        record.IsLocked.ShouldBeTrue();
        record.WorkingDaysLate.ShouldBe(2);
        Should.Throw<StateConflictException>(() => record.Revise(Visit() with { Outcome = "changed" }, By(Worker), RecordBy, Worker, Now)).Rule.ShouldBe("record-locked");
        Should.Throw<StateConflictException>(() => record.Finalise(0, Now));
        record.AddAddendum(Guid.NewGuid(), "Correction: the visit was at 2pm, not 3pm.", Worker, Now.AddDays(1));
        record.Addenda.Count.ShouldBe(1);
        record.Content.ShouldBe(original);
    }

    [Fact]
    public void Revise_WhenDraft_ChangesContentAndVersion()
    {
        var record = Draft();
        var version = record.Version;
        record.Revise(Visit() with { Outcome = "Plan agreed with mother" }, By(Worker), RecordBy, Worker, Now);
        record.Content.Outcome.ShouldBe("Plan agreed with mother");
        record.Version.ShouldNotBe(version);
    }

    [Theory]
    [InlineData(CaseRecordType.HomeVisit, 0, true)]
    [InlineData(CaseRecordType.HomeVisit, 119, true)]
    [InlineData(CaseRecordType.HomeVisit, 121, false)]
    [InlineData(CaseRecordType.PhoneCall, 10, false)]
    [InlineData(CaseRecordType.Meeting, 30, true)]
    [InlineData(CaseRecordType.Interview, -30, true)]
    [InlineData(CaseRecordType.OfficeVisit, 60, true)]
    [InlineData(CaseRecordType.SchoolVisit, 0, true)]
    [InlineData(CaseRecordType.StatutoryVisit, 0, true)]
    [InlineData(CaseRecordType.ChildProtectionEnquiryVisit, 0, true)]
    [InlineData(CaseRecordType.Meeting, 121, false)]
    [InlineData(CaseRecordType.Email, 0, false)]
    public void IsProbablyTheSameEvent_ByTypeAndTime(CaseRecordType otherType, int minutesApart, bool expected) =>
        CaseRecordRules.IsProbablyTheSameEvent(Visit(), Visit(otherType) with { OccurredAt = Visit().OccurredAt.AddMinutes(minutesApart) }).ShouldBe(expected);

    [Theory]
    [InlineData(CaseRecordType.PhoneCall, CaseRecordType.PhoneCall, true)]
    [InlineData(CaseRecordType.PhoneCall, CaseRecordType.VideoCall, false)]
    [InlineData(CaseRecordType.Meeting, CaseRecordType.HomeVisit, true)]
    public void KindsOfTheSameEvent_InPersonContactsMatchEachOther(CaseRecordType type, CaseRecordType other, bool expected) =>
        CaseRecordRules.KindsOfTheSameEvent(type).Contains(other).ShouldBe(expected);

    [Theory]
    [InlineData(CaseRecordType.Interview, true)]
    [InlineData(CaseRecordType.ChildProtectionEnquiryVisit, true)]
    [InlineData(CaseRecordType.HomeVisit, true)]
    [InlineData(CaseRecordType.PhoneCall, false)]
    public void MayNoteVideoRecord_WhereverAnInterviewCouldHappen(CaseRecordType type, bool expected) =>
        CaseRecordRules.MayNoteVideoRecord(type).ShouldBe(expected);

    // Policy 3.8: the deadline never moves later when the event date is edited.
    [Fact]
    public void Revise_WhenTheEventMovesLater_KeepsTheEarliestDeadlineAndTheChange()
    {
        var record = Draft();
        var first = record.Content.OccurredAt;
        record.Revise(Visit() with { OccurredAt = first.AddHours(1) }, By(Worker), RecordBy.AddDays(3), Worker, Now);
        record.RecordBy.ShouldBe(RecordBy);
        record.EventDateChanges.Count.ShouldBe(1);
        record.EventDateChanges[0].From.ShouldBe(first);
        record.EventDateChanges[0].To.ShouldBe(first.AddHours(1));
        record.Revise(Visit() with { OccurredAt = first.AddHours(1) }, By(Worker), RecordBy.AddDays(-1), Worker, Now);
        record.RecordBy.ShouldBe(RecordBy.AddDays(-1));
        record.EventDateChanges.Count.ShouldBe(1);
    }

    [Fact]
    public void ResponsibleWorkerAt_IsTheAllocationInForceWhenTheEventHappened()
    {
        var allocations = new[] { (Now.AddDays(-10), Worker), (Now.AddHours(-1), Colleague) };
        CaseRecordRules.ResponsibleWorkerAt(allocations, Now.AddHours(-3)).ShouldBe(Worker);
        CaseRecordRules.ResponsibleWorkerAt(allocations, Now).ShouldBe(Colleague);
        CaseRecordRules.ResponsibleWorkerAt(allocations, Now.AddDays(-20)).ShouldBe(Worker);
    }

    [Fact]
    public void Discard_ByTheAuthorWithAReason_IsFinalAndRefusesFurtherChanges()
    {
        var record = Draft();
        Should.Throw<RuleViolationException>(() => record.Discard(Worker, " ", Now)).Field.ShouldBe("reason");
        Should.Throw<RuleViolationException>(() => record.Discard(Colleague, "Duplicate", Now)).Rule.ShouldBe("discard-by-author-only");
        record.Discard(Worker, "Duplicate of the school's record", Now);
        record.Status.ShouldBe(CaseRecordStatus.Discarded);
        Should.Throw<StateConflictException>(() => record.Finalise(0, Now)).Rule.ShouldBe("record-discarded");
        Should.Throw<StateConflictException>(() => record.Revise(Visit(), By(Worker), RecordBy, Worker, Now)).Rule.ShouldBe("record-discarded");
    }

    [Fact]
    public void Reassign_GivesTheDraftToTheAllocatedWorker_WhoMayFinishAStatutoryVisit()
    {
        var record = CaseRecord.Start(Guid.NewGuid(), Guid.NewGuid(), Visit(CaseRecordType.StatutoryVisit), By(Worker), RecordBy, Now);
        record.Reassign(Colleague, Worker, "Amara has left the service", Now);
        record.RecordedBy.ShouldBe(Colleague);
        record.ReassignedFrom.ShouldBe(Worker);
        Should.Throw<StateConflictException>(() => record.Reassign(Colleague, Worker, "Again", Now)).Rule.ShouldBe("draft-already-with-worker");
        record.Revise(Visit(CaseRecordType.StatutoryVisit), new CaseRecordContext(Colleague, Worker, false, ReassignedByManager: true), RecordBy, Colleague, Now);
        Should.Throw<RuleViolationException>(() => record.Revise(Visit(CaseRecordType.StatutoryVisit), new CaseRecordContext(Colleague, Worker, false), RecordBy, Colleague, Now))
            .Rule.ShouldBe("responsible-worker-only");
    }

    // Policy 3.2 guidance.
    [Theory]
    [InlineData(null, false)]
    [InlineData(InterpreterUse.NotNeeded, false)]
    [InlineData(InterpreterUse.Used, true)]
    [InlineData(InterpreterUse.Dispensed, true)]
    public void Finalise_WhenSomeonePresentNeedsAnInterpreter_MustSayWhetherOneWasUsed(InterpreterUse? use, bool allowed)
    {
        var record = Draft(Visit() with { Interpreter = use, InterpreterDispensedReason = use == InterpreterUse.Dispensed ? "Father insisted on English" : null });
        var facts = new FinalisingFacts([new InterpreterNeed("Amy Brown", "Polish")], [], false);
        if (allowed) record.Finalise(0, Now, facts);
        else Should.Throw<RuleViolationException>(() => record.Finalise(0, Now, facts)).Field.ShouldBe("interpreter");
    }

    // Policy 4.4.
    [Fact]
    public void Finalise_WhenTheTextNamesAnotherChild_IsRefusedUntilConfirmed()
    {
        var record = Draft();
        var e = Should.Throw<OtherChildNamedInRecordException>(() => record.Finalise(0, Now, new FinalisingFacts([], ["Tom Smith"], false)));
        e.Rule.ShouldBe("other-child-named");
        e.Found.ShouldBe(["Tom Smith"]);
        record.Finalise(0, Now, new FinalisingFacts([], ["Tom Smith"], true));
        record.Status.ShouldBe(CaseRecordStatus.Final);
    }
}
