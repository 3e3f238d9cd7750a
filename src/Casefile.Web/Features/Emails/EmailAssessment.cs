using Casefile.Domain.Emails;

namespace Casefile.Web.Features.Emails;

/// <summary>
/// Everything Casefile tells the worker about an email before it is filed on a case, in one
/// place for the upload endpoint and page: where it is filed (policy 4.3), what transmission data
/// is missing (4.5), which other children it names (4.4) and which earlier emails of its thread
/// it may replace (4.7). Pure: the caller loads the earlier emails and the register.
/// </summary>
public sealed record EmailAssessment(
    EmailSection Section,
    IReadOnlyList<string> Incomplete,
    IReadOnlyList<OtherChildMention> OtherChildren,
    SupersessionOffer Supersession)
{
    /// <param name="email">The email being filed.</param>
    /// <param name="emailId">The id it is (or will be) filed under.</param>
    /// <param name="legal">The council's Legal Services addresses.</param>
    /// <param name="earlierOnCase">The emails already on the case.</param>
    /// <param name="otherChildren">Children on the register who are not part of this case.</param>
    public static EmailAssessment Of(
        ParsedEmail email,
        Guid emailId,
        LegalServicesAddresses legal,
        IEnumerable<ThreadMessage> earlierOnCase,
        OtherChildMentions otherChildren)
    {
        var transmission = email.Transmission;
        return new EmailAssessment(
            legal.SectionFor(transmission),
            transmission.Incomplete,
            otherChildren.Find(email.Subject, email.BodyText),
            ThreadSupersession.Assess(email.ToThreadMessage(emailId), earlierOnCase));
    }
}
