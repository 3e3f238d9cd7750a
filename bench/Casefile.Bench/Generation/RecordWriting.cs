using System.Text;
using Casefile.Domain.Records;

namespace Casefile.Bench.Generation;

/// <summary>The people a record is written about: the child and the adults around them (only the child is on the register).</summary>
public sealed record Household(Guid ChildId, string Child, string Mother, string Father, string School, bool InCare);

/// <summary>
/// Writes what a social worker writes about one contact, from phrase lists: a purpose, an
/// outcome, a narrative of about 1 KB on average (an opening for the kind of contact, the body,
/// the next steps), who was seen and spoken to, the child's and the family's views. The kinds
/// of contact are weighted as a children's services case file has them: mostly home visits,
/// phone calls, statutory and school visits, meetings and management decisions.
/// </summary>
public sealed class RecordWriter(Random random)
{
    /// <summary>
    /// The word a reader searches for in the chronology. It appears only in <see cref="SearchedSentences"/>,
    /// one of which goes into <see cref="SearchedShare"/> of the narratives, and nowhere else.
    /// </summary>
    public const string SearchedWord = "dentist";

    public const double SearchedShare = 0.05;

    private static readonly (CaseRecordType Type, double Weight)[] Types =
    [
        (CaseRecordType.HomeVisit, 22), (CaseRecordType.PhoneCall, 18), (CaseRecordType.StatutoryVisit, 8), (CaseRecordType.SchoolVisit, 8),
        (CaseRecordType.Meeting, 8), (CaseRecordType.Email, 7), (CaseRecordType.ManagementDecision, 7), (CaseRecordType.Message, 4),
        (CaseRecordType.OfficeVisit, 4), (CaseRecordType.NoAccessVisit, 3), (CaseRecordType.VideoCall, 2), (CaseRecordType.ReferralToAnotherAgency, 2),
        (CaseRecordType.ChildProtectionEnquiryVisit, 2), (CaseRecordType.Interview, 1), (CaseRecordType.Other, 4),
    ];

    private static readonly double[] Cumulative = Types.Select(t => t.Weight).Aggregate(new List<double>(), (acc, w) =>
    {
        acc.Add((acc.Count == 0 ? 0 : acc[^1]) + w);
        return acc;
    }).ToArray();

    public CaseRecordType NextType()
    {
        var at = random.NextDouble() * Cumulative[^1];
        var index = Array.BinarySearch(Cumulative, at);
        return Types[index >= 0 ? index : Math.Min(~index, Types.Length - 1)].Type;
    }

    /// <summary>Everything a finalised record holds, complete enough to pass <see cref="CaseRecordRules.CompleteBeforeFinalising"/>.</summary>
    public CaseRecordContent Write(CaseRecordType type, DateTimeOffset occurredAt, Household h)
    {
        var visit = CaseRecordRules.IsVisit(type);
        var childSeen = visit ? random.Next(100) < 92 : type is CaseRecordType.VideoCall or CaseRecordType.Interview ? true : (bool?)null;
        var seenAlone = childSeen == true && visit ? random.Next(100) < 55 : (bool?)null;
        var present = Present(type, h);
        var interpreter = random.Next(100) < 6 ? InterpreterUse.Used : InterpreterUse.NotNeeded;
        return new CaseRecordContent(
            Type: type,
            OccurredAt: occurredAt,
            ChildProtectionEnquiry: type == CaseRecordType.ChildProtectionEnquiryVisit,
            Purpose: Fill(Pick(PurposeOf(type)), h),
            Outcome: Fill(Pick(OutcomeOf(type)), h),
            Narrative: Narrative(type, h),
            Seen: visit || type is CaseRecordType.VideoCall ? string.Join(", ", present.Select(p => p.Name)) : null,
            SpokenTo: type is CaseRecordType.ManagementDecision ? null : string.Join("; ", present.Where(p => p.Role != "Child").Select(p => p.Name)
                .Append(seenAlone == true ? $"{h.Child} alone" : h.Child)),
            Present: present,
            ChildSeen: childSeen,
            ChildSeenAlone: seenAlone,
            ChildViews: childSeen == true ? Fill(Pick(ChildViews), h) : null,
            FamilyViews: type is CaseRecordType.ManagementDecision or CaseRecordType.Email ? null : Fill(Pick(FamilyViews), h),
            Interpreter: interpreter,
            ReferralAgency: type == CaseRecordType.ReferralToAnotherAgency ? Pick(Agencies) : null,
            ReferralPurpose: type == CaseRecordType.ReferralToAnotherAgency ? Fill(Pick(AgencyPurposes), h) : null,
            VideoRecorded: type == CaseRecordType.Interview && random.Next(2) == 0,
            DocumentReferences: random.Next(100) < 8 ? $"Letter on file, ref. DOC-{random.Next(10_000, 99_999)}" : null,
            HandwrittenNotesDestroyed: visit && random.Next(100) < 40,
            Significant: random.Next(100) < 5);
    }

