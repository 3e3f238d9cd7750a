using Casefile.Data;
using Casefile.Data.Settings;
using Casefile.Domain.Access;
using Casefile.Domain.Closure;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.Closure;

/// <summary>
/// One closure letter template as the council keeps it: its text (the council's saved wording, or the
/// letter Casefile came with), the placeholders it may use, and who last changed it.
/// <see cref="Errors"/> is only ever filled when a later version of Casefile reads a saved template
/// differently; the shipped letter is then used until an administrator corrects it.
/// </summary>
public sealed record ClosureLetterTemplateView(
    string Kind,
    string Text,
    bool Shipped,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<string> Placeholders,
    IReadOnlyList<string> RequiredPlaceholders,
    IReadOnlyList<string> Errors);

/// <summary>A closure letter template in the database. It holds no one's personal data, so reading it is not audited.</summary>
public sealed class GetClosureLetterTemplate(AppDbContext db)
{
    public async Task<ClosureLetterTemplateView> HandleAsync(ClosureLetterKind kind, CancellationToken ct)
    {
        var key = ClosureLetterKinds.SettingKey(kind);
        var saved = await (from s in db.CouncilSettings.AsNoTracking()
                           where s.Key == key
                           join u in db.Users on s.UpdatedBy equals u.Id into users
                           from u in users.DefaultIfEmpty()
                           select new { s.Value, s.UpdatedAt, By = u == null ? null : u.DisplayName }).SingleOrDefaultAsync(ct);
        var placeholders = ClosureLetterTemplate.Placeholders.Select(p => "{" + p + "}").ToList();
        var required = ClosureLetterTemplate.RequiredPlaceholders.Select(p => "{" + p + "}").ToList();
        return saved is null
            ? new ClosureLetterTemplateView(ClosureLetterKinds.Slug(kind), ClosureLetterTemplate.DefaultText(kind), true, null, null, placeholders, required, [])
            : new ClosureLetterTemplateView(ClosureLetterKinds.Slug(kind), saved.Value, false, saved.By, saved.UpdatedAt, placeholders, required,
                ClosureLetterTemplate.Validate(saved.Value));
    }
}

public sealed record SaveClosureLetterTemplateCommand(string? Text);

/// <summary>
/// An administrator saves the council's wording of a closure letter, or goes back to the letter
/// Casefile came with. A template is saved only when every placeholder is one Casefile knows and the
/// required ones are there, so every letter can be written from it. Each change is audited and used at once.
/// </summary>
public sealed class SaveClosureLetterTemplate(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock, ClosureLetterTemplates templates)
{
    public const string AuditRecordType = "closure-letter-template";

    public async Task HandleAsync(ClosureLetterKind kind, SaveClosureLetterTemplateCommand command, CancellationToken ct)
    {
        await EnsureAdministratorAsync(ct);
        var text = Validate(command.Text);
        var key = ClosureLetterKinds.SettingKey(kind);
        var setting = await db.CouncilSettings.SingleOrDefaultAsync(s => s.Key == key, ct);
        if (setting is null)
        {
            setting = new CouncilSetting { Key = key, Value = text };
            db.CouncilSettings.Add(setting);
        }

        setting.Value = text;
        setting.UpdatedBy = user.Id;
        setting.UpdatedAt = clock.GetUtcNow();
        audit.Record(AuditAction.Update, AuditRecordType, key);
        await db.SaveChangesAsync(ct);
        templates.Invalidate();
    }

    /// <summary>Removes the council's wording, so Casefile uses the letter it came with (and any later improvements to it).</summary>
    public async Task ResetAsync(ClosureLetterKind kind, CancellationToken ct)
    {
        await EnsureAdministratorAsync(ct);
        var key = ClosureLetterKinds.SettingKey(kind);
        var setting = await db.CouncilSettings.SingleOrDefaultAsync(s => s.Key == key, ct);
        if (setting is not null) db.CouncilSettings.Remove(setting);
        audit.Record(AuditAction.Update, AuditRecordType, key, reason: "Went back to the letter Casefile came with");
        await db.SaveChangesAsync(ct);
        templates.Invalidate();
    }

    /// <summary>The template as it will be saved (line breaks made consistent), or every problem with it under "text".</summary>
    public static string Validate(string? text)
    {
        var normalised = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (!ClosureLetterTemplate.TryParse(normalised, out var template, out var problems))
        {
            var errors = new ValidationErrors();
            foreach (var problem in problems) errors.Add("text", problem);
            errors.ThrowIfAny();
        }
        return template.Text;
    }

    private async Task EnsureAdministratorAsync(CancellationToken ct)
    {
        if (!(await user.ViewerAsync(ct)).May(StaffCapability.Administer))
            throw new AccessDeniedException("Only a system administrator can change the closure letters.",
                "Ask a system administrator to change them for you.");
    }
}
