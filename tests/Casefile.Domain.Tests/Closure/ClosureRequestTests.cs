using Casefile.Domain.Closure;
using Casefile.Domain.Common;
using Casefile.Domain.Staff;

namespace Casefile.Domain.Tests.Closure;

public class ClosureRequestTests
{
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly DateTimeOffset Now = Clock.Now;

    private static readonly CaseCompleteness Complete = new(0, [], ConsentFormOnFile: true, ChronologyGaps: [], MissingBasicDetails: [], ReferralOnFile: true, AssessmentAuthorised: true);

    private static ClosingSummary Summary() =>
        ClosingSummary.Create("Concerns about school attendance", "Family support; attendance now 96%", "School: agrees", "School nurse and early help");

    public static IEnumerable<ChecklistEntry> AllWorkerItemsDone() =>
        ClosureChecklist.Items.Where(i => i.Source == ChecklistSource.Worker).Select(i => new ChecklistEntry(i.Id, ChecklistAnswer.Done));

    private static ClosureRequest Request(IEnumerable<ChecklistEntry>? checklist = null, Guid? by = null) =>
        ClosureRequest.Submit(Guid.NewGuid(), A.CaseFile().Build(), Summary(), checklist ?? AllWorkerItemsDone(), [], by ?? Worker,
            careLeaverWithAdultServices: false, Now);