    /// <summary>A correction or addition added after finalising (policy 3.6).</summary>
    public string Addendum(Household h) => Fill(Pick(Addenda), h);

    private List<PresentPerson> Present(CaseRecordType type, Household h)
    {
        var people = new List<PresentPerson>();
        if (type is CaseRecordType.ManagementDecision)
            return people;
        people.Add(new PresentPerson(h.ChildId, h.Child, "Child"));
        if (h.InCare) people.Add(new PresentPerson(null, Pick(FosterCarers), "Foster carer"));
        else people.Add(new PresentPerson(null, h.Mother, "Mother"));
        if (!h.InCare && random.Next(3) == 0) people.Add(new PresentPerson(null, h.Father, "Father"));
        if (type is CaseRecordType.SchoolVisit) people.Add(new PresentPerson(null, Pick(Teachers), $"Designated safeguarding lead, {h.School}"));
        if (type is CaseRecordType.Meeting) people.Add(new PresentPerson(null, Pick(Professionals), "Health visitor"));
        return people;
    }

    private string Narrative(CaseRecordType type, Household h)
    {
        // Lengths as workers write them: most between half a kilobyte and two, a few much longer.
        var target = (int)Math.Clamp(Math.Exp(6.8 + Gaussian() * 0.45), 250, 4_000);
        var text = new StringBuilder(Fill(Pick(OpeningOf(type)), h));
        var searched = random.NextDouble() < SearchedShare;
        var bank = type == CaseRecordType.ManagementDecision ? Decisions : Body;
        while (text.Length < target)
        {
            text.Append(' ').Append(Fill(Pick(bank), h));
            if (searched && text.Length > target / 2)
            {
                text.Append(' ').Append(Fill(Pick(SearchedSentences), h));
                searched = false;
            }
        }
        if (searched) text.Append(' ').Append(Fill(Pick(SearchedSentences), h));
        return text.Append(' ').Append(Fill(Pick(Closings), h)).ToString();
    }

    private string Pick(string[] bank) => bank[random.Next(bank.Length)];

