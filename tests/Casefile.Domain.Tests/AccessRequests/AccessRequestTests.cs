using Casefile.Domain.AccessRequests;
using Casefile.Domain.Calendar;
using Casefile.Domain.Common;
using Casefile.Domain.Documents;

namespace Casefile.Domain.Tests.AccessRequests;

/// <summary>The register entry and each release rule, allowed and refused (policy 10.1-10.3).</summary>
public sealed class AccessRequestTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly Guid CaseId = Guid.NewGuid();
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();
    private static readonly Guid Legal = Guid.NewGuid();

    private static readonly BundleFacts CleanBundle = new(Items: 3, UnreviewedProposals: 0, UndecidedImages: 0, NamesThirdParty: false, IncludesPrivileged: false);

    private static AccessRequest Request(AccessRequestKind kind, string? identity = "Passport seen", DateOnly? received = null) =>
        new(Guid.NewGuid(), CaseId, Guid.NewGuid(),
            new AccessRequestDetails(kind, "Harrowden Police", "Harrowden Police", "Records of contact in 2024", received ?? new DateOnly(2025, 6, 2), identity, "Section 47 Children Act 1989"),
            Owner, Owner, Clock.Now, Clock.Today, new AccessRequestTargets(), Calendar);

    private static AccessRequest Built(AccessRequestKind kind)
    {
        var request = Request(kind);
        request.BundleChanged(Clock.Now, rebuilt: true);
        return request;
    }

    private static string[] Failed(AccessRequest request, BundleFacts? bundle) =>
        ReleaseRules.Check(request, bundle).Where(r => !r.Passed).Select(r => r.Rule).ToArray();

    [Fact]
    public void New_WhenFieldsMissing_NamesEveryField()
    {
        var e = Should.Throw<RuleViolationsException>(() => new AccessRequest(Guid.NewGuid(), CaseId, Guid.NewGuid(),
            new AccessRequestDetails(AccessRequestKind.SubjectAccess, " ", null, "", Clock.Today.AddDays(1), null, null),
            Owner, Owner, Clock.Now, Clock.Today, new AccessRequestTargets(), Calendar));
        e.Violations.Select(v => v.Field).ShouldBe(["requesterName", "whatIsAsked", "identityChecks", "legalBasis", "receivedOn"], ignoreOrder: true);
    }

    [Fact]
    public void New_SetsTheDueDateFromTheKind() =>
        Request(AccessRequestKind.SubjectAccess, received: new DateOnly(2025, 1, 31)).DueOn.ShouldBe(new DateOnly(2025, 2, 28));

    [Fact]
    public void Extend_WhenSubjectAccessWithReasonAndDateTold_MovesTheDueDateToThreeMonths()
    {
        var request = Request(AccessRequestKind.SubjectAccess, received: new DateOnly(2025, 1, 31));
        request.Extend("Eleven years of records across four volumes", new DateOnly(2025, 2, 20), Clock.Today, Calendar);

        request.DueOn.ShouldBe(new DateOnly(2025, 4, 30));
        request.OriginalDueOn.ShouldBe(new DateOnly(2025, 2, 28));
        request.RequesterToldOfExtensionOn.ShouldBe(new DateOnly(2025, 2, 20));
        Should.Throw<StateConflictException>(() => request.Extend("again", new DateOnly(2025, 2, 21), Clock.Today, Calendar)).Rule.ShouldBe("already-extended");
    }

    [Theory]
    [InlineData(null, "2025-02-20", "reason")]
    [InlineData("Many records", null, "requesterToldOn")]
    [InlineData("Many records", "2025-03-03", "requesterToldOn")] // told after the first month ended
    [InlineData("Many records", "2025-01-30", "requesterToldOn")] // before it was received
    public void Extend_WhenReasonOrDateToldIsWrong_NamesTheField(string? reason, string? told, string field)
    {
        var request = Request(AccessRequestKind.SubjectAccess, received: new DateOnly(2025, 1, 31));
        Should.Throw<RuleViolationException>(() => request.Extend(reason, told is null ? null : DateOnly.Parse(told, System.Globalization.CultureInfo.InvariantCulture), Clock.Today, Calendar))
            .Field.ShouldBe(field);
    }

    [Fact]
    public void Extend_WhenNotSubjectAccess_IsRefused() =>
        Should.Throw<RuleViolationException>(() => Request(AccessRequestKind.StatutoryEnquiry).Extend("x", new DateOnly(2025, 6, 3), Clock.Today, Calendar))
            .Rule.ShouldBe("extension-subject-access-only");

    [Fact]
    public void StatutoryEnquiry_WithoutConsentOrApproval_IsRefusedForBoth()
    {
        var request = Built(AccessRequestKind.StatutoryEnquiry);
        Failed(request, CleanBundle).ShouldBe([ReleaseRules.ConsentOnFile, ReleaseRules.ManagerApproval]);
        var e = Should.Throw<RuleViolationException>(() => request.Release(Owner, CleanBundle, Clock.Now));
        e.Rule.ShouldBe(ReleaseRules.ConsentOnFile);
        e.Message.ShouldContain("written consent");
        e.Message.ShouldContain("manager");
        request.IsReleased.ShouldBeFalse();
    }

    [Fact]
    public void StatutoryEnquiry_WithConsentAndAnotherManagersApproval_IsReleased()
    {
        var request = Built(AccessRequestKind.StatutoryEnquiry);
        request.RecordConsent(Guid.NewGuid(), CaseId, DocumentType.ConsentForm);
        request.Approve(Manager, approverIsManager: true, Clock.Now);
        Failed(request, CleanBundle).ShouldBeEmpty();

        request.Release(Owner, CleanBundle, Clock.Now);

        request.IsReleased.ShouldBeTrue();
        Should.Throw<StateConflictException>(() => request.Release(Owner, CleanBundle, Clock.Now)).Rule.ShouldBe("request-released");
    }

    [Fact]
    public void RecordConsent_WhenNotAConsentFormOrAnotherCase_IsRefused()
    {
        var request = Request(AccessRequestKind.StatutoryEnquiry);
        Should.Throw<RuleViolationException>(() => request.RecordConsent(Guid.NewGuid(), CaseId, DocumentType.Letter)).Rule.ShouldBe("not-a-consent-form");
        Should.Throw<RuleViolationException>(() => request.RecordConsent(Guid.NewGuid(), Guid.NewGuid(), DocumentType.ConsentForm)).Rule.ShouldBe("document-not-on-case");
    }

    [Fact]
    public void Approve_WhenTheOwnerOrNotAManagerOrNothingBuilt_IsRefused()
    {
        Should.Throw<RuleViolationException>(() => Request(AccessRequestKind.StatutoryEnquiry).Approve(Manager, true, Clock.Now)).Rule.ShouldBe("bundle-not-built");
        var request = Built(AccessRequestKind.StatutoryEnquiry);
        Should.Throw<RuleViolationException>(() => request.Approve(Owner, true, Clock.Now)).Rule.ShouldBe("approver-is-owner");
        Should.Throw<RuleViolationException>(() => request.Approve(Manager, false, Clock.Now)).Rule.ShouldBe("approver-not-manager");
    }

    [Fact]
    public void BundleChanged_AsksForApprovalAndLegalAdviceAgain()
    {
        var request = Built(AccessRequestKind.StatutoryEnquiry);
        request.Approve(Manager, true, Clock.Now);
        request.RecordLegalAdvice(Legal, true, "Redact the neighbour", releasePrivileged: true, Clock.Now);

        request.BundleChanged(Clock.Now, rebuilt: false);

        request.ApprovedById.ShouldBeNull();
        request.LegalAdviceAt.ShouldBeNull();
        request.PrivilegedReleasedByLegal.ShouldBeTrue("Legal's release of privileged material is about the case, not one version of the bundle");
    }

    [Theory]
    [InlineData(AccessRequestKind.CourtGuardian)]
    [InlineData(AccessRequestKind.CourtOrder)]
    public void CourtKinds_WithoutTheCourtsAuthority_AreRefusedAndWithItReleased(AccessRequestKind kind)
    {
        var request = Built(kind);
        Failed(request, CleanBundle).ShouldBe([ReleaseRules.CourtAuthority]);
        Should.Throw<RuleViolationException>(() => request.RecordCourtAuthority(Guid.NewGuid(), CaseId, DocumentType.ConsentForm)).Rule.ShouldBe("not-a-court-order");

        request.RecordCourtAuthority(Guid.NewGuid(), CaseId, DocumentType.CourtOrder);

        Failed(request, CleanBundle).ShouldBeEmpty();
    }

    [Fact]
    public void Guardian_MayAccessDocumentsOnlyUnderTheCourtsAuthority()
    {
        var request = Built(AccessRequestKind.CourtGuardian);
        Should.Throw<RuleViolationException>(request.EnsureGuardianMayAccess).Rule.ShouldBe("court-authority-missing");
        request.RecordCourtAuthority(Guid.NewGuid(), CaseId, DocumentType.CourtOrder);
        request.EnsureGuardianMayAccess();
        Should.Throw<RuleViolationException>(Built(AccessRequestKind.SubjectAccess).EnsureGuardianMayAccess).Rule.ShouldBe("not-a-guardian-request");
    }

    [Fact]
    public void ThirdPartyNamed_WithoutLegalAdvice_IsRefusedAndWithItReleased()
    {
        var request = Built(AccessRequestKind.SubjectAccess);
        var bundle = CleanBundle with { NamesThirdParty = true };
        Failed(request, bundle).ShouldBe([ReleaseRules.LegalAdviceOnThirdParties]);
        Should.Throw<RuleViolationException>(() => request.RecordLegalAdvice(Manager, false, "advice", false, Clock.Now)).Rule.ShouldBe("not-legal-services");

        request.RecordLegalAdvice(Legal, true, "Redact the grandmother's address; her name may stay.", false, Clock.Now);

        Failed(request, bundle).ShouldBeEmpty();
    }

    [Fact]
    public void PrivilegedMaterial_IsNeverReleasedUnlessLegalReleasesIt()
    {
        var request = Built(AccessRequestKind.SubjectAccess);
        var bundle = CleanBundle with { IncludesPrivileged = true };
        Failed(request, bundle).ShouldBe([ReleaseRules.PrivilegedMaterial]);
        request.RecordLegalAdvice(Legal, true, "Privilege waived for the 2024 letter", releasePrivileged: true, Clock.Now);
        Failed(request, bundle).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2, 0, ReleaseRules.RedactionsReviewed)]
    [InlineData(0, 1, ReleaseRules.ImagesDecided)]
    public void UnreviewedRedactionsOrUndecidedImages_AreRefused(int unreviewed, int images, string rule) =>
        Failed(Built(AccessRequestKind.SubjectAccess), CleanBundle with { UnreviewedProposals = unreviewed, UndecidedImages = images }).ShouldBe([rule]);

    [Fact]
    public void NothingBuilt_IsRefused()
    {
        Failed(Request(AccessRequestKind.SubjectAccess), null).ShouldBe([ReleaseRules.BundleBuilt]);
        Failed(Built(AccessRequestKind.SubjectAccess), CleanBundle with { Items = 0 }).ShouldBe([ReleaseRules.BundleBuilt]);
    }

    [Fact]
    public void ReleasedRequest_CannotChange()
    {
        var request = Built(AccessRequestKind.SubjectAccess);
        request.Release(Owner, CleanBundle, Clock.Now);
        Should.Throw<StateConflictException>(() => request.BundleChanged(Clock.Now, true)).Rule.ShouldBe("request-released");
        Should.Throw<StateConflictException>(() => request.RecordConsent(Guid.NewGuid(), CaseId, DocumentType.ConsentForm)).Rule.ShouldBe("request-released");
    }

    [Fact]
    public void ImageDecision_WithholdNeedsAReason()
    {
        var image = new DisclosureItem(Guid.NewGuid(), Guid.NewGuid(), DisclosureSource.Document, Guid.NewGuid(), Clock.Now, "Photo", "", true, false, 0);
        image.IsReleased.ShouldBeFalse();
        Should.Throw<RuleViolationException>(() => image.DecideImage(ImageDecision.Withhold, " ")).Field.ShouldBe("reason");
        image.DecideImage(ImageDecision.IncludeWhole, null);
        image.IsReleased.ShouldBeTrue();
    }
}
