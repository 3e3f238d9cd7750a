namespace Casefile.Bench.Generation;

/// <summary>One member of staff as the audit trail sees them: who they are and the cases they work.</summary>
public sealed record StaffMember(Guid Id, string UserName, IReadOnlyList<ChildCase> Caseload);

/// <summary>A child's case file, with the child it is about.</summary>
public sealed record ChildCase(Guid CaseFileId, Guid ChildId, string ChildSurname);

/// <summary>
/// A believable local authority, reproducible from a seed: staff with caseloads of about 17
/// children (the national average), and the children's case files. Only what the generators
/// need so far; people, referrals and records join it as later benchmarks need them (issue 5).
/// </summary>
public sealed class Authority
{
    private readonly double[] _cumulativeActivity;

    private Authority(IReadOnlyList<StaffMember> staff, IReadOnlyList<ChildCase> cases, double[] cumulativeActivity)
    {
        Staff = staff;
        Cases = cases;
        _cumulativeActivity = cumulativeActivity;
    }

    public IReadOnlyList<StaffMember> Staff { get; }

    public IReadOnlyList<ChildCase> Cases { get; }

    /// <summary>A large authority (issue 5, tier L): 2,500 staff and 40,000 open and recent cases.</summary>
    public static Authority Generate(Random random, int staffCount = 2_500, int caseCount = 40_000)
    {
        var cases = new ChildCase[caseCount];
        for (var i = 0; i < caseCount; i++)
            cases[i] = new ChildCase(Ids.Next(random), Ids.Next(random), Names.Surnames[random.Next(Names.Surnames.Length)]);

        var staff = new StaffMember[staffCount];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var activity = new double[staffCount];
        var total = 0.0;
        for (var i = 0; i < staffCount; i++)
        {
            var first = Names.FirstNames[random.Next(Names.FirstNames.Length)];
            var last = Names.Surnames[random.Next(Names.Surnames.Length)];
            var userName = $"{first}.{last}".ToLowerInvariant();
            for (var n = 2; !taken.Add(userName); n++) userName = $"{first}.{last}{n}".ToLowerInvariant();
            var caseload = new ChildCase[8 + random.Next(19)]; // 8 to 26, about 17 on average
            for (var c = 0; c < caseload.Length; c++) caseload[c] = cases[random.Next(caseCount)];
            staff[i] = new StaffMember(Ids.Next(random), userName, caseload);
            // Some people use the system all day, others now and then: a long-tailed spread of activity.
            total += Math.Exp(Gaussian(random) * 0.8);
            activity[i] = total;
        }
        return new Authority(staff, cases, activity);
    }

    /// <summary>The staff and cases of a generated authority (issue 5's tiers), so the trail's events name real users and case files.</summary>
    public static Authority FromGenerated(Random random, IReadOnlyList<StaffMember> staff, IReadOnlyList<ChildCase> cases)
    {
        var activity = new double[staff.Count];
        var total = 0.0;
        for (var i = 0; i < staff.Count; i++)
        {
            total += Math.Exp(Gaussian(random) * 0.8);
            activity[i] = total;
        }
        return new Authority(staff, cases, activity);
    }

    /// <summary>A member of staff, the busier ones more often.</summary>
    public StaffMember PickStaff(Random random)
    {
        var at = random.NextDouble() * _cumulativeActivity[^1];
        var index = Array.BinarySearch(_cumulativeActivity, at);
        return Staff[index >= 0 ? index : Math.Min(~index, Staff.Count - 1)];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>Random but reproducible ids, shaped like the version-4 GUIDs the application makes.</summary>
public static class Ids
{
    public static Guid Next(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}

/// <summary>Invented names, common in England, for staff and children.</summary>
public static class Names
{
    public static readonly string[] FirstNames =
    [
        "Amara", "Ben", "Daniel", "Hannah", "Priya", "Grace", "Olu", "Sam", "Rita", "Alex", "Aisha", "Chloe", "David", "Emma",
        "Fatima", "George", "Harriet", "Imran", "Jack", "Kate", "Liam", "Maria", "Nadia", "Owen", "Paul", "Rachel", "Sarah",
        "Tom", "Usman", "Victoria", "Will", "Yasmin", "Zoe", "Adebayo", "Bethany", "Callum", "Deborah", "Ellie", "Femi",
        "Gemma", "Hamza", "Joanne", "Kwame", "Laura", "Mohammed", "Niamh", "Patrick", "Rebecca", "Shauna", "Tariq",
    ];

    public static readonly string[] Surnames =
    [
        "Osei", "Carter", "Hughes", "Price", "Shah", "Adeyemi", "Bello", "Fraser", "Kowalski", "Morgan", "Smith", "Jones",
        "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Johnson", "Lewis", "Walker",
        "Robinson", "Wood", "Thompson", "White", "Watson", "Jackson", "Wright", "Green", "Harris", "Cooper", "King", "Lee",
        "Martin", "Clarke", "James", "Hussain", "Begum", "Khan", "Ali", "Ahmed", "Patel", "Singh", "Murphy", "Kelly",
        "Nowak", "Okafor", "Mensah", "Campbell", "Stewart", "Baker", "Hall", "Hill", "Moore", "Ward", "Turner", "Edwards",
    ];
}
