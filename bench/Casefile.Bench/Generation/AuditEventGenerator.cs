using System.Text;
using Casefile.Data.Audit;

namespace Casefile.Bench.Generation;

/// <summary>
/// A day-to-day stream of audit events in a large authority, reproducible from a seed: mostly
/// workers opening their own children's cases and people pages, with searches, case lists,
/// updates with their reasons, referral decisions, the odd refusal and emergency access. About
/// 30% of events carry a reason, as the application records them (see Casefile.Web's
/// <c>audit.Record</c> calls). Events are not yet on the chain: <see cref="AuditChainBuilder"/> puts them there.
/// </summary>
public sealed class AuditEventGenerator(Authority authority, Random random, DateTimeOffset start)
{
    private readonly Random _random = random;

    /// <summary>Mean gap between events: 1 million events span about five days of a large authority's use.</summary>
    private static readonly TimeSpan MeanGap = TimeSpan.FromMilliseconds(430);

    private static readonly (double Weight, Func<AuditEventGenerator, StaffMember, AuditEvent> Make)[] Kinds =
    [
        (47, (g, s) => g.OnCase(s, "view", "case", c => c.CaseFileId.ToString())),
        (14, (g, s) => g.OnCase(s, "view", "person", c => c.ChildId.ToString())),
        (5, (g, s) => g.OnCase(s, "view", "referral", _ => Ids.Next(g._random).ToString())),
        (7, (g, s) => g.Event(s, "view", "case-list", reason: $"My cases: {s.Caseload.Count} allocated, {g._random.Next(0, 140)} in teams overseen")),
        (0.5, (g, s) => g.OnCase(s, "view", "access-log", c => c.CaseFileId.ToString(), personFromCase: false, reason: $"{g._random.Next(3, 400)} entries")),
        (8, (g, s) => g.Event(s, "search", "person", reason: g.SearchReason())),
        (8, (g, s) => g.OnCase(s, "update", "case", c => c.CaseFileId.ToString(), reason: g.Text(Phrases.CaseUpdates, 60, 420))),
        (3, (g, s) => g.OnCase(s, "update", "case-allocation", c => c.CaseFileId.ToString(), reason: g.Text(Phrases.Allocations, 30, 200))),
        (2, (g, s) => g.PersonCreated(s)),
        (2, (g, s) => g.OnCase(s, "create", "referral", _ => Ids.Next(g._random).ToString(), caseFile: false)),
        (1.5, (g, s) => g.OnCase(s, "decide", "referral", _ => Ids.Next(g._random).ToString(), reason: g._random.Next(3) == 0 ? "No further action" : "Accepted")),
        (0.3, (g, s) => g.OnCase(s, "emergency-access", "case", c => c.CaseFileId.ToString(), personFromCase: false, anyCase: true,
            reason: g.Text(Phrases.Emergencies, 100, 400))),
        (0.4, (g, s) => g.OnCase(s, "view", "case", c => c.CaseFileId.ToString(), anyCase: true,
            reason: "Emergency access: " + g.Text(Phrases.Emergencies, 80, 300))),
        (1, (g, s) => g.OnCase(s, "view", "case", c => c.CaseFileId.ToString(), personFromCase: false, anyCase: true,
            outcome: "refused", reason: Phrases.Refusals[g._random.Next(Phrases.Refusals.Length)])),
    ];

    private static readonly double[] Cumulative = Kinds.Select(k => k.Weight).Aggregate(new List<double>(), (acc, w) =>
    {
        acc.Add((acc.Count == 0 ? 0 : acc[^1]) + w);
        return acc;
    }).ToArray();

    private long _ticks = start.UtcTicks;

    public AuditEvent Next()
    {
        _ticks += (long)(-Math.Log(1 - _random.NextDouble()) * MeanGap.Ticks);
        var staff = authority.PickStaff(_random);
        var at = _random.NextDouble() * Cumulative[^1];
        var index = Array.BinarySearch(Cumulative, at);
        return Kinds[index >= 0 ? index : ~index].Make(this, staff);
    }

