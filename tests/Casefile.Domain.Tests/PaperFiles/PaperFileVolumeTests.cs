using Casefile.Domain.Common;
using Casefile.Domain.PaperFiles;
using Casefile.Domain.Staff;

namespace Casefile.Domain.Tests.PaperFiles;

public sealed class PaperFileVolumeTests
{
    private static readonly Guid CaseId = Guid.NewGuid();
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly Guid LineManager = Guid.NewGuid();
    private static readonly Guid Principal = Guid.NewGuid();
    private static readonly Guid OtherManager = Guid.NewGuid();

    /// <summary>Worker reports to LineManager, who reports to Principal; OtherManager is in another line.</summary>
    private static readonly Dictionary<Guid, Guid?> Line = new()
    {
        [Worker] = LineManager,
        [LineManager] = Principal,
        [Principal] = null,
        [OtherManager] = Principal,
    };

    private static PaperFileVolume Volume(int number = 1, string? location = "Cabinet 3, Floor 2, Civic Centre") =>
        PaperFileVolume.Register(Guid.NewGuid(), CaseId, number, new DateOnly(2012, 1, 5), new DateOnly(2019, 3, 1), location, [], Worker, Clock.Now, Clock.Today).Volume;

    private static PaperFileRemoval Request(PaperFileVolume volume, Guid? by = null) =>
        volume.RequestRemoval(Guid.NewGuid(), by ?? Worker, "Court hearing on Tuesday", "Harrowden Family Court", Clock.Today.AddDays(2), false, Clock.Now, Clock.Today).Removal;

    [Fact]
    public void Register_WhenValid_IsInStoreAtItsLocationWithAnAddedMovement()
    {
        var (volume, movement) = PaperFileVolume.Register(Guid.NewGuid(), CaseId, 2, new DateOnly(2012, 1, 5), new DateOnly(2019, 3, 1),
            "  Cabinet 3, Floor 2, Civic Centre ", [1], Worker, Clock.Now, Clock.Today);

        volume.Status.ShouldBe(PaperFileStatus.InStore);
        volume.HolderId.ShouldBeNull();
        volume.Location.ShouldBe("Cabinet 3, Floor 2, Civic Centre");
        movement.Kind.ShouldBe(PaperFileMovementKind.Added);
        movement.VolumeId.ShouldBe(volume.Id);
    }

    public static TheoryData<int, string, string, string?, string, string> InvalidVolumes => new()
    {
        // number, from, to, location, rule, field
        { 0, "2012-01-05", "2019-03-01", "Cabinet 3", "volume-number-invalid", "volumeNumber" },
        { 1, "2012-01-05", "2019-03-01", "Cabinet 3", "volume-number-taken", "volumeNumber" },
        { 2, "2025-06-17", "2025-06-17", "Cabinet 3", "date-in-future", "coversFrom" },
        { 2, "2012-01-05", "2025-06-17", "Cabinet 3", "date-in-future", "coversTo" },
        { 2, "2019-03-01", "2012-01-05", "Cabinet 3", "dates-reversed", "coversTo" },
        { 2, "2012-01-05", "2019-03-01", "  ", "required", "location" },
        { 2, "2012-01-05", "2019-03-01", null, "required", "location" },
    };

    [Theory, MemberData(nameof(InvalidVolumes))]
    public void Register_WhenInvalid_IsRefusedNamingRuleAndField(int number, string from, string to, string? location, string rule, string field)
    {
        var e = Should.Throw<RuleViolationException>(() => PaperFileVolume.Register(Guid.NewGuid(), CaseId, number, DateOnly.Parse(from), DateOnly.Parse(to),
            location, [1], Worker, Clock.Now, Clock.Today));

        e.Rule.ShouldBe(rule);
        e.Field.ShouldBe(field);
    }

    [Fact]
    public void Register_WhenCoveringOneDayEndingToday_IsAllowed() =>
        PaperFileVolume.Register(Guid.NewGuid(), CaseId, 1, Clock.Today, Clock.Today, "Cabinet 1", [], Worker, Clock.Now, Clock.Today).Volume.CoversTo.ShouldBe(Clock.Today);

    public static TheoryData<string?, string?, int, string, string> InvalidRequests => new()
    {
        // reason, destination, days until return, rule, field
        { null, "Court", 1, "required", "reason" },
        { "Hearing", " ", 1, "required", "destination" },
        { "Hearing", "Court", -1, "return-date-in-past", "expectedReturn" },
    };

    [Theory, MemberData(nameof(InvalidRequests))]
    public void RequestRemoval_WhenDetailsMissingOrWrong_IsRefusedNamingTheField(string? reason, string? destination, int days, string rule, string field)
    {
        var e = Should.Throw<RuleViolationException>(() =>
            Volume().RequestRemoval(Guid.NewGuid(), Worker, reason, destination, Clock.Today.AddDays(days), false, Clock.Now, Clock.Today));

        e.Rule.ShouldBe(rule);
        e.Field.ShouldBe(field);
    }

    [Fact]
    public void RequestRemoval_WhenAnotherRequestIsOpen_IsRefused() =>
        Should.Throw<StateConflictException>(() => Volume().RequestRemoval(Guid.NewGuid(), Worker, "Hearing", "Court", Clock.Today, true, Clock.Now, Clock.Today))
            .Rule.ShouldBe("removal-already-requested");

