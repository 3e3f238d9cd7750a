using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Casefile.Web.Infrastructure;

/// <summary>
/// Refuses <c>null</c> inside a list of a JSON request body (<c>"namedUsers": ["a", null]</c>)
/// before the handler sees it, as a 400 naming the entry (<c>namedUsers[1]</c>, the same names the
/// handlers give an entry's own errors). System.Text.Json cannot tell <c>List&lt;string&gt;</c>
/// from <c>List&lt;string?&gt;</c> at run time, so without this a handler trips over the null
/// and the user's mistake answers 500. Lists of nullable values (<c>Guid?</c>) keep their nulls:
/// their declared type says null is allowed. Walks the bound command and the Casefile types
/// inside it, nothing else.
/// </summary>
public static class NullListEntries
{
    private const int MaxDepth = 8;

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    private sealed record Member(PropertyInfo Property, string JsonName, Type? ElementType);

    /// <summary>Adds the check to every endpoint of the group that takes a JSON body of a Casefile type.</summary>
    public static TBuilder RefuseNullListEntries<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            // The body is the one parameter of a Casefile type that is neither a service (a handler) nor [AsParameters] (a query).
            var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
            var index = Array.FindIndex(context.MethodInfo.GetParameters(), p => IsCasefileType(p.ParameterType)
                && p.GetCustomAttribute<AsParametersAttribute>() is null && services?.IsService(p.ParameterType) != true);
            if (index < 0) return next;
            var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            return invocation =>
            {
                var errors = new ValidationErrors();
                Check(invocation.Arguments[index], "", json, errors, 0);
                errors.ThrowIfAny();
                return next(invocation);
            };
        });

    /// <summary>Adds an error for each null entry of a list anywhere in <paramref name="value"/>.</summary>
    public static void Check(object? value, string path, JsonSerializerOptions json, ValidationErrors errors, int depth)
    {
        if (value is null || depth > MaxDepth || !IsCasefileType(value.GetType())) return;
        foreach (var member in Members.GetOrAdd(value.GetType(), t => Describe(t, json)))
        {
            var field = path.Length == 0 ? member.JsonName : $"{path}.{member.JsonName}";
            var child = member.Property.GetValue(value);
            if (member.ElementType is { } element && child is IEnumerable list)
            {
                var nullAllowed = element.IsValueType;
                var i = 0;
                foreach (var entry in list)
                {
                    if (entry is null && !nullAllowed) errors.Add($"{field}[{i}]", "This entry is empty (null): remove it or give a value");
                    else Check(entry, $"{field}[{i}]", json, errors, depth + 1);
                    i++;
                }
            }
            else Check(child, field, json, errors, depth + 1);
        }
    }

    private static Member[] Describe(Type type, JsonSerializerOptions json) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => new Member(p,
                p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? json.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name,
                ElementOf(p.PropertyType)))
            .Where(m => m.ElementType is not null || IsCasefileType(m.Property.PropertyType))];

    private static Type? ElementOf(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        return type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(IEnumerable).IsAssignableFrom(type)
            ? type.GetGenericArguments()[0]
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    private static bool IsCasefileType(Type type) =>
        type is { IsClass: true } && type != typeof(string) && type.Namespace?.StartsWith("Casefile.", StringComparison.Ordinal) == true;
}
