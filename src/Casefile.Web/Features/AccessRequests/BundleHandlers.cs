using System.Globalization;
using System.Text;
using Casefile.Data;
using Casefile.Data.Documents;
using Casefile.Domain.Access;
using Casefile.Domain.AccessRequests;
using Casefile.Domain.Documents;
using Casefile.Domain.Emails;
using Casefile.Domain.People;
using Casefile.Domain.Records;
using Casefile.Web.Features.Documents;
using Casefile.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Features.AccessRequests;

/// <summary>
/// What to put in the bundle: "everything in this period" (<see cref="Everything"/> with optional
/// <see cref="From"/> and <see cref="To"/>), or the chosen records, documents and emails.
/// </summary>
public sealed record BundleCommand(bool Everything, DateOnly? From, DateOnly? To, IReadOnlyList<Guid>? Records, IReadOnlyList<Guid>? Documents,
    IReadOnlyList<Guid>? Emails);

public sealed record BundleItemView(Guid Id, int Position, DisclosureSource Source, Guid SourceId, DateTimeOffset OccurredAt, string Title, bool IsImage,
    bool IsPrivileged, ImageDecision ImageDecision, string? WithholdReason, string Text);

public sealed record ProposalView(Guid Id, Guid ItemId, int Start, int Length, string Text, RedactionKind Kind, RedactionReason SuggestedReason,
    RedactionStatus Status, RedactionReason? Reason, string? Note);

public sealed record WithheldView(DisclosureSource Source, Guid Id, string Title, string Reason);

public sealed record BundleView(Guid RequestId, DateTimeOffset? BuiltAt, IReadOnlyList<BundleItemView> Items, IReadOnlyList<ProposalView> Proposals,
    IReadOnlyList<WithheldView> Withheld)
{
    public int Unreviewed => Proposals.Count(p => p.Status == RedactionStatus.Proposed);
}

/// <summary>
/// Assembles the disclosure bundle: the chosen finalised records, documents and emails of the
/// subject's case in date order, each as the text that will be printed, and proposes redactions
/// in every text (<see cref="RedactionProposer"/>). Restricted Access material (legal privilege)
/// is left out unless Legal Services released it. Building again replaces the bundle, and asks
/// again for the manager's approval and Legal Services' advice.
/// </summary>
public sealed class BuildBundle(AppDbContext db, AccessRequestAccess access, AuditTrail audit, TimeProvider clock, IDocumentContentStore store)
{
    public async Task<BundleView> HandleAsync(Guid id, BundleCommand command, CancellationToken ct)
    {
        var (request, heading, _) = await access.DemandAsync(id, AccessAction.Write, AuditAction.Update, ct, track: true);
        request.EnsureOpen();
        var errors = new ValidationErrors();
        var records = command.Records ?? [];
        var documents = command.Documents ?? [];
        var emails = command.Emails ?? [];
        if (!command.Everything && records.Count + documents.Count + emails.Count == 0)
            errors.Add("everything", "Choose records, documents or emails to include, or everything in a period");
        if (command.From is { } f && command.To is { } t && t < f) errors.Add("to", "The end of the period must be on or after its start");
        errors.ThrowIfAny();

        var caseId = request.CaseFileId;
        bool InPeriod(DateOnly day) => (command.From is null || day >= command.From) && (command.To is null || day <= command.To);

        var recordRows = await db.CaseRecords.AsNoTracking().Where(r => r.CaseFileId == caseId && r.Status == CaseRecordStatus.Final).ToListAsync(ct);
        var documentRows = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseFileId == caseId).ToListAsync(ct);
        var emailRows = await db.EmailRecords.AsNoTracking().Where(e => e.CaseFileId == caseId).ToListAsync(ct);

