using Casefile.Data.Identity;
using Casefile.Domain.Calendar;
using Casefile.Domain.Cases;
using Casefile.Domain.Documents;
using Casefile.Domain.Emails;
using Casefile.Domain.People;
using Casefile.Domain.Records;
using Casefile.Domain.Referrals;
using Casefile.Domain.Staff;
using Microsoft.AspNetCore.Identity;

namespace Casefile.Bench.Generation;

/// <summary>A worker in the generated authority, with the team they belong to and its manager.</summary>
public sealed record Worker(Guid Id, string UserName, string DisplayName, Team Team, Guid ManagerId);

/// <summary>
/// The size and shape of a generated authority: how many teams (each with a practice manager, an
/// admin officer and social workers), and how many records a child has (log-normal: most have
/// tens, a few thousands). The default is issue 4's slice: 12 teams, median 20 records, at most 150.
/// With <paramref name="Correspondence"/>, each case also gets its emails and documents (issue 6), in proportion to its records;
/// with <paramref name="Journey"/>, the statutory journey (issue 16: child protection plans, children looked after).
/// </summary>
public sealed record AuthorityShape(int Teams = 12, int MinWorkersPerTeam = 9, int MaxWorkersPerTeam = 11, double MedianRecords = 20,
    double RecordsSigma = 0.6, int MaxRecords = 150, double AdultsPerChild = 0, bool Correspondence = false, bool Journey = false)
{
    public static readonly AuthorityShape Slice = new();
}

/// <summary>The child whose chronology is measured: their case, and the worker it is allocated to now.</summary>
public sealed record TargetCase(Guid CaseFileId, Guid ChildId, string Reference, Worker Worker, int Records, int Entries, int Allocations,
    DateTimeOffset FirstEvent, DateTimeOffset LastEvent, int Addenda, int SearchedNarratives);

/// <summary>
/// A slice of a large authority's children's services, as the application itself would have
/// written it, reproducible from a seed: a division of three services and twelve teams, each with
/// a practice manager, about ten social workers and an admin officer; about 2,000 children, each
/// with an accepted referral and an open case file, most with tens of finalised case records,
/// reallocations now and then, and the chronology entries each of those puts on file; and one
/// child with a long history (2,000 records over six years). Everything is made with the domain's
/// own constructors and methods (<see cref="Referral.Accept"/>, <see cref="CaseRecord.Start"/>,
/// <see cref="CaseRecord.Finalise"/>, <see cref="ChronologyEntry.ForRecord"/>), so it passes the
/// policy's rules and reads as the application's own data. Ids and content come from the seed;
/// the domain's internal ids and version stamps (allocations, concurrency tokens) are random.
/// </summary>
public sealed class CaseFileGenerator
{
    /// <summary>The last moment of the generated history: fixed, so a seed always gives the same data.</summary>
    public static readonly DateTimeOffset End = new(2026, 11, 2, 17, 0, 0, TimeSpan.Zero);

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly string[] Services = ["Assessment", "Child Protection", "Children in Care"];
    private static readonly string[] Areas = ["North", "South", "East", "West"];

    private static readonly string[] ChildNames =
    [
        "Amelia", "Bethany", "Chloe", "Daisy", "Eva", "Freya", "Grace", "Hana", "Isla", "Jasmine", "Keira", "Lily", "Maya", "Nadia", "Olivia",
        "Poppy", "Ruby", "Sofia", "Tia", "Zara", "Aaron", "Billy", "Callum", "Dylan", "Ethan", "Finn", "George", "Harvey", "Idris", "Jack",
        "Kai", "Leo", "Mason", "Noah", "Oscar", "Reuben", "Samuel", "Tyler", "Yusuf", "Zain",
    ];

    private static readonly string[] Mothers = ["Claire", "Donna", "Fatima", "Gemma", "Joanne", "Kasia", "Leanne", "Nicola", "Rachel", "Shazia", "Tracey", "Yasmin"];
    private static readonly string[] Fathers = ["Adam", "Craig", "Darren", "Imran", "Jamal", "Lee", "Marek", "Paul", "Ryan", "Steven", "Wayne"];
    private static readonly string[] Schools = ["Harrowden Primary School", "St Anne's C of E Primary", "Millbrook Academy", "Westfield High School", "Elm Park Nursery", "Kingsway Junior School"];

