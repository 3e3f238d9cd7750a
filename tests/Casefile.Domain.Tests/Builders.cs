using Casefile.Domain.Cases;
using Casefile.Domain.People;
using Casefile.Domain.Referrals;

namespace Casefile.Domain.Tests;

/// <summary>
/// The fixed moment every test runs at. The domain never reads the clock, so neither do the tests.
/// </summary>
public static class Clock
{
    public static readonly DateOnly Today = new(2025, 6, 16);
    public static readonly DateTimeOffset Now = new(2025, 6, 16, 10, 30, 0, TimeSpan.FromHours(1));
}

/// <summary>Fluent builders for test data: <c>A.Person().Named("Amy", "Smith").Build()</c>.</summary>
public static class A
{
    public static PersonBuilder Person() => new();
    public static ReferralBuilder Referral() => new();
    public static CaseFileBuilder CaseFile() => new();
    public static NewCaseFileBuilder NewCaseFile() => new();
}

public sealed class PersonBuilder
{
    private PersonKind _kind = PersonKind.Child;
    private string? _given = "Amy";
    private string? _family = "Smith";
    private string? _knownAs;
    private DateOnly? _dateOfBirth = new(2015, 4, 3);
    private DateOnly? _dateOfDeath;
    private DateOnly _today = Clock.Today;

    public PersonBuilder Named(string? given, string? family)
    {
        _given = given;
        _family = family;
        return this;
    }

    public PersonBuilder KnownAs(string? knownAs)
    {
        _knownAs = knownAs;
        return this;
    }

    public PersonBuilder BornOn(DateOnly? dateOfBirth)
    {
        _dateOfBirth = dateOfBirth;
        return this;
    }

    public PersonBuilder BornOn(int year, int month, int day) => BornOn(new DateOnly(year, month, day));

    public PersonBuilder WithDateOfBirthUnknown() => BornOn(null);

    public PersonBuilder DiedOn(DateOnly? dateOfDeath)
    {
        _dateOfDeath = dateOfDeath;
        return this;
    }

    public PersonBuilder AnAdult()
    {
        _kind = PersonKind.Adult;
        return this;
    }

    public PersonBuilder AsOf(DateOnly today)
    {
        _today = today;
        return this;
    }

    public PersonDetails Details() => new(_given, _family, _dateOfBirth, KnownAs: _knownAs, DateOfDeath: _dateOfDeath);

    public Person Build() => new(Guid.NewGuid(), _kind, Details(), Clock.Now, _today);
}

public sealed class ReferralBuilder
{
    private Guid _childId = Guid.NewGuid();
    private DateTimeOffset _receivedAt = Clock.Now.AddHours(-2);
    private string? _referrerName = "Ms Patel";
    private string? _referrerAgency = "Northgate Primary School";
    private string? _reason = "Concerns about attendance and presentation.";
    private Guid _recordedBy = Guid.NewGuid();
    private DateTimeOffset _now = Clock.Now;

    public ReferralBuilder ForChild(Guid childId)
    {
        _childId = childId;
        return this;
    }

    public ReferralBuilder ReceivedAt(DateTimeOffset receivedAt)
    {
        _receivedAt = receivedAt;
        return this;
    }

    public ReferralBuilder From(string? referrerName, string? referrerAgency = null)
    {
        _referrerName = referrerName;
        _referrerAgency = referrerAgency;
        return this;
    }

    public ReferralBuilder Because(string? reason)
    {
        _reason = reason;
        return this;
    }

    public ReferralBuilder RecordedBy(Guid recordedBy)
    {
        _recordedBy = recordedBy;
        return this;
    }

    public ReferralBuilder RecordedAt(DateTimeOffset now)
    {
        _now = now;
        return this;
    }

    public Referral Build() => new(Guid.NewGuid(), _childId, _receivedAt, _referrerName, _referrerAgency, _reason, _recordedBy, _now);
}

public sealed class NewCaseFileBuilder
{
    private Guid _caseFileId = Guid.NewGuid();
    private string _reference = CaseReference.Format(4217);
    private Guid _teamId = Guid.NewGuid();
    private Guid _workerId = Guid.NewGuid();

    public NewCaseFileBuilder WithId(Guid caseFileId)
    {
        _caseFileId = caseFileId;
        return this;
    }

    public NewCaseFileBuilder WithReference(string reference)
    {
        _reference = reference;
        return this;
    }

    public NewCaseFileBuilder AllocatedTo(Guid teamId, Guid workerId)
    {
        _teamId = teamId;
        _workerId = workerId;
        return this;
    }

    public NewCaseFile Build() => new(_caseFileId, _reference, _teamId, _workerId);
}

/// <summary>
/// Case files can only be opened by accepting a referral, so the builder goes the same way.
/// </summary>
public sealed class CaseFileBuilder
{
    private Guid _childId = Guid.NewGuid();
    private DateOnly _openedOn = Clock.Today.AddMonths(-6);
    private DateOnly? _closedOn;
    private NewCaseFile _opening = A.NewCaseFile().Build();

    public CaseFileBuilder ForChild(Guid childId)
    {
        _childId = childId;
        return this;
    }

    public CaseFileBuilder OpenedOn(DateOnly openedOn)
    {
        _openedOn = openedOn;
        return this;
    }

    public CaseFileBuilder AllocatedTo(Guid teamId, Guid workerId)
    {
        _opening = _opening with { TeamId = teamId, WorkerId = workerId };
        return this;
    }

    public CaseFileBuilder ClosedOn(DateOnly closedOn)
    {
        _closedOn = closedOn;
        return this;
    }

    public CaseFile Build()
    {
        var openedAt = new DateTimeOffset(_openedOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var referral = A.Referral().ForChild(_childId).ReceivedAt(openedAt.AddHours(-1)).RecordedAt(openedAt).Build();
        var file = referral.Accept(null, _opening, Guid.NewGuid(), openedAt, _openedOn);
        if (_closedOn is { } closedOn) file.RecordClosure(closedOn);
        return file;
    }
}