    [Fact]
    public void RequestRemoval_WhenValid_LeavesTheVolumeInStoreWaitingForTheLineManager()
    {
        var volume = Volume();
        var removal = Request(volume);

        removal.Status.ShouldBe(PaperFileRemovalStatus.Requested);
        removal.IsOpen.ShouldBeTrue();
        volume.Status.ShouldBe(PaperFileStatus.InStore);
    }

    [Fact]
    public void MarkOut_WhenNotYetAuthorised_IsRefused()
    {
        var volume = Volume();
        var removal = Request(volume);

        Should.Throw<RuleViolationException>(() => volume.MarkOut(removal, Worker, Clock.Now)).Rule.ShouldBe("removal-not-authorised");
        volume.Status.ShouldBe(PaperFileStatus.InStore);
    }

    public static TheoryData<string, bool, string> Deciders => new()
    {
        // who decides, allowed, rule when refused
        { nameof(Worker), false, "own-removal-request" },
        { nameof(OtherManager), false, "not-line-manager" },
        { nameof(LineManager), true, "" },
        { nameof(Principal), true, "" },
    };

    private static Guid Person(string name) => name switch
    {
        nameof(Worker) => Worker,
        nameof(LineManager) => LineManager,
        nameof(Principal) => Principal,
        _ => OtherManager,
    };

    [Theory, MemberData(nameof(Deciders))]
    public void Authorise_WhenDecidedBy_OnlyTheLineAboveTheRequesterMay(string decider, bool allowed, string rule)
    {
        var removal = Request(Volume());
        var by = Person(decider);
        var above = LineManagement.IsAbove(by, Worker, Line);

        if (allowed)
        {
            removal.Authorise(by, above, Clock.Now).Kind.ShouldBe(PaperFileMovementKind.RemovalAuthorised);
            removal.Status.ShouldBe(PaperFileRemovalStatus.Authorised);
            removal.DecidedById.ShouldBe(by);
        }
        else
        {
            Should.Throw<RuleViolationException>(() => removal.Authorise(by, above, Clock.Now)).Rule.ShouldBe(rule);
            removal.Status.ShouldBe(PaperFileRemovalStatus.Requested);
        }
    }

    [Fact]
    public void Authorise_WhenTheRequesterIsAManagerAboveThemselves_IsStillRefused() =>
        Should.Throw<RuleViolationException>(() => Request(Volume(), by: LineManager).Authorise(LineManager, true, Clock.Now)).Rule.ShouldBe("own-removal-request");

    [Fact]
    public void Authorise_WhenAlreadyDecided_IsRefused()
    {
        var removal = Request(Volume());
        removal.Authorise(LineManager, true, Clock.Now);

        Should.Throw<StateConflictException>(() => removal.Authorise(Principal, true, Clock.Now)).Rule.ShouldBe("removal-already-decided");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Refuse_WhenNoReason_IsRefusedNamingReason(string? reason)
    {
        var removal = Request(Volume());

        Should.Throw<RuleViolationException>(() => removal.Refuse(LineManager, true, reason, Clock.Now)).Field.ShouldBe("reason");
        removal.Status.ShouldBe(PaperFileRemovalStatus.Requested);
    }

    [Fact]
    public void Refuse_WhenReasonGiven_ClosesTheRequestAndTheVolumeCannotBeMarkedOut()
    {
        var volume = Volume();
        var removal = Request(volume);

        removal.Refuse(LineManager, true, "Take a copy of the order instead", Clock.Now);

        removal.Status.ShouldBe(PaperFileRemovalStatus.Refused);
        removal.RefusalReason.ShouldBe("Take a copy of the order instead");
        removal.IsOpen.ShouldBeFalse();
        Should.Throw<StateConflictException>(() => volume.MarkOut(removal, Worker, Clock.Now)).Rule.ShouldBe("removal-not-authorised");
    }

    [Fact]
    public void MarkOut_WhenAuthorised_TheRequesterHoldsItUntilReturned()
    {
        var volume = Volume();
        var removal = Request(volume);
        removal.Authorise(LineManager, true, Clock.Now);

        volume.MarkOut(removal, Worker, Clock.Now.AddMinutes(5)).Kind.ShouldBe(PaperFileMovementKind.MarkedOut);

        volume.Status.ShouldBe(PaperFileStatus.Out);
        volume.HolderId.ShouldBe(Worker);
        removal.MarkedOutAt.ShouldBe(Clock.Now.AddMinutes(5));
        Should.Throw<StateConflictException>(() => volume.RequestRemoval(Guid.NewGuid(), Worker, "Again", "Court", Clock.Today, false, Clock.Now, Clock.Today))
            .Rule.ShouldBe("volume-not-in-store");

        volume.Return(removal, Worker, Clock.Now.AddHours(3)).Kind.ShouldBe(PaperFileMovementKind.Returned);

        volume.Status.ShouldBe(PaperFileStatus.InStore);
        volume.HolderId.ShouldBeNull();
        removal.Status.ShouldBe(PaperFileRemovalStatus.Returned);
        removal.ReturnedAt.ShouldBe(Clock.Now.AddHours(3));
    }

    [Fact]
    public void Return_WhenInStore_IsRefused()
    {
        var volume = Volume();
        var removal = Request(volume);

        Should.Throw<StateConflictException>(() => volume.Return(removal, Worker, Clock.Now)).Rule.ShouldBe("volume-not-out");
    }
}
