using Casefile.Web.Hosting;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Cases;

[Authorize]
public sealed class DetailsModel(GetCase getCase, Access.RequestEmergencyAccess emergency, Documents.DocumentQueries documents, Emails.EmailQueries emails,
    PaperFiles.PaperFileQueries paperFiles, PaperFiles.PaperFileAccess paperFileAccess,
    Assessments.AssessmentQueries assessments, Closure.ClosureQueries closures, Closure.AdminTasks adminTasks, Transfers.TransferQueries transfers)
    : CasefilePageModel
{
    /// <summary>The case's request to close, while it waits or after it came back (policy 6.3).</summary>
    public Closure.ClosureQueueItem? OpenClosure { get; private set; }

    /// <summary>The request that closed the case, when it is closed.</summary>
    public Guid? AuthorisedClosureId { get; private set; }

    public Transfers.TransferView? OpenTransfer { get; private set; }

    /// <summary>What the admin officer still has to do, and has done, after closure (policy 6.4).</summary>
    public IReadOnlyList<Closure.AdminTaskView> AdminTasks { get; private set; } = [];

    public CaseView? Case { get; private set; }

    /// <summary>Documents uploaded to the case, newest first; email attachments are listed with their email.</summary>
    public IReadOnlyList<Documents.DocumentView> Documents { get; private set; } = [];

    public IReadOnlyList<Emails.EmailView> Emails { get; private set; } = [];

    /// <summary>Paper volumes from before the electronic record (policy 2.1, 5.1), and whether the user may add to or move them.</summary>
    public IReadOnlyList<PaperFiles.PaperVolumeView> PaperVolumes { get; private set; } = [];
    public bool MayKeepPaperRegister { get; private set; }
    /// <summary>Assessments, plans and court reports on the case, newest first (policy 9.2, 9.3).</summary>
    public IReadOnlyList<Assessments.AssessmentOrPlanSummary> AssessmentsAndPlans { get; private set; } = [];

    /// <summary>Restricted emails the user may not open: shown only as existing (policy 4.3 guidance).</summary>
    public int HiddenEmails { get; private set; }
    public string? RefusalReason { get; private set; }
    public string? HowToGetAccess { get; private set; }

    [BindProperty]
    public EmergencyInput Input { get; set; } = new();

    public sealed class EmergencyInput
    {
        public string? Reason { get; set; }
    }

    public Task<IActionResult> OnPostEmergencyAccessAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        var grant = await emergency.HandleAsync(id, new Access.EmergencyAccessCommand(Input.Reason, null), ct);
        TempData["Confirmation"] = $"You have emergency access until {grant.ExpiresAt.ToLondon():HH:mm} on {grant.ExpiresAt.ToLondon():d MMMM}. The case's managers can see that you opened it and why.";
        return Redirect($"/cases/{id}");
    }, reload: async () => await OnGetAsync(id, ct));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Case = await getCase.HandleAsync(id, ct);
            // Restricted documents are only ever an email's attachments, so they are counted with the email.
            Documents = [.. (await documents.ListAsync(id, includeSuperseded: false, ct)).Where(d => d.EmailId is null && !(d.Restricted && d.Title is null))];
            var (visible, hidden) = await emails.ListAsync(id, includeSuperseded: false, ct);
            (Emails, HiddenEmails) = (visible, hidden.Count);
            PaperVolumes = await paperFiles.ListAsync(id, ct);
            MayKeepPaperRegister = await paperFileAccess.MayKeepRegisterAsync(id, ct);
            AssessmentsAndPlans = await assessments.ListForCaseAsync(id, null, ct);
            OpenClosure = await closures.OpenForCaseAsync(id, ct);
            AuthorisedClosureId = Case.Status == Domain.Cases.CaseStatus.Closed ? await closures.AuthorisedForCaseAsync(id, ct) : null;
            OpenTransfer = await transfers.OpenForCaseAsync(id, ct);
            AdminTasks = await adminTasks.ForCaseAsync(id, ct);
        }
        catch (AccessDeniedException e)
        {
            RefusalReason = e.Message;
            HowToGetAccess = e.HowToGetAccess;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Page();
    }
}
