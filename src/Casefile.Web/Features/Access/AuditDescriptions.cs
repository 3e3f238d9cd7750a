namespace Casefile.Web.Features.Access;

/// <summary>
/// Turns an audit event's action and record type into plain words for the access logs (policy 3.1):
/// "Viewed the case page", "Opened the restricted email 'Advice on contact'", "Was refused the case file".
/// The events keep their stable machine names; only what people read is worded here.
/// </summary>
public static class AuditDescriptions
{
    private static readonly Dictionary<(string Action, string RecordType), string> Known = new()
    {
        [("view", "case")] = "Viewed the case file",
        [("view", "case-documents")] = "Listed the documents",
        [("view", "case-document")] = "Opened a document",
        [("download", "case-document")] = "Downloaded a document",
        [("create", "case-document")] = "Added a document",
        [("view", "email-records")] = "Listed the emails",
        [("view", "email-record")] = "Opened an email",
        [("download", "email-record")] = "Downloaded an email",
        [("create", "email-record")] = "Filed an email",
        [("update", "email-record")] = "Marked emails as replaced",
        [("view", "case-paper-files")] = "Listed the paper files",
        [("view", "paper-file-volume")] = "Opened a paper volume",
        [("create", "paper-file-volume")] = "Added a paper volume",
        [("view", "assessments-and-plans")] = "Listed the assessments and plans",
        [("view", "assessment-or-plan")] = "Opened an assessment or plan",
        [("view", "case-record")] = "Opened a record",
        [("view", "journey")] = "Read the statutory journey",
        [("view", "due-visits")] = "Listed the statutory visits due",
        [("create", "strategy-discussion")] = "Recorded a strategy discussion",
        [("create", "section47-enquiry")] = "Started a section 47 enquiry",
        [("update", "section47-enquiry")] = "Recorded a section 47 enquiry's outcome",
        [("create", "child-protection-conference")] = "Recorded a child protection conference",
        [("end", "child-protection-plan")] = "Ended a child protection plan",
        [("create", "core-group")] = "Recorded a core group meeting",
        [("create", "looked-after-episode")] = "Started a looked-after episode",
        [("end", "looked-after-episode")] = "Ended a looked-after episode",
        [("create", "looked-after-review")] = "Recorded a looked-after review",
        [("create", "private-fostering")] = "Recorded a private fostering arrangement",
        [("end", "private-fostering")] = "Ended a private fostering arrangement",
        [("create", "child-in-need-review")] = "Recorded a child in need plan review",
        [("create", "case-record")] = "Started a record",
        [("update", "case-record")] = "Changed a draft record",
        [("finalise", "case-record")] = "Finalised a record",
        [("create", "case-record-addendum")] = "Added a correction to a record",
        [("move-request", "case-record")] = "Asked to move a record",
        [("view", "chronology")] = "Read the chronology",
        [("export", "chronology")] = "Exported the chronology",
        [("view", "access-log")] = "Looked at who has viewed the case",
        [("view", "case-retention")] = "Looked at how long the file is kept",
        [("update", "case-allocation")] = "Reallocated the case",
        [("restrict", "case")] = "Restricted the case",
        [("lift-restriction", "case")] = "Lifted the restriction",
        [("share", "case")] = "Shared the case with Legal Services",
        [("emergency-access", "case")] = "Opened the case with emergency access",
        [("review-emergency-access", "case")] = "Reviewed a use of emergency access",
        [("view", "transfer")] = "Opened the transfer",
        [("create", "transfer")] = "Proposed a transfer",
        [("decide", "transfer")] = "Decided the transfer",
        [("view", "closure-request")] = "Opened the request to close",
        [("create", "closure-request")] = "Asked to close the case",
        [("update", "closure-request")] = "Changed the request to close",
        [("decide", "closure-request")] = "Decided the request to close",
        [("create", "consent")] = "Recorded consent to share",
        [("create", "sharing-without-consent")] = "Recorded sharing without consent",
        [("create", "access-request")] = "Registered an access request",
        [("view", "access-request")] = "Opened an access request",
        [("destroy", "case")] = "Destroyed the file",
        [("view", "admin-task")] = "Listed the admin tasks",
        [("update", "admin-task")] = "Completed an admin task",
    };

    /// <summary>The event in plain words; <paramref name="title"/> names the item opened, where the log can show it.</summary>
    public static string Describe(string action, string recordType, string outcome, string? reason, string? title = null, bool restricted = false)
    {
        string what;
        if (action == "view" && recordType == "case" && reason?.StartsWith("Case page", StringComparison.Ordinal) == true)
            what = "Viewed the case page";
        else if (title is not null && recordType is "email-record" or "case-document" && action is "view" or "download")
            what = $"{(action == "view" ? "Opened" : "Downloaded")} the {(restricted ? "restricted " : "")}{(recordType == "email-record" ? "email" : "document")} '{title}'";
        else if (!Known.TryGetValue((action, recordType), out what!))
            what = Capitalise($"{action.Replace('-', ' ')} {recordType.Replace('-', ' ')}");
        if (outcome == "refused")
            return "Was refused: " + char.ToLowerInvariant(what[0]) + what[1..];
        return what;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
