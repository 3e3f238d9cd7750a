using System.Text.Json;
using Casefile.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Web.Infrastructure;

/// <summary>
/// Turns every failure into RFC 9457 problem details with the right status: a user's mistake is
/// never a 500. Pages handle their own expected errors into ModelState; what reaches here from a
/// page is unexpected and is shown the plain error page instead.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // Pages show the plain error page (see PageErrorFilter and /errors/{code}); only the API answers problem details.
        // The middleware has already pointed Request.Path at the error page; the feature keeps the original.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) return false;
        var problem = ToProblem(exception, context);
        if (problem is null) return false;
        if (problem.Status >= 500) logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        context.Response.StatusCode = problem.Status ?? 500;
        problem.Instance = path;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails? ToProblem(Exception exception, HttpContext context)
    {
        switch (exception)
        {
            case ValidationFailedException v:
                return Validation(v.Errors.ToDictionary(e => e.Key, e => e.Value));
            case Features.Records.PossibleDuplicateRecordException d:
                var duplicate = Problem(StatusCodes.Status409Conflict, "This looks like an event already recorded", d.Message, "possible-duplicate");
                duplicate.Extensions["existing"] = d.Existing;
                return duplicate;
            case Domain.Closure.RecordIncompleteException incomplete:
                var missing = Problem(StatusCodes.Status422UnprocessableEntity, "The record is not complete", incomplete.Message, incomplete.Rule);
                missing.Extensions["missing"] = incomplete.Missing.Select(m => new { item = m.Item.Id, text = m.Item.Text, detail = m.Detail }).ToList();
                return missing;
            case Domain.Records.OtherChildNamedInRecordException o:
                var inRecord = Problem(StatusCodes.Status409Conflict, "This record names another child", o.Message, Domain.Records.OtherChildNamedInRecordException.RuleName);
                inRecord.Extensions["field"] = o.Field;
                inRecord.Extensions["children"] = o.Found.Select(text => new { text }).ToList();
                return inRecord;
            case Features.Documents.OtherChildNamedInDocumentException o:
                var inDocument = Problem(StatusCodes.Status409Conflict, "This document names another child", o.Message, Features.Documents.OtherChildNamedInDocumentException.RuleName);
                inDocument.Extensions["field"] = o.Field;
                inDocument.Extensions["children"] = o.Found.Select(text => new { text }).ToList();
                return inDocument;
            case RuleViolationsException many:
                var fields = Validation(many.Violations.GroupBy(v => v.Field ?? "body").ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()));
                fields.Extensions["rule"] = many.Rule;
                return fields;
            case ProcessRequiredException p:
                var process = Problem(StatusCodes.Status422UnprocessableEntity, "The policy does not allow this", p.Message, p.Rule);
                process.Extensions["field"] = p.Field;
                process.Extensions["process"] = p.Process;
                process.Extensions["errors"] = new Dictionary<string, string[]> { [p.Field!] = [p.Message] };
                return process;
            case BurstLimitException b:
                return Problem(StatusCodes.Status429TooManyRequests, "Too many in a short time", b.Message, b.Rule);
            case StateConflictException c:
                return Problem(StatusCodes.Status409Conflict, "This conflicts with the record as it is now", c.Message, c.Rule);
            case Domain.Journey.JourneyStepRefusedException step when !step.IsBadRequest:
                // A step out of the journey's order, or a code the return would reject: 422, naming the field and the rule.
                var refusedStep = Problem(StatusCodes.Status422UnprocessableEntity, "The statutory journey does not allow this", step.Message, step.Rule);
                if (step.Field is not null)
                {
                    refusedStep.Extensions["field"] = step.Field;
                    refusedStep.Extensions["errors"] = new Dictionary<string, string[]> { [step.Field] = [step.Message] };
                }
                return refusedStep;
            case RuleViolationException r when r.Field is not null:
                var invalid = Validation(new Dictionary<string, string[]> { [r.Field] = [r.Message] });
                invalid.Extensions["rule"] = r.Rule;
                return invalid;
            case Features.Documents.UploadRefusedException u:
                // 413 too large, 422 infected, 400 otherwise: always naming the field, so a form can show it there.
                var refused = Validation(new Dictionary<string, string[]> { [u.Field] = [u.Message] });
                refused.Status = u.Status;
                refused.Title = u.Status switch
                {
                    StatusCodes.Status413PayloadTooLarge => "The file is too large",
                    StatusCodes.Status422UnprocessableEntity => "The file cannot be accepted",
                    StatusCodes.Status503ServiceUnavailable => "The file could not be checked",
                    _ => "One or more fields are not valid",
                };
                refused.Extensions["rule"] = u.Rule;
                return refused;
            case Features.Emails.OtherChildNamedException o:
                var named = Problem(StatusCodes.Status409Conflict, "This email names another child", o.Message, Features.Emails.OtherChildNamedException.Rule);
                named.Extensions["children"] = o.Found.Select(text => new { text }).ToList();
                return named;
            case Data.Documents.StoredContentAlteredException or Data.Documents.StoredContentNotFoundException:
                // A server fault, not the worker's: answered 500, but with what to do about it (the handler has audited it).
                return Problem(StatusCodes.Status500InternalServerError, "The stored copy cannot be trusted",
                    "The stored copy of this document does not match what was uploaded; tell the records manager.", "stored-content-altered");
            case RuleViolationException r:
                return Problem(StatusCodes.Status422UnprocessableEntity, "The policy does not allow this", r.Message, r.Rule);
            case NotFoundException n:
                return Problem(StatusCodes.Status404NotFound, "Not found", n.Message);
            case AccessDeniedException d:
                var denied = Problem(StatusCodes.Status403Forbidden, "You do not have access", d.Message);
                if (d.HowToGetAccess is not null) denied.Extensions["howToGetAccess"] = d.HowToGetAccess;
                return denied;
            case DbUpdateConcurrencyException:
                return Problem(StatusCodes.Status409Conflict, "Somebody else changed this record",
                    "The record was changed after you opened it. Reload it, check the changes, and try again.", "stale-edit");
            case BadHttpRequestException bad when bad.InnerException is JsonException json:
                return Validation(new Dictionary<string, string[]> { [JsonField(json.Path)] = ["The value is not in the expected format"] },
                    "The request body is not valid JSON for this endpoint");
            case BadHttpRequestException bad:
                return Problem(bad.StatusCode, "The request is not valid", bad.Message);
            case InvalidDataException when context.Request.HasFormContentType:
                // A safety net: the framework's form reader refuses a malformed or cut-off multipart body this way.
                return Validation(new Dictionary<string, string[]> { ["file"] = ["The upload could not be read: send it again as multipart/form-data with the file in the field named 'file'"] },
                    "The request body is not a complete multipart form");
            case JsonException json:
                return Validation(new Dictionary<string, string[]> { [JsonField(json.Path)] = ["The value is not in the expected format"] });
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return Problem(499, "The request was cancelled", null);
            default:
                return Problem(StatusCodes.Status500InternalServerError, "Something went wrong",
                    "The service had a problem. Nothing you did caused it. Try again, and tell the service desk if it happens again.");
        }
    }

    private static string JsonField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    private static ProblemDetails Problem(int status, string title, string? detail, string? rule = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (rule is not null) problem.Extensions["rule"] = rule;
        return problem;
    }

    private static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        new(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are not valid",
            Detail = detail ?? string.Join(" ", errors.SelectMany(e => e.Value)),
        };
}
