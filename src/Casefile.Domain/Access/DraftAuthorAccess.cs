using Casefile.Domain.Staff;

namespace Casefile.Domain.Access;

/// <summary>
/// Policy 3.8 and 6.6: the person who recorded an event can always finish (or discard) their own
/// draft of it, even after the case has been transferred or reallocated away from them; otherwise
/// the draft is stranded and the case can never be closed. This gives the author that one draft
/// only, never the rest of the case, and never a restricted case they are not named on.
/// </summary>
public static class DraftAuthorAccess
{
    public const string Basis = "Author of this draft";

    public static AccessDecision Decide(Viewer viewer, CaseFacts file, Guid authorId, bool isDraft)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(file);
        if (file.IsRestricted && !file.ViewerIsNamed) return AccessDecision.Refuse(CaseAccessPolicy.Unknown, mayKnowItExists: false);
        if (isDraft && authorId == viewer.UserId && StaffPolicy.May(viewer, StaffCapability.WriteCaseRecords))
            return AccessDecision.Allow(Basis);
        return AccessDecision.Refuse("Only the person who wrote a draft can open it once the case has moved.", mayKnowItExists: true);
    }
}
