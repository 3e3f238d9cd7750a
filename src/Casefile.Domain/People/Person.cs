using Casefile.Domain.Common;

namespace Casefile.Domain.People;

public enum PersonKind { Child, Adult }

public enum Sex { NotKnown, Female, Male, Indeterminate }

/// <summary>
/// Someone on the people register: a child the service works with, a family member, or a
/// professional. Holds the "MY CLIENT basic details" of Appendix 2 (policy 2.3).
/// </summary>
public sealed class Person
{
    private readonly List<PersonAddress> _addresses = [];

    private Person() { }

    public Person(Guid id, PersonKind kind, PersonDetails details, DateTimeOffset createdAt, DateOnly today)
    {
        Id = id;
        Kind = kind;
        CreatedAt = createdAt;
        Update(details, today);
    }

    public Guid Id { get; private set; }
    public PersonKind Kind { get; private set; }
    public string GivenName { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    public string? KnownAs { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }
    public Sex Sex { get; private set; }
    public string? Ethnicity { get; private set; }
    public string? Religion { get; private set; }
    public string? FirstLanguage { get; private set; }
    public bool NeedsInterpreter { get; private set; }
    public string? Disability { get; private set; }
    public string? School { get; private set; }

    /// <summary>The child's Unique Pupil Number (DfE), checked by its check letter.</summary>
    public string? Upn { get; private set; }

    /// <summary>The child's NHS number, checked by its check digit.</summary>
    public string? NhsNumber { get; private set; }

    /// <summary>DfE disability codes, comma-separated as stored ("NONE" when the child has none); null when not recorded.</summary>
    public string? DisabilityCodes { get; private set; }

    /// <summary>The DfE disability codes recorded.</summary>
    public IReadOnlyList<string> Disabilities => DisabilityCodes is null ? [] : DisabilityCodes.Split(',');

    /// <summary>Whether the stored ethnicity is a DfE code (older records may hold free text, flagged for correction).</summary>
    public bool EthnicityIsCoded => Ethnicity is null || Journey.DfeCodes.Ethnicity.Contains(Ethnicity);
    public DateOnly? DateOfDeath { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Changed on every change, so an edit made from an out-of-date copy is refused, not silently lost.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Search columns, kept in step with the names (see <see cref="NameMatching"/>).</summary>
    public string SearchGivenName { get; private set; } = "";
    public string SearchFamilyName { get; private set; } = "";
    public string GivenNameKey { get; private set; } = "";
    public string FamilyNameKey { get; private set; } = "";

    public IReadOnlyList<PersonAddress> Addresses => _addresses;

    public string FullName => $"{GivenName} {FamilyName}";

    public PersonAddress? CurrentAddress => _addresses.Where(a => a.To is null).MaxBy(a => a.From);

    /// <summary>Checks every field first and changes nothing unless all are valid.</summary>
    public void Update(PersonDetails details, DateOnly today)
    {
        var givenName = Guard.Required(details.GivenName, "givenName", "a first name", 100);
        var familyName = Guard.Required(details.FamilyName, "familyName", "a last name", 100);
        var knownAs = Guard.Optional(details.KnownAs, "knownAs", "known as", 100);
        if (details.DateOfBirth is { } dob && dob > today)
            throw new RuleViolationException("date-of-birth-in-future", "Date of birth must be today or in the past", "dateOfBirth");
        if (details.DateOfDeath is { } dod)
        {
            if (dod > today)
                throw new RuleViolationException("date-of-death-in-future", "Date of death must be today or in the past", "dateOfDeath");
            if (details.DateOfBirth is { } born && dod < born)
                throw new RuleViolationException("date-of-death-before-birth", "Date of death must be on or after the date of birth", "dateOfDeath");
        }
        var ethnicity = EthnicityCode(details.Ethnicity, Ethnicity);
        // The identifiers and disabilities came later than the other details: left out (null) they stay as they are; empty clears them.
        var upn = details.Upn is null ? Upn : Journey.UniquePupilNumber.Normalise(details.Upn);
        var nhsNumber = details.NhsNumber is null ? NhsNumber : Journey.NhsNumber.Normalise(details.NhsNumber);
        var disabilities = DisabilityCodesOf(details.Disabilities);
        var religion = Guard.Optional(details.Religion, "religion", "religion", 100);
        var firstLanguage = Guard.Optional(details.FirstLanguage, "firstLanguage", "first language", 100);
        var disability = Guard.Optional(details.Disability, "disability", "disability", 500);
        var school = Guard.Optional(details.School, "school", "school", 200);

        GivenName = givenName;
        FamilyName = familyName;
        KnownAs = knownAs;
        DateOfBirth = details.DateOfBirth;
        DateOfDeath = details.DateOfDeath;
        Sex = details.Sex;
        Ethnicity = ethnicity;
        Upn = upn;
        NhsNumber = nhsNumber;
        if (details.Disabilities is not null) DisabilityCodes = disabilities;
        Religion = religion;
        FirstLanguage = firstLanguage;
        NeedsInterpreter = details.NeedsInterpreter;
        Disability = disability;
        School = school;

        SearchGivenName = NameMatching.Normalise(GivenName + (KnownAs is null ? "" : " " + KnownAs));
        SearchFamilyName = NameMatching.Normalise(FamilyName);
        GivenNameKey = NameMatching.PhoneticKey(GivenName);
        FamilyNameKey = NameMatching.PhoneticKey(FamilyName);
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// The DfE ethnicity code for what was given: a code (WBRI), the code's own words ("White
    /// British"), or older words that say it plainly ("Black African"). Anything else is refused naming <c>ethnicity</c>, unless it is the free text the
    /// record already holds (kept as it was, and flagged as not coded).
    /// </summary>
    private static string? EthnicityCode(string? given, string? current)
    {
        var trimmed = given?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (Journey.DfeCodes.Ethnicity.Normalise(trimmed) is { } code) return code;
        if (Journey.DfeCodes.EthnicityFromText(trimmed) is { } fromText) return fromText;
        if (current is not null && string.Equals(current, trimmed, StringComparison.Ordinal)) return current;
        return Journey.DfeCodes.Ethnicity.Require(trimmed, "ethnicity", badRequest: true);
    }

    private static string? DisabilityCodesOf(IReadOnlyList<string>? given)
    {
        if (given is null) return null;
        var codes = given.Select(g => Journey.DfeCodes.Disability.Require(g, "disabilities", badRequest: true)).Distinct().ToList();
        if (codes.Count == 0) return null;
        if (codes.Contains("NONE") && codes.Count > 1)
            throw new Journey.JourneyStepRefusedException("none-and-disability", "Choose 'No disability', or the child's disabilities, not both", "disabilities", badRequest: true);
        return string.Join(',', codes);
    }

    /// <summary>Age in whole years on a given day, or null when the date of birth is not known.</summary>
    public int? AgeOn(DateOnly day) => AgeOn(DateOfBirth, DateOfDeath, day);

    /// <summary>Age in whole years on a given day (or on the day of death, if earlier), for lists that read only the dates.</summary>
    public static int? AgeOn(DateOnly? dateOfBirth, DateOnly? dateOfDeath, DateOnly day)
    {
        if (dateOfBirth is not { } dob || dob > day) return null;
        var end = dateOfDeath is { } dod && dod < day ? dod : day;
        var age = end.Year - dob.Year;
        if (end < dob.AddYears(age)) age--;
        return age;
    }

    /// <summary>Records a move: the current address ends the day before the new one starts.</summary>
    public PersonAddress MoveTo(Guid addressId, AddressLines lines, DateOnly from)
    {
        var current = CurrentAddress;
        if (current is not null && from <= current.From)
            throw new RuleViolationException("address-before-current", "The new address must start after the current address started", "from");
        var address = new PersonAddress(addressId, Id, lines, from);
        current?.End(from.AddDays(-1));
        _addresses.Add(address);
        Version = Guid.NewGuid();
        return address;
    }
}

public sealed record PersonDetails(
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    Sex Sex = Sex.NotKnown,
    string? KnownAs = null,
    string? Ethnicity = null,
    string? Religion = null,
    string? FirstLanguage = null,
    bool NeedsInterpreter = false,
    string? Disability = null,
    string? School = null,
    DateOnly? DateOfDeath = null,
    string? Upn = null,
    string? NhsNumber = null,
    IReadOnlyList<string>? Disabilities = null);

public sealed record AddressLines(string? Line1, string? Line2, string? Town, string? Postcode);

public sealed class PersonAddress
{
    private PersonAddress() { }

    internal PersonAddress(Guid id, Guid personId, AddressLines lines, DateOnly from)
    {
        Id = id;
        PersonId = personId;
        Line1 = Guard.Required(lines.Line1, "address.line1", "the first line of the address", 200);
        Line2 = Guard.Optional(lines.Line2, "address.line2", "the second line of the address", 200);
        Town = Guard.Optional(lines.Town, "address.town", "the town", 100);
        Postcode = Guard.Optional(lines.Postcode, "address.postcode", "the postcode", 10)?.ToUpperInvariant();
        From = from;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public string Line1 { get; private set; } = "";
    public string? Line2 { get; private set; }
    public string? Town { get; private set; }
    public string? Postcode { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }

    public string SingleLine => string.Join(", ", new[] { Line1, Line2, Town, Postcode }.Where(s => !string.IsNullOrEmpty(s)));

    internal void End(DateOnly to) => To = to;
}
