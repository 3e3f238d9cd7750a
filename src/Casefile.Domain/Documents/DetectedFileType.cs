namespace Casefile.Domain.Documents;

/// <summary>The kinds of file <see cref="FileTypeDetector"/> can recognise from their content.</summary>
public enum FileKind
{
    Unknown,
    Pdf,
    Png,
    Jpeg,
    Gif,
    Tiff,
    Bmp,
    WebP,
    Heic,
    Docx,
    Xlsx,
    Pptx,
    Odt,
    Ods,
    Odp,
    LegacyOffice,
    Rtf,
    Eml,
    PlainText,
    Zip,
    WindowsProgram,
    LinuxProgram,
    MacProgram,
    Script,
}

/// <summary>
/// The real type of a file as read from its first bytes, never from its name: the content type
/// to serve it as, the extensions a file of that type may honestly carry (the first is the one
/// to suggest), and a plain name a worker understands.
/// </summary>
public sealed record DetectedFileType(FileKind Kind, string ContentType, IReadOnlyList<string> Extensions, string Name)
{
    /// <summary>Programs and scripts: known, and never to be stored or served to a worker.</summary>
    public bool IsDangerous => Kind is FileKind.WindowsProgram or FileKind.LinuxProgram or FileKind.MacProgram or FileKind.Script;

    public bool IsKnown => Kind != FileKind.Unknown;

    public string CanonicalExtension => Extensions.Count > 0 ? Extensions[0] : "";

    public static readonly DetectedFileType Unknown = new(FileKind.Unknown, "application/octet-stream", [], "file of a kind Casefile does not recognise");

    /// <summary>The description of every kind the detector can return.</summary>
    public static DetectedFileType For(FileKind kind) => kind switch
    {
        FileKind.Pdf => new(kind, "application/pdf", ["pdf"], "PDF document"),
        FileKind.Png => new(kind, "image/png", ["png"], "PNG image"),
        FileKind.Jpeg => new(kind, "image/jpeg", ["jpg", "jpeg", "jpe", "jfif"], "JPEG image"),
        FileKind.Gif => new(kind, "image/gif", ["gif"], "GIF image"),
        FileKind.Tiff => new(kind, "image/tiff", ["tif", "tiff"], "TIFF image"),
        FileKind.Bmp => new(kind, "image/bmp", ["bmp", "dib"], "bitmap image"),
        FileKind.WebP => new(kind, "image/webp", ["webp"], "WebP image"),
        FileKind.Heic => new(kind, "image/heic", ["heic", "heif"], "HEIC photo"),
        FileKind.Docx => new(kind, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ["docx", "dotx"], "Word document"),
        FileKind.Xlsx => new(kind, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ["xlsx", "xltx"], "Excel spreadsheet"),
        FileKind.Pptx => new(kind, "application/vnd.openxmlformats-officedocument.presentationml.presentation", ["pptx", "potx", "ppsx"], "PowerPoint presentation"),
        FileKind.Odt => new(kind, "application/vnd.oasis.opendocument.text", ["odt"], "OpenDocument text document"),
        FileKind.Ods => new(kind, "application/vnd.oasis.opendocument.spreadsheet", ["ods"], "OpenDocument spreadsheet"),
        FileKind.Odp => new(kind, "application/vnd.oasis.opendocument.presentation", ["odp"], "OpenDocument presentation"),
        // An OLE compound file could be any of Word, Excel or PowerPoint before 2007; telling them
        // apart needs the file's directory parsed, which the accept/refuse decision does not need.
        FileKind.LegacyOffice => new(kind, "application/x-ole-storage", ["doc", "xls", "ppt", "dot", "xlt", "pot"], "older Microsoft Office document"),
        FileKind.Rtf => new(kind, "application/rtf", ["rtf"], "Rich Text document"),
        FileKind.Eml => new(kind, "message/rfc822", ["eml"], "email message"),
        FileKind.PlainText => new(kind, "text/plain", ["txt", "text", "csv", "log"], "plain text file"),
        FileKind.Zip => new(kind, "application/zip", ["zip"], "ZIP archive"),
        FileKind.WindowsProgram => new(kind, "application/vnd.microsoft.portable-executable", ["exe", "dll", "scr", "com", "sys", "cpl"], "Windows program"),
        FileKind.LinuxProgram => new(kind, "application/x-executable", ["so", "bin", "elf"], "Linux program"),
        FileKind.MacProgram => new(kind, "application/x-mach-binary", ["dylib", "bundle"], "Mac program"),
        FileKind.Script => new(kind, "text/x-script", ["sh", "bash", "py", "pl", "rb"], "script"),
        _ => Unknown,
    };
}