    private static string Fill(string sentence, Household h) => sentence
        .Replace("{child}", h.Child, StringComparison.Ordinal)
        .Replace("{mother}", h.Mother, StringComparison.Ordinal)
        .Replace("{father}", h.Father, StringComparison.Ordinal)
        .Replace("{school}", h.School, StringComparison.Ordinal);

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string[] OpeningOf(CaseRecordType type) => type switch
    {
        CaseRecordType.HomeVisit =>
        [
            "Announced home visit to {mother} and {child} at the family home, as agreed at the last core group.",
            "Unannounced home visit after school, in line with the plan's agreement that the home is seen without notice.",
            "Home visit to see {child} and to talk with {mother} about the actions from the review.",
            "Visited the family home in the early evening so that {father} could be there as well.",
        ],
        CaseRecordType.StatutoryVisit =>
        [
            "Statutory visit to {child}, as the care plan requires; {child} was seen at home and then on their own in their bedroom.",
            "Six-weekly statutory visit. {child} was seen in the placement and we went for a walk to the park together.",
            "Statutory visit carried out within timescale; {child} was seen, and their room was seen.",
        ],
        CaseRecordType.SchoolVisit =>
        [
            "Visited {child} at {school} and met the designated safeguarding lead beforehand.",
            "School visit to see {child} in a quiet room during the afternoon break, with the agreement of the head of year.",
            "Met {child} at {school}; the class teacher joined us for the first ten minutes.",
        ],
        CaseRecordType.PhoneCall =>
        [
            "Telephone call from {mother}, who rang the duty line and asked to speak to the allocated worker.",
            "Phoned the health visitor to follow up the missed developmental check.",
            "Telephone call to {school} to ask about {child}'s attendance and presentation this week.",
            "Call from the police public protection unit about an incident at the address over the weekend.",
        ],
        CaseRecordType.Email =>
        [
            "Email from the school nurse with an update following her appointment with {child}.",
            "Email exchange with the housing officer about the repairs to the family's flat.",
            "Email to {mother} confirming the arrangements for contact and the date of the next meeting.",
        ],
        CaseRecordType.Message =>
        [
            "Text message from {mother} asking to move Thursday's visit to the afternoon.",
            "Text messages with {father} about the contact arrangements for the half-term holiday.",
        ],
        CaseRecordType.VideoCall =>
        [
            "Video call with {child} and {mother}, as the family were isolating with a virus this week.",
            "Video call with {child}, who asked to talk on the tablet rather than in person today.",
        ],
        CaseRecordType.Meeting =>
        [
            "Core group meeting at the family centre, attended by {mother}, the school, the health visitor and the family support worker.",
            "Child in need review meeting held at {school}.",
            "Professionals' meeting to share information and agree who will do what before the review conference.",
        ],
        CaseRecordType.OfficeVisit =>
        [
            "{mother} came to the office without an appointment and asked to see the allocated worker.",
            "Office appointment with {mother} and {father} to go through the written agreement together.",
        ],
        CaseRecordType.NoAccessVisit =>
        [
            "Attempted an unannounced home visit; there was no answer at the door although a television could be heard inside.",
            "Visited as arranged but no one was at home. A card was left asking {mother} to ring the office.",
        ],
        CaseRecordType.ReferralToAnotherAgency =>
        [
            "Made a referral to another agency with {mother}'s agreement, after discussing it with her at the last visit.",
            "Completed the referral form with {mother} and sent it with her consent.",
        ],
        CaseRecordType.ChildProtectionEnquiryVisit =>
        [
            "Section 47 enquiry visit, following the strategy discussion this morning with police and health.",
            "Joint visit with the police under section 47 after the disclosure {child} made at school today.",
        ],
        CaseRecordType.Interview =>
        [
            "Interview with {child} at the specialist suite, planned at the strategy discussion.",
        ],
        CaseRecordType.ManagementDecision =>
        [
            "Case discussed in supervision with the allocated worker. Management oversight recorded below.",
            "Management review of the case following the latest police notification.",
            "Case reviewed by the practice manager ahead of the review child protection conference.",
        ],
        _ =>
        [
            "Note for the file about {child}'s circumstances this week.",
            "Information received from a relative about the family, recorded for the chronology.",
        ],
    };

    private static string[] PurposeOf(CaseRecordType type) => type switch
    {
        CaseRecordType.ManagementDecision => ["Management oversight and decision on the next steps.", "To review progress against the plan and decide whether it should change."],
        CaseRecordType.PhoneCall or CaseRecordType.Email or CaseRecordType.Message =>
            ["To share information and agree arrangements.", "To follow up actions from the last meeting.", "To respond to {mother}'s request for contact."],
        CaseRecordType.Meeting => ["To review the plan with the family and professionals.", "To share information and agree actions."],
        CaseRecordType.ReferralToAnotherAgency => ["To get the family the specialist help the plan says they need."],
        _ =>
        [
            "To see {child}, alone if possible, and to review progress against the plan.",
            "To see {child} and the home conditions, and to hear {mother}'s views on how things are going.",
            "Statutory visit: to see {child} and their room, and to hear their wishes and feelings.",
            "To follow up the concerns raised by school last week.",
            "To review the safety plan with {mother} and check that it is being followed.",
        ],
    };

    private static string[] OutcomeOf(CaseRecordType type) => type switch
    {
        CaseRecordType.ManagementDecision =>
        [
            "Decision: continue under the child in need plan and review in three months.",
            "Decision: convene a strategy discussion today.",
            "Decision: request an initial child protection conference within 15 working days.",
            "Decision: request a legal planning meeting.",
        ],
        CaseRecordType.NoAccessVisit => ["No access. Card left; a further visit will be made within five working days."],
        _ =>
        [
            "{child} was seen and appeared well. No new safeguarding concerns; the plan continues.",
            "Some progress; the actions from the last core group remain open and were discussed.",
            "Concerns about home conditions were discussed with {mother}, who agreed to the actions set.",
            "Information shared; actions agreed and dates set for the next visit and meeting.",
            "{child}'s views were heard and will be shared at the review.",
        ],
    };

