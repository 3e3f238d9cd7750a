using Microsoft.Playwright;

namespace Casefile.Browser.Tests.Pages;

/// <summary>/cases/{id}/records/new and /records/{id}/edit: the record form, with its plain-language hints.</summary>
public sealed class RecordFormPage(IPage page) : CasefilePage(page)
{
    public ILocator Kind => Page.GetByLabel("Kind of contact or event");
    public ILocator Day => Page.GetByRole(AriaRole.Group, new() { Name = "Date of the event" }).GetByLabel("Day");
    public ILocator Time => Page.GetByLabel("Time of the event");
    public ILocator Purpose => Page.GetByLabel("Purpose", new() { Exact = true });
    public ILocator Narrative => Page.GetByLabel("What happened", new() { Exact = true });
    public ILocator Outcome => Page.GetByLabel("Outcome", new() { Exact = true });
    public ILocator ChildSeenYes => Page.GetByRole(AriaRole.Group, new() { Name = "Was the child seen?" }).GetByLabel("Yes");
    public ILocator Hints => Page.Locator("#plain-language-hints");
    public ILocator AutosaveStatus => Page.GetByRole(AriaRole.Status);
    public ILocator SaveDraft => Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" });
    public ILocator Finalise => Page.GetByRole(AriaRole.Button, new() { Name = "Finalise record" });
}

/// <summary>/records/{id}: one record as it is on file.</summary>
public sealed class RecordPage(IPage page) : CasefilePage(page)
{
    public ILocator ChronologyLink => Page.GetByRole(AriaRole.Link, new() { Name = "Chronology for" });
}

/// <summary>/cases/{id}/chronology: the case in date order.</summary>
public sealed class ChronologyPage(IPage page) : CasefilePage(page)
{
    public ILocator Entries => Page.Locator(".cf-chronology__entry");
    public ILocator Search => Page.GetByLabel("Search this case");
    public ILocator ShowEvents => Page.GetByRole(AriaRole.Button, new() { Name = "Show events" });
}