        if (!command.Everything)
        {
            if (records.Except(recordRows.Select(r => r.Id)).Any()) errors.Add("records", "Choose finalised records on the subject's own case file");
            if (documents.Except(documentRows.Select(d => d.Id)).Any()) errors.Add("documents", "Choose documents on the subject's own case file");
            if (emails.Except(emailRows.Select(e => e.Id)).Any()) errors.Add("emails", "Choose emails on the subject's own case file");
            errors.ThrowIfAny();
            recordRows = recordRows.Where(r => records.Contains(r.Id)).ToList();
            documentRows = documentRows.Where(d => documents.Contains(d.Id)).ToList();
            emailRows = emailRows.Where(e => emails.Contains(e.Id)).ToList();
        }
        else
        {
            recordRows = recordRows.Where(r => InPeriod(r.Content.OccurredAt.ToLondonDate())).ToList();
            documentRows = documentRows.Where(d => InPeriod(d.DocumentDate)).ToList();
            emailRows = emailRows.Where(e => InPeriod(EmailDate(e).ToLondonDate())).ToList();
        }

        var withheld = new List<WithheldView>();
        if (!request.PrivilegedReleasedByLegal)
        {
            withheld.AddRange(documentRows.Where(d => d.IsRestricted).Select(d => new WithheldView(DisclosureSource.Document, d.Id, d.Title, "Legal privilege: Restricted Access section")));
            withheld.AddRange(emailRows.Where(e => e.IsRestricted).Select(e => new WithheldView(DisclosureSource.Email, e.Id, e.Subject ?? "(no subject)", "Legal privilege: Restricted Access section")));
            documentRows = documentRows.Where(d => !d.IsRestricted).ToList();
            emailRows = emailRows.Where(e => !e.IsRestricted).ToList();
        }

        var recordIds = recordRows.Select(r => r.Id).ToList();
        var addenda = (await db.CaseRecordAddenda.AsNoTracking().Where(a => recordIds.Contains(a.CaseRecordId)).ToListAsync(ct))
            .ToLookup(a => a.CaseRecordId);

        var drafts = new List<(DisclosureSource Source, Guid SourceId, DateTimeOffset At, string Title, string Text, bool IsImage, bool Privileged)>();
        foreach (var r in recordRows)
            drafts.Add((DisclosureSource.Record, r.Id, r.Content.OccurredAt, CaseRecordTypeNames.Of(r.Content.Type), RecordText(r, addenda[r.Id]), false, false));
        foreach (var d in documentRows)
        {
            var body = await DocumentText.ExtractAsync(store, d, ct);
            var at = LondonTime.FromLondon(d.DocumentDate, new TimeOnly(12, 0));
            drafts.Add((DisclosureSource.Document, d.Id, at, d.Type.DisplayName(), body is null ? $"{d.Type.DisplayName()}: {d.Title}" : DocumentHeader(d) + body,
                body is null, d.IsRestricted));
        }
        foreach (var e in emailRows)
            drafts.Add((DisclosureSource.Email, e.Id, EmailDate(e), "Email", EmailText(e), false, e.IsRestricted));

        // Everyone an included record names, on the register or not, is a third party (policy 10.2).
        var namedInRecords = recordRows.SelectMany(r => (r.Content.Present ?? []).Select(p => p.Name)
            .Concat(RedactionProposer.NamesIn(r.Content.Seen)).Concat(RedactionProposer.NamesIn(r.Content.SpokenTo))).Distinct().ToList();
        var proposer = await ProposerAsync(request, namedInRecords, ct);

        // Building again replaces the bundle; its proposals go with its items.
        db.RedactionProposals.RemoveRange(await db.RedactionProposals.Where(p => p.AccessRequestId == id).ToListAsync(ct));
        db.DisclosureItems.RemoveRange(await db.DisclosureItems.Where(i => i.AccessRequestId == id).ToListAsync(ct));