    private static readonly (string Name, string? Agency)[] Referrers =
        [("Ms J Patel", "Harrowden Primary School"), ("PC R Doyle", "Police"), ("Sara Lind", "Health visiting service"), ("Dr M Evans", "Millbrook Surgery"), ("Neighbour (anonymous)", null), ("Mrs K Walsh", "Westfield High School")];

    private static readonly string[] ReferralReasons =
    [
        "School reports the child has come in hungry on several days and has unexplained bruising on the arm.",
        "Police attended a domestic incident at the home address overnight; the children were present.",
        "Health visitor is worried about the home conditions and the baby's weight.",
        "Child told a teacher they are scared to go home because of arguments between the adults.",
        "Mother asked for help: she is struggling to manage her son's behaviour and her own health.",
        "Neighbour reports young children left alone in the flat in the evenings.",
        "GP is concerned that a parent's alcohol use is affecting the care of the children.",
    ];

    private static readonly string[] ReallocationReasons =
    [
        "Transferred to the child protection team after the initial conference.",
        "Transferred to the children in care team after the court order.",
        "Worker on long-term leave; case moved within the team.",
        "Caseload balancing agreed at the team meeting.",
        "Allocated to a worker who knows the family from a previous episode.",
    ];

    private readonly Random _random;
    private readonly RecordWriter _writer;
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.EnglandAndWales;
    private readonly List<(DateTimeOffset FiledAt, ChronologyEntry Entry)> _entries = [];
    private readonly List<CaseRecord> _records = [];
    private readonly Dictionary<Guid, Worker> _adminOfficers = [];
    private readonly Dictionary<Guid, List<Worker>> _teamWorkers = [];
    private long _caseNumber;

    private readonly AuthorityShape _shape;

    /// <summary>Emails and documents draw from their own sequence, so adding them leaves the records of a seed as they were.</summary>
    private readonly Random _mail;
    private readonly List<EmailRecord> _emails = [];

    private CaseFileGenerator(int seed, AuthorityShape shape)
    {
        _shape = shape;
        _random = new Random(seed);
        _writer = new RecordWriter(_random);
        _mail = new Random(seed + 17);
        if (shape.Correspondence) Pool = new ContentPool(_mail);
        if (shape.Journey) Journey = new JourneyGenerator(new Random(seed + 29), _calendar, End, File);
    }

    /// <summary>The statutory journey's steps (none without <see cref="AuthorityShape.Journey"/>).</summary>
    public JourneyGenerator? Journey { get; }

    /// <summary>The distinct files behind the documents and emails (none without correspondence).</summary>
    public ContentPool? Pool { get; }

    /// <summary>
    /// Emails, each superseding email before the one it supersedes (in reverse order of generation),
    /// so the self-reference <c>SupersededById</c> always points at a row already written.
    /// </summary>
    public IEnumerable<EmailRecord> Emails => Enumerable.Reverse(_emails);

    public int EmailCount => _emails.Count;

    /// <summary>Uploaded documents and email attachments.</summary>
    public List<CaseDocument> Documents { get; } = [];

    public List<Team> Teams { get; } = [];
    public List<StaffUser> Users { get; } = [];
    public List<IdentityRole<Guid>> Roles { get; } = [];
    public List<IdentityUserRole<Guid>> UserRoles { get; } = [];
    public List<Worker> SocialWorkers { get; } = [];
    public List<Person> Children { get; } = [];

    /// <summary>Parents and other adults on the people register (tiers only; the slice has none).</summary>
    public List<Person> Adults { get; } = [];
    public List<Referral> Referrals { get; } = [];
    public List<CaseFile> CaseFiles { get; } = [];

    /// <summary>Records in the order they were finalised (the order the application inserts them).</summary>
    public IReadOnlyList<CaseRecord> Records => _records;

    public IEnumerable<CaseRecordAddendum> Addenda => _records.SelectMany(r => r.Addenda);

    /// <summary>Entries in the order they were put on file, as the application inserts them (so the database numbers them in that order).</summary>
    public IEnumerable<ChronologyEntry> Entries => _entries.OrderBy(e => e.FiledAt).Select(e => e.Entry);

    public int EntryCount => _entries.Count;

    public long CaseCount => _caseNumber;

    public TargetCase Target { get; private set; } = null!;

