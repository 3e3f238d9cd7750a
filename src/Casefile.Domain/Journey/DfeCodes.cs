namespace Casefile.Domain.Journey;

/// <summary>One value of a DfE code set: the code stored and returned, and the plain words shown on pages.</summary>
public sealed record DfeCode(string Code, string Label);

/// <summary>
/// A DfE code set (CIN census, SSDA903): the codes Casefile stores, so that the statutory returns
/// are drawn from the record as it is, and the plain words every page shows instead of the code
/// (policy 3.1). Codes compare without regard to case and surrounding spaces, and are stored as the
/// DfE writes them.
/// </summary>
public sealed class DfeCodeSet
{
    private readonly Dictionary<string, DfeCode> _byCode;

    public DfeCodeSet(string name, string field, IEnumerable<DfeCode> codes)
    {
        Name = name;
        Field = field;
        Codes = codes.ToList();
        _byCode = Codes.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What the set is, in words ("referral source").</summary>
    public string Name { get; }

    /// <summary>The API field that takes it, for the problem that refuses an unknown code.</summary>
    public string Field { get; }

    public IReadOnlyList<DfeCode> Codes { get; }

    public bool Contains(string? code) => code is not null && _byCode.ContainsKey(code.Trim());

    /// <summary>The code as the DfE writes it, or null when it is not in the set.</summary>
    public string? Normalise(string? code) => code is not null && _byCode.TryGetValue(code.Trim(), out var c) ? c.Code : null;

    public string Label(string? code) => code is not null && _byCode.TryGetValue(code.Trim(), out var c) ? c.Label : code ?? "";

    /// <summary>The code as stored, or a refusal naming the field and listing what is allowed.</summary>
    public string Require(string? code, string? field = null, bool badRequest = false)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw new JourneyStepRefusedException("required", $"Choose the {Name}", field ?? Field, badRequest);
        return Normalise(code) ?? throw new JourneyStepRefusedException("unknown-code",
            $"'{Shorten(code.Trim())}' is not a DfE {Name} code. Use one of: {string.Join(", ", Codes.Select(c => c.Code))}", field ?? Field, badRequest);
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

/// <summary>The DfE code sets of the CIN census and the SSDA903 return that the statutory journey stores.</summary>
public static class DfeCodes
{
    public static DfeCodeSet Ethnicity { get; } = new("ethnicity", "ethnicity",
    [
        new("WBRI", "White British"), new("WIRI", "White Irish"), new("WIRT", "Traveller of Irish heritage"), new("WOTH", "Any other White background"),
        new("WROM", "Gypsy or Roma"), new("MWBC", "White and Black Caribbean"), new("MWBA", "White and Black African"), new("MWAS", "White and Asian"),
        new("MOTH", "Any other mixed background"), new("AIND", "Indian"), new("APKN", "Pakistani"), new("ABAN", "Bangladeshi"),
        new("AOTH", "Any other Asian background"), new("BCRB", "Caribbean"), new("BAFR", "African"), new("BOTH", "Any other Black background"),
        new("CHNE", "Chinese"), new("OOTH", "Any other ethnic group"), new("REFU", "Refused"), new("NOBT", "Information not yet obtained"),
    ]);

    /// <summary>
    /// The ethnicity code for words councils' older records use ("Mixed White and Black Caribbean",
    /// "Black African", "White Polish"), where the words say it plainly; null where they do not.
    /// </summary>
    public static string? EthnicityFromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var words = string.Join(' ', text.Replace('/', ' ').Replace('-', ' ').Replace(':', ' ').Replace(',', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        if (Ethnicity.Codes.FirstOrDefault(c => c.Label.Equals(words, StringComparison.OrdinalIgnoreCase)) is { } exact) return exact.Code;
        return EthnicitySynonyms.TryGetValue(words, out var code) ? code : null;
    }

    private static readonly Dictionary<string, string> EthnicitySynonyms = new(StringComparer.Ordinal)
    {
        ["mixed white and black caribbean"] = "MWBC",
        ["mixed white and black african"] = "MWBA",
        ["mixed white and asian"] = "MWAS",
        ["mixed other"] = "MOTH",
        ["any other mixed"] = "MOTH",
        ["black african"] = "BAFR",
        ["black caribbean"] = "BCRB",
        ["black other"] = "BOTH",
        ["black or black british african"] = "BAFR",
        ["black or black british caribbean"] = "BCRB",
        ["asian indian"] = "AIND",
        ["asian pakistani"] = "APKN",
        ["asian bangladeshi"] = "ABAN",
        ["asian other"] = "AOTH",
        ["asian or asian british indian"] = "AIND",
        ["asian or asian british pakistani"] = "APKN",
        ["asian or asian british bangladeshi"] = "ABAN",
        ["white english"] = "WBRI",
        ["white scottish"] = "WBRI",
        ["white welsh"] = "WBRI",
        ["white other"] = "WOTH",
        ["white polish"] = "WOTH",
        ["gypsy roma"] = "WROM",
        ["gypsy"] = "WROM",
        ["roma"] = "WROM",
        ["traveller of irish heritage"] = "WIRT",
        ["irish traveller"] = "WIRT",
        ["chinese"] = "CHNE",
        ["other"] = "OOTH",
        ["other ethnic group"] = "OOTH",
        ["not known"] = "NOBT",
        ["not stated"] = "NOBT",
        ["not obtained"] = "NOBT",
        ["refused"] = "REFU",
        ["declined"] = "REFU",
    };

    public static DfeCodeSet Disability { get; } = new("disability", "disabilities",
    [
        new("NONE", "No disability"), new("MOB", "Mobility"), new("HAND", "Hand function"), new("PC", "Personal care"), new("INC", "Incontinence"),
        new("COMM", "Communication"), new("LD", "Learning"), new("HEAR", "Hearing"), new("VIS", "Vision"), new("BEH", "Behaviour"),
        new("CON", "Consciousness"), new("AUT", "Diagnosed with autism or Asperger syndrome"), new("DDA", "Other disability"),
    ]);

    public static DfeCodeSet ReferralSource { get; } = new("referral source", "source",
    [
        new("1A", "Individual: family member, relative or carer"), new("1B", "Individual: acquaintance"), new("1C", "Individual: self"),
        new("1D", "Individual: other"), new("2A", "Schools"), new("2B", "Education services"), new("3A", "Health: GP"),
        new("3B", "Health: health visitor"), new("3C", "Health: school nurse"), new("3D", "Health: other primary health services"),
        new("3E", "Health: A&E"), new("3F", "Health: other"), new("4", "Housing"), new("5A", "Local authority services: social care"),
        new("5B", "Local authority services: other internal"), new("5C", "Local authority services: external"), new("5D", "Early help"),
        new("6", "Police"), new("7", "Other legal agency"), new("8", "Other"), new("9", "Anonymous"), new("10", "Unknown"),
    ]);

    public static DfeCodeSet PrimaryNeed { get; } = new("primary need", "primaryNeed",
    [
        new("N0", "Not stated"), new("N1", "Abuse or neglect"), new("N2", "Child's disability"), new("N3", "Parental illness or disability"),
        new("N4", "Family in acute stress"), new("N5", "Family dysfunction"), new("N6", "Socially unacceptable behaviour"),
        new("N7", "Low income"), new("N8", "Absent parenting"), new("N9", "Cases other than children in need"),
    ]);

    public static DfeCodeSet AssessmentFactor { get; } = new("factor identified at assessment", "factors",
    [
        new("1A", "Alcohol misuse: child"), new("1B", "Alcohol misuse: parent"), new("1C", "Alcohol misuse: other person"),
        new("2A", "Drug misuse: child"), new("2B", "Drug misuse: parent"), new("2C", "Drug misuse: other person"),
        new("3A", "Domestic abuse: child"), new("3B", "Domestic abuse: parent"), new("3C", "Domestic abuse: other person"),
        new("4A", "Mental health: child"), new("4B", "Mental health: parent"), new("4C", "Mental health: other person"),
        new("5A", "Learning disability: child"), new("5B", "Learning disability: parent"), new("5C", "Learning disability: other person"),
        new("6A", "Physical disability or illness: child"), new("6B", "Physical disability or illness: parent"), new("6C", "Physical disability or illness: other person"),
        new("7A", "Young carer"), new("8B", "Privately fostered: other"), new("8C", "Privately fostered: overseas child intending to return"),
        new("8D", "Privately fostered: overseas child intending to stay"), new("8E", "Privately fostered: UK child in education"),
        new("8F", "Privately fostered: UK child planning to stay"), new("9A", "Unaccompanied asylum seeking child"), new("10A", "Missing"),
        new("11A", "Child sexual exploitation"), new("12A", "Trafficking"), new("13A", "Gangs"), new("14A", "Socially unacceptable behaviour"),
        new("15A", "Self-harm"), new("16A", "Abuse or neglect: neglect"), new("17A", "Abuse or neglect: emotional abuse"),
        new("18B", "Abuse or neglect: physical abuse by an adult"), new("18C", "Abuse or neglect: physical abuse by another child"),
        new("19B", "Abuse or neglect: sexual abuse by an adult"), new("19C", "Abuse or neglect: sexual abuse by another child"),
        new("20", "Female genital mutilation"), new("21", "No factors identified"), new("22A", "Faith or belief"),
        new("23A", "Child criminal exploitation"), new("24A", "Radicalisation"),
    ]);

    public static DfeCodeSet ChildProtectionCategory { get; } = new("category of abuse", "category",
    [
        new("NEG", "Neglect"), new("PHY", "Physical abuse"), new("EMO", "Emotional abuse"), new("SAB", "Sexual abuse"), new("MUL", "Multiple categories"),
    ]);

    public static DfeCodeSet LegalStatus { get; } = new("legal status", "legalStatus",
    [
        new("C1", "Interim care order"), new("C2", "Full care order"), new("D1", "Freeing order granted"), new("E1", "Placement order granted"),
        new("J1", "Remanded to local authority accommodation or youth detention accommodation"),
        new("J2", "Placed in local authority accommodation under PACE"), new("J3", "Sentenced to a supervision order with a residence requirement"),
        new("L1", "Under police protection in local authority accommodation"), new("L2", "Emergency protection order"),
        new("L3", "Child assessment order with a residence requirement"), new("V2", "Single period of accommodation under section 20"),
        new("V3", "Accommodated under an agreed series of short-term breaks (individual episodes)"),
        new("V4", "Accommodated under an agreed series of short-term breaks (multiple episodes)"),
    ]);

    public static DfeCodeSet PlacementType { get; } = new("placement type", "placementType",
    [
        new("A3", "Placed for adoption with parental consent with current foster carer"), new("A4", "Placed for adoption with parental consent not with current foster carer"),
        new("A5", "Placed for adoption with a placement order with current foster carer"), new("A6", "Placed for adoption with a placement order not with current foster carer"),
        new("H5", "Semi-independent living accommodation not subject to children's homes regulations"),
        new("K1", "Secure children's home"), new("K2", "Children's home"), new("P1", "Placed with own parent or person with parental responsibility"),
        new("P2", "Independent living, for example a flat or lodgings"), new("P3", "Residential employment"),
        new("R1", "Residential care home"), new("R2", "NHS or health trust or other establishment providing medical or nursing care"),
        new("R3", "Family centre or mother and baby unit"), new("R5", "Young offender institution or prison"),
        new("S1", "All residential schools, except where dual-registered as a school and children's home"),
        new("T0", "Temporary placement: all types"), new("U1", "Foster placement with relative or friend: long-term fostering"),
        new("U2", "Foster placement with relative or friend who is also an approved adopter: fostering for adoption or concurrent planning"),
        new("U3", "Foster placement with relative or friend: not long-term or fostering for adoption"),
        new("U4", "Foster placement with other foster carer: long-term fostering"),
        new("U5", "Foster placement with other foster carer who is also an approved adopter: fostering for adoption or concurrent planning"),
        new("U6", "Foster placement with other foster carer: not long-term or fostering for adoption"),
        new("Z1", "Other placements"),
    ]);

    public static DfeCodeSet ReasonForNewEpisode { get; } = new("reason for new episode", "reasonForNewEpisode",
    [
        new("S", "Started to be looked after"), new("L", "Change of legal status only"), new("P", "Change of placement and carer only"),
        new("T", "Change of placement, carer and legal status"), new("B", "Change of legal status and placement, same carer"),
        new("U", "Change of legal status and carer, same placement"),
    ]);

    public static DfeCodeSet ReasonEpisodeCeased { get; } = new("reason the episode ended", "reason",
    [
        new("X1", "Episode ends and a new one begins: the child goes on being looked after"), new("E11", "Adopted: application unopposed"),
        new("E12", "Adopted: consent dispensed with"), new("E2", "Died"), new("E3", "Care taken over by another local authority in the UK"),
        new("E4A", "Returned home to live with parents, relatives or others with parental responsibility, as part of the care plan"),
        new("E4B", "Returned home, not as part of the care plan"), new("E13", "Left care to live with parents or relatives: no parental responsibility"),
        new("E41", "Residence order or child arrangements order granted"), new("E45", "Special guardianship order made to former foster carers"),
        new("E46", "Special guardianship order made to carers other than former foster carers"), new("E47", "Special guardianship order made to relatives or friends, former foster carers"),
        new("E48", "Special guardianship order made to relatives or friends, not former foster carers"), new("E5", "Moved into independent living with support"),
        new("E6", "Moved into independent living without support"), new("E7", "Transferred to residential care funded by adult social care"),
        new("E9", "Sentenced to custody"), new("E14", "Accommodation on remand ended"), new("E15", "Age assessment: the child was aged 18 or over"),
        new("E16", "Child moved abroad"), new("E17", "Aged 18: stayed with current carers (staying put)"), new("E8", "Any other reason"),
    ]);

    public static DfeCodeSet ReasonForClosure { get; } = new("reason for closure", "reasonForClosure",
    [
        new("RC1", "Adopted"), new("RC2", "Died"), new("RC3", "Child arrangements order"), new("RC4", "Special guardianship order"),
        new("RC5", "Transferred to services of another local authority"), new("RC6", "Transferred to adult social care services"),
        new("RC7", "Services ceased for any other reason, including the child no longer in need"), new("RC8", "Case closed after assessment, no further action"),
        new("RC9", "Case closed after assessment, referred to early help"),
    ]);
}
