using Casefile.Domain.Common;

namespace Casefile.Domain.Closure;

public enum AdminTaskKind { CloseActivities, FinancialInformation, SendAssessments, ClosureLetterToParentOrCarer, ClosureLetterToProfessional }

public enum AdminTaskStatus { ToDo, Done, NotNeeded }

/// <summary>
/// Work for the team's admin officer once a case has closed (policy 6.4 and the admin tasks of
/// Appendix 2): send the closure letters, close activities, update financial information.
/// </summary>
public sealed class AdminTask
{
    public const int NoteLength = 2000;

    private AdminTask() { }

    public AdminTask(Guid id, Guid caseFileId, Guid closureRequestId, Guid teamId, AdminTaskKind kind, string description,
        Guid? documentId, DateTimeOffset createdAt)
    {
        Id = id;
        CaseFileId = caseFileId;
        ClosureRequestId = closureRequestId;
        TeamId = teamId;
        Kind = kind;
        Description = description;
        DocumentId = documentId;
        CreatedAt = createdAt;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid CaseFileId { get; private set; }
    public Guid ClosureRequestId { get; private set; }

    /// <summary>The team whose admin officers do the task: the team the case closed in.</summary>
    public Guid TeamId { get; private set; }

    public AdminTaskKind Kind { get; private set; }
    public string Description { get; private set; } = "";

    /// <summary>The letter to send, filed in the child's record, for letter tasks.</summary>
    public Guid? DocumentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public AdminTaskStatus Status { get; private set; }
    public Guid? CompletedBy { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? Note { get; private set; }
    public Guid Version { get; private set; }

    public void MarkDone(string? note, Guid by, DateTimeOffset now)
    {
        EnsureToDo();
        Note = Guard.Optional(note, "note", "the note", NoteLength);
        Complete(AdminTaskStatus.Done, by, now);
    }

    /// <summary>Not every task applies (no financial information for a child never looked after); say why.</summary>
    public void MarkNotNeeded(string? reason, Guid by, DateTimeOffset now)
    {
        EnsureToDo();
        Note = Guard.Required(reason, "note", "why this task is not needed", NoteLength);
        Complete(AdminTaskStatus.NotNeeded, by, now);
    }

    private void Complete(AdminTaskStatus status, Guid by, DateTimeOffset now)
    {
        Status = status;
        CompletedBy = by;
        CompletedAt = now;
        Version = Guid.NewGuid();
    }

    private void EnsureToDo()
    {
        if (Status != AdminTaskStatus.ToDo)
            throw new StateConflictException("task-already-done", "This task has already been marked as done");
    }

    /// <summary>The tasks every authorised closure creates, before one letter task per recipient.</summary>
    public static IEnumerable<(AdminTaskKind Kind, string Description)> Standard() =>
    [
        (AdminTaskKind.CloseActivities, "Close this team's activities for the case, or pass them to the team taking them on"),
        (AdminTaskKind.FinancialInformation, "Update the financial information if it applies (for a looked after child, the BOP form authorised by the manager)"),
        (AdminTaskKind.SendAssessments, "Send any assessments with the closure letters where the worker asked for it"),
    ];
}
