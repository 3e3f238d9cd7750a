using System.ComponentModel.DataAnnotations;
using Casefile.Domain.People;
using Casefile.Web.Govuk;
using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casefile.Web.Features.People;

[Authorize(Policy = Policies.CaseWork)]
public sealed class NewModel(CreatePerson createPerson) : CasefilePageModel
{
    [BindProperty]
    public NewPersonInput Input { get; set; } = new();

    public static IReadOnlyList<SelectListItem> Kinds { get; } =
    [
        new("Child", nameof(PersonKind.Child)),
        new("Adult (a parent, carer, relative or professional)", nameof(PersonKind.Adult)),
    ];

    public static IReadOnlyList<SelectListItem> Sexes { get; } =
    [
        new("Female", nameof(Sex.Female)), new("Male", nameof(Sex.Male)),
        new("Indeterminate", nameof(Sex.Indeterminate)), new("Not known", nameof(Sex.NotKnown)),
    ];

    public sealed class NewPersonInput : PersonDetailsInput
    {
        public string? Kind { get; set; }
        public string? AddressLine1 { get; set; }
        public string? AddressLine2 { get; set; }
        public string? Town { get; set; }
        public string? Postcode { get; set; }
    }

    public void OnGet(string? kind) => Input.Kind = kind;

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => TryAsync(async () =>
    {
        DateOnly? dob = null;
        string? dateError = null;
        if (!Input.DateOfBirth.IsEmpty && Input.DateOfBirth.TryGetDate("date of birth", out var d, out dateError)) dob = d;
        var command = new CreatePersonCommand(
            Enum.TryParse<PersonKind>(Input.Kind, out var kind) ? kind : null, Input.GivenName, Input.FamilyName, dob,
            Enum.TryParse<Sex>(Input.Sex, out var sex) ? sex : null, Input.KnownAs, Input.Ethnicity, Input.Religion,
            Input.FirstLanguage, Input.NeedsInterpreter, Input.Disability, Input.School, null,
            new AddressInput(Input.AddressLine1, Input.AddressLine2, Input.Town, Input.Postcode, null),
            Input.Upn, Input.NhsNumber, GovukCheckboxes.Ticked(Input.Disabilities));
        var errors = createPerson.Validate(command);
        if (dateError is not null) errors.Add("dateOfBirth", dateError);
        errors.ThrowIfAny();
        var id = await createPerson.HandleAsync(command, ct);
        return Redirect($"/people/{id}");
    }, field => field.StartsWith("address.", StringComparison.Ordinal) ? "Input.AddressLine1" : null);
}

/// <summary>
/// The basic details a person's forms share (Add a person, Change details): Appendix 2 "MY CLIENT basic
/// details", in the order the forms show them (the error summary lists errors in this order).
/// </summary>
public class PersonDetailsInput
{
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? KnownAs { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public string? Sex { get; set; }

    /// <summary>A DfE ethnicity code, or an older record's words kept as they were (see <see cref="PersonFormOptions.Ethnicities"/>).</summary>
    public string? Ethnicity { get; set; }
    public string? Religion { get; set; }
    public string? FirstLanguage { get; set; }
    public bool NeedsInterpreter { get; set; }

    /// <summary>The DfE disability codes ticked; null when the form did not offer them (see <see cref="GovukCheckboxes.Ticked"/>).</summary>
    public List<string?>? Disabilities { get; set; }
    public string? Disability { get; set; }
    public string? School { get; set; }

    // Kept as posted: an empty box clears the number, while a form without the box leaves it as it is (null).
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Upn { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? NhsNumber { get; set; }
}
