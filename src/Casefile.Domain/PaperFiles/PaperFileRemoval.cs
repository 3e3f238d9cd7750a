using Casefile.Domain.Common;
using Casefile.Domain.Staff;

namespace Casefile.Domain.PaperFiles;

public enum PaperFileRemovalStatus { Requested, Authorised, Refused, Out, Returned }

public static class PaperFileRemovalStatusNames
{
    public static string Describe(this PaperFileRemovalStatus status) => status switch
    {
        PaperFileRemovalStatus.Requested => "waiting for the line manager",
        PaperFileRemovalStatus.Authorised => "authorised",
        PaperFileRemovalStatus.Refused => "refused",
        PaperFileRemovalStatus.Out => "used: the volume is out",
        PaperFileRemovalStatus.Returned => "used: the volume has been returned",
        _ => status.ToString(),
    };
}

/// <summary>
/// A request to take a paper volume out of the office, and what became of it (policy 7.3: removal
/// must be authorised by the worker's line manager). The line manager, or a manager above them,
/// authorises or refuses it; never the person who asked.
/// </summary>
public sealed class PaperFileRemoval
{
    public const int TextLength = 2000;
    public const int DestinationLength = 200;

    private PaperFileRemoval() { }

    internal PaperFileRemoval(Guid id, Guid volumeId, Guid caseFileId, Guid requestedById, string reason, string destination, DateOnly expectedReturn, DateTimeOffset requestedAt)
    {
        Id = id;
        VolumeId = volumeId;
        CaseFileId = caseFileId;
        RequestedById = requestedById;
        Reason = reason;
        Destination = destination;
        ExpectedReturn = expectedReturn;
        RequestedAt = requestedAt;
        Status = PaperFileRemovalStatus.Requested;
    }

    public Guid Id { get; private set; }
    public Guid VolumeId { get; private set; }
    public Guid CaseFileId { get; private set; }
    public Guid RequestedById { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string Reason { get; private set; } = "";
    public string Destination { get; private set; } = "";
    public DateOnly ExpectedReturn { get; private set; }
    public PaperFileRemovalStatus Status { get; private set; }
    public Guid? DecidedById { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RefusalReason { get; private set; }
    public Guid? MarkedOutById { get; private set; }
    public DateTimeOffset? MarkedOutAt { get; private set; }
    public Guid? ReturnedById { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Asked for and not yet refused or finished with: a volume has at most one of these.</summary>
    public bool IsOpen => Status is PaperFileRemovalStatus.Requested or PaperFileRemovalStatus.Authorised;

    /// <summary>
    /// The requester's line manager, or a manager above them in the line, agrees the volume may
    /// leave the office (policy 7.3). <paramref name="deciderIsAboveRequester"/> comes from
    /// <see cref="LineManagement.IsAbove"/>.
    /// </summary>
    public PaperFileMovement Authorise(Guid decidedById, bool deciderIsAboveRequester, DateTimeOffset now)
    {
        Decide(decidedById, deciderIsAboveRequester);
        Status = PaperFileRemovalStatus.Authorised;
        DecidedById = decidedById;
        DecidedAt = now;
        Version = Guid.NewGuid();
        return PaperFileMovement.For(this, PaperFileMovementKind.RemovalAuthorised, decidedById, now, "Taking it out of the office authorised");
    }

    /// <summary>The line manager says no, and says why, so the worker knows what to do instead.</summary>
    public PaperFileMovement Refuse(Guid decidedById, bool deciderIsAboveRequester, string? reason, DateTimeOffset now)
    {
        Decide(decidedById, deciderIsAboveRequester);
        var why = Guard.Required(reason, "reason", "why you are refusing, so the worker knows what to do instead", TextLength);
        Status = PaperFileRemovalStatus.Refused;
        DecidedById = decidedById;
        DecidedAt = now;
        RefusalReason = why;
        Version = Guid.NewGuid();
        return PaperFileMovement.For(this, PaperFileMovementKind.RemovalRefused, decidedById, now, $"Taking it out refused: {why}");
    }

    private void Decide(Guid decidedById, bool deciderIsAboveRequester)
    {
        if (Status != PaperFileRemovalStatus.Requested)
            throw new StateConflictException("removal-already-decided", $"This request has already been decided: it is {Status.Describe()}");
        if (decidedById == RequestedById)
            throw new RuleViolationException("own-removal-request", "You cannot decide your own request to take a file out of the office. Your line manager decides it (policy 7.3)");
        if (!deciderIsAboveRequester)
            throw new RuleViolationException("not-line-manager",
                "Only the line manager of the person who asked, or a manager above them, can decide this request (policy 7.3)");
    }

    internal void MarkedOut(Guid by, DateTimeOffset now)
    {
        Status = PaperFileRemovalStatus.Out;
        MarkedOutById = by;
        MarkedOutAt = now;
        Version = Guid.NewGuid();
    }

    internal void Returned(Guid by, DateTimeOffset now)
    {
        Status = PaperFileRemovalStatus.Returned;
        ReturnedById = by;
        ReturnedAt = now;
        Version = Guid.NewGuid();
    }
}
