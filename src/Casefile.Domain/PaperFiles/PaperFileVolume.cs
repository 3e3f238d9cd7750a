using Casefile.Domain.Common;

namespace Casefile.Domain.PaperFiles;

public enum PaperFileStatus { InStore, Out }

/// <summary>
/// One volume of a child's paper case file from before the electronic record (policy 2.1: a case
/// file can run to several volumes; 5.1: a paper file may exist from before electronic records).
/// It is kept in a locked cabinet at <see cref="Location"/> (policy 7.1) unless a worker has it
/// out of the office, which needs their line manager's authorisation first (policy 7.3).
/// </summary>
public sealed class PaperFileVolume
{
    public const int LocationLength = 200;

    private PaperFileVolume() { }

    private PaperFileVolume(Guid id, Guid caseFileId, int volumeNumber, DateOnly coversFrom, DateOnly coversTo, string location, Guid addedById, DateTimeOffset addedAt)
    {
        Id = id;
        CaseFileId = caseFileId;
        VolumeNumber = volumeNumber;
        CoversFrom = coversFrom;
        CoversTo = coversTo;
        Location = location;
        AddedById = addedById;
        AddedAt = addedAt;
        Status = PaperFileStatus.InStore;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public int VolumeNumber { get; private set; }
    public DateOnly CoversFrom { get; private set; }
    public DateOnly CoversTo { get; private set; }

    /// <summary>Where the volume is kept when it is in store, for example "Cabinet 3, Floor 2, Civic Centre".</summary>
    public string Location { get; private set; } = "";

    public PaperFileStatus Status { get; private set; }

    /// <summary>Who has the volume now; null while it is in store at <see cref="Location"/>.</summary>
    public Guid? HolderId { get; private set; }

    /// <summary>The removal the volume is out on, while it is out.</summary>
    public Guid? CurrentRemovalId { get; private set; }

    public Guid AddedById { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsInStore => Status == PaperFileStatus.InStore;

    /// <summary>
    /// Adds a volume to the register. Volume numbers are unique on a case; the dates covered run
    /// forwards and are not in the future.
    /// </summary>
    public static (PaperFileVolume Volume, PaperFileMovement Movement) Register(Guid id, Guid caseFileId, int volumeNumber, DateOnly coversFrom, DateOnly coversTo,
        string? location, IReadOnlyCollection<int> numbersOnCase, Guid addedById, DateTimeOffset now, DateOnly today)
    {
        if (volumeNumber < 1)
            throw new RuleViolationException("volume-number-invalid", "Enter a volume number of 1 or more", "volumeNumber");
        if (numbersOnCase.Contains(volumeNumber))
            throw new RuleViolationException("volume-number-taken", $"Volume {volumeNumber} is already on this case's register. Check the number on the file's cover", "volumeNumber");
        if (coversFrom > today)
            throw new RuleViolationException("date-in-future", "The date the volume starts from cannot be in the future", "coversFrom");
        if (coversTo > today)
            throw new RuleViolationException("date-in-future", "The date the volume runs to cannot be in the future", "coversTo");
        if (coversTo < coversFrom)
            throw new RuleViolationException("dates-reversed", "The date the volume runs to must be the same as or after the date it starts from", "coversTo");
        var place = Guard.Required(location, "location", "where the volume is kept", LocationLength);
        var volume = new PaperFileVolume(id, caseFileId, volumeNumber, coversFrom, coversTo, place, addedById, now);
        return (volume, PaperFileMovement.Of(volume, PaperFileMovementKind.Added, addedById, now, null, $"Added to the register, kept at {place}"));
    }

    /// <summary>
    /// A worker asks to take the volume out of the office (policy 7.3). Only a volume in store can
    /// be asked for, and only one request at a time; it stays in store until authorised and marked out.
    /// </summary>
    public (PaperFileRemoval Removal, PaperFileMovement Movement) RequestRemoval(Guid removalId, Guid requestedById, string? reason, string? destination,
        DateOnly expectedReturn, bool hasOpenRequest, DateTimeOffset now, DateOnly today)
    {
        if (!IsInStore)
            throw new StateConflictException("volume-not-in-store", $"Volume {VolumeNumber} is already out of the office. It has to be returned before anyone else can ask to take it out");
        if (hasOpenRequest)
            throw new StateConflictException("removal-already-requested", $"There is already a request to take volume {VolumeNumber} out that has not been decided or used. Wait for it, or ask the person who made it");
        if (expectedReturn < today)
            throw new RuleViolationException("return-date-in-past", "The date you expect to bring it back cannot be in the past", "expectedReturn");
        var why = Guard.Required(reason, "reason", "why you need to take the volume out of the office", PaperFileRemoval.TextLength);
        var where = Guard.Required(destination, "destination", "where you are taking it", PaperFileRemoval.DestinationLength);
        var removal = new PaperFileRemoval(removalId, Id, CaseFileId, requestedById, why, where, expectedReturn, now);
        Version = Guid.NewGuid();
        return (removal, PaperFileMovement.Of(this, PaperFileMovementKind.RemovalRequested, requestedById, now, removalId,
            $"Asked to take it to {where} until {expectedReturn:yyyy-MM-dd}: {why}"));
    }

    /// <summary>
    /// The volume leaves the office, held by the person who asked for it. Only once their line
    /// manager has authorised the removal (policy 7.3).
    /// </summary>
    public PaperFileMovement MarkOut(PaperFileRemoval removal, Guid markedById, DateTimeOffset now)
    {
        if (removal.VolumeId != Id) throw new ArgumentException("The removal is for another volume", nameof(removal));
        if (removal.Status == PaperFileRemovalStatus.Requested)
            throw new RuleViolationException("removal-not-authorised",
                "This volume cannot be marked as out of the office yet: the worker's line manager has not authorised taking it out (policy 7.3)");
        if (removal.Status != PaperFileRemovalStatus.Authorised)
            throw new StateConflictException("removal-not-authorised", $"This request was {removal.Status.Describe()}, so the volume cannot be marked out on it");
        if (!IsInStore)
            throw new StateConflictException("volume-not-in-store", $"Volume {VolumeNumber} is already out of the office");
        removal.MarkedOut(markedById, now);
        Status = PaperFileStatus.Out;
        HolderId = removal.RequestedById;
        CurrentRemovalId = removal.Id;
        Version = Guid.NewGuid();
        return PaperFileMovement.Of(this, PaperFileMovementKind.MarkedOut, markedById, now, removal.Id, $"Taken out to {removal.Destination}");
    }

    /// <summary>The volume is back and locked away at its location (policy 7.1).</summary>
    public PaperFileMovement Return(PaperFileRemoval removal, Guid returnedById, DateTimeOffset now)
    {
        if (IsInStore || CurrentRemovalId != removal.Id)
            throw new StateConflictException("volume-not-out", $"Volume {VolumeNumber} is not out of the office: it is in store at {Location}");
        removal.Returned(returnedById, now);
        Status = PaperFileStatus.InStore;
        HolderId = null;
        CurrentRemovalId = null;
        Version = Guid.NewGuid();
        return PaperFileMovement.Of(this, PaperFileMovementKind.Returned, returnedById, now, removal.Id, $"Returned to {Location}");
    }
}
