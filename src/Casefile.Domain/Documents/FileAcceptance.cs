using Casefile.Domain.Common;

namespace Casefile.Domain.Documents;

/// <summary>Whether an uploaded file may be stored, and if not, which rule refused it and why.</summary>
public sealed record FileAcceptanceResult(bool IsAccepted, string? Rule, string? Message)
{
    /// <summary>The form and API field a refusal belongs to.</summary>
    public const string Field = "file";

    public static readonly FileAcceptanceResult Accepted = new(true, null, null);

    public static FileAcceptanceResult Refused(string rule, string message) => new(false, rule, message);

    /// <summary>For handlers that report refusals through <see cref="RuleViolationException"/>.</summary>
    public void ThrowIfRefused()
    {
        if (!IsAccepted) throw new RuleViolationException(Rule!, Message!, Field);
    }
}

/// <summary>
/// The rules an uploaded file must pass before it joins a child's record: its content must be a
/// kind the council allows, recognisably so, and its name must not claim to be something else
/// (a "report.pdf" that is really a photo, or worse a program, would mislead whoever opens it).
/// </summary>
public static class FileAcceptance
{
    public const string TypeNotAllowed = "file-type-not-allowed";
    public const string TypeUnknown = "file-type-unknown";
    public const string NameMismatch = "file-name-mismatch";

    public static FileAcceptanceResult Check(string fileName, DetectedFileType detected, AllowedFileTypes allowed)
    {
        var shownName = DisplayName(fileName);

        if (!detected.IsKnown)
            return FileAcceptanceResult.Refused(TypeUnknown,
                $"Casefile cannot tell what kind of file {shownName} is. Casefile accepts {allowed.Describe()}.");

        if (!allowed.Allows(detected.Kind))
            return FileAcceptanceResult.Refused(TypeNotAllowed,
                $"{Capitalise(shownName)} is {Article(detected.Name)} {detected.Name}; Casefile accepts {allowed.Describe()}.");

        var extension = Extension(fileName);
        if (extension.Length > 0 && !Matches(detected, extension))
        {
            var claimed = DetectedFileType.For(KindClaimedBy(extension));
            var claim = claimed.IsKnown ? $"is named as {Article(claimed.Name)} {claimed.Name}" : $"has the extension .{extension}";
            return FileAcceptanceResult.Refused(NameMismatch,
                $"{Capitalise(shownName)} {claim} but it is {Article(detected.Name)} {detected.Name}. " +
                $"Rename it to end in .{detected.CanonicalExtension}, or choose the right file.");
        }

        return FileAcceptanceResult.Accepted;
    }

    private static bool Matches(DetectedFileType detected, string extension) =>
        detected.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ||
        // An email message is text: one saved as .txt is honest about being readable text.
        (detected.Kind == FileKind.Eml && DetectedFileType.For(FileKind.PlainText).Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));

    private static FileKind KindClaimedBy(string extension) =>
        Enum.GetValues<FileKind>().FirstOrDefault(k => k != FileKind.Unknown && DetectedFileType.For(k).Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));

    private static string Extension(string fileName)
    {
        var name = BaseName(fileName);
        var dot = name.LastIndexOf('.');
        return dot <= 0 || dot == name.Length - 1 ? "" : name[(dot + 1)..].Trim().ToLowerInvariant();
    }

    // Browsers on Windows have been known to send a full path; only the last part is the name.
    private static string BaseName(string fileName)
    {
        var trimmed = fileName.Trim();
        var slash = trimmed.LastIndexOfAny(['/', '\\']);
        return slash >= 0 ? trimmed[(slash + 1)..] : trimmed;
    }

    private static string DisplayName(string fileName)
    {
        var name = BaseName(fileName);
        return name.Length == 0 ? "the file" : $"'{name}'";
    }

    private static string Article(string noun) => noun.Length > 0 && "aeiouAEIOU".Contains(noun[0]) ? "an" : "a";

    private static string Capitalise(string s) => s.Length == 0 || s[0] == '\'' ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
