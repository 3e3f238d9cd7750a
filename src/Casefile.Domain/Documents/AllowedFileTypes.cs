namespace Casefile.Domain.Documents;

/// <summary>
/// The kinds of file the council accepts onto a child's record. The default is documents and
/// images a worker can open without special software; programs, scripts and archives can never
/// be allowed, because an archive can hide anything and a program on a case record is a risk to
/// every worker who opens it.
/// </summary>
public sealed class AllowedFileTypes
{
    public static readonly IReadOnlySet<FileKind> NeverAllowed = new HashSet<FileKind>
    {
        FileKind.Unknown, FileKind.Zip, FileKind.WindowsProgram, FileKind.LinuxProgram, FileKind.MacProgram, FileKind.Script,
    };

    public static readonly AllowedFileTypes Default = new(
    [
        FileKind.Pdf,
        FileKind.Docx, FileKind.Xlsx, FileKind.Pptx, FileKind.LegacyOffice,
        FileKind.Odt, FileKind.Ods, FileKind.Odp,
        FileKind.Rtf, FileKind.PlainText, FileKind.Eml,
        FileKind.Jpeg, FileKind.Png, FileKind.Gif, FileKind.Tiff, FileKind.Bmp, FileKind.WebP, FileKind.Heic,
    ]);

    private readonly HashSet<FileKind> _kinds;

    public AllowedFileTypes(IEnumerable<FileKind> kinds)
    {
        _kinds = [.. kinds];
        var forbidden = _kinds.Where(NeverAllowed.Contains).ToList();
        if (forbidden.Count > 0)
            throw new ArgumentException($"These kinds of file can never be allowed: {string.Join(", ", forbidden)}.", nameof(kinds));
        if (_kinds.Count == 0)
            throw new ArgumentException("At least one kind of file must be allowed.", nameof(kinds));
    }

    /// <summary>
    /// Reads a council's list from configuration (names of <see cref="FileKind"/>, any case);
    /// an empty or missing list means <see cref="Default"/>.
    /// </summary>
    public static AllowedFileTypes FromNames(IEnumerable<string>? names)
    {
        var list = names?.Where(n => !string.IsNullOrWhiteSpace(n)).ToList() ?? [];
        if (list.Count == 0) return Default;
        return new AllowedFileTypes(list.Select(n => Enum.TryParse<FileKind>(n.Trim(), ignoreCase: true, out var kind)
            ? kind
            : throw new ArgumentException($"'{n}' is not a kind of file Casefile knows.", nameof(names))));
    }

    public IReadOnlySet<FileKind> Kinds => _kinds;

    public bool Allows(FileKind kind) => _kinds.Contains(kind);

    private static readonly (string Label, FileKind[] Kinds)[] Groups =
    [
        ("PDF", [FileKind.Pdf]),
        ("Word", [FileKind.Docx, FileKind.LegacyOffice]),
        ("Excel", [FileKind.Xlsx, FileKind.LegacyOffice]),
        ("PowerPoint", [FileKind.Pptx, FileKind.LegacyOffice]),
        ("OpenDocument", [FileKind.Odt, FileKind.Ods, FileKind.Odp]),
        ("Rich Text", [FileKind.Rtf]),
        ("plain text", [FileKind.PlainText]),
        ("email (.eml)", [FileKind.Eml]),
    ];

    private static readonly (string Label, FileKind Kind)[] Images =
    [
        ("JPEG", FileKind.Jpeg), ("PNG", FileKind.Png), ("GIF", FileKind.Gif), ("TIFF", FileKind.Tiff),
        ("BMP", FileKind.Bmp), ("WebP", FileKind.WebP), ("HEIC", FileKind.Heic),
    ];

    /// <summary>A plain-English list for refusal messages, e.g. "PDF, Word, plain text files and images (JPEG, PNG)".</summary>
    public string Describe()
    {
        var parts = Groups.Where(g => g.Kinds.Any(_kinds.Contains)).Select(g => g.Label).ToList();
        var images = Images.Where(i => _kinds.Contains(i.Kind)).Select(i => i.Label).ToList();
        var files = parts.Count switch
        {
            0 => "",
            1 => parts[0] + " files",
            _ => string.Join(", ", parts[..^1]) + " and " + parts[^1] + " files",
        };
        var pictures = images.Count == 0 ? "" : $"images ({string.Join(", ", images)})";
        return (files, pictures) switch
        {
            ("", _) => pictures,
            (_, "") => files,
            _ => files.Replace(" and ", ", ", StringComparison.Ordinal) + " and " + pictures,
        };
    }
}