    private static readonly string[] Body =
    [
        "The home was warm, clean and tidy, and there was food in the fridge and the cupboards.",
        "There was a strong smell of cigarette smoke in the living room and two full ashtrays within reach of the younger children.",
        "{child} was clean and dressed for the weather, and was chatty and relaxed throughout.",
        "{child} was quiet at first but warmed up when we played a game of cards at the kitchen table.",
        "{mother} said things have been calmer at home since the last visit and that she is sleeping better.",
        "{mother} became upset when talking about the arguments with {father} and said she does not want him at the house when the children are there.",
        "{father} was there for part of the visit and engaged well, although he disagreed with parts of the plan.",
        "School report that {child}'s attendance has risen to 92% this half term, with no unauthorised absences.",
        "The school nurse has no new concerns about {child}'s weight, which is now following the expected centile.",
        "{child} showed me their bedroom: a bed with clean bedding, a wardrobe, and toys and books on the shelves.",
        "I spoke with {child} alone in their bedroom; they said they feel safe at home and know who to talk to if they are worried.",
        "{child} said they miss seeing their dad and would like contact to happen more often.",
        "{child} drew a picture of the family and put themselves between their mum and their nan.",
        "We used the three houses tool; {child}'s house of worries was about the shouting at night.",
        "{mother} has attended four of the six sessions of the parenting course and said she found the group helpful.",
        "There were no signs of alcohol or drug use during the visit, and {mother} said she has not had a drink for three months.",
        "I went through the police notification with {mother}, who gave her account of the incident.",
        "The kitchen had dirty dishes piled up and the bin was overflowing, which {mother} said was because she had been unwell this week.",
        "The baby was asleep in the Moses basket in the living room; I repeated the safe sleep advice and {mother} showed me the cot upstairs.",
        "{child} has been sleeping in their mother's bed since the incident; we talked about a plan for them to go back to their own room.",
        "Housing have confirmed that the repair of the damp in the back bedroom is booked for later this month.",
        "Money remains tight; I made a referral to the food bank and gave {mother} information about the household support fund.",
        "{mother} is waiting for an appointment with the community mental health team and says her medication is helping.",
        "The family support worker reports that bedtime routines are now more consistent.",
        "{child} goes to football club on Saturdays and says they have made a new friend there.",
        "There was no sign of the previous partner living at the property and no men's clothing was seen.",
        "The contact supervisor reports that the last session went well, and that {father} arrived on time and brought a snack.",
        "{child} became upset when the visit ended and asked when I would be coming back.",
        "{child}'s younger brother was also seen and appeared well cared for.",
        "The core group agreed that the plan is working but that progress needs to be kept up for the next three months.",
        "I reminded {mother} of the written agreement, which includes not letting {father} into the home while he is drinking.",
        "{mother} said that {father} has sent her threatening messages; she agreed to show them to the police and the domestic abuse adviser.",
        "We went through the safety plan together: who to call, and where the children would go in an emergency.",
        "{child} said school is 'okay' but they do not like lunchtimes because some children call them names.",
        "The class teacher described {child} as a bright, kind pupil who is sometimes tired and distracted in the mornings.",
        "{child}'s education, health and care plan is due for review next term, and the SENCO has asked for social care's input.",
        "The GP confirmed that {child}'s immunisations are up to date and that there have been no recent visits to A&E.",
        "{child} has been referred to CAMHS for an assessment of low mood and is on the waiting list.",
        "The foster carer says {child} is settling well, eating and sleeping better, and has started to talk about their feelings.",
        "{child} spoke warmly of the placement and said the foster carer 'makes the best pancakes'.",
        "The placement has had a difficult fortnight: {child} went missing twice overnight and came back the next morning.",
        "A return home interview was offered and {child} agreed to talk to the independent worker from the missing service.",
        "The police have closed their investigation and will take no further action against the adults in the household.",
        "{mother} was reluctant to engage at the start and said she feels judged by professionals; this eased as we talked.",
        "The health visitor has confirmed that the baby's weight gain is now satisfactory.",
        "I explained again the purpose of the child protection plan and what needs to change for it to end.",
        "{mother} asked for help with {child}'s behaviour at bedtime, and we talked through the ideas from the parenting course.",
        "{child} has been late to school on six mornings this month; {mother} said the bus has been unreliable.",
        "{father} has started the perpetrator programme and has been to three sessions so far, according to the facilitator.",
        "The maternal grandmother continues to help with school pick-ups on three days a week, which {mother} says makes a big difference.",
        "{child} talked about their upcoming birthday and the party they would like to have with friends from {school}.",
        "I checked the smoke alarm, which was working, and the stair gate, which was fitted and closed.",
    ];

