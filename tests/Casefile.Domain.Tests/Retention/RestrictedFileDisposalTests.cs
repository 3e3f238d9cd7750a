using Casefile.Domain.Access;
using Casefile.Domain.Cases;
using Casefile.Domain.Common;
using Casefile.Domain.Retention;

namespace Casefile.Domain.Tests.Retention;

/// <summary>
/// A restricted file at the end of its retention (policy 8 with 3.4, issue 15 item 16): an adoption file
/// restricted so that records managers cannot see its adoption order must not be listed, nor destroyed,
/// under the 10-year rule its visible record gives.
/// </summary>
public class RestrictedFileDisposalTests
{
    private static readonly RetentionSchedule Schedule = DefaultRetentionSchedule.Schedule;
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Rita = Guid.NewGuid();
    private static readonly Guid Sana = Guid.NewGuid();

    /// <summary>Closed in 2005 with nothing on its record to say it is an adoption file: "All other files" makes it due in 2015.</summary>
    private static RetentionDecision VisibleOnly(params CategoryFact[] categories) =>
        RetentionDecider.Decide(Schedule, new RetentionFacts(new DateOnly(2001, 3, 4), null, new DateOnly(2005, 1, 10), categories), Today);

    private static readonly HiddenEvidence RestrictedForAdoption = new(true, RestrictionReason.Adoption, 1);

    private static CaseFacts File(Guid caseId, bool restricted, bool named) =>
        new(caseId, Guid.NewGuid(), Guid.NewGuid(), CaseStatus.Closed) { IsRestricted = restricted, ViewerIsNamed = named };

    [Fact]
    public void List_WhenRestrictedAdoptionFileIsDueUnderTheTenYearRule_NeedsReviewByANamedPersonInstead()
    {
        var decision = VisibleOnly();
        decision.RuleId.ShouldBe("other");
        decision.IsDue(Today).ShouldBeTrue();

        var listing = RestrictedFileDisposal.List(decision, RestrictedForAdoption);

        listing.RuleId.ShouldBe(RestrictedFileDisposal.NeedsNamedReview);
        listing.NeedsNamedReview.ShouldBeTrue();
        listing.Reason.ShouldStartWith("Needs review by someone named on the case: the file is restricted because of adoption");
        listing.Reason.ShouldContain("One item is filed in its Restricted Access section");
    }

    public static TheoryData<RetentionCategory, DateOnly?> VisibleCategories => new()
    {
        { RetentionCategory.Other, null },
        { RetentionCategory.Financial, null },
        // Even the adoption rule, when the order is on the visible record: a hidden record might still keep the file permanently.
        { RetentionCategory.Adoption, new DateOnly(1924, 5, 6) },
    };

    [Theory, MemberData(nameof(VisibleCategories))]
    public void List_WhenRestricted_NeverListsUnderTheRuleTheVisibleRecordGives(RetentionCategory category, DateOnly? eventDate)
    {
        var decision = VisibleOnly(new CategoryFact(category, "test", eventDate));
        decision.IsDue(Today).ShouldBeTrue();

        RestrictedFileDisposal.List(decision, new HiddenEvidence(true, RestrictionReason.HighProfile, 0)).RuleId.ShouldBe(RestrictedFileDisposal.NeedsNamedReview);
        RestrictedFileDisposal.List(decision, HiddenEvidence.None).RuleId.ShouldBe(decision.RuleId);
    }

    [Fact]
    public void List_WhenNotRestricted_ListsUnderItsRuleAndSaysWhatIsInTheRestrictedSection()
    {
        var decision = VisibleOnly();

        var listing = RestrictedFileDisposal.List(decision, new HiddenEvidence(false, null, 3));

        listing.RuleId.ShouldBe("other");
        listing.Reason.ShouldBe(decision.Explanation + ". 3 items are filed in its Restricted Access section, which records managers cannot open");
        RestrictedFileDisposal.List(decision, HiddenEvidence.None).Reason.ShouldBe(decision.Explanation);
    }

