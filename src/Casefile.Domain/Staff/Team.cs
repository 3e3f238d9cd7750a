namespace Casefile.Domain.Staff;

/// <summary>
/// A team of workers. Teams can sit under another team (a service area under a division),
/// which is how a manager's oversight reaches the teams below theirs.
/// </summary>
public sealed class Team
{
    private Team() { }

    public Team(Guid id, string name, Guid? parentTeamId = null)
    {
        Id = id;
        Name = Common.Guard.Required(name, "name", "a team name", 100);
        ParentTeamId = parentTeamId;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Guid? ParentTeamId { get; private set; }
}
