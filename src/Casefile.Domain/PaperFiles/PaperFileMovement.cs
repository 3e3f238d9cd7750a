namespace Casefile.Domain.PaperFiles;

public enum PaperFileMovementKind { Added, RemovalRequested, RemovalAuthorised, RemovalRefused, MarkedOut, Returned }

/// <summary>
/// One line of a volume's history: added to the register, asked for, authorised or refused, taken
/// out, returned. Never changed once written, so the register can always say where a file has been.
/// </summary>
public sealed class PaperFileMovement
{
    public const int NoteLength = 2400;

    private PaperFileMovement() { }

    private PaperFileMovement(Guid id, Guid volumeId, Guid caseFileId, PaperFileMovementKind kind, Guid byId, DateTimeOffset at, Guid? removalId, string note)
    {
        Id = id;
        VolumeId = volumeId;
        CaseFileId = caseFileId;
        Kind = kind;
        ById = byId;
        At = at;
        RemovalId = removalId;
        Note = note.Length <= NoteLength ? note : note[..NoteLength];
    }

    public Guid Id { get; private set; }
    public Guid VolumeId { get; private set; }
    public Guid CaseFileId { get; private set; }
    public PaperFileMovementKind Kind { get; private set; }
    public Guid ById { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? RemovalId { get; private set; }
    public string Note { get; private set; } = "";

    internal static PaperFileMovement Of(PaperFileVolume volume, PaperFileMovementKind kind, Guid byId, DateTimeOffset at, Guid? removalId, string note) =>
        new(Guid.NewGuid(), volume.Id, volume.CaseFileId, kind, byId, at, removalId, note);

    internal static PaperFileMovement For(PaperFileRemoval removal, PaperFileMovementKind kind, Guid byId, DateTimeOffset at, string note) =>
        new(Guid.NewGuid(), removal.VolumeId, removal.CaseFileId, kind, byId, at, removal.Id, note);
}
