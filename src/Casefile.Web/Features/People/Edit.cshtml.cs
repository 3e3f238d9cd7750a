using Casefile.Domain.People;
using Casefile.Web.Govuk;
using Casefile.Web.Hosting;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casefile.Web.Features.People;

/// <summary>Change a person's basic details (Appendix 2 "MY CLIENT basic details"); the same handler as PUT /api/v1/people/{id}.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class EditModel(GetPerson getPerson, PersonChangeAccess changeAccess, UpdatePerson update) : CasefilePageModel
{
    [BindProperty]
    public EditPersonInput Input { get; set; } = new();

    public string Name { get; private set; } = "";
    public PersonKind Kind { get; private set; }

    /// <summary>The ethnicity as the record holds it: older words that are not a DfE category are offered to keep.</summary>
    public string? StoredEthnicity { get; private set; }
    public bool EthnicityIsCoded { get; private set; } = true;

    public static IReadOnlyList<SelectListItem> Sexes => NewModel.Sexes;

    public sealed class EditPersonInput : PersonDetailsInput
    {
        public Guid? Version { get; set; }
        public DateParts DateOfDeath { get; set; } = new();
    }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        // Only someone who may change the person sees the form (a refusal is a 403 or 404 page, audited).
        await changeAccess.DemandAsync(id, AuditAction.Update, ct);
        var p = (await getPerson.HandleAsync(id, ct)).Person;
        Show(p);
        Input = new EditPersonInput
        {
            Version = p.Version,
            GivenName = p.GivenName,
            FamilyName = p.FamilyName,
            KnownAs = p.KnownAs,
            DateOfBirth = DateParts.From(p.DateOfBirth),
            Sex = p.Sex.ToString(),
            Ethnicity = p.Ethnicity,
            Religion = p.Religion,
            FirstLanguage = p.FirstLanguage,
            NeedsInterpreter = p.NeedsInterpreter,
            Disability = p.Disability,
            School = p.School,
            DateOfDeath = DateParts.From(p.DateOfDeath),
            // What the record holds goes back into the form, so saving other details keeps it.
            Upn = p.Upn,
            NhsNumber = p.NhsNumber,
            Disabilities = [.. p.Disabilities],
        };
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        var dob = ReadDate(Input.DateOfBirth, "date of birth", out var dobError);
        var dod = ReadDate(Input.DateOfDeath, "date of death", out var dodError);
        var command = new UpdatePersonCommand(Input.GivenName, Input.FamilyName, dob,
            Enum.TryParse<Sex>(Input.Sex, out var sex) ? sex : null, Input.KnownAs, Input.Ethnicity, Input.Religion,
            Input.FirstLanguage, Input.NeedsInterpreter, Input.Disability, Input.School, dod, Input.Version,
            Input.Upn, Input.NhsNumber, GovukCheckboxes.Ticked(Input.Disabilities));
        await update.HandleAsync(id, command, ct, errors =>
        {
            if (dobError is not null) errors.Without("dateOfBirth").Add("dateOfBirth", dobError);
            if (dodError is not null) errors.Without("dateOfDeath").Add("dateOfDeath", dodError);
        });
        return Redirect($"/people/{id}");
    }, reload: () => ReloadAsync(id, ct));

    private static DateOnly? ReadDate(DateParts parts, string label, out string? error)
    {
        error = null;
        return !parts.IsEmpty && parts.TryGetDate(label, out var date, out error) ? date : null;
    }

    private async Task ReloadAsync(Guid id, CancellationToken ct) => Show((await getPerson.HandleAsync(id, ct)).Person);

    private void Show(Person p)
    {
        Name = p.FullName;
        Kind = p.Kind;
        StoredEthnicity = p.Ethnicity;
        EthnicityIsCoded = p.EthnicityIsCoded;
    }
}