    private static readonly string[] Decisions =
    [
        "The worker's analysis is that risks have reduced but remain: the home is calmer, but the pattern of separation and reconciliation continues.",
        "I have read the last three visit records and the school's report, and agree that {child}'s needs are being met at present.",
        "Rationale: the threshold for significant harm is not met at this time, but there are enough concerns to keep the plan in place.",
        "Rationale: the new disclosure, taken with the history of domestic abuse, means the threshold for a section 47 enquiry is met.",
        "The plan's actions are mostly complete; the outstanding one is the CAMHS assessment, which the worker will chase.",
        "Contingency: if {mother} allows {father} back into the home, a strategy discussion will be held the same day.",
        "The worker is to visit fortnightly, with at least one unannounced visit each month, and to see {child} alone every time.",
        "Supervision notes: the worker is confident in the relationship with the family and reflected well on {mother}'s progress.",
        "Step-down to early help was considered and rejected for now, as the improvements are too recent to be relied on.",
        "Agreed to share information with the police under the agreed protocol without consent, as seeking consent would increase the risk.",
    ];

    /// <summary>The only sentences holding <see cref="SearchedWord"/>.</summary>
    private static readonly string[] SearchedSentences =
    [
        "{mother} has still not registered {child} with a dentist; I gave her the details of two local practices taking new patients.",
        "{child} had toothache at the weekend and saw the emergency dentist, who has booked a follow-up appointment.",
        "School raised {child}'s missed dentist appointments, and {mother} agreed to rebook before the next visit.",
    ];

    private static readonly string[] Closings =
    [
        "Actions: worker to update the plan, chase the CAMHS referral and visit again in two weeks.",
        "Next statutory visit due within six weeks; next core group booked for the end of the month.",
        "Management oversight requested on whether to step down to child in need.",
        "No immediate safeguarding concerns were identified.",
        "The case will be discussed in supervision this week.",
        "I will write to {mother} confirming what was agreed today.",
    ];

    private static readonly string[] ChildViews =
    [
        "{child} said they like living with their mum but do not like it when the adults shout.",
        "{child} said they are happy at the placement and want to stay until they finish school.",
        "{child} said they want to see their dad more, and at weekends rather than after school.",
        "{child} said 'everything is fine' and did not want to talk more about home today.",
        "{child} said the best thing this week was going swimming, and the worst was falling out with a friend.",
    ];

    private static readonly string[] FamilyViews =
    [
        "{mother} agrees with the plan but feels the visits are too frequent now that things are better.",
        "{mother} said she is grateful for the help with housing and wants the case to close by the summer.",
        "{father} does not agree with the concerns and feels he is being blamed for things that happened years ago.",
        "{mother} said she understands why the visits are needed and wants the children to stay with her.",
    ];

    private static readonly string[] Addenda =
    [
        "Correction: the visit took place at the grandmother's address, not the family home; everything else in the record stands.",
        "Addition: the school has since confirmed that {child} was in class all day on the date mentioned above.",
        "Correction: the name of the health visitor present was given wrongly above; it was Sara Lind.",
    ];

    private static readonly string[] Agencies = ["CAMHS", "Family Support Service", "Domestic Abuse Service", "Young Carers", "Housing Options", "Drug and Alcohol Service"];

    private static readonly string[] AgencyPurposes =
    [
        "Assessment and support for {child}'s low mood and sleep.",
        "Support for {mother} with routines, boundaries and school attendance.",
        "Specialist support for {mother} after domestic abuse, including safety planning.",
    ];

    private static readonly string[] FosterCarers = ["Julie Brennan", "Mark and Susan Okoro", "Helen Price", "Anita Sharma"];

    private static readonly string[] Teachers = ["Mrs K Walsh", "Mr D Ahmed", "Ms J Patel", "Mrs L Morgan"];

    private static readonly string[] Professionals = ["Sara Lind", "Dr M Evans", "Claire Fenton", "Tom Hardy"];
}