        var position = 0;
        foreach (var draft in drafts.OrderBy(d => d.At).ThenBy(d => d.Source).ThenBy(d => d.SourceId))
        {
            var item = new DisclosureItem(Guid.NewGuid(), id, draft.Source, draft.SourceId, draft.At, draft.Title, draft.Text, draft.IsImage, draft.Privileged, position++);
            db.DisclosureItems.Add(item);
            foreach (var p in proposer.Propose(draft.Text))
                db.RedactionProposals.Add(new RedactionProposal(Guid.NewGuid(), id, item.Id, p.Start, p.Length, p.Text, p.Kind, p.SuggestedReason, p.PersonId));
        }

        request.BundleChanged(clock.GetUtcNow(), rebuilt: true);
        audit.Record("build-bundle", "access-request", id, caseId, heading.ChildId, reason: $"{drafts.Count} items");
        await db.SaveChangesAsync(ct);
        var view = await BundleQueries.ViewAsync(db, id, request.BundleBuiltAt, ct);
        return view with { Withheld = withheld };
    }

    /// <summary>The subject, the people linked to them on the register, the other children on it, and the people the records name.</summary>
    private async Task<RedactionProposer> ProposerAsync(AccessRequest request, IReadOnlyList<string> namedInRecords, CancellationToken ct)
    {
        var subjectId = request.SubjectPersonId;
        var subject = await db.People.AsNoTracking().SingleAsync(p => p.Id == subjectId, ct);
        var linkedIds = await db.Relationships.AsNoTracking()
            .Where(r => r.PersonId == subjectId || r.RelatedPersonId == subjectId)
            .Select(r => r.PersonId == subjectId ? r.RelatedPersonId : r.PersonId).Distinct().ToListAsync(ct);
        // People present at the subject's recorded contacts, linked to the register there.
        var present = (await db.CaseRecords.AsNoTracking().Where(r => r.CaseFileId == request.CaseFileId).Select(r => r.Content.Present).ToListAsync(ct))
            .Where(p => p is not null).SelectMany(p => p!).Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value);
        linkedIds = linkedIds.Concat(present).Where(p => p != subjectId).Distinct().ToList();

        var people = await db.People.AsNoTracking().Where(p => linkedIds.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.KnownAs, p.DateOfBirth, p.Kind }).ToListAsync(ct);
        var addressIds = linkedIds.Append(subjectId).ToList();
        var addresses = (await db.Addresses.AsNoTracking().Where(a => addressIds.Contains(a.PersonId)).ToListAsync(ct))
            .ToLookup(a => a.PersonId, a => new AddressLines(a.Line1, a.Line2, a.Town, a.Postcode));
        var children = await db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child && p.Id != subjectId && !linkedIds.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.KnownAs }).ToListAsync(ct);

        return new RedactionProposer(
            new DisclosureSubject(subject.Id, subject.GivenName, subject.FamilyName, subject.KnownAs, addresses[subjectId].ToList()),
            people.Select(p => new Domain.AccessRequests.ThirdParty(p.Id, p.GivenName, p.FamilyName, p.KnownAs, p.DateOfBirth, addresses[p.Id].ToList(), p.Kind == PersonKind.Child, true)),
            children.Select(c => new RegisterChild(c.Id, c.GivenName, c.FamilyName, c.KnownAs is null ? null : [c.KnownAs])),
            namedInRecords);
    }

    private static DateTimeOffset EmailDate(EmailRecord e) => e.SentAt ?? e.ReceivedAt ?? e.ImportedAt;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    internal static string RecordText(CaseRecord r, IEnumerable<CaseRecordAddendum> addenda)
    {
        var c = r.Content;
        var text = new StringBuilder();
        text.Append(CaseRecordTypeNames.Of(c.Type)).Append(" on ").Append(c.OccurredAt.ToLondon().ToString("d MMMM yyyy 'at' HH:mm", EnGb)).Append('\n');
        void Line(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) text.Append(label).Append(": ").Append(value.Trim()).Append('\n');
        }
        Line("Purpose", c.Purpose);
        Line("Seen", c.Seen);
        Line("Spoken to", c.SpokenTo);
        if (c.Present is { Count: > 0 } present)
            Line("Present", string.Join(", ", present.Select(p => p.Role is { Length: > 0 } role ? $"{p.Name} ({role})" : p.Name)));
        Line("What happened", c.Narrative);
        Line("The child's views", c.ChildViews);
        Line("The family's views", c.FamilyViews);
        Line("Referred to", c.ReferralAgency);
        Line("Outcome", c.Outcome);
        foreach (var a in addenda.OrderBy(a => a.AddedAt))
            Line($"Addendum of {a.AddedAt.ToLondon().ToString("d MMMM yyyy", EnGb)}", a.Text);
        return text.ToString().TrimEnd();
    }

    private static string DocumentHeader(CaseDocument d) =>
        $"{d.Type.DisplayName()}: {d.Title}\nDate: {d.DocumentDate.ToString("d MMMM yyyy", EnGb)}\n" + (d.Author is { Length: > 0 } author ? $"Author: {author}\n" : "") + "\n";

    private static string EmailText(EmailRecord e)
    {
        var text = new StringBuilder();
        text.Append("Subject: ").Append(e.Subject ?? "(no subject)").Append('\n');
        text.Append("From: ").Append(e.From).Append('\n');
        if (e.To.Count > 0) text.Append("To: ").AppendJoin(", ", e.To).Append('\n');
        if (e.Cc.Count > 0) text.Append("Copied to: ").AppendJoin(", ", e.Cc).Append('\n');
        text.Append("Sent: ").Append(EmailDate(e).ToLondon().ToString("d MMMM yyyy 'at' HH:mm", EnGb)).Append("\n\n");
        text.Append(e.BodyText.Trim());
        return text.ToString();
    }
}

