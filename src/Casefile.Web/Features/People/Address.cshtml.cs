using Casefile.Web.Govuk;
using Casefile.Web.Hosting;
using Casefile.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.People;

/// <summary>Record a move to a new address; the same handler as POST /api/v1/people/{id}/addresses.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class AddressModel(GetPerson getPerson, PersonChangeAccess changeAccess, MovePerson move) : CasefilePageModel
{
    [BindProperty]
    public MoveInput Input { get; set; } = new();

    public PersonView View { get; private set; } = null!;

    public sealed class MoveInput
    {
        public string? Line1 { get; set; }
        public string? Line2 { get; set; }
        public string? Town { get; set; }
        public string? Postcode { get; set; }
        public DateParts From { get; set; } = new();
    }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await changeAccess.DemandAsync(id, "move", ct);
        View = await getPerson.HandleAsync(id, ct);
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        DateOnly? from = null;
        string? fromError = null;
        if (!Input.From.IsEmpty && Input.From.TryGetDate("date they moved in", out var d, out fromError)) from = d;
        var command = new AddressInput(Input.Line1, Input.Line2, Input.Town, Input.Postcode, from);
        var errors = move.Validate(command);
        if (fromError is not null) errors.Without("from").Add("from", fromError);
        errors.ThrowIfAny();
        await move.HandleAsync(id, command, ct);
        return Redirect($"/people/{id}");
    }, reload: async () => View = await getPerson.HandleAsync(id, ct));
}
