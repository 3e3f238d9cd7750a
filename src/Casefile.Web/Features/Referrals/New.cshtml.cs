using System.Globalization;
using Casefile.Data;
using Casefile.Domain.People;
using Casefile.Web.Govuk;
using Casefile.Web.Hosting;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Referrals;

[Authorize(Policy = Policies.FrontDoor)]
public sealed class NewModel(RecordReferral recordReferral, AppDbContext db) : CasefilePageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ChildId { get; set; }

    [BindProperty]
    public NewReferralInput Input { get; set; } = new();

    public string? ChildName { get; private set; }

    public sealed class NewReferralInput
    {
        public DateParts ReceivedOn { get; set; } = new();
        public string? ReceivedTime { get; set; }
        public string? ReferrerName { get; set; }
        public string? ReferrerAgency { get; set; }
        public string? Source { get; set; }
        public string? Reason { get; set; }
        public string? PrimaryNeed { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadChildAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => TryAsync(async () =>
    {
        string? dateError = null, timeError = null;
        DateTimeOffset? receivedAt = null;
        if (!Input.ReceivedOn.TryGetDate("the date the referral was received", out var date, out dateError)) { }
        if (!TimeOnly.TryParseExact((Input.ReceivedTime ?? "").Trim().Replace('.', ':'), ["H:mm", "HH:mm", "Hmm", "HHmm"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            timeError = "Enter the time the referral was received, for example 14:30";
        if (dateError is null && timeError is null) receivedAt = LondonTime.FromLondon(date, time);

        var command = new RecordReferralCommand(ChildId, receivedAt, Input.ReferrerName, Input.ReferrerAgency, Input.Reason, Input.Source, Input.PrimaryNeed);
        var errors = await recordReferral.ValidateAsync(command, ct);
        if (receivedAt is null) errors.Without("receivedAt");
        if (dateError is not null) errors.Add("receivedOn", dateError);
        if (timeError is not null) errors.Add("receivedTime", timeError);
        errors.ThrowIfAny();
        var id = await recordReferral.HandleAsync(command, ct);
        return Redirect($"/referrals/{id}");
    }, field => field switch
    {
        "receivedAt" or "receivedOn" => "Input.ReceivedOn",
        "childId" => "",
        _ => null,
    }, () => LoadChildAsync(ct));

    private async Task LoadChildAsync(CancellationToken ct)
    {
        if (ChildId is { } id)
            ChildName = await db.People.Where(p => p.Id == id && p.Kind == PersonKind.Child)
                .Select(p => p.GivenName + " " + p.FamilyName).SingleOrDefaultAsync(ct);
    }
}
