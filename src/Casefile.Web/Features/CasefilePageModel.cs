using Casefile.Domain.Common;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Casefile.Web.Features;

/// <summary>
/// Pages call the same handlers as the API. A handler's refusal becomes a form error (shown in
/// the GOV.UK error summary, with what the user typed kept), never an error page.
/// </summary>
public abstract class CasefilePageModel : PageModel
{
    /// <summary>
    /// Runs <paramref name="action"/>; on a validation or rule error, adds it to ModelState and
    /// redisplays the page. API field names ("address.line1") map to form keys ("Input.Address.Line1")
    /// unless <paramref name="fieldMap"/> says otherwise.
    /// </summary>
    protected async Task<IActionResult> TryAsync(Func<Task<IActionResult>> action, Func<string, string?>? fieldMap = null, Func<Task>? reload = null)
    {
        try
        {
            return await action();
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages) ModelState.AddModelError(FormKey(field, fieldMap), message);
        }
        catch (StateConflictException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Somebody else changed this record after you opened it. Check the record as it is now, then try again. What you typed is still below.");
        }
        catch (RuleViolationsException e)
        {
            // Several fields at once: each message goes by its own field, so the summary lists them all.
            foreach (var v in e.Violations) ModelState.AddModelError(v.Field is null ? "" : FormKey(v.Field, fieldMap), v.Message);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError(e.Field is null ? "" : FormKey(e.Field, fieldMap), e.Message);
        }
        catch (AccessDeniedException e)
        {
            ModelState.AddModelError("", e.HowToGetAccess is null ? e.Message : $"{e.Message} {e.HowToGetAccess}");
        }
        if (reload is not null) await reload();
        return Page();
    }

    private static string FormKey(string field, Func<string, string?>? map)
    {
        var mapped = map?.Invoke(field);
        if (mapped is not null) return mapped;
        return "Input." + string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