    [Fact]
    public void List_WhenRestrictedFileIsDueForReview_ListsTheReview()
    {
        // A review destroys nothing: the child protection unit's youngest child turning 18.
        var decision = RetentionDecider.Decide(Schedule, new RetentionFacts(null, null, new DateOnly(2025, 1, 1),
            [new CategoryFact(RetentionCategory.ChildProtectionUnit, "test", new DateOnly(2000, 1, 1))]), Today);
        decision.Action.ShouldBe(RetentionAction.Destroy); // 35 years from closure wins; the review is listed apart
        decision.Reviews.ShouldContain(r => r.RuleId == "child-protection-unit-review");

        var reviewOnly = decision with { Action = RetentionAction.Review, RuleId = "child-protection-unit-review" };
        RestrictedFileDisposal.List(reviewOnly, RestrictedForAdoption).RuleId.ShouldBe("child-protection-unit-review");
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    public void MaySeeDetails_OnlyNotForSomeoneNotNamedOnARestrictedFile(bool restricted, bool named, bool sees) =>
        RestrictedFileDisposal.MaySeeDetails(File(Guid.NewGuid(), restricted, named)).ShouldBe(sees);

    [Fact]
    public void ConfirmDestruction_OfARestrictedFileByARecordsManagerNotNamedOnIt_IsRefused()
    {
        var review = new DisposalReview(Guid.NewGuid(), Guid.NewGuid(), DisposalReviewKind.Disposal, Today, RestrictedFileDisposal.NeedsNamedReview, "x", Now);
        review.ProposeDestruction(Rita, "Past its date", held: false, Now);

        var refused = Should.Throw<RuleViolationException>(() => review.ConfirmDestruction(Sana, held: false, File(review.CaseFileId, restricted: true, named: false), Now));

        refused.Rule.ShouldBe(RestrictedFileDisposal.NamedPersonNeeded);
        refused.Field.ShouldBeNull(); // a 422 about the file, not a field
        review.Status.ShouldBe(DisposalReviewStatus.DestructionProposed);
    }

    [Fact]
    public void ConfirmDestruction_OfARestrictedFileByARecordsManagerNamedOnIt_Destroys()
    {
        var review = new DisposalReview(Guid.NewGuid(), Guid.NewGuid(), DisposalReviewKind.Disposal, Today, RestrictedFileDisposal.NeedsNamedReview, "x", Now);
        review.ProposeDestruction(Rita, "Past its date", held: false, Now);

        review.ConfirmDestruction(Sana, held: false, File(review.CaseFileId, restricted: true, named: true), Now);

        review.Status.ShouldBe(DisposalReviewStatus.Destroyed);
        review.ConfirmedBy.ShouldBe(Sana);
    }

    [Fact]
    public void ConfirmDestruction_WithAnotherCasesFacts_IsAProgrammingError()
    {
        var review = new DisposalReview(Guid.NewGuid(), Guid.NewGuid(), DisposalReviewKind.Disposal, Today, "other", "x", Now);
        review.ProposeDestruction(Rita, "Past its date", held: false, Now);

        Should.Throw<ArgumentException>(() => review.ConfirmDestruction(Sana, held: false, File(Guid.NewGuid(), restricted: false, named: false), Now));
    }

    [Fact]
    public void ListForNamedReview_WhenListedUnderTheTenYearRule_ChangesTheRuleAndKeepsAnyProposal()
    {
        var review = new DisposalReview(Guid.NewGuid(), Guid.NewGuid(), DisposalReviewKind.Disposal, Today, "other", "10 years from closure", Now);
        review.ProposeDestruction(Rita, "Past its date", held: false, Now);

        review.ListForNamedReview("Needs review by someone named on the case");

        review.RuleId.ShouldBe(RestrictedFileDisposal.NeedsNamedReview);
        review.Reason.ShouldBe("Needs review by someone named on the case");
        review.Status.ShouldBe(DisposalReviewStatus.DestructionProposed);
    }
}
