using Casefile.Domain.Journey;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casefile.Web.Features.Referrals;

/// <summary>
/// The DfE referral source and primary need as the referral forms offer them: by their plain labels
/// (policy 3.1), with the code as the value posted and stored.
/// </summary>
public static class ReferralFormOptions
{
    public static IReadOnlyList<SelectListItem> Sources { get; } =
        [new("Not recorded", ""), .. DfeCodes.ReferralSource.Codes.Select(c => new SelectListItem(c.Label, c.Code))];

    public static IReadOnlyList<SelectListItem> PrimaryNeeds { get; } =
        [new("Not known yet", ""), .. DfeCodes.PrimaryNeed.Codes.Select(c => new SelectListItem(c.Label, c.Code))];

    public static string SourceLabel(string? code) => code is null ? "Not recorded" : DfeCodes.ReferralSource.Label(code);

    public static string PrimaryNeedLabel(string? code) => code is null ? "Not known yet" : DfeCodes.PrimaryNeed.Label(code);
}
