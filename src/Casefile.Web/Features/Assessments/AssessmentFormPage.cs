using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Assessments;

/// <summary>What the start and edit pages share: the form and the heading.</summary>
public abstract class AssessmentFormPage : CasefilePageModel
{
    [BindProperty]
    public AssessmentInput Input { get; set; } = new();

    public Guid CaseId { get; protected set; }
    public Guid ChildId { get; protected set; }
    public string ChildName { get; protected set; } = "";
    public string CaseReference { get; protected set; } = "";
    public bool IsAssessment { get; protected set; }
    public abstract bool IsNew { get; }
}
