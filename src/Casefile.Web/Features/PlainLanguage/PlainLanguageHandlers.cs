using Casefile.Data;
using Casefile.Data.Settings;
using Casefile.Domain.Access;
using Casefile.Domain.Records;
using Casefile.Domain.Staff;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.PlainLanguage;

public sealed record CheckPlainLanguageCommand(string? Text);

/// <summary>
/// Policy 3.1: the plain-language advice for some text, from the list in force. It only
/// advises. The text is checked in memory and neither saved nor logged, so checking it is not a
/// use of anyone's record and is not audited.
/// </summary>
public sealed class CheckPlainLanguage(PlainLanguageList list)
{
    /// <summary>The longest text checked: as long as the longest case record narrative.</summary>
    public const int MaxTextLength = 200_000;

    public async Task<IReadOnlyList<PlainLanguageHint>> HandleAsync(CheckPlainLanguageCommand command, CancellationToken ct)
    {
        if (command.Text is { Length: > MaxTextLength })
            throw ValidationFailedException.For("text", "The text to check must be 200,000 characters or fewer");
        var guide = await list.CurrentAsync(ct);
        return guide.Check(command.Text);
    }
}

/// <summary>
/// The plain-language list as the council keeps it: the text (the council's saved list with its
/// notes, or the list Casefile came with), what it contains, and who last changed it.
/// <see cref="Errors"/> is only ever filled when a later version of Casefile reads a saved line
/// differently; those lines are left out of the guide until an administrator corrects them.
/// </summary>
public sealed record PlainLanguageListView(
    string Text,
    IReadOnlyList<PlainLanguageTerm> Terms,
    IReadOnlyList<string> Allowed,
    bool Shipped,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<string> Errors);

/// <summary>The plain-language list in the database. It holds no one's personal data, so reading it is not audited.</summary>
public sealed class GetPlainLanguageList(AppDbContext db)
{
    public async Task<PlainLanguageListView> HandleAsync(CancellationToken ct)
    {
        var saved = await (from s in db.CouncilSettings.AsNoTracking()
                           where s.Key == CouncilSettingKeys.PlainLanguageList
                           join u in db.Users on s.UpdatedBy equals u.Id into users
                           from u in users.DefaultIfEmpty()
                           select new { s.Value, s.UpdatedAt, By = u == null ? null : u.DisplayName }).SingleOrDefaultAsync(ct);
        if (saved is null)
        {
            var shipped = PlainLanguageGuide.Default;
            return new PlainLanguageListView(PlainLanguageGuide.DefaultList, shipped.Terms, shipped.AllowedAbbreviations, true, null, null, []);
        }

        var guide = PlainLanguageGuide.Parse(saved.Value, out var errors);
        return new PlainLanguageListView(saved.Value, guide.Terms, guide.AllowedAbbreviations, false, saved.By, saved.UpdatedAt, errors);
    }
}

public sealed record SavePlainLanguageListCommand(string? Text);

/// <summary>
/// An administrator saves the council's plain-language list, or goes back to the list Casefile came
/// with. A list is saved only when every line can be read, so what the council wrote is exactly what
/// Casefile uses; the text is kept as written, notes included. Each change is audited and used at once.
/// </summary>
public sealed class SavePlainLanguageList(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock, PlainLanguageList list)
{
    public const string AuditRecordType = "plain-language-list";

    public async Task HandleAsync(SavePlainLanguageListCommand command, CancellationToken ct)
    {
        await EnsureAdministratorAsync(ct);
        var text = Validate(command.Text);
        var setting = await db.CouncilSettings.SingleOrDefaultAsync(s => s.Key == CouncilSettingKeys.PlainLanguageList, ct);
        if (setting is null)
        {
            setting = new CouncilSetting { Key = CouncilSettingKeys.PlainLanguageList, Value = text };
            db.CouncilSettings.Add(setting);
        }

        setting.Value = text;
        setting.UpdatedBy = user.Id;
        setting.UpdatedAt = clock.GetUtcNow();
        audit.Record(AuditAction.Update, AuditRecordType, CouncilSettingKeys.PlainLanguageList);
        await db.SaveChangesAsync(ct);
        list.Invalidate();
    }

    /// <summary>
    /// Removes the council's list, so Casefile uses the list it came with, including any improvements
    /// a later version of Casefile makes to it.
    /// </summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        await EnsureAdministratorAsync(ct);
        var setting = await db.CouncilSettings.SingleOrDefaultAsync(s => s.Key == CouncilSettingKeys.PlainLanguageList, ct);
        if (setting is not null) db.CouncilSettings.Remove(setting);
        audit.Record(AuditAction.Update, AuditRecordType, CouncilSettingKeys.PlainLanguageList, reason: "Went back to the list Casefile came with");
        await db.SaveChangesAsync(ct);
        list.Invalidate();
    }

    /// <summary>The list as it will be saved (line breaks made consistent), or every problem with it under "text".</summary>
    public static string Validate(string? text)
    {
        var errors = new ValidationErrors();
        var normalised = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(normalised))
            errors.Add("text", "Enter the plain language list, or go back to the list Casefile came with");
        else if (normalised.Length > CheckPlainLanguage.MaxTextLength)
            errors.Add("text", "The list must be 200,000 characters or fewer");
        else
        {
            PlainLanguageGuide.Parse(normalised, out var problems);
            foreach (var problem in problems) errors.Add("text", problem);
        }

        errors.ThrowIfAny();
        return normalised;
    }

    private async Task EnsureAdministratorAsync(CancellationToken ct)
    {
        if (!(await user.ViewerAsync(ct)).May(StaffCapability.Administer))
            throw new AccessDeniedException("Only a system administrator can change the plain language list.",
                "Ask a system administrator to change it for you.");
    }
}
