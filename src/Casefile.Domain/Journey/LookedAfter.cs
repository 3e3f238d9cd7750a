using Casefile.Domain.Common;

namespace Casefile.Domain.Journey;

/// <summary>
/// One row of a child's time in care, as the SSDA903 return counts it: a legal status and a
/// placement from a start date. A change of placement or legal status ends the episode (reason X1)
/// and starts the next on the same day; the first episode of a period starts with reason S.
/// </summary>
public sealed class LookedAfterEpisode
{
    public const int ProviderLength = 200;

    /// <summary>The reasons for a new episode that mean the child moved (a new placement starts the visit clock again).</summary>
    private static readonly HashSet<string> PlacementChanges = new(StringComparer.Ordinal) { "S", "P", "T", "B" };

    /// <summary>Long-term fostering: after a year, visits may be three months apart (regulation 28).</summary>
    private static readonly HashSet<string> LongTermPlacements = new(StringComparer.Ordinal) { "U1", "U4" };

    private LookedAfterEpisode() { }

    private LookedAfterEpisode(Guid id, Guid caseFileId, DateOnly startedOn, string legalStatus, string placementType, string reason, string? provider,
        Guid by, DateTimeOffset at)
    {
        Id = id;
        CaseFileId = caseFileId;
        StartedOn = startedOn;
        LegalStatus = legalStatus;
        PlacementType = placementType;
        ReasonForNewEpisode = reason;
        PlacementProvider = provider;
        RecordedById = by;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public DateOnly StartedOn { get; private set; }

    /// <summary>SSDA903 legal status (C1, C2, V2, ...).</summary>
    public string LegalStatus { get; private set; } = "";

    /// <summary>SSDA903 placement type (U1 to U6, K2, P1, ...).</summary>
    public string PlacementType { get; private set; } = "";

    /// <summary>SSDA903 reason for new episode: S, L, P, T, B or U.</summary>
    public string ReasonForNewEpisode { get; private set; } = "";

    /// <summary>Who provides the placement (the foster carer's agency, the home), as the worker writes it.</summary>
    public string? PlacementProvider { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    /// <summary>SSDA903 reason episode ceased (X1 when the next episode follows on).</summary>
    public string? ReasonEnded { get; private set; }

    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsOpen => EndedOn is null;
    public bool StartsAPlacement => PlacementChanges.Contains(ReasonForNewEpisode);
    public bool IsLongTermPlacement => LongTermPlacements.Contains(PlacementType);

    /// <summary>
    /// Starts an episode. With none open, the child starts to be looked after (reason S). With one
    /// open, the open one ends that day with X1 and the new one gives what changed (L, P, T, B or U).
    /// </summary>
    public static LookedAfterEpisode Start(Guid id, Guid caseFileId, DateOnly startedOn, string? legalStatus, string? placementType, string? reasonForNewEpisode,
        string? provider, LookedAfterEpisode? open, Guid by, DateTimeOffset at, DateOnly today)
    {
        var status = DfeCodes.LegalStatus.Require(legalStatus);
        var placement = DfeCodes.PlacementType.Require(placementType);
        var reason = DfeCodes.ReasonForNewEpisode.Require(reasonForNewEpisode ?? (open is null ? "S" : null));
        if (startedOn > today) throw new JourneyStepRefusedException("date-in-future", "The episode's start cannot be in the future", "startedOn", badRequest: true);
        if (open is null && reason != "S")
            throw new JourneyStepRefusedException("not-looked-after", "The child is not looked after now: the first episode starts with reason S (started to be looked after)", "reasonForNewEpisode");
        if (open is not null)
        {
            if (reason == "S")
                throw new JourneyStepRefusedException("already-looked-after", "The child is already looked after: say what changed (legal status, placement or carer)", "reasonForNewEpisode");
            if (startedOn <= open.StartedOn)
                throw new JourneyStepRefusedException("episode-before-previous", "A new episode starts after the one in force", "startedOn");
            if (status == open.LegalStatus && placement == open.PlacementType && reason is "L" or "B" or "T" or "U")
                throw new JourneyStepRefusedException("nothing-changed", "The legal status and placement are the same as now: nothing has changed", "legalStatus");
            open.EndedOn = startedOn;
            open.ReasonEnded = "X1";
        }
        return new LookedAfterEpisode(id, caseFileId, startedOn, status, placement, reason, Guard.Optional(provider, "placementProvider", "the placement's provider", ProviderLength), by, at);
    }

    /// <summary>Ends the child's time in care: with an SSDA903 reason, never X1 (which only a new episode gives).</summary>
    public void End(DateOnly endedOn, string? reason, DateOnly today)
    {
        if (!IsOpen) throw new StateConflictException("episode-already-ended", "This episode has already ended");
        var code = DfeCodes.ReasonEpisodeCeased.Require(reason);
        if (code == "X1") throw new JourneyStepRefusedException("x1-is-for-a-new-episode", "A change of placement or legal status is recorded as a new episode, not by ending this one", "reason");
        if (endedOn < StartedOn) throw new JourneyStepRefusedException("episode-end-before-start", "The episode cannot end before it started", "endedOn");
        if (endedOn > today) throw new JourneyStepRefusedException("date-in-future", "The episode's end cannot be in the future", "endedOn", badRequest: true);
        EndedOn = endedOn;
        ReasonEnded = code;
    }
}

/// <summary>A review of a looked-after child's care plan (the independent reviewing officer's review).</summary>
public sealed class LookedAfterReview
{
    private LookedAfterReview() { }

    public LookedAfterReview(Guid id, Guid caseFileId, DateOnly heldOn, IReadOnlyList<LookedAfterEpisode> episodes, Guid by, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        if (heldOn > today) throw new JourneyStepRefusedException("date-in-future", "The review's date cannot be in the future", "heldOn", badRequest: true);
        if (!episodes.Any(e => e.StartedOn <= heldOn && (e.EndedOn is null || e.EndedOn >= heldOn)))
            throw new JourneyStepRefusedException("not-looked-after", "The child was not looked after on that day", "heldOn");
        Id = id;
        CaseFileId = caseFileId;
        HeldOn = heldOn;
        RecordedById = by;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