    private static Decider Manager(bool managesRequester = true, string role = StaffRole.PracticeManager, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), new HashSet<string> { role }, managesRequester);

    [Fact]
    public void Submit_WhenValid_AwaitsAManager()
    {
        var request = Request();

        request.Status.ShouldBe(ClosureRequestStatus.Submitted);
        request.RequestedBy.ShouldBe(Worker);
        request.Checklist.Count.ShouldBe(ClosureChecklist.Items.Count);
    }

    [Fact]
    public void Submit_WhenCaseIsClosed_Refuses() =>
        Should.Throw<StateConflictException>(() => ClosureRequest.Submit(Guid.NewGuid(), A.CaseFile().ClosedOn(Clock.Today).Build(), Summary(),
            [], [], Worker, false, Now)).Rule.ShouldBe("case-closed");

    [Fact]
    public void Submit_WhenCareLeaverAlsoGetsAdultServices_Refuses() =>
        Should.Throw<RuleViolationException>(() => ClosureRequest.Submit(Guid.NewGuid(), A.CaseFile().Build(), Summary(),
            [], [], Worker, careLeaverWithAdultServices: true, Now)).Rule.ShouldBe("care-leaver-stays-open");

    [Theory]
    [InlineData(StaffRole.PracticeManager)]
    [InlineData(StaffRole.PrincipalManager)]
    [InlineData(StaffRole.DivisionalManager)]
    public void Authorise_WhenLineManagerAndRecordComplete_Authorises(string role)
    {
        var request = Request();

        request.Authorise(Manager(role: role), Complete, false, Now);

        request.Status.ShouldBe(ClosureRequestStatus.Authorised);
        request.DecidedAt.ShouldBe(Now);
    }

    [Fact]
    public void Authorise_WhenManagerAsksToCloseTheirOwnCase_Refuses()
    {
        var manager = Guid.NewGuid();
        var request = Request(by: manager);

        Should.Throw<RuleViolationException>(() => request.Authorise(Manager(id: manager), Complete, false, Now)).Rule.ShouldBe("own-request");
        request.Status.ShouldBe(ClosureRequestStatus.Submitted);
    }

    [Fact]
    public void Authorise_WhenManagerIsNotInTheWorkersLine_Refuses() =>
        Should.Throw<RuleViolationException>(() => Request().Authorise(Manager(managesRequester: false), Complete, false, Now))
            .Rule.ShouldBe("not-line-manager");

    [Theory]
    [InlineData(StaffRole.SocialWorker)]
    [InlineData(StaffRole.AdminOfficer)]
    [InlineData(StaffRole.Legal)]
    [InlineData(StaffRole.RecordsManager)]
    public void Authorise_WhenNotAManager_Refuses(string role) =>
        Should.Throw<RuleViolationException>(() => Request().Authorise(Manager(role: role), Complete, false, Now)).Rule.ShouldBe("not-a-manager");

    [Fact]
    public void Authorise_WhenItemsOutstanding_RefusesWithEverythingMissing()
    {
        var request = Request(checklist: AllWorkerItemsDone().Where(e => e.ItemId != "front-sheet"));
        var record = new CaseCompleteness(2, ["Child and family assessment is not authorised"], ConsentFormOnFile: false, ChronologyGaps: [],
            MissingBasicDetails: ["religion"], ReferralOnFile: true, AssessmentAuthorised: false);

        var ex = Should.Throw<RecordIncompleteException>(() => request.Authorise(Manager(), record, false, Now));

        ex.Missing.Select(m => m.Item.Id).ShouldBe(
            [ClosureChecklist.AssessmentsAndPlans, ClosureChecklist.RecordsFinalised, ClosureChecklist.ConsentForm, ClosureChecklist.BasicDetails,
                ClosureChecklist.AssessmentAuthorised, "front-sheet"], ignoreOrder: true);
        ex.Message.ShouldContain("2 case records are still drafts");
        request.Status.ShouldBe(ClosureRequestStatus.Submitted);
    }

    [Fact]
    public void Authorise_WhenConsentFormMissingButExplained_Authorises()
    {
        var request = Request(checklist: AllWorkerItemsDone().Append(
            new ChecklistEntry(ClosureChecklist.ConsentForm, ChecklistAnswer.NotApplicable, "Parents refused consent; recorded 3 March")));

        request.Authorise(Manager(), Complete with { ConsentFormOnFile = false }, false, Now);

        request.Status.ShouldBe(ClosureRequestStatus.Authorised);
    }

    [Fact]
    public void Authorise_WhenAlreadyAuthorised_Conflicts()
    {
        var request = Request();
        request.Authorise(Manager(), Complete, false, Now);

        Should.Throw<StateConflictException>(() => request.Authorise(Manager(), Complete, false, Now)).Rule.ShouldBe("not-awaiting-decision");
    }

    [Fact]
    public void Authorise_WhenReturned_ConflictsUntilRevised()
    {
        var request = Request();
        request.Return("Add the school's view", Manager(), Now);

        Should.Throw<StateConflictException>(() => request.Authorise(Manager(), Complete, false, Now));

        request.Revise(Summary(), AllWorkerItemsDone(), [], Worker, false);
        request.Status.ShouldBe(ClosureRequestStatus.Submitted);
        request.ReturnReason.ShouldBeNull();
        request.Authorise(Manager(), Complete, false, Now);
        request.Status.ShouldBe(ClosureRequestStatus.Authorised);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Return_WithoutReason_Refuses(string? reason) =>
        Should.Throw<RuleViolationException>(() => Request().Return(reason, Manager(), Now)).Field.ShouldBe("reason");

    [Fact]
    public void Return_ByTheRequester_Refuses()
    {
        var manager = Guid.NewGuid();
        Should.Throw<RuleViolationException>(() => Request(by: manager).Return("x", Manager(id: manager), Now)).Rule.ShouldBe("own-request");
    }

    [Fact]
    public void Revise_BySomeoneElse_Refuses() =>
        Should.Throw<RuleViolationException>(() => Request().Revise(Summary(), [], [], Guid.NewGuid(), false)).Rule.ShouldBe("not-requester");

    [Fact]
    public void Withdraw_WhenAuthorised_Conflicts()
    {
        var request = Request();
        request.Authorise(Manager(), Complete, false, Now);

        Should.Throw<StateConflictException>(() => request.Withdraw(Worker, Now));
    }

    [Fact]
    public void Withdraw_ByRequester_Withdraws()
    {
        var request = Request();
        request.Withdraw(Worker, Now);

        request.Status.ShouldBe(ClosureRequestStatus.Withdrawn);
        request.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void EndByTransfer_WhenOpen_EndsItSoTheNewWorkerCanAskAfresh()
    {
        var request = Request();

        request.EndByTransfer(Guid.NewGuid(), Now);

        request.Status.ShouldBe(ClosureRequestStatus.EndedByTransfer);
        request.IsOpen.ShouldBeFalse();
        Should.Throw<StateConflictException>(() => request.Withdraw(Worker, Now)).Rule.ShouldBe("request-decided");
    }

    [Fact]
    public void EndByTransfer_WhenAuthorised_Conflicts()
    {
        var request = Request();
        request.Authorise(Manager(), Complete, false, Now);

        Should.Throw<StateConflictException>(() => request.EndByTransfer(Guid.NewGuid(), Now));
    }

    [Fact]
    public void Submit_WhenRecipientHasNoName_NamesTheField() =>
        Should.Throw<RuleViolationException>(() => ClosureRequest.Submit(Guid.NewGuid(), A.CaseFile().Build(), Summary(), [],
            [new LetterRecipient(LetterRecipientKind.ParentOrCarer, "Ms Smith", null), new LetterRecipient(LetterRecipientKind.Professional, " ", null)],
            Worker, false, Now)).Field.ShouldBe("letterRecipients[1].name");
}
