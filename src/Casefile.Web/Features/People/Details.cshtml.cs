using Casefile.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace Casefile.Web.Features.People;

[Authorize(Policy = Policies.CaseWork)]
public sealed class DetailsModel(GetPerson getPerson, TimeProvider clock) : CasefilePageModel
{
    public PersonView View { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        View = await getPerson.HandleAsync(id, ct);
        Today = Infrastructure.LondonTime.Today(clock);
    }
}