public static class BundleQueries
{
    public static async Task<BundleFacts?> FactsAsync(AppDbContext db, AccessRequest request, CancellationToken ct)
    {
        if (request.BundleBuiltAt is null) return null;
        var items = await db.DisclosureItems.AsNoTracking().Where(i => i.AccessRequestId == request.Id)
            .Select(i => new { i.Id, i.IsImage, i.ImageDecision, i.IsPrivileged }).ToListAsync(ct);
        var proposals = await db.RedactionProposals.AsNoTracking().Where(p => p.AccessRequestId == request.Id)
            .Select(p => new { p.Status, p.Kind }).ToListAsync(ct);
        var released = items.Where(i => !i.IsImage || i.ImageDecision == ImageDecision.IncludeWhole).ToList();
        return new BundleFacts(
            released.Count,
            proposals.Count(p => p.Status == RedactionStatus.Proposed),
            items.Count(i => i.IsImage && i.ImageDecision == ImageDecision.Undecided),
            proposals.Any(p => p.Kind is RedactionKind.Name or RedactionKind.OtherChild),
            released.Any(i => i.IsPrivileged));
    }

    public static async Task<BundleView> ViewAsync(AppDbContext db, Guid requestId, DateTimeOffset? builtAt, CancellationToken ct)
    {
        var items = await db.DisclosureItems.AsNoTracking().Where(i => i.AccessRequestId == requestId).OrderBy(i => i.Position).ToListAsync(ct);
        var proposals = await db.RedactionProposals.AsNoTracking().Where(p => p.AccessRequestId == requestId).ToListAsync(ct);
        var position = items.ToDictionary(i => i.Id, i => i.Position);
        return new BundleView(requestId, builtAt,
            items.Select(i => new BundleItemView(i.Id, i.Position, i.Source, i.SourceId, i.OccurredAt, i.Title, i.IsImage, i.IsPrivileged, i.ImageDecision,
                i.WithholdReason, i.Text)).ToList(),
            proposals.OrderBy(p => position.GetValueOrDefault(p.DisclosureItemId)).ThenBy(p => p.Start)
                .Select(p => new ProposalView(p.Id, p.DisclosureItemId, p.Start, p.Length, p.Text, p.Kind, p.SuggestedReason, p.Status, p.Reason, p.RemovalNote))
                .ToList(),
            []);
    }
}
