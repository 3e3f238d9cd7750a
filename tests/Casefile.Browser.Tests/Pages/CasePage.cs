using Microsoft.Playwright;

namespace Casefile.Browser.Tests.Pages;

/// <summary>/cases/{id}: a child's case file.</summary>
public sealed class CasePage(IPage page) : CasefilePage(page)
{
    /// <summary>"Case file NG-2024-0001", the caption above the child's name.</summary>
    public ILocator Caption => Page.GetByText(new System.Text.RegularExpressions.Regex("^Case file "));

    public ILocator AllocatedWorker => SummaryValue("Allocated worker");

    public ILocator Team => SummaryValue("Team");
}