    private AuditEvent Event(StaffMember staff, string action, string recordType, string? recordId = null, Guid? caseFileId = null,
        Guid? personId = null, string outcome = "allowed", string? reason = null) => new()
        {
            OccurredAt = new DateTimeOffset(_ticks, TimeSpan.Zero),
            UserId = staff.Id,
            UserName = staff.UserName,
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            CaseFileId = caseFileId,
            PersonId = personId,
            Outcome = outcome,
            Reason = reason,
            Channel = _random.Next(100) < 12 ? "api" : "web",
        };

    private AuditEvent OnCase(StaffMember staff, string action, string recordType, Func<ChildCase, string> recordId, bool personFromCase = true,
        bool caseFile = true, bool anyCase = false, string outcome = "allowed", string? reason = null)
    {
        // Most looks are at the worker's own caseload; some at a colleague's case in the team.
        var c = anyCase || _random.Next(100) < 15
            ? authority.Cases[_random.Next(authority.Cases.Count)]
            : staff.Caseload[_random.Next(staff.Caseload.Count)];
        return Event(staff, action, recordType, recordId(c), caseFile ? c.CaseFileId : null, personFromCase ? c.ChildId : null, outcome, reason);
    }

    private AuditEvent PersonCreated(StaffMember staff)
    {
        var id = Ids.Next(_random);
        return Event(staff, "create", "person", id.ToString(), personId: id);
    }

    private string SearchReason()
    {
        var surname = Names.Surnames[_random.Next(Names.Surnames.Length)];
        var text = _random.Next(3) == 0 ? $"{Names.FirstNames[_random.Next(Names.FirstNames.Length)]} {surname}" : surname;
        return $"Searched for \"{text}\": {_random.Next(0, 60)} found";
    }

    /// <summary>Sentences from the bank until the text is between the given lengths: the length of a reason a worker types.</summary>
    private string Text(string[] bank, int min, int max)
    {
        var target = _random.Next(min, max + 1);
        var text = new StringBuilder(bank[_random.Next(bank.Length)]);
        while (text.Length < target) text.Append(' ').Append(bank[_random.Next(bank.Length)]);
        if (text.Length <= max) return text.ToString();
        var cut = text.ToString(0, max);
        var space = cut.LastIndexOf(' ');
        return space > min ? cut[..space] : cut;
    }
}

/// <summary>What workers write when the application asks why.</summary>
internal static class Phrases
{
    public static readonly string[] CaseUpdates =
    [
        "Updated the child's plan after the review conference.",
        "Added the health visitor's concerns about missed appointments.",
        "School reports attendance has fallen to 71% this term.",
        "Mother has agreed to attend the parenting course starting next month.",
        "Changed the visiting pattern to weekly while the assessment is completed.",
        "Recorded the outcome of the strategy discussion with police and health.",
        "Child was seen alone and said they feel safe at home.",
        "Father has moved out of the family home; new address recorded.",
        "Core group agreed actions; next meeting booked in six weeks.",
        "Added the chronology entries from the previous authority's transfer-in summary.",
        "Corrected the date of the last statutory visit.",
        "Contact arrangements with grandparents reviewed and unchanged.",
    ];

    public static readonly string[] Allocations =
    [
        "Reallocated on return from the assessment team.",
        "Worker on long-term leave; case moved within the team.",
        "Transfer to the children in care team after the court order.",
        "Caseload balancing agreed at team meeting.",
        "Allocated to a worker who knows the family from a previous episode.",
        "Newly qualified worker; co-worked with a senior practitioner.",
    ];

    public static readonly string[] Emergencies =
    [
        "Out-of-hours duty: police called about the child at 23:40 and the allocated worker is not available.",
        "Hospital safeguarding team requested the current plan for a child admitted this evening.",
        "Child has gone missing from placement; need the contact details and risk assessment now.",
        "Covering the duty desk while the team is at a training day; parent phoned in distress.",
        "Strategy discussion called at short notice and the case is held by another team.",
        "Emergency placement needed tonight; checking previous carers and known risks.",
    ];

    public static readonly string[] Refusals =
    [
        "Not allocated to the case and not in its team",
        "The case is restricted and the user is not on its named list",
        "Emergency access has expired",
        "The case is closed and held for retention",
    ];
}