    public static CaseFileGenerator Generate(int seed, int children, int targetRecords, AuthorityShape? shape = null)
    {
        var g = new CaseFileGenerator(seed, shape ?? AuthorityShape.Slice);
        g.AddStaff();
        // The target child first, so its ids do not depend on how many other children there are.
        g.Target = g.AddTargetChild(targetRecords);
        for (var i = 1; i < children; i++) g.AddChild();
        g._records.Sort((a, b) => a.FinalisedAt!.Value.CompareTo(b.FinalisedAt!.Value));
        return g;
    }

    private void AddStaff()
    {
        var created = End.AddYears(-8);
        foreach (var role in StaffRole.All)
            Roles.Add(new IdentityRole<Guid>(role) { Id = Ids.Next(_random), NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Ids.Next(_random).ToString() });
        var taken = new HashSet<string>(StringComparer.Ordinal);

        var division = new Team(Ids.Next(_random), "Children's Social Care");
        Teams.Add(division);
        var director = AddUser(StaffRole.DivisionalManager, division, null, taken, created);
        var perService = (_shape.Teams + Services.Length - 1) / Services.Length;
        var made = 0;
        foreach (var service in Services)
        {
            if (made >= _shape.Teams) break;
            var serviceTeam = new Team(Ids.Next(_random), $"{service} Service", division.Id);
            Teams.Add(serviceTeam);
            var head = AddUser(StaffRole.PrincipalManager, serviceTeam, director, taken, created);
            for (var t = 0; t < perService && made < _shape.Teams; t++, made++)
            {
                var area = Areas[t % Areas.Length] + (t < Areas.Length ? "" : $" {t / Areas.Length + 1}");
                var team = new Team(Ids.Next(_random), $"{service} Team {area}", serviceTeam.Id);
                Teams.Add(team);
                var manager = AddUser(StaffRole.PracticeManager, team, head, taken, created);
                var officer = AddUser(StaffRole.AdminOfficer, team, manager, taken, created);
                _adminOfficers[team.Id] = new Worker(officer.Id, officer.UserName!, officer.DisplayName, team, manager.Id);
                var workers = _shape.MinWorkersPerTeam + _random.Next(_shape.MaxWorkersPerTeam - _shape.MinWorkersPerTeam + 1);
                _teamWorkers[team.Id] = [];
                for (var w = 0; w < workers; w++)
                {
                    var user = AddUser(StaffRole.SocialWorker, team, manager, taken, created);
                    var worker = new Worker(user.Id, user.UserName!, user.DisplayName, team, manager.Id);
                    SocialWorkers.Add(worker);
                    _teamWorkers[team.Id].Add(worker);
                }
            }
        }
    }

