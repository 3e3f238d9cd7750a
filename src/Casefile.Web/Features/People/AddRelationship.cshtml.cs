using Casefile.Domain.People;
using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casefile.Web.Features.People;

[Authorize(Policy = Policies.CaseWork)]
public sealed class AddRelationshipModel(GetPerson getPerson, SearchPeople search, AddRelationship add) : CasefilePageModel
{
    public PersonView Person { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "query")]
    public string? Query { get; set; }

    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];

    [BindProperty]
    public RelationshipInput Input { get; set; } = new();

    public sealed class RelationshipInput
    {
        public string? RelatedPersonId { get; set; }
        public string? Kind { get; set; }
        public string? Notes { get; set; }
    }

    public static IReadOnlyList<SelectListItem> Kinds { get; } =
        [new("Choose a relationship", ""), .. Enum.GetValues<RelationshipKind>().Select(k => new SelectListItem(k.Describe(), k.ToString()))];

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => TryAsync(async () =>
    {
        await add.HandleAsync(id, new AddRelationshipCommand(
            Guid.TryParse(Input.RelatedPersonId, out var related) ? related : null,
            Enum.TryParse<RelationshipKind>(Input.Kind, out var kind) ? kind : null,
            Input.Notes), ct);
        return Redirect($"/people/{id}");
    }, reload: () => LoadAsync(id, ct));

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Person = await getPerson.HandleAsync(id, ct);
        if (!string.IsNullOrWhiteSpace(Query))
            Candidates = (await search.HandleAsync(Query, ct)).Where(p => p.Id != id)
                .Select(p => new SelectListItem($"{p.Name}, born {Infrastructure.LondonTime.Display(p.DateOfBirth)}{(p.Postcode is null ? "" : ", " + p.Postcode)}", p.Id.ToString()))
                .ToList();
    }
}
