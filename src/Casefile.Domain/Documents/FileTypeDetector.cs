using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Casefile.Domain.Documents;

/// <summary>
/// Tells what a file really is from its first bytes (its "magic number"), because a file's name
/// is whatever the sender chose and proves nothing. Pure: the caller reads up to
/// <see cref="SniffLength"/> bytes and passes them in, saying whether that was the whole file.
/// </summary>
public static class FileTypeDetector
{
    /// <summary>How many leading bytes the detector wants; enough to see a zip's first entries.</summary>
    public const int SniffLength = 64 * 1024;

    /// <param name="head">The first bytes of the content (up to <see cref="SniffLength"/>).</param>
    /// <param name="isWholeFile">True when <paramref name="head"/> is the complete content, so a
    /// text check need not allow for a character cut in half at the end.</param>
    public static DetectedFileType Detect(ReadOnlySpan<byte> head, bool isWholeFile = false) =>
        DetectedFileType.For(DetectKind(head, isWholeFile));

    public static FileKind DetectKind(ReadOnlySpan<byte> head, bool isWholeFile = false)
    {
        if (head.IsEmpty) return FileKind.Unknown;

        if (head.StartsWith("%PDF-"u8)) return FileKind.Pdf;
        if (Starts(head, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return FileKind.Png;
        if (Starts(head, [0xFF, 0xD8, 0xFF])) return FileKind.Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return FileKind.Gif;
        if (Starts(head, [(byte)'I', (byte)'I', 0x2A, 0x00]) || Starts(head, [(byte)'M', (byte)'M', 0x00, 0x2A])) return FileKind.Tiff;
        if (head.Length >= 14 && head.StartsWith("BM"u8) && IsBmp(head)) return FileKind.Bmp;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return FileKind.WebP;
        if (IsHeic(head)) return FileKind.Heic;
        if (Starts(head, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return FileKind.LegacyOffice;
        if (head.StartsWith("{\\rtf"u8)) return FileKind.Rtf;
        if (head.StartsWith("PK\x03\x04"u8)) return ZipContainerKind(head);
        if (head.StartsWith("PK\x05\x06"u8)) return FileKind.Zip; // an empty zip
        if (head.StartsWith("MZ"u8)) return FileKind.WindowsProgram;
        if (Starts(head, [0x7F, (byte)'E', (byte)'L', (byte)'F'])) return FileKind.LinuxProgram;
        if (IsMachO(head)) return FileKind.MacProgram;
        if (head.StartsWith("#!"u8)) return FileKind.Script;

        var text = SkipUtf8Bom(head);
        if (!IsUtf8Text(text, isWholeFile)) return FileKind.Unknown;
        return LooksLikeEmail(text) ? FileKind.Eml : FileKind.PlainText;
    }

    private static bool Starts(ReadOnlySpan<byte> data, ReadOnlySpan<byte> magic) => data.StartsWith(magic);

    private static bool IsBmp(ReadOnlySpan<byte> head)
    {
        // BITMAPFILEHEADER: two reserved zero words, then the pixel offset; the info header that
        // follows is 12 (OS/2) or 40+ bytes long. Plain text starting "BM" fails this.
        if (BinaryPrimitives.ReadUInt32LittleEndian(head[6..10]) != 0) return false;
        if (head.Length < 18) return true;
        var infoSize = BinaryPrimitives.ReadUInt32LittleEndian(head[14..18]);
        return infoSize is 12 or 16 or 40 or 52 or 56 or 64 or 108 or 124;
    }

    private static bool IsHeic(ReadOnlySpan<byte> head)
    {
        // ISO base media: [size]["ftyp"][major brand]...; HEIF stills use these brands.
        if (head.Length < 12 || !head[4..8].SequenceEqual("ftyp"u8)) return false;
        var brand = Encoding.ASCII.GetString(head[8..12]);
        return brand is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1";
    }

    private static bool IsMachO(ReadOnlySpan<byte> head) =>
        Starts(head, [0xFE, 0xED, 0xFA, 0xCE]) || Starts(head, [0xFE, 0xED, 0xFA, 0xCF]) ||
        Starts(head, [0xCE, 0xFA, 0xED, 0xFE]) || Starts(head, [0xCF, 0xFA, 0xED, 0xFE]);

    /// <summary>
    /// Office Open XML and OpenDocument files are zips; what is inside says which. ODF puts an
    /// uncompressed <c>mimetype</c> entry first; OOXML has <c>[Content_Types].xml</c> and a
    /// <c>word/</c>, <c>xl/</c> or <c>ppt/</c> folder among its first entries.
    /// </summary>
    private static FileKind ZipContainerKind(ReadOnlySpan<byte> head)
    {
        var sawContentTypes = false;
        var first = true;
        foreach (var entry in LocalEntries(head))
        {
            if (first && entry.Name == "mimetype")
            {
                var mime = Encoding.ASCII.GetString(entry.StoredData).Trim();
                return mime switch
                {
                    "application/vnd.oasis.opendocument.text" => FileKind.Odt,
                    "application/vnd.oasis.opendocument.spreadsheet" => FileKind.Ods,
                    "application/vnd.oasis.opendocument.presentation" => FileKind.Odp,
                    _ => FileKind.Zip,
                };
            }
            first = false;
            if (entry.Name == "[Content_Types].xml") sawContentTypes = true;
            if (sawContentTypes || entry.Name.StartsWith("_rels/", StringComparison.Ordinal))
            {
                if (entry.Name.StartsWith("word/", StringComparison.Ordinal)) return FileKind.Docx;
                if (entry.Name.StartsWith("xl/", StringComparison.Ordinal)) return FileKind.Xlsx;
                if (entry.Name.StartsWith("ppt/", StringComparison.Ordinal)) return FileKind.Pptx;
            }
        }
        return FileKind.Zip;
    }

    private readonly ref struct ZipEntry(string name, ReadOnlySpan<byte> storedData)
    {
        public string Name { get; } = name;
        public ReadOnlySpan<byte> StoredData { get; } = storedData;
    }

    private ref struct ZipEntryEnumerator(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _next;

        public ZipEntry Current { get; private set; }

        public readonly ZipEntryEnumerator GetEnumerator() => this;

        /// <summary>
        /// Walks local file headers. When an entry's size is known it jumps over the data;
        /// when it is not (sizes in a trailing data descriptor) it searches for the next header
        /// signature, which is good enough to read names.
        /// </summary>
        public bool MoveNext()
        {
            while (_next >= 0 && _next + 30 <= _data.Length)
            {
                var at = _next;
                if (!_data[at..].StartsWith("PK\x03\x04"u8))
                {
                    var found = _data[(at + 1)..].IndexOf("PK\x03\x04"u8);
                    if (found < 0) return false;
                    _next = at + 1 + found;
                    continue;
                }
                var flags = BinaryPrimitives.ReadUInt16LittleEndian(_data[(at + 6)..]);
                var compressed = BinaryPrimitives.ReadUInt32LittleEndian(_data[(at + 18)..]);
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(_data[(at + 26)..]);
                var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(_data[(at + 28)..]);
                var nameStart = at + 30;
                if (nameStart + nameLength > _data.Length) return false;
                var name = Encoding.UTF8.GetString(_data.Slice(nameStart, nameLength));
                var dataStart = nameStart + nameLength + extraLength;
                var sizeKnown = (flags & 0x08) == 0 && compressed != 0xFFFFFFFF;
                var dataEnd = sizeKnown ? (long)dataStart + compressed : dataStart;
                var stored = dataStart <= _data.Length && sizeKnown
                    ? _data[dataStart..(int)Math.Min(dataEnd, _data.Length)]
                    : [];
                Current = new ZipEntry(name, stored);
                _next = sizeKnown && dataEnd <= int.MaxValue ? (int)dataEnd : at + 4;
                return true;
            }
            return false;
        }
    }

    private static ZipEntryEnumerator LocalEntries(ReadOnlySpan<byte> data) => new(data);

    private static ReadOnlySpan<byte> SkipUtf8Bom(ReadOnlySpan<byte> head) =>
        Starts(head, [0xEF, 0xBB, 0xBF]) ? head[3..] : head;

    private static bool IsUtf8Text(ReadOnlySpan<byte> text, bool isWholeFile)
    {
        if (text.IndexOf((byte)0) >= 0) return false;
        if (Utf8.IsValid(text)) return true;
        if (isWholeFile) return false;
        // The sniffed head may end part-way through a multi-byte character.
        for (var cut = 1; cut <= 3 && cut < text.Length; cut++)
            if (Utf8.IsValid(text[..^cut])) return true;
        return false;
    }

    // Headers that only mail software writes; a hand-typed note rarely starts with them.
    private static readonly string[] MailOnlyHeaders =
        ["received", "mime-version", "message-id", "return-path", "delivered-to", "dkim-signature", "authentication-results", "x-mailer", "x-originating-ip", "thread-index"];

    private static readonly string[] AddressHeaders = ["from", "to", "cc", "date", "subject", "sender", "reply-to"];

    /// <summary>
    /// An RFC 5322 message: the text opens with header lines (<c>Name: value</c>, folded lines
    /// start with white space) and those headers include either one only mail software writes
    /// (Received, MIME-Version, Message-ID...) or From with Date, To or Subject.
    /// </summary>
    private static bool LooksLikeEmail(ReadOnlySpan<byte> text)
    {
        var s = Encoding.UTF8.GetString(text.Length > 16 * 1024 ? text[..(16 * 1024)] : text);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = s.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) break; // end of the header block
            if (line[0] is ' ' or '\t')
            {
                if (names.Count == 0) return false;
                continue; // folded continuation
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) return i == lines.Length - 1 && names.Count > 0 && Decide(names); // cut off by the sniff
            var name = line[..colon];
            if (!name.All(c => c is > ' ' and < (char)127)) return false;
            names.Add(name);
        }
        return Decide(names);

        static bool Decide(HashSet<string> names) =>
            names.Count >= 2 &&
            (MailOnlyHeaders.Any(names.Contains) ||
             (names.Contains("from") && AddressHeaders.Count(names.Contains) >= 2));
    }
}
