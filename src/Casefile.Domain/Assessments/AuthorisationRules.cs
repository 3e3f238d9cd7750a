using Casefile.Domain.Common;

namespace Casefile.Domain.Assessments;

/// <summary>
/// Who may authorise or return an assessment, plan or court report (policy 9.2, 9.3). Each rule
/// refuses with a stable rule id and a plain reason.
/// </summary>
public static class AuthorisationRules
{
    /// <summary>
    /// Policy 9.2: managers validate and authorise. The author never authorises their own work;
    /// the authoriser is the author's line manager or a manager above them in the line-manager
    /// chain (<paramref name="authorsLineManagers"/>, nearest first); a final care plan for court
    /// needs a divisional manager (9.3) who is also in that chain.
    /// </summary>
    public static void MayAuthorise(AssessmentOrPlanKind kind, Guid authorId, Decider decider, IReadOnlyCollection<Guid> authorsLineManagers)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(authorsLineManagers);
        NotTheAuthor(authorId, decider, "authorise");
        InTheAuthorsLine(decider, authorsLineManagers, "authorise");
        if (AssessmentOrPlanKinds.NeedsDivisionalManager(kind) && !decider.IsDivisionalManager)
            throw new RuleViolationException("divisional-manager-required",
                "Only a divisional manager can authorise a final care plan for court (policy 9.3). Return it, or ask the divisional manager to authorise it.");
    }

    /// <summary>
    /// Returning with reasons is validation, which any manager in the author's line may do (a
    /// practice manager may send a final care plan back before it reaches the divisional manager).
    /// Never the author.
    /// </summary>
    public static void MayReturn(Guid authorId, Decider decider, IReadOnlyCollection<Guid> authorsLineManagers)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(authorsLineManagers);
        NotTheAuthor(authorId, decider, "return");
        InTheAuthorsLine(decider, authorsLineManagers, "return");
    }

    private static void NotTheAuthor(Guid authorId, Decider decider, string verb)
    {
        if (decider.Id == authorId)
            throw new RuleViolationException("author-cannot-authorise",
                $"You wrote this, so you cannot {verb} it. It goes to your line manager (policy 9.2).");
    }

    private static void InTheAuthorsLine(Decider decider, IReadOnlyCollection<Guid> authorsLineManagers, string verb)
    {
        if (!decider.IsManager || !authorsLineManagers.Contains(decider.Id))
            throw new RuleViolationException("not-in-authors-line",
                $"Only the author's line manager, or a manager above them, can {verb} this (policy 9.2).");
    }
}
