using Casefile.Domain.Access;
using Casefile.Domain.Common;

namespace Casefile.Domain.Retention;

/// <summary>
/// What of a file the records managers cannot see, as the sweep finds it: whether the case is
/// restricted (only the people named on it may open it, policy 3.4) and why, and how much is filed in
/// its Restricted Access section (policy 4.3 guidance), which only Legal Services and the people named
/// on the case open. Categories are derived from the record the sweep reads; what is in these places
/// may put the file in a category kept longer.
/// </summary>
public sealed record HiddenEvidence(bool Restricted, RestrictionReason? RestrictedBecause, int RestrictedSectionItems)
{
    public static HiddenEvidence None { get; } = new(false, null, 0);
}

/// <summary>What the sweep puts a due file on the list under: the rule its record gives, or review by someone named on the case.</summary>
public sealed record DisposalListing(string RuleId, string Reason)
{
    public bool NeedsNamedReview => RuleId == RestrictedFileDisposal.NeedsNamedReview;
}

/// <summary>
/// A restricted file at the end of its retention (policy 8 with 3.4). The records managers who run the
/// disposal list are not named on most restricted cases, so they cannot see the record that decides
/// the file's category (an adoption order filed where only the named may look), nor check it:
/// <list type="bullet">
/// <item>the sweep never lists a restricted file under the rule its visible record gives: it lists it
/// as needing review by someone named on the case (<see cref="List"/>);</item>
/// <item>a records manager not named on it sees only that a restricted file is due and who is named,
/// never which file or why (<see cref="MaySeeDetails"/>);</item>
/// <item>its destruction is confirmed only by a records manager named on it, who can open all of it,
/// Restricted Access section included (<see cref="EnsureNamedPersonConfirms"/>).</item>
/// </list>
/// </summary>
public static class RestrictedFileDisposal
{
    /// <summary>The rule a restricted file is listed under instead of the one its visible record gives.</summary>
    public const string NeedsNamedReview = "needs-named-review";

    /// <summary>The rule named when someone not named on a restricted file tries to destroy it.</summary>
    public const string NamedPersonNeeded = "restricted-needs-named-person";

    /// <summary>What a records manager not named on a restricted file is told of it on the list.</summary>
    public const string Withheld =
        "A restricted file is due. Only the people named on it can see which file it is and why: a records manager named on it must review it and confirm its destruction. Ask the case's manager to name one.";

    /// <summary>
    /// What a file due under <paramref name="decision"/> goes on the list under. A restricted file is
    /// never listed for destruction under a rule derived from what the records managers can see: any
    /// rule its hidden record might bring (adoption, 100 years; an adult who poses a risk, permanently)
    /// is longer, so it is listed as needing review by someone named on the case. Reviews (a child
    /// protection unit's youngest child turning 18) destroy nothing and are listed as they are.
    /// </summary>
    public static DisposalListing List(RetentionDecision decision, HiddenEvidence hidden)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(hidden);
        if (decision.RuleId is null)
            throw new ArgumentException("Only a decided file goes on the list", nameof(decision));
        if (decision.Action != RetentionAction.Destroy || !hidden.Restricted)
            return new(decision.RuleId, decision.Explanation + SectionNote(hidden));

        var because = hidden.RestrictedBecause switch
        {
            RestrictionReason.Adoption => " because of adoption (the adoption rule keeps a file 100 years from the adoption order)",
            RestrictionReason.StaffMemberOrRelative => " because it concerns a member of staff or their relative",
            RestrictionReason.HighProfile => " as a high-profile case",
            _ => "",
        };
        return new(NeedsNamedReview,
            $"Needs review by someone named on the case: the file is restricted{because}, and what records managers cannot see may put it in a category kept longer. "
            + $"Its record as the sweep reads it gives: {decision.Explanation}{SectionNote(hidden)}");
    }

    private static string SectionNote(HiddenEvidence hidden) => hidden.RestrictedSectionItems switch
    {
        0 => "",
        1 => ". One item is filed in its Restricted Access section, which records managers cannot open",
        var n => $". {n} items are filed in its Restricted Access section, which records managers cannot open",
    };

    /// <summary>
    /// Whether the viewer sees which file a line of the disposal list is and why it is due: anyone but
    /// someone not named on a restricted file (who may not know which restricted file it is, policy 3.4).
    /// </summary>
    public static bool MaySeeDetails(CaseFacts file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return !file.IsRestricted || file.ViewerIsNamed;
    }

    /// <summary>
    /// Destruction of a restricted file needs someone named on it: the records manager who confirms,
    /// the step that destroys, must be named on the restriction, so the file is destroyed by someone who
    /// could open all of it and see the rule it goes under. <paramref name="file"/> holds the facts as
    /// they stand for the confirming records manager.
    /// </summary>
    public static void EnsureNamedPersonConfirms(CaseFacts file)
    {
        if (!MaySeeDetails(file))
            throw new RuleViolationException(NamedPersonNeeded,
                "This file is restricted: only a records manager named on it can confirm its destruction. Ask the case's manager to name you on it, or ask a records manager who is named.");
    }
}