    private StaffUser AddUser(string role, Team team, StaffUser? manager, HashSet<string> taken, DateTimeOffset created)
    {
        var first = Names.FirstNames[_random.Next(Names.FirstNames.Length)];
        var last = Names.Surnames[_random.Next(Names.Surnames.Length)];
        var userName = $"{first}.{last}".ToLowerInvariant();
        for (var n = 2; !taken.Add(userName); n++) userName = $"{first}.{last}{n}".ToLowerInvariant();
        var user = new StaffUser
        {
            Id = Ids.Next(_random),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = $"{first} {last}",
            TeamId = team.Id,
            LineManagerId = manager?.Id,
            IsActive = true,
            CreatedAt = created,
            SecurityStamp = Ids.Next(_random).ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = Ids.Next(_random).ToString(),
            LockoutEnabled = true,
        };
        Users.Add(user);
        UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = Roles.Single(r => r.Name == role).Id });
        return user;
    }

    private Worker AdminOfficerFor(Team team) => _adminOfficers[team.Id];

    /// <summary>The child with a long history: six years, <paramref name="records"/> records, a new worker about once a year.</summary>
    private TargetCase AddTargetChild(int records)
    {
        var referred = End.AddYears(-6).AddDays(-_random.Next(30));
        var file = AddCase(referred, records, reallocateEveryDays: (300, 420), inCareAfterDays: 540);
        var worker = SocialWorkers.Single(w => w.Id == file.File.AllocatedWorkerId);
        var mine = _entries.Where(e => e.Entry.CaseFileId == file.File.Id).Select(e => e.Entry).ToList();
        return new TargetCase(file.File.Id, file.File.ChildId, file.File.Reference, worker, file.Records.Count, mine.Count, file.File.Allocations.Count,
            mine.Min(e => e.OccurredAt), mine.Max(e => e.OccurredAt), file.Records.Sum(r => r.Addenda.Count),
            file.Records.Count(r => r.Content.Narrative!.Contains(RecordWriter.SearchedWord, StringComparison.Ordinal)));
    }

    /// <summary>A child known for between two months and four years, with tens of records (median 20, a few over 100).</summary>
    private void AddChild()
    {
        var days = (int)Math.Clamp(Math.Exp(5.9 + Gaussian() * 0.7), 60, 4 * 365);
        var records = (int)Math.Clamp(Math.Round(Math.Exp(Math.Log(_shape.MedianRecords) + Gaussian() * _shape.RecordsSigma)), 3, _shape.MaxRecords);
        // A child with hundreds or thousands of records has been known for years (about one record a working day at most).
        if (_shape.MaxRecords > AuthorityShape.Slice.MaxRecords) days = Math.Max(days, Math.Min(records * 7 / 5, 10 * 365));
        AddCase(End.AddDays(-days - 25), records, reallocateEveryDays: (240, 540), inCareAfterDays: _random.Next(100) < 15 ? 0 : int.MaxValue);
    }

    private (CaseFile File, List<CaseRecord> Records) AddCase(DateTimeOffset referredAt, int recordCount, (int Min, int Max) reallocateEveryDays, int inCareAfterDays)
    {
        var girl = _random.Next(2) == 0;
        var given = ChildNames[girl ? _random.Next(0, 20) : _random.Next(20, ChildNames.Length)];
        var family = Names.Surnames[_random.Next(Names.Surnames.Length)];
        var age = _random.Next(0, 17);
        var today = LondonDate(referredAt);
        var school = Schools[_random.Next(Schools.Length)];
        var child = new Person(Ids.Next(_random), PersonKind.Child, new PersonDetails(given, family, today.AddYears(-age).AddDays(-_random.Next(1, 360)),
            girl ? Sex.Female : Sex.Male, School: age >= 4 ? school : null), referredAt, today);
        Children.Add(child);
        var household = new Household(child.Id, given, Mothers[_random.Next(Mothers.Length)], Fathers[_random.Next(Fathers.Length)], school, InCare: false);
        if (_shape.AdultsPerChild > 0 && _random.NextDouble() < _shape.AdultsPerChild)
            Adults.Add(new Person(Ids.Next(_random), PersonKind.Adult, new PersonDetails(household.Mother, family, today.AddYears(-age - 20 - _random.Next(15)),
                Sex.Female), referredAt, today));

        // The front door: an admin officer records the referral, a manager accepts it the next working day or so.
        var worker = SocialWorkers[_random.Next(SocialWorkers.Count)];
        var (referrer, agency) = Referrers[_random.Next(Referrers.Length)];
        var intake = AdminOfficerFor(worker.Team);
        var referral = new Referral(Ids.Next(_random), child.Id, referredAt, referrer, agency, ReferralReasons[_random.Next(ReferralReasons.Length)],
            intake.Id, referredAt.AddMinutes(30 + _random.Next(120)));
        Referrals.Add(referral);
        var decidedAt = referredAt.AddHours(18 + _random.Next(48));
        var file = referral.Accept(null, new NewCaseFile(Ids.Next(_random), CaseReference.Format(++_caseNumber), worker.Team.Id, worker.Id),
            worker.ManagerId, decidedAt, LondonDate(decidedAt));
        CaseFiles.Add(file);
        var from = referral.ReferrerAgency is { } a ? $"{referral.ReferrerName}, {a}" : referral.ReferrerName;
        File(decidedAt, new ChronologyEntry(file.Id, referral.ReceivedAt, ChronologyKind.Referral, $"Referral from {from}", referral.Reason,
            referral.Id, referral.RecordedBy, significant: true));
        File(decidedAt, new ChronologyEntry(file.Id, decidedAt, ChronologyKind.CaseOpened, "Case opened",
            $"Allocated to {worker.DisplayName}, {worker.Team.Name}", file.Id, worker.ManagerId, significant: true));
        if (_shape.Correspondence)
        {
            // The papers a case starts with: consent to share information, often a birth certificate.
            if (_mail.Next(100) < 50) AddDocument(file, worker, household, decidedAt.AddDays(_mail.Next(1, 10)), DocumentType.ConsentForm);
            if (_mail.Next(100) < 20) AddDocument(file, worker, household, decidedAt.AddDays(_mail.Next(1, 30)), DocumentType.BirthCertificate);
        }
        EmailRecord? lastEmail = null;

        // The events of the case, oldest first; the worker changes now and then.
        var last = End.AddDays(-21);
        var times = Enumerable.Range(0, recordCount).Select(_ => WorkingHours(decidedAt.AddDays(1) + (last - decidedAt.AddDays(1)) * _random.NextDouble()))
            .Order().ToList();
        var nextReallocation = decidedAt.AddDays(_random.Next(reallocateEveryDays.Min, reallocateEveryDays.Max));
        var records = new List<CaseRecord>();
        foreach (var at in times)
        {
            if (at > nextReallocation)
            {
                var next = SocialWorkers[_random.Next(SocialWorkers.Count)];
                if (next.Id != worker.Id)
                {
                    var reason = ReallocationReasons[_random.Next(ReallocationReasons.Length)];
                    file.Reallocate(next.Team.Id, next.Id, next.ManagerId, nextReallocation, reason);
                    File(nextReallocation, new ChronologyEntry(file.Id, nextReallocation, ChronologyKind.Allocation,
                        $"Allocated to {next.DisplayName}, {next.Team.Name}", reason, file.Id, next.ManagerId, significant: false));
                    worker = next;
                }
                nextReallocation = nextReallocation.AddDays(_random.Next(reallocateEveryDays.Min, reallocateEveryDays.Max));
            }
            var inCare = (at - decidedAt).TotalDays >= inCareAfterDays;
            records.Add(AddRecord(file, worker, household with { InCare = inCare }, at));
            if (_shape.Correspondence) lastEmail = AddCorrespondence(file, worker, household, at, lastEmail);
        }
        // Recorded by the worker the case has now.
        Journey?.Add(file, worker.Id, decidedAt, inCareAfterDays);
        return (file, records);
    }

    private CaseRecord AddRecord(CaseFile file, Worker worker, Household household, DateTimeOffset at)
    {
        var type = _writer.NextType();
        // Statutory and section 47 visits by the responsible worker, decisions by the manager, and now and then a colleague on duty.
        var recordedBy = type switch
        {
            CaseRecordType.ManagementDecision => worker.ManagerId,
            CaseRecordType.StatutoryVisit or CaseRecordType.ChildProtectionEnquiryVisit => worker.Id,
            _ when _random.Next(100) < 12 => Colleague(worker),
            _ => worker.Id,
        };
        var content = _writer.Write(type, at, household);
        var context = new CaseRecordContext(recordedBy, worker.Id, RecorderIsManager: recordedBy == worker.ManagerId);
        var created = at.AddMinutes(30 + _random.Next(24 * 60));
        var recordBy = RecordingDeadline.RecordBy(LondonDate(at), content.ChildProtectionEnquiry, _calendar);
        var record = CaseRecord.Start(Ids.Next(_random), file.Id, content, context, recordBy, created);
        // Most records are finalised within the five working days; about one in eight is late, by one to three weeks.
        var finalised = _random.Next(100) < 12 ? at.AddDays(7 + _random.Next(14)) : created.AddHours(_random.Next(2, 90));
        if (finalised > End) finalised = End;
        record.Finalise(RecordingDeadline.WorkingDaysLate(recordBy, LondonDate(finalised), _calendar), finalised);
        var entry = ChronologyEntry.ForRecord(record);
        File(finalised, entry);
        if (_random.Next(1000) < 15)
        {
            record.AddAddendum(Ids.Next(_random), _writer.Addendum(household), recordedBy, finalised.AddDays(1 + _random.Next(20)));
            entry.NoteAddendum();
        }
        _records.Add(record);
        return record;
    }

    /// <summary>
    /// Issue 5's volumes at L: 3 million emails and 2 million documents beside 10 million records, so about 0.3 emails and 0.2
    /// documents a record: an email now and then around a contact (55% received, 45% sent; 3% with Legal Services, filed
    /// restricted), a quarter of them with one to three attachments, and an uploaded document about one record in twenty.
    /// One email in five answers the case's last one, and half of those quote it whole and supersede it (policy 4.7).
    /// </summary>
    private EmailRecord? AddCorrespondence(CaseFile file, Worker worker, Household household, DateTimeOffset at, EmailRecord? previous)
    {
        if (_mail.Next(100) < 5)
            AddDocument(file, worker, household, at.AddHours(_mail.Next(1, 72)), UploadedTypes[_mail.Next(UploadedTypes.Length)]);
        if (_mail.Next(100) >= 30) return previous;

        var staff = new EmailAddress(worker.DisplayName, $"{worker.UserName}@council.example.gov.uk");
        var legal = _mail.Next(100) < 3;
        var (name, address) = legal ? ("Legal Services", "legal@council.example.gov.uk") : Correspondents[_mail.Next(Correspondents.Length)];
        var other = new EmailAddress(name.Replace("{mother}", household.Mother, StringComparison.Ordinal),
            address.Replace("{mother}", household.Mother.ToLowerInvariant(), StringComparison.Ordinal));
        var inbound = _mail.Next(100) < 55;
        var cc = _mail.Next(100) < 30
            ? new[] { new EmailAddress(worker.Team.Name, $"{worker.Team.Name.ToLowerInvariant().Replace(' ', '.').Replace("'", "", StringComparison.Ordinal)}@council.example.gov.uk") }
            : [];
        var sent = at.AddMinutes(-_mail.Next(0, 600));
        var received = sent.AddSeconds(_mail.Next(2, 90));
        var reply = previous is { SupersededById: null } && _mail.Next(100) < 20;
        var subject = reply
            ? previous!.Subject!.StartsWith("Re: ", StringComparison.Ordinal) ? previous.Subject : "Re: " + previous.Subject
            : Subjects[_mail.Next(Subjects.Length)].Replace("{child}", household.Child, StringComparison.Ordinal);
        var messageId = _mail.Next(100) < 2 ? null : $"<{Ids.Next(_mail):N}@{(inbound ? address.Split('@')[1] : "council.example.gov.uk")}>";
        var transmission = new TransmissionData(inbound ? other : staff, [inbound ? staff : other], cc, sent, inbound ? received : null, subject, messageId);
        var body = string.Join(' ', Enumerable.Range(0, 2 + _mail.Next(7)).Select(_ => ContentPool.Sentences[_mail.Next(ContentPool.Sentences.Length)]));
        var raw = Pool!.Email(_mail);
        var imported = received.AddHours(_mail.Next(1, 48));
        if (imported > End) imported = End;
        var section = legal ? EmailSection.Restricted : EmailSection.General;
        var email = new EmailRecord(Ids.Next(_mail), file.Id, transmission, reply ? previous!.MessageId : null,
            reply ? [.. previous!.References, .. previous.MessageId is null ? Array.Empty<string>() : [previous.MessageId]] : [],
            body, raw.Sha256, raw.Bytes.Length, section, worker.Id, imported);
        _emails.Add(email);
        if (reply && transmission.IsComplete && previous!.Section == section && _mail.Next(2) == 0) previous.SupersedeBy(email);

        var dated = LondonDate(sent);
        var attachments = _mail.Next(100) < 25 ? 1 + _mail.Next(3) : 0;
        for (var i = 0; i < attachments; i++)
        {
            var content = Pool.Any(_mail);
            var fileName = $"{AttachmentNames[_mail.Next(AttachmentNames.Length)]}.{content.Extension}";
            Documents.Add(new CaseDocument(Ids.Next(_mail), file.Id, DocumentType.EmailAttachment, fileName, dated, email.From.ToString(), fileName,
                content.ContentType, content.Sha256, content.Bytes.Length, section, email.Id, worker.Id, imported, LondonDate(imported)));
        }
        // As the email import files it: a restricted email's line says only that it exists (policy 4.3 guidance).
        File(imported, email.IsRestricted
            ? new ChronologyEntry(file.Id, sent, ChronologyKind.Email, "Restricted email", null, email.Id, worker.Id, significant: false)
            : new ChronologyEntry(file.Id, sent, ChronologyKind.Email, $"Email from {email.From}: {email.Subject}", body, email.Id, worker.Id, significant: false));
        return email;
    }

    /// <summary>A document uploaded to the case as the upload handler files it, with its line in the chronology.</summary>
    private void AddDocument(CaseFile file, Worker worker, Household household, DateTimeOffset uploadedAt, DocumentType type)
    {
        if (uploadedAt > End) uploadedAt = End;
        var content = type is DocumentType.BirthCertificate || (type is DocumentType.ScannedPaperRecord && _mail.Next(2) == 0) ? Pool!.Image(_mail) : Pool!.Pdf(_mail);
        var title = $"{type.DisplayName()} – {household.Child}";
        var author = _mail.Next(100) < 50 ? null : Correspondents[_mail.Next(Correspondents.Length)].Name.Replace("{mother}", household.Mother, StringComparison.Ordinal);
        var uploader = _mail.Next(100) < 25 ? AdminOfficerFor(worker.Team) : worker;
        var date = LondonDate(uploadedAt.AddDays(-_mail.Next(0, 20)));
        var fileName = $"{type.ToString().ToLowerInvariant()}-{household.Child.ToLowerInvariant()}.{content.Extension}";
        var document = new CaseDocument(Ids.Next(_mail), file.Id, type, title, date, author, fileName, content.ContentType, content.Sha256,
            content.Bytes.Length, EmailSection.General, null, uploader.Id, uploadedAt, LondonDate(uploadedAt));
        Documents.Add(document);
        File(uploadedAt, new ChronologyEntry(file.Id, uploadedAt, ChronologyKind.Document, $"{type.DisplayName()}: {document.Title}",
            document.Author is null ? null : $"By {document.Author}", document.Id, uploader.Id, significant: false));
    }

    private static readonly DocumentType[] UploadedTypes =
    [
        DocumentType.Assessment, DocumentType.Assessment, DocumentType.Plan, DocumentType.Plan, DocumentType.Report, DocumentType.Report, DocumentType.Letter,
        DocumentType.Letter, DocumentType.Letter, DocumentType.ScannedPaperRecord, DocumentType.CourtOrder, DocumentType.Other,
    ];

    private static readonly (string Name, string Address)[] Correspondents =
    [
        ("Ms J Patel", "j.patel@harrowden-primary.example.sch.uk"), ("Safeguarding Lead", "safeguarding@westfield-high.example.sch.uk"),
        ("PC R Doyle", "r.doyle@police.example.uk"), ("MASH Police Desk", "mash@police.example.uk"), ("Sara Lind", "sara.lind@nhs.example.net"),
        ("Dr M Evans", "m.evans@millbrook-surgery.example.net"), ("{mother}", "{mother}.home@mail.example.com"), ("Housing Officer", "housing@council.example.gov.uk"),
        ("Independent Reviewing Officer", "iro@council.example.gov.uk"), ("Family Support Service", "family.support@council.example.gov.uk"),
    ];

    private static readonly string[] Subjects =
    [
        "{child} – attendance this week", "Core group meeting for {child}", "Health assessment for {child}", "Contact arrangements for {child}",
        "Update on {child}", "Strategy discussion notes", "Child protection plan review", "Referral update", "Home visit next week",
        "School report for {child}", "Housing repairs at the family home", "Minutes of the review meeting",
    ];

    private static readonly string[] AttachmentNames =
        ["minutes", "report", "letter", "photo", "plan", "referral-form", "attendance", "assessment", "notes", "scan"];

    private Guid Colleague(Worker worker)
    {
        var team = _teamWorkers[worker.Team.Id];
        var colleague = team[_random.Next(team.Count)];
        return colleague.Id == worker.Id ? worker.Id : colleague.Id;
    }

    private void File(DateTimeOffset filedAt, ChronologyEntry entry) => _entries.Add((filedAt, entry));

    /// <summary>Contacts happen in the working day and mostly on weekdays (a few visits at weekends and in the evening).</summary>
    private DateTimeOffset WorkingHours(DateTimeOffset day)
    {
        var date = day.UtcDateTime.Date;
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && _random.Next(100) < 85)
            date = date.AddDays(date.DayOfWeek == DayOfWeek.Saturday ? -1 : 1);
        var minutes = _random.Next(100) < 92 ? 8 * 60 + _random.Next(10 * 60) : 18 * 60 + _random.Next(4 * 60);
        return new DateTimeOffset(date.AddMinutes(minutes).AddSeconds(_random.Next(60)), TimeSpan.Zero);
    }

    private static DateOnly LondonDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
