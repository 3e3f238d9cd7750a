namespace Casefile.Domain.AccessRequests;

/// <summary>What the disclosure bundle holds, as the release rules need it.</summary>
/// <param name="Items">Items included (withheld items not counted).</param>
/// <param name="UnreviewedProposals">Redaction proposals nobody has accepted or removed yet.</param>
/// <param name="UndecidedImages">Image documents that cannot be text-redacted and have no reviewer decision.</param>
/// <param name="NamesThirdParty">The included material names a person on the register other than the subject.</param>
/// <param name="IncludesPrivileged">An included item is from the Restricted Access section (legal privilege).</param>
public sealed record BundleFacts(int Items, int UnreviewedProposals, int UndecidedImages, bool NamesThirdParty, bool IncludesPrivileged);

/// <summary>One release rule as it stands: passed, or the reason it refuses.</summary>
public sealed record ReleaseRuleResult(string Rule, bool Passed, string Message);

/// <summary>
/// The rules a disclosure must pass before release, each named, each with a reason a worker can
/// act on (policy 10.1-10.3). <see cref="Check"/> answers every rule that applies to the request,
/// passed or not, so the request page can show where it stands.
/// </summary>
public static class ReleaseRules
{
    public const string BundleBuilt = "bundle-not-built";
    public const string ConsentOnFile = "consent-missing";
    public const string ManagerApproval = "manager-approval-missing";
    public const string CourtAuthority = "court-authority-missing";
    public const string LegalAdviceOnThirdParties = "legal-advice-missing";
    public const string PrivilegedMaterial = "privileged-material-not-released";
    public const string RedactionsReviewed = "redactions-not-reviewed";
    public const string ImagesDecided = "images-not-decided";

    public static IReadOnlyList<ReleaseRuleResult> Check(AccessRequest request, BundleFacts? bundle)
    {
        ArgumentNullException.ThrowIfNull(request);
        var results = new List<ReleaseRuleResult>
        {
            new(BundleBuilt, request.BundleBuiltAt is not null && bundle is { Items: > 0 },
                "Build the disclosure bundle: choose the records, documents and emails to release."),
        };

        if (request.Kind == AccessRequestKind.StatutoryEnquiry)
        {
            // Policy 10.1
            results.Add(new(ConsentOnFile, request.ConsentDocumentId is not null,
                "File the subject's written consent to the enquiring agency and choose it on this request (policy 10.1)."));
            // Policy 10.2
            results.Add(new(ManagerApproval, request.ApprovedById is not null,
                "A manager other than the request's owner must approve what is released (policy 10.2)."));
        }

        if (request.Kind is AccessRequestKind.CourtGuardian or AccessRequestKind.CourtOrder)
        {
            // Policy 10.3
            results.Add(new(CourtAuthority, request.CourtAuthorityDocumentId is not null,
                "File the court's order and choose it on this request (policy 10.3)."));
        }

        if (bundle is { NamesThirdParty: true })
        {
            // Policy 10.2: whether the third party is a child or an adult.
            results.Add(new(LegalAdviceOnThirdParties, request.LegalAdviceAt is not null,
                "The bundle names people other than the subject. Legal Services must record their advice first (policy 10.2)."));
        }

        if (bundle is { IncludesPrivileged: true })
        {
            results.Add(new(PrivilegedMaterial, request.PrivilegedReleasedByLegal,
                "The bundle includes legally privileged material from the Restricted Access section. Only Legal Services can release it."));
        }

        if (bundle is not null)
        {
            results.Add(new(RedactionsReviewed, bundle.UnreviewedProposals == 0,
                $"Review every proposed redaction: {bundle.UnreviewedProposals} still to accept or remove."));
            results.Add(new(ImagesDecided, bundle.UndecidedImages == 0,
                $"Decide on every image document, which cannot be redacted as text: include it whole or withhold it. {bundle.UndecidedImages} still to decide."));
        }

        return results;
    }
}
