using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Casefile.Web.Infrastructure;

/// <summary>A page asked for something missing or refused shows the 404 or 403 page, never the 500 page.</summary>
public sealed class PageErrorFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        switch (executed.Exception)
        {
            case NotFoundException:
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                break;
            case AccessDeniedException:
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                executed.ExceptionHandled = true;
                break;
        }
    }
}
