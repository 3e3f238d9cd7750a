using System.Globalization;
using Casefile.Data;
using Casefile.Data.Configurations;
using Casefile.Domain.Assessments;
using Casefile.Domain.Calendar;
using Casefile.Domain.Cases;
using Casefile.Domain.Journey;
using Casefile.Domain.PaperFiles;
using Casefile.Domain.People;
using Casefile.Domain.Records;
using Casefile.Domain.Referrals;
using Casefile.Domain.Staff;
using Casefile.Web.Cli;
using Casefile.Web.Features.Calendar;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Demo;

/// <summary>
/// A believable small service for trying Casefile: a division with two teams, one user per role,
/// about forty children with their families and professionals, referrals in every state, open and
/// closed cases, and the statutory journey on a share of them (<see cref="DemoJourneys"/>). Every
/// name, address and identifier is invented (NHS numbers from the 999 range kept for testing). Runs
/// only on a database with no users.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, IServiceProvider services, TimeProvider clock)
{
    public const string Password = "casefile-demo";

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("amara.osei", "Amara Osei", StaffRole.SocialWorker, DemoTeam.Northgate, "daniel.hughes"),
        new("ben.carter", "Ben Carter", StaffRole.SocialWorker, DemoTeam.Riverside, "hannah.price"),
        new("daniel.hughes", "Daniel Hughes", StaffRole.PracticeManager, DemoTeam.Northgate, "priya.shah"),
        new("hannah.price", "Hannah Price", StaffRole.PracticeManager, DemoTeam.Riverside, "priya.shah"),
        new("priya.shah", "Priya Shah", StaffRole.PrincipalManager, DemoTeam.Division, "grace.adeyemi"),
        new("grace.adeyemi", "Grace Adeyemi", StaffRole.DivisionalManager, DemoTeam.Division, null),
        new("olu.bello", "Olu Bello", StaffRole.AdminOfficer, DemoTeam.Northgate, "daniel.hughes"),
        new("sam.fraser", "Sam Fraser", StaffRole.Legal, null, null),
        new("rita.kowalski", "Rita Kowalski", StaffRole.RecordsManager, null, null),
        new("alex.morgan", "Alex Morgan", StaffRole.Administrator, null, null),
    ];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return false;

        var division = new Team(Guid.NewGuid(), DemoTeam.Division);
        var northgate = new Team(Guid.NewGuid(), DemoTeam.Northgate, division.Id);
        var riverside = new Team(Guid.NewGuid(), DemoTeam.Riverside, division.Id);
        db.Teams.AddRange(division, northgate, riverside);
        await db.SaveChangesAsync(ct);
        var teams = new Dictionary<string, Team> { [division.Name] = division, [northgate.Name] = northgate, [riverside.Name] = riverside };

        var ids = new Dictionary<string, Guid>();
        foreach (var u in OrderManagersFirst(Users))
        {
            var result = await UserAccounts.CreateAsync(services, u.UserName, u.DisplayName, u.Role,
                u.Team is null ? null : teams[u.Team].Id, u.Manager is null ? null : ids[u.Manager], Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            ids[u.UserName] = (await db.Users.SingleAsync(x => x.UserName == u.UserName, ct)).Id;
        }

        await SeedFamiliesAsync(ids, northgate, riverside, ct);
        return true;
    }

    private static IEnumerable<DemoUser> OrderManagersFirst(IReadOnlyList<DemoUser> users)
    {
        var done = new HashSet<string>();
        var pending = users.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(u => u.Manager is null || done.Contains(u.Manager)).ToList();
            foreach (var u in ready)
            {
                done.Add(u.UserName);
                pending.Remove(u);
                yield return u;
            }
        }
    }

    private async Task SeedFamiliesAsync(Dictionary<string, Guid> ids, Team northgate, Team riverside, CancellationToken ct)
    {
        var random = new Random(20261124);
        // Identifiers and the journey draw from sequences of their own, so the families, referrals and records are as they were before them.
        var identifiers = new Random(20261208);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var intake = ids["olu.bello"];
        var caseNumber = 0L;
        var assessmentSeeded = false;

        var schools = new[] { "Harrowden Primary School", "St Anne's C of E Primary", "Millbrook Academy", "Westfield High School", "Elm Park Nursery" };
        var streets = new[] { "Alder Close", "Beacon Road", "Chapel Street", "Dovecote Lane", "Elmfield Avenue", "Foxglove Way", "Granary Court", "Hawthorn Drive", "Kestrel Rise", "Linden Grove" };
        var towns = new[] { "Harrowden", "Millbrook", "Northgate", "Riverside" };
        var ethnicities = new[] { "WBRI", "BAFR", "MWBC", "APKN", "WOTH", "AIND", "BCRB", "MWAS" };
        var languages = new[] { "English", "English", "English", "Polish", "Urdu", "Somali", "Romanian" };
        var reasons = new[]
        {
            "School reports the child has come in hungry on several days and has unexplained bruising on the arm.",
            "Police attended a domestic incident at the home address overnight; the children were present.",
            "Health visitor is worried about the home conditions and the baby's weight.",
            "Child told a teacher they are scared to go home because of arguments between the adults.",
            "Mother asked for help: she is struggling to manage her son's behaviour and her own health.",
            "Neighbour reports young children left alone in the flat in the evenings.",
            "GP is concerned that a parent's alcohol use is affecting care of the children.",
            "Young person missing from home for two nights; found by police and returned.",
        };
        var referrers = new[] { ("Ms J Patel", "Harrowden Primary School"), ("PC R Doyle", "Police"), ("Sara Lind", "Health visiting service"), ("Dr M Evans", "Millbrook Surgery"), ("Neighbour (anonymous)", null), ("Mrs K Walsh", "Westfield High School") };

        var gp = AddAdult("Marion", "Evans", null, today, random, streets, towns, ethnicities, languages, now);
        var teacher = AddAdult("Jaspreet", "Patel", null, today, random, streets, towns, ethnicities, languages, now);

        var familyNames = new[] { "Ashworth", "Baptiste", "Chowdhury", "Delaney", "Eriksen", "Fairweather", "Gallagher", "Haddad", "Iqbal", "Jablonski", "Kilbride", "Lindqvist", "Mbeki", "Novak", "O'Rourke", "Pemberton", "Quayle" };
        var girls = new[] { "Amelia", "Bethany", "Chloe", "Daisy", "Eva", "Freya", "Grace", "Hana", "Isla", "Jasmine", "Keira", "Lily", "Maya", "Nadia", "Olivia", "Poppy", "Ruby", "Sofia", "Tia", "Zara" };
        var boys = new[] { "Aaron", "Billy", "Callum", "Dylan", "Ethan", "Finn", "George", "Harvey", "Idris", "Jack", "Kai", "Leo", "Mason", "Noah", "Oscar", "Reuben", "Samuel", "Tyler", "Yusuf", "Zain" };
        var mothers = new[] { "Claire", "Donna", "Fatima", "Gemma", "Joanne", "Kasia", "Leanne", "Nicola", "Rachel", "Shazia", "Tracey", "Yasmin" };
        var fathers = new[] { "Adam", "Craig", "Darren", "Imran", "Jamal", "Lee", "Marek", "Paul", "Ryan", "Steven", "Wayne" };

        var children = new List<Person>();
        var amarasCases = new List<Guid>();
        var demoCases = new List<DemoCase>();
        var f = 0;
        while (children.Count < 40)
        {
            var family = familyNames[f % familyNames.Length] + (f >= familyNames.Length ? "-Hill" : "");
            f++;
            var street = $"{random.Next(1, 120)} {streets[random.Next(streets.Length)]}";
            var town = towns[random.Next(towns.Length)];
            var postcode = $"HD{random.Next(1, 9)} {random.Next(1, 9)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
            var ethnicity = ethnicities[random.Next(ethnicities.Length)];
            var language = languages[random.Next(languages.Length)];

            var mother = AddPerson(PersonKind.Adult, mothers[random.Next(mothers.Length)], family, today.AddYears(-random.Next(22, 45)).AddDays(-random.Next(365)),
                Sex.Female, ethnicity, language, null, street, town, postcode, now, today);
            Person? father = null;
            if (random.Next(3) > 0)
                father = AddPerson(PersonKind.Adult, fathers[random.Next(fathers.Length)], family, today.AddYears(-random.Next(24, 50)).AddDays(-random.Next(365)),
                    Sex.Male, ethnicity, language, null, street, town, postcode, now, today);

            var siblings = new List<Person>();
            var count = Math.Min(random.Next(1, 4), 40 - children.Count);
            for (var i = 0; i < count; i++)
            {
                var girl = random.Next(2) == 0;
                var age = random.Next(0, 17);
                var child = AddPerson(PersonKind.Child, girl ? girls[random.Next(girls.Length)] : boys[random.Next(boys.Length)], family,
                    today.AddYears(-age).AddDays(-random.Next(1, 360)), girl ? Sex.Female : Sex.Male, ethnicity, language,
                    age >= 4 ? schools[random.Next(schools.Length)] : null, street, town, postcode, now, today,
                    ChildIdentifiers(identifiers, child: children.Count, age, today));
                db.Relationships.Add(new Relationship(Guid.NewGuid(), child.Id, mother.Id, RelationshipKind.Mother, null, now));
                if (father is not null) db.Relationships.Add(new Relationship(Guid.NewGuid(), child.Id, father.Id, RelationshipKind.Father, null, now));
                foreach (var s in siblings) db.Relationships.Add(new Relationship(Guid.NewGuid(), child.Id, s.Id, RelationshipKind.Sibling, null, now));
                db.Relationships.Add(new Relationship(Guid.NewGuid(), child.Id, gp.Id, RelationshipKind.GeneralPractitioner, "Millbrook Surgery", now));
                if (child.School is not null && random.Next(2) == 0)
                    db.Relationships.Add(new Relationship(Guid.NewGuid(), child.Id, teacher.Id, RelationshipKind.Teacher, "Designated safeguarding lead", now));
                siblings.Add(child);
                children.Add(child);
            }
        }
        await db.SaveChangesAsync(ct);

        // Referrals in every state: awaiting a decision, no further action, accepted into open and closed cases.
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var (referrer, agency) = referrers[random.Next(referrers.Length)];
            var received = now.AddDays(-random.Next(2, 400)).AddMinutes(-random.Next(600));
            var referral = new Referral(Guid.NewGuid(), child.Id, received, referrer, agency, reasons[random.Next(reasons.Length)], intake, received.AddHours(2));
            db.Referrals.Add(referral);
            var slot = i % 8;
            // The CIN census's referral source from who referred; the primary need once the referral is accepted.
            referral.Classify(ReferralSourceOf(agency), slot < 6 ? PrimaryNeeds[Array.IndexOf(reasons, referral.Reason)] : null);
            if (slot == 6)
            {
                continue; // awaiting a decision
            }
            var manager = i % 2 == 0 ? ids["daniel.hughes"] : ids["hannah.price"];
            if (slot == 7)
            {
                referral.DecideNoFurtherAction("Needs met by universal services; school and health visitor to continue support. Family told of the decision.",
                    manager, received.AddDays(1));
                continue;
            }
            var team = i % 2 == 0 ? northgate : riverside;
            var worker = i % 2 == 0 ? (i % 6 == 0 ? ids["daniel.hughes"] : ids["amara.osei"]) : ids["ben.carter"];
            var decidedAt = received.AddDays(1);
            var openedOn = DateOnly.FromDateTime(decidedAt.ToLondon().DateTime);
            var file = referral.Accept(null, new NewCaseFile(Guid.NewGuid(), CaseReference.Format(++caseNumber), team.Id, worker), manager, decidedAt, openedOn);
            db.CaseFiles.Add(file);
            db.Chronology.Add(new ChronologyEntry(file.Id, received, ChronologyKind.Referral, agency is null ? $"Referral from {referrer}" : $"Referral from {referrer}, {agency}",
                referral.Reason, referral.Id, intake, significant: true));
            db.Chronology.Add(new ChronologyEntry(file.Id, decidedAt, ChronologyKind.CaseOpened, "Case opened", "Allocated after the referral was accepted", file.Id, manager, significant: true));
            var lastVisitOn = AddRecords(file.Id, child, worker, manager, decidedAt, random, i % 3 == 0);
            if (!assessmentSeeded && worker == ids["amara.osei"] && slot < 4)
            {
                // One child and family assessment waiting for Daniel Hughes to authorise (policy 9.2).
                assessmentSeeded = true;
                var assessment = AssessmentOrPlan.Start(Guid.NewGuid(), file.Id, AssessmentOrPlanKind.ChildAndFamilyAssessment, new AssessmentOrPlanContent(
                    $"{child.GivenName} is safe at home. School and the health visitor see the family every week, and things at home are calmer. Support from a family support worker for three months would help Mum with routines.",
                    $"{child.GivenName} said they like school and want to keep seeing their dad. Mum agreed with the assessment and asked for help with bedtime routines.",
                    $"Read through with {child.GivenName}'s mother at home; a copy given to her. Explained to {child.GivenName} in words they understood."),
                    worker, referral.Id, openedOn, WorkingDayCalendar.EnglandAndWales, decidedAt.AddDays(1));
                assessment.Submit(worker, now.AddHours(-3));
                db.AssessmentsAndPlans.Add(assessment);
            }
            if (slot is 4 or 5 && openedOn.AddDays(30) < today)
                file.RecordClosure(openedOn.AddDays(random.Next(30, Math.Max(31, today.DayNumber - openedOn.DayNumber))));
            else if (worker == ids["amara.osei"]) amarasCases.Add(file.Id);
            demoCases.Add(new DemoCase(file, child, worker, manager, openedOn, lastVisitOn));
        }
        await db.SaveChangesAsync(ct);
        var names = Users.ToDictionary(u => ids[u.UserName], u => u.DisplayName);
        new DemoJourneys(db, await services.GetRequiredService<BankHolidayCalendar>().CurrentAsync(ct), services.GetRequiredService<JourneyTimescales>(), names,
            now, today, new Random(20261209)).Seed(demoCases, ids["amara.osei"], ids["ben.carter"], ids["daniel.hughes"]);
        await db.SaveChangesAsync(ct);
        AddPaperFiles(amarasCases.Take(2).ToList(), ids["amara.osei"], ids["daniel.hughes"], ids["olu.bello"], now, today);
        await db.SaveChangesAsync(ct);
        await db.Counters.Where(c => c.Name == Counters.CaseReference).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, caseNumber), ct);
    }

    /// <summary>
    /// Paper volumes from before the electronic record on two of Amara's cases (policy 2.1, 5.1):
    /// one volume out of the office for a week, authorised by her line manager, so it is on
    /// Daniel's "Paper files out overnight" list; and one request waiting for his decision.
    /// </summary>
    private void AddPaperFiles(IReadOnlyList<Guid> caseIds, Guid worker, Guid lineManager, Guid adminOfficer, DateTimeOffset now, DateOnly today)
    {
        for (var n = 0; n < caseIds.Count; n++)
        {
            var numbers = new List<int>();
            var volumes = new List<PaperFileVolume>();
            foreach (var (number, fromYears, toYears) in new[] { (1, 12, 8), (2, 8, 5) })
            {
                var (volume, added) = PaperFileVolume.Register(Guid.NewGuid(), caseIds[n], number, today.AddYears(-fromYears), today.AddYears(-toYears).AddDays(-1),
                    $"Cabinet {3 + n}, Floor 2, Civic Centre", numbers, adminOfficer, now.AddDays(-30), today);
                numbers.Add(number);
                volumes.Add(volume);
                db.PaperFileVolumes.Add(volume);
                db.PaperFileMovements.Add(added);
            }
            var asked = now.AddDays(n == 0 ? -8 : -1);
            var (removal, requested) = volumes[n].RequestRemoval(Guid.NewGuid(), worker,
                n == 0 ? "To read the earlier assessments before the child protection conference" : "The court has asked for the original care plan",
                n == 0 ? "Home office (agreed working from home)" : "Harrowden Family Court", today.AddDays(2), false, asked, DateOnly.FromDateTime(asked.ToLondon().DateTime));
            db.PaperFileRemovals.Add(removal);
            db.PaperFileMovements.Add(requested);
            if (n == 0)
            {
                db.PaperFileMovements.Add(removal.Authorise(lineManager, true, asked.AddHours(1)));
                db.PaperFileMovements.Add(volumes[n].MarkOut(removal, worker, now.AddDays(-7)));
            }
        }
    }

    /// <summary>
    /// A few months of contacts on a demo case: visits and calls, a manager's decision, and sometimes a
    /// draft still to finish. Answers the day of the last statutory visit (at which the child is always seen), if any.
    /// </summary>
    private DateOnly? AddRecords(Guid caseId, Person child, Guid worker, Guid manager, DateTimeOffset opened, Random random, bool withDraft)
    {
        var now = clock.GetUtcNow();
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var kinds = new[] { CaseRecordType.HomeVisit, CaseRecordType.PhoneCall, CaseRecordType.SchoolVisit, CaseRecordType.StatutoryVisit, CaseRecordType.HomeVisit };
        var notes = new[]
        {
            ("See how the family is managing after the referral", "The children were playing when I arrived. {0} showed me their bedroom, which was clean and warm. Mum said things have been calmer this week.", "No new worries. Next visit in two weeks."),
            ("Check in by phone about school attendance", "I called Mum. She said {0} has been at school every day this week and is enjoying football club.", "Attendance improving. Speak to the school to confirm."),
            ("Meet {0} at school, away from home", "{0} talked with me in the library. They said they like their teacher and sometimes worry when the adults argue at home.", "Agreed {0} can talk to the school's learning mentor when worried."),
            ("Statutory visit", "I saw {0} alone in their room. They said they feel safe and want to keep seeing their dad at weekends.", "Plan is working. Continue as agreed at the last review."),
        };
        var at = opened.AddDays(2);
        DateOnly? lastVisit = null;
        var count = random.Next(3, 8);
        for (var n = 0; n < count && at < now.AddDays(-1); n++)
        {
            var type = kinds[random.Next(kinds.Length)];
            var (purpose, story, outcome) = notes[type switch { CaseRecordType.PhoneCall => 1, CaseRecordType.SchoolVisit => 2, CaseRecordType.StatutoryVisit => 3, _ => 0 }];
            var content = new CaseRecordContent(type, at, false, string.Format(CultureInfo.InvariantCulture, purpose, child.GivenName),
                outcome.Replace("{0}", child.GivenName, StringComparison.Ordinal), string.Format(CultureInfo.InvariantCulture, story, child.GivenName),
                Seen: child.GivenName, SpokenTo: type == CaseRecordType.PhoneCall ? "Mother" : $"{child.GivenName} and their mother",
                Present: type == CaseRecordType.PhoneCall ? [] : [new PresentPerson(child.Id, $"{child.GivenName} {child.FamilyName}", "Child")],
                ChildSeen: type != CaseRecordType.PhoneCall, ChildSeenAlone: type is CaseRecordType.SchoolVisit or CaseRecordType.StatutoryVisit,
                ChildViews: type == CaseRecordType.PhoneCall ? null : $"{child.GivenName} said they are happy at home most of the time.",
                HandwrittenNotesDestroyed: true);
            var recordBy = RecordingDeadline.RecordBy(DateOnly.FromDateTime(at.ToLondon().DateTime), false, calendar);
            var record = CaseRecord.Start(Guid.NewGuid(), caseId, content, new CaseRecordContext(worker, worker, false), recordBy, at.AddHours(3));
            var finalisedAt = at.AddDays(random.Next(0, 9));
            if (finalisedAt > now) finalisedAt = now;
            record.Finalise(RecordingDeadline.WorkingDaysLate(recordBy, DateOnly.FromDateTime(finalisedAt.ToLondon().DateTime), calendar), finalisedAt);
            db.CaseRecords.Add(record);
            db.Chronology.Add(ChronologyEntry.ForRecord(record));
            if (type == CaseRecordType.StatutoryVisit) lastVisit = at.ToLondonDate();
            at = at.AddDays(random.Next(7, 21));
        }
        if (at < now.AddDays(-1))
        {
            var decision = CaseRecord.Start(Guid.NewGuid(), caseId, new CaseRecordContent(CaseRecordType.ManagementDecision, at, false,
                "Supervision: review of progress", "Continue under a child in need plan; review in six weeks.",
                $"Discussed {child.GivenName}'s progress with the allocated worker. Visits show the home is calmer and school attendance is better."),
                new CaseRecordContext(manager, worker, true), RecordingDeadline.RecordBy(DateOnly.FromDateTime(at.ToLondon().DateTime), false, calendar), at);
            decision.Finalise(0, at.AddHours(1));
            db.CaseRecords.Add(decision);
            db.Chronology.Add(ChronologyEntry.ForRecord(decision));
        }
        if (withDraft)
        {
            var draftAt = now.AddDays(-random.Next(1, 12)).AddHours(-2);
            var draft = CaseRecord.Start(Guid.NewGuid(), caseId, new CaseRecordContent(CaseRecordType.HomeVisit, draftAt, false,
                "Follow up the school's concern", null, $"Visited {child.GivenName} at home. Still to write up."),
                new CaseRecordContext(worker, worker, false), RecordingDeadline.RecordBy(DateOnly.FromDateTime(draftAt.ToLondon().DateTime), false, calendar), draftAt.AddHours(1));
            db.CaseRecords.Add(draft);
        }
        return lastVisit;
    }

    /// <summary>The CIN census's referral source for the demo's referring agencies.</summary>
    private static string ReferralSourceOf(string? agency) => agency switch
    {
        null => "9",
        "Police" => "6",
        "Health visiting service" => "3B",
        "Millbrook Surgery" => "3A",
        _ => "2A",
    };

    /// <summary>The primary need (CIN census) of each demo referral reason, in the order of the reasons.</summary>
    private static readonly string[] PrimaryNeeds = ["N1", "N1", "N1", "N5", "N3", "N1", "N3", "N4"];

    /// <summary>
    /// A child's UPN (school-age children: a made-up authority and school number, the year they
    /// started school and a serial, behind the check letter) and NHS number (from the 999 range,
    /// which the NHS keeps for testing, with its check digit); now and then a disability.
    /// </summary>
    private static (string? Upn, string NhsNumber, IReadOnlyList<string>? Disabilities) ChildIdentifiers(Random random, int child, int age, DateOnly today)
    {
        string? upn = null;
        if (age >= 4)
        {
            var digits = string.Create(CultureInfo.InvariantCulture, $"909{random.Next(2000, 2100)}{(today.Year - age + 4) % 100:00}{random.Next(1, 999):000}");
            upn = UniquePupilNumber.CheckLetterOf("?" + digits)!.Value + digits;
        }
        string nine;
        int check;
        do
        {
            // Modulus 11, weights 10 down to 2; a check of 10 is never issued, so draw again.
            nine = string.Create(CultureInfo.InvariantCulture, $"999{random.Next(0, 1_000_000):000000}");
            var sum = 0;
            for (var i = 0; i < 9; i++) sum += (nine[i] - '0') * (10 - i);
            check = (11 - sum % 11) % 11;
        } while (check == 10);
        var nhs = nine + check.ToString(CultureInfo.InvariantCulture);
        IReadOnlyList<string>? disabilities = (child % 9) switch { 4 => ["AUT", "COMM"], 7 => ["LD"], _ => null };
        return (upn, nhs, disabilities);
    }

    private Person AddAdult(string given, string family, string? school, DateOnly today, Random random, string[] streets, string[] towns,
        string[] ethnicities, string[] languages, DateTimeOffset now) =>
        AddPerson(PersonKind.Adult, given, family, today.AddYears(-random.Next(30, 60)), Sex.Female, ethnicities[0], languages[0], school,
            $"{random.Next(1, 99)} {streets[random.Next(streets.Length)]}", towns[random.Next(towns.Length)], "HD1 1AA", now, today);

    private Person AddPerson(PersonKind kind, string given, string family, DateOnly dob, Sex sex, string ethnicity, string language,
        string? school, string street, string town, string postcode, DateTimeOffset now, DateOnly today,
        (string? Upn, string? NhsNumber, IReadOnlyList<string>? Disabilities) identifiers = default)
    {
        var person = new Person(Guid.NewGuid(), kind, new PersonDetails(given, family, dob, sex, Ethnicity: ethnicity,
            FirstLanguage: language, NeedsInterpreter: language != "English" && kind == PersonKind.Adult, School: school,
            Upn: identifiers.Upn, NhsNumber: identifiers.NhsNumber, Disabilities: identifiers.Disabilities), now, today);
        person.MoveTo(Guid.NewGuid(), new AddressLines(street, null, town, postcode), dob < today.AddYears(-3) ? today.AddYears(-3) : dob);
        db.People.Add(person);
        return person;
    }
}

public sealed record DemoUser(string UserName, string DisplayName, string Role, string? Team, string? Manager);

public static class DemoTeam
{
    public const string Division = "Children and Family Services";
    public const string Northgate = "Northgate Children's Team";
    public const string Riverside = "Riverside Family Support Team";
}
