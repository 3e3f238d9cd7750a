using Casefile.Data;
using Casefile.Domain.Access;
using Casefile.Domain.Consent;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Access;

public sealed record RecordConsentCommand(ConsentGivenBy? GivenBy, string? GiverName, string? Scope, DateOnly? GivenOn, DateOnly? ExpiresOn, string? SignedFormReference);

public sealed record SharingWithoutConsentCommand(string? SharedWith, DateOnly? SharedOn, string? Justification, string? AgreedBy);

/// <summary>Policy 3.4 and 3.5: consent to share, and sharing without consent to protect a child.</summary>
public sealed class ConsentHandlers(AppDbContext db, CurrentUser user, CaseScope access, AuditTrail audit, TimeProvider clock)
{
    public async Task<Guid> RecordConsentAsync(Guid caseId, RecordConsentCommand command, CancellationToken ct)
    {
        await access.DemandAsync(caseId, AccessAction.Write, AuditAction.Create, ct);
        var errors = new ValidationErrors();
        if (command.GivenBy is null) errors.Add("givenBy", "Select who gave consent: a parent, or the young person (16 or over)");
        errors.Required(command.GiverName, "giverName", "Enter the name of the person giving consent", 200);
        errors.Required(command.Scope, "scope", "Enter what may be shared and with whom", 2000);
        if (command.GivenOn is null) errors.Add("givenOn", "Enter the date consent was given");
        errors.ThrowIfAny();
        var child = await (from c in db.CaseFiles where c.Id == caseId join p in db.People on c.ChildId equals p.Id select p).AsNoTracking().SingleAsync(ct);
        var consent = new ConsentToShare(Guid.NewGuid(), caseId, command.GivenBy!.Value, command.GiverName, command.Scope, command.GivenOn!.Value,
            command.ExpiresOn, command.SignedFormReference, child.AgeOn(command.GivenOn.Value), user.Id, clock.GetUtcNow(), clock.Today());
        db.Consents.Add(consent);
        audit.Record(AuditAction.Create, "consent", consent.Id, caseId, child.Id);
        await db.SaveChangesAsync(ct);
        return consent.Id;
    }

    public async Task<Guid> RecordSharingWithoutConsentAsync(Guid caseId, SharingWithoutConsentCommand command, CancellationToken ct)
    {
        await access.DemandAsync(caseId, AccessAction.Write, AuditAction.Create, ct);
        var errors = new ValidationErrors();
        errors.Required(command.SharedWith, "sharedWith", "Enter who the information was shared with", 300);
        if (command.SharedOn is null) errors.Add("sharedOn", "Enter the date the information was shared");
        errors.Required(command.Justification, "justification", "Enter why sharing without consent was needed to protect the child", 4000);
        var managerName = errors.Required(command.AgreedBy, "agreedBy", "Enter the username of the manager who agreed", 256);
        errors.ThrowIfAny();
        var manager = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == managerName!.ToUpperInvariant() && u.IsActive, ct)
            ?? throw ValidationFailedException.For("agreedBy", $"There is no active user '{managerName}'");
        var isManager = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ur.UserId == manager.Id && (r.Name == StaffRole.PracticeManager || r.Name == StaffRole.PrincipalManager || r.Name == StaffRole.DivisionalManager)
                               select r).AnyAsync(ct);
        var record = new SharingWithoutConsent(Guid.NewGuid(), caseId, command.SharedWith, command.SharedOn!.Value, command.Justification,
            manager.Id, isManager, user.Id, clock.GetUtcNow(), clock.Today());
        db.SharingWithoutConsent.Add(record);
        audit.Record(AuditAction.Create, "sharing-without-consent", record.Id, caseId, reason: $"Shared with {record.SharedWith}");
        await db.SaveChangesAsync(ct);
        return record.Id;
    }
}
